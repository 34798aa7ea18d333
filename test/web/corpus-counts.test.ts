/**
 * The whole real corpus imported into one archive, on every store: the counts the site shows
 * (home, classification, origin and release-day pages, read through their JSON twins)
 * are exactly the counts `cablegate stats --json` gives for the same archive.
 * The plain-text cables have no release time, so they count in the home page's total
 * but in no browse page.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Hono } from 'hono';
import { DirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { importArchive, type ImportSummary } from '../../src/import/import-archive.js';
import type { ArchiveStats, Store } from '../../src/store/store.js';
import { createApp } from '../../src/web/app.js';
import { CORPUS_ARCHIVES, corpusAvailable, corpusDir, extracted, needsCorpus } from '../support/corpus.js';
import { cleanupStores, openLocation, storeFactories } from '../support/store-factories.js';

const run = promisify(execFile);

/** Every cable source of the corpus: the tarballs' cable folders plus the loose folders. */
function corpusPaths(): string[] {
  const paths: string[] = [];
  for (const name of CORPUS_ARCHIVES) {
    const root = extracted(name);
    for (const sub of ['cable', 'cables']) if (existsSync(join(root, sub))) paths.push(join(root, sub));
  }
  for (const loose of ['site-2011-08-final', 'plaintext-2011-unredacted']) paths.push(join(corpusDir, loose));
  return paths;
}

/**
 * `cablegate stats --json [--released-only] --db LOCATION`, run as a separate process through
 * the CLI's own entry function (compiled or, under tsx, from source).
 */
async function cliStats(db: string, releasedOnly: boolean): Promise<ArchiveStats> {
  const main = new URL('../../src/cli/main.js', import.meta.url).href;
  const script = `const { run } = await import(${JSON.stringify(main)}); process.exitCode = await run(['node', 'cablegate', ...process.argv.slice(1)]);`;
  const args = ['stats', '--json', '--db', db, ...(releasedOnly ? ['--released-only'] : [])];
  const { stdout } = await run(process.execPath, [...process.execArgv.filter((a) => !a.startsWith('--test')), '--input-type=module', '-e', script, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as ArchiveStats;
}

after(cleanupStores);

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    let db: string;
    let store: Store | null = null;
    let app: Hono;
    let summary: ImportSummary;

    before(async () => {
      if (!corpusAvailable() && process.env.CI !== 'true') return;
      db = await factory.freshLocation('counts');
      store = await openLocation(db);
      summary = await importArchive(store, corpusPaths(), { workers: 2 });
      app = createApp(store, { cacheTtlMs: 0, logError: (e) => { throw e; } });
    });

    after(async () => {
      await store?.close();
    });

    async function getJson(path: string) {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      return res.json();
    }

    const jsonOf = (url: string) => url.replace(/\.html$/, '.json');

    test('home, classification, origin and release-day pages show the counts of `cablegate stats`', needsCorpus(), async () => {
      assert.ok(store, 'the corpus archive was imported');
      // Texts of known cables that say the same again (another build) are sightings, counted as unchanged, not stored.
      assert.ok(summary.stored + summary.unchanged > 9000, `the whole corpus was imported (${summary.stored} stored, ${summary.unchanged} seen again)`);
      const all = await cliStats(db, false);
      const released = await cliStats(db, true);
      assert.ok(all.total > released.total, 'the plain-text cables are in the archive but unreleased');
      assert.equal(released.total, all.released);

      const home = await getJson('/index.json');
      assert.equal(home.total, all.total, 'home page TOTAL');
      assert.equal(home.released, all.released, 'home page released count');
      assert.equal(home.figures.origins, Object.keys(released.byOrigin).length, 'home page origin count');

      // Classifications: index counts and each browse page's total.
      const classes = await getJson('/classification/index.json');
      const shownClasses: Record<string, number> = {};
      for (const c of classes.classifications) {
        shownClasses[c.key] = c.count;
        assert.equal((await getJson(jsonOf(c.url))).total, c.count, `classification page ${c.key}`);
      }
      assert.deepEqual(shownClasses, released.byClassification);
      const sumOf = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
      // Cables whose classification could not be read are in no classification page (nor in the stats' table).
      assert.equal(classes.total, sumOf(released.byClassification));
      assert.ok(classes.total <= released.released);

      // Origins: index counts and each browse page's total.
      const origins = await getJson('/origin/index.json');
      const shownOrigins: Record<string, number> = {};
      for (const g of origins.groups) {
        for (const o of g.items) {
          assert.equal(shownOrigins[o.key], undefined, `origin ${o.key} listed once`);
          shownOrigins[o.key] = o.count;
          assert.equal((await getJson(jsonOf(o.url))).total, o.count, `origin page ${o.key}`);
        }
      }
      assert.deepEqual(shownOrigins, released.byOrigin);
      assert.equal(origins.total, sumOf(released.byOrigin));
      assert.ok(origins.total <= released.released);

      // Release days: each day's page has the index's count; together they are every released cable.
      const days = await getJson('/reldate/index.json');
      assert.equal(days.days.length, home.figures.releaseDays);
      let sum = 0;
      for (const d of days.days) {
        const page = await getJson(jsonOf(d.url));
        assert.equal(page.total, d.count, `release day ${d.key}`);
        sum += page.total;
      }
      assert.equal(sum, released.released, 'release days add up to the released count');
      assert.equal(days.total, released.released);

      // The map places every origin of the corpus or lists it beside the map.
      assert.equal(origins.map.placed.length + origins.map.unplaced.length, Object.keys(released.byOrigin).length, 'every origin on the map or beside it');
    });

    test("the reference graph file (GEXF) reads back with graphology-gexf: the archive's public cables and references", needsCorpus(), async () => {
      assert.ok(store, 'the corpus archive was imported');
      const res = await app.request('/references.gexf');
      assert.equal(res.status, 200);
      const graph = parseGexf(DirectedGraph, await res.text());
      const released = await cliStats(db, true);
      assert.equal(graph.order, released.released, 'one node per public cable');
      const ids = (await store.publicDigest()).map((r) => r.canonicalId);
      const references = await store.referenceEdges(ids, { releasedOnly: true });
      assert.ok(references.length > 100, `${references.length} public references in the corpus`);
      assert.equal(graph.size, references.length, 'one edge per public reference');
      for (const e of references.slice(0, 200)) assert.ok(graph.hasDirectedEdge(e.from, e.to), `${e.from} cites ${e.to}`);
    });
  });
}
