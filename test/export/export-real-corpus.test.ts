/**
 * A mirror of the real 2010-12-10 site archive (read from the shared corpus at run time):
 * every link of every exported page resolves, paragraph permalinks included, and the
 * mirror verifies. Skipped without the corpus, except in CI where it fails.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importArchive } from '../../src/import/import-archive.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { exportSite, type ExportSummary } from '../../src/export/export-site.js';
import { verifyMirror } from '../../src/export/verify-mirror.js';
import { cablePath } from '../../src/web/paths.js';
import { extracted, needsCorpus } from '../support/corpus.js';
import { checkMirrorLinks } from './mirror-link-check.js';

const opts = needsCorpus();
let dir: string;
let store: Store | null = null;
let summary: ExportSummary;

before(async () => {
  if (opts.skip) return;
  dir = mkdtempSync(join(tmpdir(), 'cablegate-export-real-'));
  store = await openStore(join(dir, 'archive.db'));
  const imported = await importArchive(store, [join(extracted('site-2010-12-10-complete'), 'cable')], { workers: 2 });
  assert.ok(imported.stored > 1000, `${imported.stored} cables stored`);
  summary = await exportSite({ store, dbLocation: join(dir, 'archive.db'), dir: join(dir, 'mirror'), workers: 2 });
});

after(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the real archive exports with every link and paragraph permalink resolving', opts, async () => {
  const released = await store!.listCables({ releasedOnly: true, sort: 'id' });
  assert.equal(summary.releasedCables, released.total);
  assert.equal(summary.brokenLinks, 0, summary.brokenLinkExamples.join(', '));
  const check = checkMirrorLinks(join(dir, 'mirror'), summary.manifest);
  assert.deepEqual(check.broken.slice(0, 20), []);
  assert.ok(check.fragments > released.total, `${check.fragments} permalinks checked`);
  // A cable with a numbered paragraph: its page carries the anchor and links to it.
  let found = false;
  for (const row of released.rows) {
    const stored = await store!.getCable(row.canonicalId, { releasedOnly: true });
    if (!stored || stored.cable.paragraphs.length < 2) continue;
    const page = readFileSync(join(dir, 'mirror', cablePath(row.canonicalId, row.created).slice(1)), 'utf8');
    assert.match(page, /<a class="par" id="par2" href="#par2"/, row.canonicalId);
    found = true;
    break;
  }
  assert.ok(found, 'some real cable has numbered paragraphs');
  const report = await verifyMirror(join(dir, 'mirror'));
  assert.equal(report.ok, true);
});
