/** The 2011 cables.csv row format: escapes survive the project's CSV reader (fictional text). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cableCsvRow, csvCreated } from '../../src/web/bulk-data-rows.js';
import { readCsv } from '../../src/sources/csv-reader.js';
import { parsedCable } from '../web/web-fixture.js';

test('created times are written M/D/YYYY HH:MM without zero padding', () => {
  assert.equal(csvCreated('2009-03-05T07:04Z'), '3/5/2009 07:04');
  assert.equal(csvCreated('1966-12-28T18:48Z'), '12/28/1966 18:48');
  assert.equal(csvCreated(null), '');
});

test('quotes, backslashes and line breaks in header and body round-trip through the CSV reader', async () => {
  const body = 'C O N F I D E N T I A L\n\n1. (C) The minister said "no" twice.\nA path C:\\TEMP\\X and a backslash \\ alone.\n2. (U) End.\n';
  // (A backslash right before a line break cannot survive the 2011 format: its readers
  // drop a backslash before a newline. docs/mirrors.md says so.)
  const header = 'R 011200Z JAN 09\nFM AMEMBASSY NOWHERE\nTO SECSTATE WASHDC';
  const cable = parsedCable({ canonicalId: '09NOWHERE12', created: '2009-01-01T12:00Z', origin: 'Embassy Nowhere', classification: 'CONFIDENTIAL', references: ['08NOWHERE3', '08STATE45'], header, body });
  const dir = mkdtempSync(join(tmpdir(), 'cablegate-csv-row-'));
  try {
    const file = join(dir, 'cables.csv');
    const row = cableCsvRow(1, { canonicalId: '09NOWHERE12', releasedAt: null, currentVersion: 1, versionCount: 1, cable });
    assert.ok(row.startsWith('"1","1/1/2009 12:00","09NOWHERE12","Embassy Nowhere","CONFIDENTIAL","08NOWHERE3|08STATE45","R 011200Z JAN 09\\\nFM'));
    writeFileSync(file, row + row.replace('"1"', '"2"'));
    const items = [];
    for await (const item of readCsv(file)) items.push(item);
    assert.equal(items.length, 2);
    for (const item of items) {
      assert.ok(item.ok);
      assert.equal(item.record.body, body);
      assert.equal(item.record.header, header);
      assert.equal(item.record.meta.referenceId, '09NOWHERE12');
      assert.deepEqual(item.record.meta.referencedIds, ['08NOWHERE3', '08STATE45']);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
