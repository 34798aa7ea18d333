/**
 * The CLI of the reading features: `export --announced-total` (the home page's "released /
 * total known") and `import-articles` (Markdown here; site pages in test/web/articles.test.ts).
 * Runs bin/cablegate.js on the compiled dist.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { makeParsedCable } from '../store/make-parsed-cable.js';
import { runCli } from './run-cli.js';

let dir: string;
let db: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cablegate-reading-cli-'));
  db = join(dir, 'archive.db');
  const store = SqliteStore.open(db);
  await store.putCables([
    { parsed: makeParsedCable({ canonicalId: '09RURITANIA1', created: '2009-01-02T03:04Z' }), raw: 'fictional A', source: '/fictional/a.html', format: 'site-page', releasedAt: '2010-11-28T18:00Z' },
    { parsed: makeParsedCable({ canonicalId: '09RURITANIA2', created: '2009-01-03T03:04Z' }), raw: 'fictional B', source: '/fictional/b.html', format: 'site-page', releasedAt: null },
  ]);
  await store.close();
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('export --announced-total: the home page reads released / the announced total', () => {
  const mirror = join(dir, 'mirror');
  const r = runCli(['export', mirror, '--db', db, '--workers', '0', '--no-bulk', '--quiet', '--announced-total', '251287']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(readFileSync(join(mirror, 'index.html'), 'utf8'), /Currently released so far\.\.\. 1 \/ 251,287/);
  const plain = runCli(['export', join(dir, 'mirror2'), '--db', db, '--workers', '0', '--no-bulk', '--quiet']);
  assert.equal(plain.code, 0, plain.stderr);
  assert.match(readFileSync(join(dir, 'mirror2', 'index.html'), 'utf8'), /Currently released so far\.\.\. 1 \/ 2</, 'the archive holds 2 cables');
  const bad = runCli(['serve', '--db', db, '--announced-total', 'many']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--announced-total must be an integer/);
});

test('import-articles: Markdown files in, each bad file named with its reason, exit 1 when one is rejected', () => {
  const drafts = join(dir, 'drafts');
  mkdirSync(drafts, { recursive: true });
  writeFileSync(join(drafts, 'good.md'), '---\ntitle: A fictional article\ndate: 2026-12-04\ncables: 09RURITANIA1\n---\nSome *text*.\n');
  let r = runCli(['import-articles', drafts, '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'articles: read 1, new 1, changed 0, unchanged 0, rejected 0');
  writeFileSync(join(drafts, 'bad.md'), 'no front matter');
  r = runCli(['import-articles', drafts, '--db', db]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout.trim(), 'articles: read 2, new 0, changed 0, unchanged 1, rejected 1');
  assert.match(r.stderr, /rejected: E_ARTICLE_INVALID .*bad\.md: an article needs a front matter/);
  r = runCli(['import-articles', join(dir, 'nothing-here'), '--db', db]);
  assert.equal(r.code, 1);
});
