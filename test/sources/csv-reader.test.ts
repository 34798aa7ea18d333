import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSources } from '../../src/sources/read-sources.js';
import { readCsv, csvRawToItem } from '../../src/sources/csv-reader.js';
import type { SourceItem } from '../../src/domain/source-record.js';
import { parseCable } from '../../src/parse/cable.js';

/** A field as the 2011 dump wrote it: double-quoted, `"` and `\` escaped with a backslash, a backslash before each newline. */
const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\\n')}"`;

const HEADER1 = 'P 281848Z DEC 66\nFM AMEMBASSY FOO BAR\nTO SECSTATE WASHDC 0001';
const BODY1 = 'UNCLASSIFIED FOO BAR 2481\n\nSUBJECT: THE "QUOTED" WORD AND A BACK\\SLASH\n\n1. A FICTIONAL PARAGRAPH.\nSECOND LINE.';
const HEADER2 = 'R 010203Z JAN 09\nFM AMCONSUL BAZ\nTO SECSTATE WASHDC';
const BODY2 = 'C O N F I D E N T I A L BAZ 000007\n\nNOFORN\n\n1. (C/NF) SHORT.';

function csvText(): string {
  const row1 = ['1', '12/28/1966 18:48', '66FOOBAR2481', 'Embassy Foo Bar', 'UNCLASSIFIED', '66STATE106206|66STATE1', HEADER1, BODY1].map(q).join(',');
  const bad = ['2', '1/2/2009 2:03', 'ONLY THREE COLUMNS'].map(q).join(',');
  const row3 = ['3', '1/1/2009 2:03', '09BAZ7', 'Consulate Baz', 'CONFIDENTIAL//NOFORN', '', HEADER2, BODY2].map(q).join(',');
  return `${row1}\n${bad}\n${row3}\n`;
}

async function collect(it: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const x of it) out.push(x);
  return out;
}

test('cables.csv: escapes, multi-line fields, a bad row rejected and the rest read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-csv-'));
  try {
    const path = join(dir, 'cables.csv');
    writeFileSync(path, csvText());
    const items = await collect(readSources([path]));
    assert.equal(items.length, 3);
    const [a, b, c] = items;
    assert.ok(a.ok && c.ok);
    assert.ok(!b.ok);
    if (!b.ok) {
      assert.equal(b.reject.code, 'E_CSV_MALFORMED');
      assert.equal(b.reject.source, `${path}#row2`);
    }
    if (!a.ok || !c.ok) return;
    assert.equal(a.record.source, `${path}#row1`);
    assert.equal(a.record.format, 'csv');
    assert.equal(a.record.header, HEADER1);
    assert.equal(a.record.body, BODY1);
    assert.deepEqual(a.record.meta, {
      referenceId: '66FOOBAR2481',
      created: '12/28/1966 18:48',
      origin: 'Embassy Foo Bar',
      classification: 'UNCLASSIFIED',
      referencedIds: ['66STATE106206', '66STATE1'],
    });
    assert.equal(c.record.source, `${path}#row3`);
    assert.equal(c.record.meta.classification, 'CONFIDENTIAL//NOFORN');
    // raw round-trips to the same record
    const again = csvRawToItem(a.record.raw, 'again');
    assert.ok(again.ok);
    if (again.ok) {
      assert.equal(again.record.body, BODY1);
      assert.equal(again.record.header, HEADER1);
    }
    const parsed = parseCable(a.record);
    assert.equal(parsed.created, '1966-12-28T18:48Z');
    assert.equal(parsed.createdDisplayed, '12/28/1966 18:48');
    assert.equal(parsed.canonicalId, '66FOOBAR2481');
    assert.equal(parsed.origin, 'Embassy Foo Bar');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cables.csv: unterminated quote at the end is a reject, earlier rows still read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-csv-'));
  try {
    const path = join(dir, 'broken.csv');
    const good = ['1', '1/1/2009 2:03', '09BAZ7', 'Consulate Baz', 'CONFIDENTIAL', '', HEADER2, BODY2].map(q).join(',');
    writeFileSync(path, `${good}\n"2","1/1/2009 2:03","09BAZ8","Consulate Baz","SECRET","","R 01`);
    const items = await collect(readCsv(path));
    assert.ok(items[0].ok);
    assert.ok(items.length >= 2);
    assert.ok(items.slice(1).every((i) => !i.ok));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
