import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInfoRecipients } from '../../../src/parse/fields/index.js';

test('info recipients without a TO line', () => {
  assert.deepEqual(parseInfoRecipients('R 010101Z JAN 09\nFM SECSTATE WASHDC\nINFO AMEMBASSY LIMA'), [
    { route: null, name: 'AMEMBASSY LIMA', precedence: null, mcn: null, excluded: [] },
  ]);
  assert.deepEqual(
    parseInfoRecipients('INFO RUEHXX/AMEMBASSY LIMA 0121\nRHMFIUU/12OS SOME AB XX').map((r) => [r.route, r.name, r.mcn]),
    [['RUEHXX', 'AMEMBASSY LIMA', '0121'], ['RHMFIUU', '12OS SOME AB XX', null]],
  );
});

test('info recipients: XMT excludes from the recipient just before it, collective or not', () => {
  const header = 'FM SECSTATE WASHDC\nTO AMEMBASSY LIMA\nINFO ALL DIPLOMATIC AND CONSULAR POSTS PRIORITY\nXMT AMEMBASSY QUITO';
  assert.deepEqual(parseInfoRecipients(header), [
    { route: null, name: 'ALL DIPLOMATIC AND CONSULAR POSTS', precedence: 'PRIORITY', mcn: null, excluded: ['AMEMBASSY QUITO'] },
  ]);
});

test('recipients: the body after BT is not read', () => {
  assert.deepEqual(parseInfoRecipients('TO AMEMBASSY LIMA\nBT\nINFO IS GOOD'), []);
});
