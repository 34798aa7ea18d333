/**
 * An incremental export renders only the affected pages, yet leaves the mirror with
 * exactly the files a full export of the same archive writes: after releases (at new and
 * at old release times), a withdrawal, an embargo, a new version of a cited cable.
 * Runs on both stores (the export's render threads open the archive by its location).
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoCorpus } from '../../src/demo/generate-demo-corpus.js';
import { importArchive } from '../../src/import/import-archive.js';
import { cleanupStores, openLocation, storeFactories } from '../support/store-factories.js';
import type { Store } from '../../src/store/store.js';
import { exportSite, type ExportSummary } from '../../src/export/export-site.js';
import { STATE_FILE } from '../../src/export/export-state.js';
import { isDataFile } from '../../src/export/mirror-data-files.js';
import { verifyMirror } from '../../src/export/verify-mirror.js';

/** Path -> sha256 of the pages (the search index and bulk files are compared by their own tests). */
function pages(s: ExportSummary): Map<string, string> {
  return new Map(s.manifest.files.filter((f) => !isDataFile(f.path)).map((f) => [f.path, f.sha256]));
}

function assertSameFiles(what: string, incremental: ExportSummary, full: ExportSummary): void {
  const a = pages(incremental);
  const b = pages(full);
  const missing = [...b.keys()].filter((p) => !a.has(p));
  const extra = [...a.keys()].filter((p) => !b.has(p));
  const differ = [...b.keys()].filter((p) => a.has(p) && a.get(p) !== b.get(p));
  if (differ.length > 0) {
    // Show where the first differing page differs.
    const a1 = readFileSync(join(incremental.dir, differ[0]), 'utf8');
    const b1 = readFileSync(join(full.dir, differ[0]), 'utf8');
    let i = 0;
    while (i < a1.length && a1[i] === b1[i]) i++;
    assert.fail(`${what}: ${differ.length} pages differ from a full export, e.g. ${differ[0]} at ${i}: ${JSON.stringify(a1.slice(i - 80, i + 80))} vs ${JSON.stringify(b1.slice(i - 80, i + 80))}`);
  }
  assert.deepEqual({ missing, extra, differ }, { missing: [], extra: [], differ: [] }, what);
  const dataA = incremental.manifest.files.filter((f) => isDataFile(f.path)).map((f) => f.path);
  assert.ok(dataA.includes('cables.csv.gz') && dataA.some((p) => p.startsWith('search-index/')), 'data files are part of the incremental export');
}

