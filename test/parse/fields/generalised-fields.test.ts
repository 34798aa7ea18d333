/**
 * Field rules that must hold on layouts the peer cases do not show (issue #14). Inputs are
 * written for these tests (shaped like real lines, no real cable text).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClassifiedBy, parseSigners, parseSubject, parseTags, titlefy } from '../../../src/parse/fields/index.js';
import { isTitleToken } from '../../../src/parse/fields/classified-by.js';

test('classified_by: titles and ranks before the name go, in any spelling', () => {
  const cb = (s: string) => parseClassifiedBy(s);
  assert.deepEqual(cb('Classified By: PolCouns Jane Q. Doe for reasons 1.4 (b) and (d)'), ['Jane Q. Doe']);
  assert.deepEqual(cb('Classified By: ECONMINCOUNS JOHN ROE, REASONS 1.4 (B,D)'), ['JOHN ROE']);
  assert.deepEqual(cb('Classified By: Ambasador Mary Major for reasons 1.4 (d)'), ['Mary Major']);
  assert.deepEqual(cb('Classified By: Acting Cheif of Mission Ann Minor, reasons 1.4 (b)'), ['Ann Minor']);
  assert.deepEqual(cb("CLASSIFIED BY: CHARGE D'AFFAIRE A.I. PAUL SAMPLE. REASON: 1.4 (D)"), ['PAUL SAMPLE']);
  assert.deepEqual(cb('Classified By: CG PAT EXAMPLE, Reasons 1.4 (b)'), ['PAT EXAMPLE']);
  assert.deepEqual(cb('CLASSIFIED BY: A/POL/C SAM TESTER, REASONS 1.4 (B) AND (D)'), ['SAM TESTER']);
});

test('classified_by: a title after the name, particles, nicknames, asides', () => {
  const cb = (s: string) => parseClassifiedBy(s);
  assert.deepEqual(cb('CLASSIFIED BY: JOAN SAMPLE SENIOR WATCH OFFICER, REASON 1.4 (C)'), ['JOAN SAMPLE']);
  assert.deepEqual(cb('Classified By: Ambassador Carla van Testen for reasons 1.4 (b)'), ['Carla van Testen']);
  assert.deepEqual(cb('Classified By: PolAd B. "Buzz" Sample, reasons 1.4 (b)'), ['B. Sample']);
  assert.deepEqual(cb('Classified By: Paul Sample (acting) for reasons 1.4 (d)'), ['Paul Sample']);
  assert.deepEqual(cb('CLASSIFIED BY EUR/FO ? DAN SAMPLE, REASONS: 1.4 (B)'), ['DAN SAMPLE']);
  assert.deepEqual(cb('Classified By: XXXXXXXXXXXX, Ambassador, Embassy Sampletown'), ['XXXXXXXXXXXX']);
});

test('classified_by: no name from an unusual line', () => {
  const cb = (s: string) => parseClassifiedBy(s);
  // Derived classification, an agency and a date, a line cut short by the extract.
  assert.deepEqual(cb('Classified By: Derived from Multiple Sources\n\n1. (S) Text.'), []);
  assert.deepEqual(cb('CLASSIFIED BY NARA 01/02/2009 \nTAGS: PREL XX\nSUBJECT: A SUBJECT LINE\n'), []);
  assert.deepEqual(cb('Classified By: Ambassador Sa...\n\n\n'), []);
  assert.deepEqual(cb('Classified By: Ambassador Jane Doe for...\n\n'), ['Jane Doe']);
  // A later `classified by` in the prose is never taken for the label's name.
  assert.deepEqual(cb('Classified By: Derived from guide X\n\n1. (C) The paper was classified by Someone Else.'), []);
});

test('classified_by: the title rule generalises (misspelt, cut short, glued)', () => {
  for (const t of ['AMBASSSADOR', 'Couselor', 'MINSTER', 'OFFFICER', 'Ambas', 'POLMINCOUNS', 'DepPolCouns', 'DCM', 'PRM', 'Minister-Councelor']) {
    assert.equal(isTitleToken(t), true, t);
  }
  for (const t of ['Gene', 'Stater', 'Wunder', 'Paul', 'Amin', 'Lynn', 'XXXXXXXXXXXX', 'Jr']) assert.equal(isTitleToken(t), false, t);
});

test('signers: trailing punctuation, cut lines, sentence ends', () => {
  const s = (t: string) => parseSigners(t, { canonicalize: false });
  assert.deepEqual(s('Text of the cable ends here.\nSAMPLE.'), ['SAMPLE']);
  assert.deepEqual(s('Text of the cable ends here.\nSAMPLE..\n'), ['SAMPLE']);
  assert.deepEqual(s('Text that the extract cut short\nSAMP...'), []);
  assert.deepEqual(s('THE EMBASSY WILL CONTINUE TO OFFER ITS\nASSISTANCE.\n'), []);
  assert.deepEqual(s('Some text.\n\nMINIMIZE CONSIDERED SAMPLE'), ['SAMPLE']);
  assert.deepEqual(s('Visit our website: XXXXXXXXXXXX\nSAMPLE.'), ['SAMPLE']);
});

test('signers: a mixed-case signature line, glued after the web address, marks after it', () => {
  const s = (t: string) => parseSigners(t, { canonicalize: false });
  assert.deepEqual(s('The post will follow up with the ministry.\nSampleson'), ['Sampleson']);
  assert.deepEqual(s('More news to follow.\nMcSample\n'), ['McSample']);
  assert.deepEqual(s('Visit our website: http://www.example.sgov.gov/p/x/index.c fm\nvan Sample'), ['van Sample']);
  assert.deepEqual(parseSigners('More news to follow.\nvan Sample'), ['VAN SAMPLE']);
  assert.deepEqual(s("Visit Sampletown's Classified Website: http://www.example.sgov.gov/index.cfm Sampleson"), ['Sampleson']);
  assert.deepEqual(s('The text ends.\nSAMPLE\n>\n=======================CABLE ENDS======================='), ['SAMPLE']);
  assert.deepEqual(s('The text ends. \\\nSAMPLE \\'), ['SAMPLE']);
  assert.deepEqual(s('The text ends.\nSAMPLE .'), ['SAMPLE']);
  // The wrapped last word of a sentence, and a closing word, are no signers.
  assert.deepEqual(s('We will continue to work with the\nMinistry'), []);
  assert.deepEqual(s('That is all.\nThanks'), []);
  assert.deepEqual(s('Cut short by the extract\n...'), []);
});

test('subject: a subject line in any case and layout', () => {
  assert.equal(parseSubject('Tags: prel, pgov, xx\nSubject: a meeting on the sample question\n\nClassified By: Someone'), 'a meeting on the sample question');
  assert.equal(parseSubject('E.o. 12958: decl: 01/01/2019 Tags: prel, xx Subject: sample ministers meet\n\n1. text'), 'sample ministers meet');
  assert.equal(parseSubject('TAGS: PREL XX\nSubject: (s) a lower-case subject\nthat runs on (s)\n\nREF: A'), 'a lower-case subject that runs on');
  assert.equal(parseSubject('TAGS: PREL XX\nsubj - short form\n\n1. text'), 'short form');
  // A page marker glued into the line ends the subject before its station.
  assert.equal(parseSubject('SUBJECT: SAMPLE TALKS IN NEW YORK SAMPLETOWN 00000123 001.2 OF 002\n\n1. x'), 'SAMPLE TALKS IN NEW YORK');
  assert.equal(parseSubject('SUBJECT: SAMPLE TALKS END NEW DELHI 00000123 001.2 OF 002\n\n1. x'), 'SAMPLE TALKS END');
  // Prose that names a subject is no subject line.
  assert.equal(parseSubject('1. The subject of the talks was trade.\n'), '');
});

test('tags: only a TAGS line, never body text', () => {
  // A label glued to the header line before it.
  assert.deepEqual(parseTags('E.O. 12958: DECL: 01/01/2019TAGS: PREL PGOV XX\n\n1. (C) Body text.'), ['PREL', 'PGOV', 'XX']);
  // The next line is the subject run on, not tags: no RUN-OFF, no IN.
  assert.deepEqual(parseTags('TAGS: PGOV PINR PE\nRUN-OFF,\nSEEKS HELP IN BUILDING A COALITION\n\nClassified By: x'), ['PGOV', 'PINR', 'PE']);
  // A tags word in prose is no label; the real label later is.
  assert.deepEqual(parseTags('CORRECTED COPY -- ADDED E.O., TAGS, AND CLASS BY\n\nE.O. 12958: N/A\nTAGS: PGOV PREL XX\nSUBJECT: S'), ['PGOV', 'PREL', 'XX']);
  // Codes run on after a comma-led line of codes, also unknown code shapes.
  assert.deepEqual(parseTags('TAGS: PREL PGOV\nAU-I, SU, XX\nSUBJECT: S'), ['PREL', 'PGOV', 'AU-I', 'SU', 'XX']);
  // Entity marks of an extract.
  assert.deepEqual(parseTags('DECL: 01/01/10 TAGS PGOV , PINS , [ORG ABC  ] , XX SUBJECT: S'), ['PGOV', 'PINS', 'ABC', 'XX']);
});

test('titlefy: acronyms the corpus writes upper-case stay upper-case', () => {
  assert.equal(titlefy('NATO AND THE OSCE DISCUSS MINUSTAH'), 'NATO and the OSCE Discuss MINUSTAH');
  assert.equal(titlefy('THE MFA ON UNSCR 1701'), 'The MFA on UNSCR 1701');
});

test('titlefy: plurals of acronyms, dotted abbreviations, honorifics, a comma for an apostrophe', () => {
  assert.equal(titlefy('NGOS AND IDPS MEET FTA PARTNERS'), 'NGOs and IDPs Meet FTA Partners');
  assert.equal(titlefy('THE BUS AND THE GAS DOES NOT MOVE'), 'The Bus and the Gas Does Not Move');
  assert.equal(titlefy('U.S.-SAMPLE TALKS WITH U.N. ENVOY'), 'U.S.-Sample Talks With U.N. Envoy');
  assert.equal(titlefy('DR. SAMPLE AND MRS SAMPLE'), 'Dr. Sample and Mrs Sample');
  assert.equal(titlefy('SAMPLELAND,S NEW CABINET'), "Sampleland's New Cabinet");
});
