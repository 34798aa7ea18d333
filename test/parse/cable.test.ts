import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCable, deriveFromText } from '../../src/parse/cable.js';
import { parseDtg } from '../../src/parse/dtg.js';
import { originName } from '../../src/parse/origin-names.js';
import { extractSitePage } from '../../src/parse/site-page.js';
import type { SourceRecord } from '../../src/domain/source-record.js';
import { fakeSitePage } from './site-page-fixture.js';

const HEADER = 'VZCZCXRO0001\nPP RUEHXX\nDE RUEHFB #0123/01 0451230\nZNY CCCCC ZZH\nP 141230Z FEB 09\nFM AMEMBASSY FOO BAR\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001';

function textRecord(header: string | null, body: string, meta: SourceRecord['meta'] = {}): SourceRecord {
  return { source: 'x', format: 'text', header, body, meta, raw: `${header ?? ''}\n${body}` };
}

test('parseDtg: ISO to the minute; two-digit years 66-99 -> 19xx; impossible dates -> null', () => {
  assert.deepEqual(parseDtg('P 241408Z FEB 10'), { text: '241408Z FEB 10', iso: '2010-02-24T14:08Z', year: 2010 });
  assert.equal(parseDtg('R 281848Z DEC 66')?.iso, '1966-12-28T18:48Z');
  assert.equal(parseDtg('O 010000Z JAN 99')?.iso, '1999-01-01T00:00Z');
  assert.equal(parseDtg('O 311200Z FEB 09'), null);
  assert.equal(parseDtg('no date here'), null);
});

test('originName: FM station -> the site display name', () => {
  assert.equal(originName('AMEMBASSY DAMASCUS'), 'Embassy Damascus');
  assert.equal(originName('AMEMBASSY RIO DE  JANEIRO'), 'Embassy Rio De Janeiro');
  assert.equal(originName('AMCONSUL SAO PAULO'), 'Consulate Sao Paulo');
  assert.equal(originName('SECSTATE WASHDC'), 'Secretary of State');
  assert.equal(originName('USMISSION USNATO'), 'Mission USNATO');
  assert.equal(originName('USINT HAVANA'), 'US Interests Section Havana');
  assert.equal(originName('AMEMBASSY TRIPOLI LY'), 'Embassy Tripoli');
  assert.equal(originName('USDEL SECRETARY//EUROPE//'), 'US Delegation, Secretary');
  assert.equal(originName('SOMETHING ODD'), null);
});

test('parseCable on text alone: identity, routing, structure', () => {
  const body = [
    'C O N F I D E N T I A L SECTION 01 OF 02 FOO BAR 000123',
    '',
    'NOFORN',
    'SIPDIS',
    '',
    'E.O. 12958: DECL: 02/14/2019',
    'TAGS: PREL, XX',
    'SUBJECT: A FICTIONAL SUBJECT',
    '',
    'Classified By: Someone, reasons 1.4 (b) and (d)',
    '',
    '1. (C/NF) First paragraph naming XXXXXXXXXXXX and ##########.',
    '',
    '2. (C) COMMENT: A fictional remark. END COMMENT.',
    'DOE',
  ].join('\n');
  const c = parseCable(textRecord(HEADER, body));
  assert.equal(c.referenceId, '09FOOBAR123');
  assert.equal(c.canonicalId, '09FOOBAR123');
  assert.equal(c.created, '2009-02-14T12:30Z');
  assert.equal(c.createdDisplayed, null);
  assert.equal(c.released, null);
  assert.equal(c.classification, 'CONFIDENTIAL//NOFORN');
  assert.equal(c.classificationMarking, 'C O N F I D E N T I A L');
  assert.ok(c.caveats.includes('NOFORN') && c.caveats.includes('SIPDIS'));
  assert.equal(c.origin, 'Embassy Foo Bar');
  assert.equal(c.originRoute, 'RUEHFB');
  assert.equal(c.transmissionId, 'RUEHFB #0123/01 0451230');
  assert.equal(c.precedence, 'PRIORITY');
  assert.equal(c.dtg, '141230Z FEB 09');
  assert.deepEqual(c.section, { n: 1, of: 2 });
  assert.equal(c.comment, 'A fictional remark.');
  assert.deepEqual(c.classificationReasons, ['1.4 (b)', '1.4 (d)']);
  const numbered = c.paragraphs.filter((p) => p.number !== null);
  assert.deepEqual(numbered.map((p) => [p.number, p.marking]), [['1', 'C/NF'], ['2', 'C']]);
  assert.match(numbered[0].text, /^First paragraph/);
  assert.equal(c.redactions.length, 2);
  assert.equal(body.slice(c.redactions[0].start, c.redactions[0].end), 'XXXXXXXXXXXX');
  assert.equal(body.slice(c.redactions[1].start, c.redactions[1].end), '##########');
  assert.equal(c.partial, false);
  assert.equal(c.header, HEADER);
  assert.equal(c.body, body);
  assert.deepEqual(c.articles, []);
});

