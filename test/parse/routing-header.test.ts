/** Routing headers in the layouts real text files come in (issue 14): any case, glued onto one line. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRoutingHeader, unglueHeader } from '../../src/parse/routing-header.js';
import { splitHeaderBody } from '../../src/parse/plain-text.js';
import { parseCable } from '../../src/parse/cable.js';
import { fictionalTextCable, fictionalTextCableId } from '../import/fictional-text-cable.js';

test('a header in lower or mixed case is read like the upper-case one', () => {
  const upper = parseRoutingHeader('DE RUEHRR #0042/01 0051200\nZNY CCCCC ZZH\nP 051200Z JAN 09\nFM AMEMBASSY RURITANIA\nTO RUEHC/SECSTATE WASHDC');
  for (const h of [
    'de ruehrr #0042/01 0051200\nzny ccccc zzh\np 051200z jan 09\nfm amembassy ruritania\nto ruehc/secstate washdc',
    'De Ruehrr #0042/01 0051200\nZny Ccccc Zzh\nP 051200Z Jan 09\nFm Amembassy Ruritania\nTo Ruehc/Secstate Washdc',
  ]) {
    assert.deepEqual(parseRoutingHeader(h), upper, h);
  }
  assert.equal(upper.from, 'AMEMBASSY RURITANIA');
  assert.equal(upper.precedence, 'PRIORITY');
});

test('a header glued onto one line is put back on its lines, the marking and the body lines glued after it too', () => {
  const text = fictionalTextCable(42);
  const lines = text.split('\n');
  const markAt = lines.findIndex((l) => l.startsWith('C O N F'));
  const glued = `${lines.slice(0, markAt + 3).join(' ')}\n${lines.slice(markAt + 3).join('\n')}`;
  const { header, body } = splitHeaderBody(glued);
  assert.match(header ?? '', /^VZCZCXRO0042 PP RUEHDE\nDE RUEHRR #0042\/01 0051200\nZNY CCCCC ZZH\nP 051200Z JAN 09\nFM AMEMBASSY RURITANIA\nTO RUEHC\/SECSTATE WASHDC PRIORITY 0042\nBT$/);
  assert.match(body, /^C O N F I D E N T I A L RURITANIA 000042\nSIPDIS\n/);
  const parsed = parseCable({ source: 'x.txt', format: 'text', header, body, meta: {}, raw: glued });
  assert.equal(parsed.canonicalId, fictionalTextCableId(42));
  assert.equal(parsed.origin, 'Embassy Ruritania');
});

test('body prose that quotes an FM line and a DTG is never taken apart', () => {
  const prose = '1. (C) The message (P 051200Z JAN 09 FM AMEMBASSY RURITANIA TO SECSTATE WASHDC) was read out.';
  const text = `C O N F I D E N T I A L RURITANIA 000042\n\n${prose}\n`;
  assert.equal(unglueHeader(text), text);
});
