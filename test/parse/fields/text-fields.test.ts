import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseSubject, parseClassifiedBy, parseNondisclosureDeadline, parseSummary, parseSigners, titlefy,
  parseReferences, citedCableIds, parseRecipients, parseInfoRecipients,
} from '../../../src/parse/fields/index.js';

test('subject ends at REF, blank line or Classified By; clean removes markers', () => {
  assert.equal(parseSubject('SUBJECT: (C) FISH TALKS \nCONTINUE\n\n1. (C) x'), 'FISH TALKS CONTINUE');
  assert.equal(parseSubject('SUBJECT: (C) FISH TALKS', { clean: false }), '(C) FISH TALKS');
  assert.equal(parseSubject('SUBJECT: FISH REF: A. OSLO 4'), 'FISH');
  assert.equal(parseSubject('nothing'), '');
});

test('classified by: role removed, name kept', () => {
  assert.deepEqual(parseClassifiedBy('Classified By: Ambassador Jane Q. Doe for reasons 1.4 (b)'), ['Jane Q. Doe']);
  assert.deepEqual(parseClassifiedBy('CLASSIFIED BY POLOFF JOHN ROE, REASON 1.5 (D)'), ['JOHN ROE']);
  assert.deepEqual(parseClassifiedBy('CLASSIFIED BY POLOFF JOHN R0E, REASON 1.5 (D)', { normalize: true }), ['John Roe']);
  assert.deepEqual(parseClassifiedBy('nothing'), []);
});

test('nondisclosure deadline', () => {
  assert.equal(parseNondisclosureDeadline('E.O. 12958: DECL: 3/4/15'), '2015-03-04');
  assert.equal(parseNondisclosureDeadline('E.O. 12958: N/A'), null);
});

test('summary between opener and END SUMMARY, paragraph marks removed', () => {
  assert.equal(parseSummary('1. (C) Summary: Fish are\nwet.\n\n2. (C) Very. End Summary.\n3. rest'), 'Fish are\nwet.\nVery.');
});

test('signers: the surname line before the trailing classification', () => {
  assert.deepEqual(parseSigners('text here.\nDOE\nCONFIDENTIAL\n', { canonicalize: false }), ['DOE']);
  assert.deepEqual(parseSigners('text here, lower case end', { canonicalize: false }), []);
});

test('titlefy keeps acronyms and lower-cases small words', () => {
  assert.equal(titlefy('NSC VIEWS ON THE 21ST SUMMIT: A NEW START'), 'NSC Views on the 21st Summit: A New Start');
});

test('references: stations, years, aliases, self reference dropped', () => {
  const refs = parseReferences('REF: A. OSLO 12 B. 05 SECSTATE 0034 C. HCMC 7 AND 8\n\n1. (C) text', { year: 2006, referenceId: '06OSLO99' });
  assert.deepEqual(citedCableIds(refs, '06OSLO12'), ['05STATE34', '06HOCHIMINHCITY7', '06HOCHIMINHCITY8']);
  assert.equal(refs[0].bullet, 'A');
});

test('recipients: route, precedence, mcn', () => {
  const header = 'FM AMEMBASSY OSLO\nTO RUEHC/SECSTATE WASHDC PRIORITY 0123\nINFO RUEHRO/AMEMBASSY ROME 4567\nAMEMBASSY PARIS';
  assert.deepEqual(parseRecipients(header), [{ route: 'RUEHC', name: 'SECSTATE WASHDC', precedence: 'PRIORITY', mcn: '0123', excluded: [] }]);
  assert.equal(parseInfoRecipients(header).length, 2);
});

test('titlefy: GOT is an ordinary word', () => {
  assert.equal(titlefy("WE'VE GOT IT"), "We've Got It");
});

test('nondisclosure deadline: found after a long preamble, bare date at the start', () => {
  assert.equal(parseNondisclosureDeadline(`${'x '.repeat(3000)}\nE.o. 12958 DECL 1/2/2019\n`), '2019-01-02');
  assert.equal(parseNondisclosureDeadline('DECL: nothing here'), null);
  assert.equal(parseNondisclosureDeadline('2019/1/2 rest'), '2019-01-02');
});

test('classified by: two classifiers joined by AND', () => {
  assert.deepEqual(parseClassifiedBy('CLASSIFIED BY EUR JANE DOE, ACTING AND S/CT DAS JOHN \nROE ; E.O. 12958 REASON: 1.4 (B)'), ['JANE DOE', 'JOHN ROE']);
});

test('classified by: the object of a preposition runs over "and"; "Section" is a role word', () => {
  assert.deepEqual(parseClassifiedBy('Classified By: Special Envoy for Ruritania and Elbonia \nJane Q. Doe \n\n1. (U) x'), ['Jane Q. Doe']);
  assert.deepEqual(parseClassifiedBy('Classified By: Political Section Minister Counselor Jane Doe.  Re \nasons 1.4 (b/d).'), ['Jane Doe']);
});

test("classified by: D'AFFAIRES is a role; AND joins a second classifier only after role words", () => {
  assert.deepEqual(parseClassifiedBy("CLASSIFIED BY: CHARGE D'AFFAIRES JANE DOE, REASON 1.4 (B)"), ['JANE DOE']);
  assert.deepEqual(parseClassifiedBy('Classified By: Ambassador Jane Doe, Special Advisor for Fish Talks and Agreements, for reasons 1.4 b.'), ['Jane Doe']);
});
