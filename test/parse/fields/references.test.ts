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

// Issue 14: rules checked over the whole corpus (npm run audit:refs). Lines written for
// these tests, shaped like real REF lines.

test('references: the block ends at "Classified By" in any case; the body after it gives nothing', () => {
  const text = 'REF: A. LIMA 101\n     B. LIMA 102\n\nClassified By: Ambassador Jane Doe, reasons 1.4\n\nid: 123\ndestination: 07LIMA9\nOSLO 55 and BERN 66';
  assert.deepEqual(ids(text), ['07LIMA101', '07LIMA102']);
  assert.deepEqual(detailed('REF: A) OSLO 12 B) DOE-ROE EMAIL APRIL 3\n\nClassified By: DCM John Roe for reasons 1.4'), [
    ['07OSLO12', 'cable', 'A'],
    ['DOE-ROE EMAIL APRIL 3', 'email', 'B'],
  ]);
});

test('references: a block ends at a numbered paragraph without a space, or a marked paragraph of prose', () => {
  assert.deepEqual(ids('REF: A. STATE 5501\n     B. STATE 005502\n\n1.This is an action cable, see para 5. At 10:00 PARIS 8 time'), ['07STATE5501', '07STATE5502']);
  assert.deepEqual(ids('REF: STATE 7701\n\n(U) Post delivered the points on March 1. We will report OSLO 9 septel.'), ['07STATE7701']);
});

test('references: a "(ref A)" in the text after the first paragraph is not a REF block', () => {
  assert.deepEqual(ids('SUBJECT: FISH\n\n1. (C) Summary: talks went well.\n\n2. (C) As noted (REF A and B) in which OSLO 12 was cited'), []);
});

test('references: a number in a d/m/y date is no serial; prose words are not misspelt stations', () => {
  assert.deepEqual(detailed('REF: A. LONDON 2341  B. LONDON DAILY 11/3/2009  C. NEA/MAG OI 12/01/2008'), [
    ['07LONDON2341', 'cable', 'A'],
    ['LONDON DAILY 11/3/2009', 'report', 'B'],
  ]);
  // A station of fewer than 5 letters is taken only as written (DILI, not DAILY).
  assert.deepEqual(ids('REF: DILI 45'), ['07DILI45']);
});

test('references: a name cut short over several words, a month-like word before a padded serial', () => {
  assert.deepEqual(ids('REF: A. 08 RIO DE JAN 138\n     B. 08 RIO DE JAN 0044 and previous', 2008), ['08RIODEJANEIRO138', '08RIODEJANEIRO44']);
  assert.deepEqual(ids('REF: A. MAY 1 DOE LETTER B. OSLO 9'), ['07OSLO9']);
});

test('references: a serial listed after a cited cable never takes a year after the citing cable', () => {
  assert.deepEqual(ids('REF: 06 KABUL 5353/5194', 2007), ['06KABUL5353', '06KABUL5194']);
  // `09 STATE` in a 2008 cable is written on the entry: kept; the list after it is not later.
  assert.deepEqual(ids('REF: 09 STATE 12/13', 2008), ['09STATE12', '08STATE13']);
});

test('references: bullet styles, labels and trailing remarks', () => {
  assert.deepEqual(detailed('REFS: a) oslo 11 b) oslo 12'), [['07OSLO11', 'cable', 'A'], ['07OSLO12', 'cable', 'B']]);
  assert.deepEqual(detailed('REF A: STATE 4321 (NOTAL)'), [['07STATE4321', 'cable', 'A']]);
  assert.deepEqual(detailed('REFTEL: 06 STATE 12345 DTG 011234Z JAN 06'), [['06STATE12345', 'cable', null]]);
  assert.deepEqual(detailed('REF: A- LIMA 5\n     B- LIMA 6'), [['07LIMA5', 'cable', 'A'], ['07LIMA6', 'cable', 'B']]);
  assert.deepEqual(ids('REF: A. CASA 169 B. VAT 3810 C. DUBAI RPO 378'), ['07CASABLANCA169', '07VATICAN3810', '07RPODUBAI378']);
  assert.deepEqual(ids('REF: A. SECTO 003 B. STATE 9'), ['07SECTO3', '07STATE9']);
});

test('references_detailed: non-cable references keep their kind and text', () => {
  assert.deepEqual(
    detailed('REF: A. IIR 6 875 0123 07\n     B. TD-314/12345-07\n     C. OSC EUP20070101000001\n     D. DOE/ROE TELCON 02/16/2007\n     E. 9 FAM 41.2\n     F. DOE-ROE MEMCON 3 MAY\n     G. MFA DIPLOMATIC NOTE 07-123\n     H. OSLO 55'),
    [
      ['IIR 6 875 0123 07', 'report', 'A'],
      ['TD-314/12345-07', 'report', 'B'],
      ['OSC EUP20070101000001', 'report', 'C'],
      ['DOE/ROE TELCON 02/16/2007', 'tel', 'D'],
      ['9 FAM 41.2', 'book', 'E'],
      ['DOE-ROE MEMCON 3 MAY', 'report', 'F'],
      ['MFA DIPLOMATIC NOTE 07-123', 'report', 'G'],
      ['07OSLO55', 'cable', 'H'],
    ],
  );
  assert.deepEqual(detailed('REF A: EMAIL FROM DOE 3/4/07'), [['EMAIL FROM DOE 3/4/07', 'email', 'A']]);
  assert.deepEqual(detailed('REF: A. STATE-OSLO SVTC MAY 9 B. OSLO DEMARCHE OF MAY 2 C. OSLO 77'), [
    ['STATE-OSLO SVTC MAY 9', 'tel', 'A'],
    ['OSLO DEMARCHE OF MAY 2', 'report', 'B'],
    ['07OSLO77', 'cable', 'C'],
  ]);
  // A weak word in a cable's title does not hide the cable.
  assert.deepEqual(detailed('REF: STATE 3344 (DEMARCHE REQUEST)'), [['07STATE3344', 'cable', null]]);
});

test('references: a cut marker ("...") or a pasted routing header ends the block', () => {
  assert.deepEqual(ids('REF: A. LIMA 10\n     B. LIMA 11\n ...\n\n\nid: 1234\nheader:\nVZCZCXYZ0000\nRHEHNSC/NSC WASHDC 2264\n'), ['07LIMA10', '07LIMA11']);
});

test('references: numbered items (not in the corpus as REF bullets) still give their cables, without a letter', () => {
  assert.deepEqual(detailed('REF: 1. STATE 1234 2. LIMA 55'), [['07STATE1234', 'cable', null], ['07LIMA55', 'cable', null]]);
  assert.deepEqual(detailed('REF: (1) STATE 1234 (2) LIMA 55'), [['07STATE1234', 'cable', null], ['07LIMA55', 'cable', null]]);
});
