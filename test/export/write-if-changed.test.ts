/**
 * writeIfChanged: a new file is written (folders made); the same bytes again are not;
 * other bytes are written over the old file in place, shorter or longer, leaving exactly
 * the new bytes; a file gone since the previous export is written again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex, writeIfChanged } from '../../src/export/render-page.js';

test('writeIfChanged writes new and changed bytes, exactly, and skips the same bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cablegate-write-'));
  try {
    const file = 'tag/FICTION_0.html';
    const put = (text: string, previous: { sha256: string | null; size: number | null }) => {
      const bytes = Buffer.from(text);
      return { written: writeIfChanged(dir, file, bytes, sha256Hex(bytes), previous), entry: { sha256: sha256Hex(bytes), size: bytes.byteLength } };
    };
    const none = { sha256: null, size: null };
    const first = put('a fictional page, long enough to be cut later', none);
    assert.equal(first.written, true);
    assert.equal(readFileSync(join(dir, file), 'utf8'), 'a fictional page, long enough to be cut later');
    assert.equal(put('a fictional page, long enough to be cut later', first.entry).written, false, 'same bytes: not written');
    const shorter = put('shorter', first.entry);
    assert.equal(shorter.written, true);
    assert.equal(readFileSync(join(dir, file), 'utf8'), 'shorter', 'no old bytes left after the new ones');
    const longer = put('a longer fictional page than before', shorter.entry);
    assert.equal(longer.written, true);
    assert.equal(readFileSync(join(dir, file), 'utf8'), 'a longer fictional page than before');
    rmSync(join(dir, 'tag'), { recursive: true });
    assert.equal(put('a longer fictional page than before', longer.entry).written, true, 'a missing file is written again');
    assert.equal(readFileSync(join(dir, file), 'utf8'), 'a longer fictional page than before');
    rmSync(join(dir, 'tag'), { recursive: true });
    assert.equal(put('other bytes', longer.entry).written, true, 'a changed file whose folder is gone is written');
    assert.equal(readFileSync(join(dir, file), 'utf8'), 'other bytes');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