test('classification from the marking: UNCLAS SENSITIVE -> FOUO, SECRET without caveat, header fallback', () => {
  const d1 = deriveFromText(HEADER, 'UNCLAS SECTION 01 OF 03 FOO BAR 000123\n\nSENSITIVE\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: XX');
  assert.equal(d1.classification, 'UNCLASSIFIED//FOR OFFICIAL USE ONLY');
  const d2 = deriveFromText(HEADER, 'UNCLAS FOO BAR 000123\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: XX\n\n1. THE WORD SENSITIVE IN PROSE.');
  assert.equal(d2.classification, 'UNCLASSIFIED');
  const d3 = deriveFromText(HEADER, 'S E C R E T FOO BAR 000123\n\nSIPDIS\n\nE.O. 12958: DECL\nTAGS: XX\n\n1. (S/NF) PORTION MARKING ONLY.');
  assert.equal(d3.classification, 'SECRET');
  const d4 = deriveFromText(HEADER, 'no marking line at all');
  assert.equal(d4.classification, 'CONFIDENTIAL');
  assert.equal(d4.referenceId, '09FOOBAR123', 'from the transmission serial, station and DTG year');
});

test('parseCable on a site page: metadata fills id, release, displayed created; partial -> no header, warnings', () => {
  const item = extractSitePage(fakeSitePage({ partial: true, created: '2009-02-14 12:12' }), 'p.html');
  assert.ok(item.ok);
  if (!item.ok) return;
  const c = parseCable(item.record);
  assert.equal(c.referenceId, '09FOOBAR123');
  assert.equal(c.createdDisplayed, '2009-02-14 12:12');
  assert.equal(c.released, '2010-12-01T21:09Z');
  assert.equal(c.partial, true);
  assert.equal(c.header, null);
  assert.equal(c.dtg, null);
  assert.equal(c.created, '2009-02-14T12:12Z', 'no DTG: the source time, with a warning');
  assert.ok(c.warnings.some((w) => /partial/.test(w)));
  assert.ok(c.warnings.some((w) => /no DTG/.test(w)));
  const full = extractSitePage(fakeSitePage(), 'f.html');
  assert.ok(full.ok);
  if (full.ok) {
    const f = parseCable(full.record);
    assert.equal(f.created, '2009-02-14T12:30Z');
    assert.equal(f.classification, 'CONFIDENTIAL');
    assert.equal(f.origin, 'Embassy Foo Bar');
  }
});

test('parseCable: a body with no identity at all yields nulls and warnings, never throws', () => {
  const c = parseCable(textRecord(null, 'Some words.'));
  assert.equal(c.referenceId, null);
  assert.equal(c.canonicalId, null);
  assert.equal(c.created, null);
  assert.equal(c.classification, null);
  assert.equal(c.origin, null);
  assert.ok(c.warnings.length >= 2);
});