after(cleanupStores);

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    let root: string;
    let dbFile: string;
    let store: Store;
    let held: string[];
    let cited: string[];

    before(async () => {
      root = mkdtempSync(join(tmpdir(), 'cablegate-incremental-'));
      await generateDemoCorpus({ count: 260, seed: 33, out: join(root, 'corpus') });
      dbFile = await factory.freshLocation('incremental');
      store = await openLocation(dbFile);
      await importArchive(store, [join(root, 'corpus')], { workers: 0 });
      const { rows } = await store.listCables({ releasedOnly: true, sort: 'id' });
      cited = [];
      for (const r of rows) if ((await store.citedBy(r.canonicalId, { releasedOnly: true })).length) cited.push(r.canonicalId);
      assert.ok(cited.length >= 4, 'the demo archive has cited cables');
      // Held back before the first export: some cited cables and a slice of others.
      held = [...cited.slice(0, 2), ...rows.slice(40, 70).map((r) => r.canonicalId).filter((id) => !cited.includes(id))];
      await store.setReleased(held, null);
    });

    after(async () => {
      rmSync(root, { recursive: true, force: true });
    });

    test('incremental exports write the same pages as full exports, rendering only what changed', async () => {
      const mirror = join(root, 'mirror');
      const first = await exportSite({ store, dbLocation: dbFile, dir: mirror, workers: 0 });
      assert.equal(first.mode, 'full');
      assert.match(first.reason, /first export/);

      // Nothing changed: incremental, only the archive-wide pages rendered, nothing written.
      const idle = await exportSite({ store, dbLocation: dbFile, dir: mirror, workers: 0 });
      assert.equal(idle.mode, 'incremental');
      assert.equal(idle.changedCables, 0);
      assert.equal(idle.written, 0, 'nothing changed, nothing written');
      assert.ok(idle.pagesRendered < first.pagesRendered / 5, `${idle.pagesRendered} pages rendered of ${first.pagesRendered}`);

      const steps: Array<[string, () => Promise<void>]> = [
        ['a release now of cables nobody cites, and of a cited cable', async () => {
          await store.setReleased([held[0], ...held.slice(2, 12)], '2011-03-01T10:00Z');
        }],
        ['a release at old release times', async () => {
          await store.setReleased(held.slice(12, 20), '2010-11-28T18:00Z');
        }],
        ['an embargo again and a withdrawal', async () => {
          await store.setReleased([cited[2]], null);
          const { rows } = await store.listCables({ releasedOnly: true, sort: 'id', limit: 1, offset: 5 });
          await store.applyRelease({ action: 'withdraw', items: [{ canonicalId: rows[0].canonicalId }], reason: 'test withdrawal' });
        }],
        ['a new version of a cited cable with another subject', async () => {
          let stored = null;
          for (const id of cited.slice(3)) if ((stored = await store.getCable(id, { releasedOnly: true }))) break;
          assert.ok(stored, 'a public cited cable');
          const versions = await store.getVersions(stored.canonicalId);
          const last = versions[versions.length - 1];
          await store.putCables([
            {
              raw: `${last.raw}\nCORRECTED`,
              source: 'test',
              format: last.format,
              parsed: { ...stored.cable, subject: 'A CORRECTED SUBJECT (FICTIONAL)' },
              releasedAt: stored.releasedAt,
            },
          ]);
        }],
      ];
      let n = 0;
      for (const [what, change] of steps) {
        await change();
        // Every other step renders on two threads (the cable pages start before the browse lists are made).
        const inc = await exportSite({ store, dbLocation: dbFile, dir: mirror, workers: n % 2 === 0 ? 0 : 2 });
        assert.equal(inc.mode, 'incremental', what);
        const fresh = await exportSite({ store, dbLocation: dbFile, dir: join(root, `full-${n++}`), workers: 0 });
        assert.equal(fresh.mode, 'full');
        assert.equal(inc.releasedCables, fresh.releasedCables, what);
        assertSameFiles(what, inc, fresh);
        assert.ok(inc.pagesRendered < fresh.pagesRendered / 2, `${what}: ${inc.pagesRendered} pages rendered of ${fresh.pagesRendered}`);
        assert.equal(inc.brokenLinks, 0, `${what}: ${inc.brokenLinkExamples.join(', ')}`);
        const report = await verifyMirror(mirror);
        assert.ok(report.ok, `${what}: verify ${JSON.stringify({ missing: report.missing.slice(0, 5), extra: report.extra.slice(0, 5), altered: report.altered.slice(0, 5) })}`);
      }
    });

    test('an export is full, and says why, without a usable state or with other settings', async () => {
      const mirror = join(root, 'reasons');
      await exportSite({ store, dbLocation: dbFile, dir: mirror, workers: 0 });
      const asked = await exportSite({ store, dbLocation: dbFile, dir: mirror, workers: 0, full: true });
      assert.deepEqual([asked.mode, asked.written], ['full', 0]);
      assert.match(asked.reason, /asked/);
      const other = await exportSite({ store, dbLocation: dbFile, dir: mirror, workers: 0, pageSize: 20 });
      assert.equal(other.mode, 'full');
      assert.match(other.reason, /settings/);
      unlinkSync(join(mirror, STATE_FILE));
      const lost = await exportSite({ store, dbLocation: dbFile, dir: mirror, workers: 0, pageSize: 20 });
      assert.equal(lost.mode, 'full');
      assert.match(lost.reason, /state/);
      assert.equal(lost.written, 0, 'the same pages again: nothing written');
      assert.ok((await verifyMirror(mirror)).ok);
    });
  });
}
