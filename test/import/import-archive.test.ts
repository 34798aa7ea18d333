import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { extracted, listFiles, needsCorpus } from '../support/corpus.js';
import { importArchive } from '../../src/import/import-archive.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { SourceReject } from '../../src/domain/source-record.js';
import { fictionalTextCable, fictionalTextCableId } from './fictional-text-cable.js';

const work = mkdtempSync(join(tmpdir(), 'cablegate-import-'));
after(() => rmSync(work, { recursive: true, force: true }));

function freshStore(name: string): SqliteStore {
  return SqliteStore.open(join(work, `${name}.db`));
}

/** A handful of real pages copied into a temp folder (the project ships no real text). */
function copyPages(dir: string, count: number): string[] {
  const pages = listFiles(join(extracted('site-2010-11-early-cables'), 'cable'), '.html');
  assert.ok(pages.length >= count, 'corpus has enough pages');
  mkdirSync(dir, { recursive: true });
  // Spread over the corpus rather than the first few of one month.
  const step = Math.floor(pages.length / count);
  return Array.from({ length: count }, (_, i) => {
    const target = join(dir, basename(pages[i * step]));
    copyFileSync(pages[i * step], target);
    return target;
  });
}

test('import of site pages: counts, release dates from the pages, idempotent reimport', needsCorpus(), async () => {
  const dir = join(work, 'pages');
  const files = copyPages(dir, 8);
  const store = freshStore('pages');
  try {
    const first = await importArchive(store, [dir], { batchSize: 3 });
    assert.equal(first.read, files.length);
    assert.equal(first.new, files.length);
    assert.equal(first.stored, files.length);
    assert.equal(first.changed + first.unchanged + first.rejected, 0);
    assert.ok(first.bytes > 0);
    const stats = await store.stats();
    assert.equal(stats.total, files.length);
    assert.equal(stats.versions, files.length);

    // Pages of the later early builds show a release date; the store keeps it.
    const listed = await store.listCables({ sort: 'id' });
    for (const row of listed.rows) {
      const got = await store.getCable(row.canonicalId);
      assert.equal(got?.releasedAt, got?.cable.released ?? null, `${row.canonicalId}: releasedAt is the page's release date`);
    }
    assert.ok(stats.released > 0, 'some pages show a release date');

    const again = await importArchive(store, [dir], { batchSize: 3 });
    assert.deepEqual(
      { read: again.read, new: again.new, changed: again.changed, unchanged: again.unchanged, rejected: again.rejected },
      { read: files.length, new: 0, changed: 0, unchanged: files.length, rejected: 0 },
    );
    assert.equal((await store.stats()).versions, files.length, 'nothing was added');
  } finally {
    await store.close();
  }
});

test('import: a changed text of a known cable becomes a new current version, the old one is kept', needsCorpus(), async () => {
  const dir = join(work, 'changed');
  const [file] = copyPages(dir, 1);
  const store = freshStore('changed');
  try {
    await importArchive(store, [dir]);
    const [{ canonicalId }] = (await store.listCables({})).rows;
    const before = await store.getVersions(canonicalId);
    const html = readFileSync(file, 'utf8');
    // Another build of the same cable: the same page with one more word in the body.
    const edited = html.replace(/(&#x000A;¶|¶)/, '$1 REVISED');
    assert.notEqual(edited, html);
    writeFileSync(file, edited);
    const s = await importArchive(store, [dir]);
    assert.deepEqual([s.new, s.changed, s.unchanged], [0, 1, 0]);
    const versions = await store.getVersions(canonicalId);
    assert.equal(versions.length, 2);
    assert.equal(versions[0].raw, before[0].raw, 'the first text is kept verbatim');
    assert.equal(versions[1].raw, edited);
    assert.equal((await store.getCable(canonicalId))?.currentVersion, 2);
  } finally {
    await store.close();
  }
});

test('import: rejects are reported with the file and reason, the import goes on', async () => {
  const dir = join(work, 'rejects');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'a-good.txt'), fictionalTextCable(12));
  writeFileSync(join(dir, 'b-empty.txt'), '');
  writeFileSync(join(dir, 'c-no-id.txt'), 'UNCLASSIFIED\n\nSUBJECT: FICTIONAL NOTE WITHOUT ANY IDENTIFIER\n\n1. (U) Nothing here.\n');
  writeFileSync(join(dir, 'd-good.txt'), fictionalTextCable(13));
  const rejects: SourceReject[] = [];
  const store = freshStore('rejects');
  try {
    const s = await importArchive(store, [dir], { onReject: (r) => rejects.push(r), workers: 1 });
    assert.equal(s.read, 4);
    assert.equal(s.new, 2);
    assert.equal(s.rejected, 2);
    assert.deepEqual(rejects.map((r) => basename(r.source)).sort(), ['b-empty.txt', 'c-no-id.txt']);
    const noId = rejects.find((r) => r.source.endsWith('c-no-id.txt'));
    assert.equal(noId?.code, 'E_INVALID_ID');
    assert.match(noId?.reason ?? '', /canonical/);
    assert.deepEqual([...(await store.existingIds([fictionalTextCableId(12), fictionalTextCableId(13)]))].sort(), [
      fictionalTextCableId(12),
      fictionalTextCableId(13),
    ]);
  } finally {
    await store.close();
  }
});

test('import: text sources are unreleased unless releasedAt is given; inline and worker parsing agree', async () => {
  const dir = join(work, 'released');
  mkdirSync(dir, { recursive: true });
  for (let i = 20; i < 26; i++) writeFileSync(join(dir, `${i}.txt`), fictionalTextCable(i));
  const plain = freshStore('released-none');
  const dated = freshStore('released-dated');
  try {
    const a = await importArchive(plain, [dir], { workers: 0 });
    const b = await importArchive(dated, [dir], { workers: 2, releasedAt: '2010-11-28T18:00Z', batchSize: 2 });
    assert.equal(a.new, 6);
    assert.equal(b.new, 6);
    assert.equal((await plain.stats()).released, 0);
    assert.equal((await dated.stats()).released, 6);
    assert.equal((await dated.getCable(fictionalTextCableId(21)))?.releasedAt, '2010-11-28T18:00Z');
    assert.deepEqual((await plain.getCable(fictionalTextCableId(21)))?.cable, (await dated.getCable(fictionalTextCableId(21)))?.cable);
  } finally {
    await plain.close();
    await dated.close();
  }
});
