import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReferences, citedCableIds } from '../../../src/parse/fields/index.js';

const ids = (text: string, year = 2007, self: string | null = null) =>
  citedCableIds(parseReferences(text, { year, referenceId: self }), self);
const detailed = (text: string, year = 2007) =>
  parseReferences(text, { year, referenceId: null }).map((r) => [r.value, r.kind, r.bullet]);

test('references: REF label glued to the end of an upper-case subject', () => {
  assert.deepEqual(ids('SUBJECT: FISH QUOTAS IN THE NORTHREF: A. OSLO 12  B. OSLO 15'), ['07OSLO12', '07OSLO15']);
});

test('references: spaced-out page header inside the block is not a cable', () => {
  const text = 'REF: A) STATE 1111 B) STATE 2222 ...\n\nS E C R E T LIMA 000987 SIPDIS\nSTATE 2222 Classified By: x';
  assert.deepEqual(ids(text), ['07STATE1111', '07STATE2222']);
});

test('references: month names are not stations, station with dashes and colon', () => {
  assert.deepEqual(ids('REF: A. OSLO POINTS APRIL 10  B. OSLO 77\n\nClassified By: x'), ['07OSLO77']);
  assert.deepEqual(ids('REF: A. PORT-OF-SPAIN 220 (NOTAL)'), ['07PORTOFSPAIN220']);
  assert.deepEqual(ids('REF: STATE: 4455'), ['07STATE4455']);
  assert.deepEqual(ids('REF: 09-OTTAWA-31 '), ['09OTTAWA31']);
});

test('references: years written 094, D.01, (2002) and after a serial', () => {
  assert.deepEqual(ids('REF: 094 QUITO 841; 08 QUITO 12'), ['94QUITO841', '08QUITO12']);
  assert.deepEqual(ids('REFS:\n\nC. 02 LIMA 5\nD.01 LIMA 6'), ['02LIMA5', '01LIMA6']);
  assert.deepEqual(ids('REF: LIMA CABLES 0266 AND 02259 (2002)', 2003), ['03LIMA266', '02LIMA2259']);
  assert.deepEqual(ids('REF: A. C 05 Lima 29, B Lima 30', 2006), ['05LIMA29', '06LIMA30']);
});

test('references: slash and AND lists; a comma list only after AND', () => {
  assert.deepEqual(ids('Refs: A) Lima 36/35; B) 06 Lima 53/19 and previous'), ['07LIMA36', '07LIMA35', '06LIMA53', '06LIMA19']);
  assert.deepEqual(ids('Ref: A) LIMA 1165 and 743, 1215 B) LIMA 4712'), ['07LIMA1165', '07LIMA743', '07LIMA1215', '07LIMA4712']);
  assert.deepEqual(ids('Ref: [A] State 1883, 2590, [B] Ottawa 22'), ['07STATE1883', '07OTTAWA22']);
});

test('references: station words split by a blank line, misspelt multi-word station', () => {
  assert.deepEqual(ids('REF: A) LIMA 2605, B) RIO \n \nDE JANEIRO 1291 '), ['07LIMA2605', '07RIODEJANEIRO1291']);
  assert.deepEqual(ids('REF: A. USUN NE YORK 609'), ['07USUNNEWYORK609']);
});

test('references: ADDIS stays ADDIS in REF lines', () => {
  assert.deepEqual(ids('REF: A. ADDIS 1556'), ['07ADDIS1556']);
});

test('references: serial written before the station', () => {
  assert.deepEqual(ids('Ref: 870 Ulaanbaatar '), ['07ULAANBAATAR870']);
});

test('references: a bare serial continues the previous station', () => {
  assert.deepEqual(ids('REF: A. LIMA 29 \n  B. 31 AND PREVIOUS'), ['07LIMA29', '07LIMA31']);
});

test('references_detailed: bullets, kinds and text order', () => {
  assert.deepEqual(detailed('REF: 08 STATE 12; E-Mail Foo Bar; 05 STATE 34'), [
    ['08STATE12', 'cable', null],
    ['E-Mail Foo Bar', 'email', null],
    ['05STATE34', 'cable', null],
  ]);
  assert.deepEqual(detailed('REF: A. LIMA 7\n¶B. SMITH/JONES TELCON 02/16/2010\n¶C. 2004 FISHERIES REPORT FOR PERU\n¶D. 9 FAM 40.1'), [
    ['07LIMA7', 'cable', 'A'],
    ['SMITH/JONES TELCON 02/16/2010', 'tel', 'B'],
    ['2004 FISHERIES REPORT FOR PERU', 'report', 'C'],
    ['9 FAM 40.1', 'book', 'D'],
  ]);
  // Bullets run in sequence, so an initial is not a bullet; a bullet may repeat.
  assert.deepEqual(detailed('REF: E-mails J. Doe-K. Roe'), [['E-mails J. Doe-K. Roe', 'email', null]]);
  assert.deepEqual(detailed('REF: A) LIMA 36 B) DOE EMAIL 05/11/07 \nB) LIMA 34'), [
    ['07LIMA36', 'cable', 'A'],
    ['DOE EMAIL 05/11/07', 'email', 'B'],
    ['07LIMA34', 'cable', 'B'],
  ]);
  assert.deepEqual(detailed('REF: A. ST. PETERSBURG 75 \n B. A) MOSCOW 5'), [
    ['07STPETERSBURG75', 'cable', 'A'],
    ['07MOSCOW5', 'cable', 'B'],
  ]);
});

test('references: total on odd input', () => {
  assert.deepEqual(parseReferences('', { year: null, referenceId: null }), []);
  assert.deepEqual(parseReferences('REF:', { year: null, referenceId: null }), []);
  assert.deepEqual(parseReferences(`REF: ${'A. '.repeat(2000)}`, { year: 2001, referenceId: null }), []);
});

test('references: a station whose name holds a filler word is kept whole', () => {
  const ids = (s: string) => parseReferences(s, { year: 2009, referenceId: null }).map((r) => r.value);
  assert.deepEqual(ids('REF: 98 TEL AVIV 680'), ['98TELAVIV680']);
  assert.deepEqual(ids('REF: A. STATE 1234 B. TEL AVIV 00691'), ['09STATE1234', '09TELAVIV691']);
  assert.deepEqual(ids('REF: TEL AVIV CABLES 12 AND 13'), ['09TELAVIV12', '09TELAVIV13']);
});
