/**
 * Public pages and mirrors name a version's source by its kind, never by the path it was
 * imported from (the publisher's machine layout); every absolute URL of a mirror is made
 * from `--base-url`, and a mirror exported without one says what it lacks.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PassThrough } from 'node:stream';
import { generateDemoCorpus } from '../../src/demo/generate-demo-corpus.js';
import { importArchive } from '../../src/import/import-archive.js';
import { cleanupStores, openLocation, storeFactories } from '../support/store-factories.js';
import type { Store } from '../../src/store/store.js';
import { createApp } from '../../src/web/app.js';
import { exportSite } from '../../src/export/export-site.js';
import { exportJsonl } from '../../src/cli/commands/export-jsonl.js';

after(cleanupStores);

/** A folder name a publisher would not want published. */
const PRIVATE = 'publisher-jdoe-private';

function filesBelow(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(join(e.parentPath, e.name));
  return out;
}

function textOf(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

async function jsonlOf(store: Store, options: { private?: boolean }): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportJsonl(store, out, options);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    let root: string;
    let store: Store;
    let dbFile: string;
    let changedPath: string;

    before(async () => {
      root = mkdtempSync(join(tmpdir(), 'cablegate-sources-'));
      const corpus = join(root, 'home', PRIVATE, 'corpus');
      await generateDemoCorpus({ count: 30, seed: 5, out: corpus });
      dbFile = await factory.freshLocation('sources');
      store = await openLocation(dbFile);
      assert.equal((await importArchive(store, [corpus], { workers: 0 })).rejected, 0);
      // A corrected text of one cable, from another folder: a second public version (and a diff page).
      const { rows } = await store.listCables({ releasedOnly: true, sort: 'id', limit: 1 });
      const id = rows[0].canonicalId;
      const file = filesBelow(corpus).find((f) => f.endsWith(`/${id}.html`))!;
      const second = join(root, 'home', PRIVATE, 'corrections', 'cable');
      mkdirSync(second, { recursive: true });
      writeFileSync(join(second, `${id}.html`), readFileSync(file, 'utf8').replace('FICTIONAL CABLE', 'FICTIONAL (CORRECTED) CABLE'));
      const summary = await importArchive(store, [join(root, 'home', PRIVATE, 'corrections')], { workers: 0 });
      assert.equal(summary.changed, 1);
      const stored = (await store.getCable(id, { releasedOnly: true }))!;
      assert.equal(stored.versionCount, 2);
      changedPath = `/cable/${stored.cable.created!.slice(0, 4)}/${stored.cable.created!.slice(5, 7)}/${id}`;
    });

    after(() => rmSync(root, { recursive: true, force: true }));

    test('cable page, its JSON twin and the diff page name the source by kind, never by path', async () => {
      const app = createApp(store, { cacheTtlMs: 0, logError: (e) => { throw e; } });
      const pages = [`${changedPath}.html`, `${changedPath}.json`, `${changedPath}/diff-1-2.html`, `${changedPath}/diff-1-2.json`];
      for (const path of pages) {
        const res = await app.request(path);
        assert.equal(res.status, 200, path);
        const text = await res.text();
        assert.ok(!text.includes(PRIVATE), `${path} shows the import path`);
        assert.ok(!text.includes(root), `${path} shows the import path`);
      }
      const data = JSON.parse(await (await app.request(`${changedPath}.json`)).text());
      assert.deepEqual(data.versions.map((v: { source: string }) => v.source), ['site page', 'site page']);
      assert.match(await (await app.request(`${changedPath}.html`)).text(), /<td>site page<\/td>/);
    });

    test('the archive keeps the path for the publisher: export-jsonl --private has it, the default does not', async () => {
      const full = await jsonlOf(store, { private: true });
      assert.ok(full.includes(PRIVATE));
      const shared = await jsonlOf(store, {});
      assert.ok(!shared.includes(PRIVATE));
      assert.match(shared, /"source":"site page"/);
    });

    test('a mirror exported with --base-url: no import path, no localhost, every absolute URL on the base URL', async () => {
      const mirror = join(root, 'mirror');
      const summary = await exportSite({ store, dbLocation: dbFile, dir: mirror, workers: 0, baseUrl: 'https://mirror.example.org/' });
      assert.equal(summary.needsBaseUrl, false);
      const files = filesBelow(mirror);
      assert.ok(files.some((f) => f.endsWith('sitemap.xml')), 'the sitemap is written');
      assert.ok(files.some((f) => f.endsWith('releases.atom')), 'the feed is written');
      let absolute = 0;
      for (const f of files) {
        const text = textOf(f);
        assert.ok(!text.includes(PRIVATE), `${f} shows the import path`);
        assert.ok(!/localhost/.test(text), `${f} names localhost`);
        for (const m of text.matchAll(/(?:<loc>|href=")(https?:\/\/[^<"]+)/g)) {
          if (/\.(xml|atom|txt)$/.test(f)) {
            absolute++;
            assert.ok(m[1].startsWith('https://mirror.example.org/'), `${f}: ${m[1]}`);
          }
        }
      }
      assert.ok(absolute > 30, `${absolute} absolute URLs checked`);
      assert.match(readFileSync(join(mirror, 'robots.txt'), 'utf8'), /^Sitemap: https:\/\/mirror\.example\.org\/sitemap\.xml$/m);
    });

    test('a mirror exported without a base URL: no localhost, root-relative feeds, no sitemap, and the summary says so', async () => {
      const mirror = join(root, 'mirror-nobase');
      const summary = await exportSite({ store, dbLocation: dbFile, dir: mirror, workers: 0 });
      assert.equal(summary.needsBaseUrl, true);
      const files = filesBelow(mirror);
      assert.ok(!files.some((f) => /sitemap[-0-9]*\.xml$/.test(f)));
      for (const f of files) assert.ok(!/localhost/.test(textOf(f)), `${f} names localhost`);
      const feed = readFileSync(join(mirror, 'feeds', 'releases.atom'), 'utf8');
      assert.match(feed, /<link href="\/cable\//);
    });
  });
}
