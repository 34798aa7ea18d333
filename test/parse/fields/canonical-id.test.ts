import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalizeId } from '../../../src/parse/fields/index.js';

test('aliases and prefixes map to the canonical station', () => {
  assert.equal(canonicalizeId('04SECSTATE77'), '04STATE77');
  assert.equal(canonicalizeId('04AMEMBASSYLIMA0077'), '04LIMA77');
  assert.equal(canonicalizeId('04EFTOROME5'), '04ROME5');
  assert.equal(canonicalizeId('04HAGUE5'), '04THEHAGUE5');
  assert.equal(canonicalizeId('04SECDEF5'), '04SECDEF5');
});

test('section markers and duplicate suffixes are removed', () => {
  assert.equal(canonicalizeId('03SECTION02OF03OSLO44'), '03OSLO44');
  assert.equal(canonicalizeId('03SETION1OF2OSLO44'), '03OSLO44');
  assert.equal(canonicalizeId('03OSLO000044ZFR45'), '03OSLO44');
  assert.equal(canonicalizeId('91STATE1000TOSEC2000'), '91STATE1000');
});

test('misspelt stations are repaired by nearest known name', () => {
  assert.equal(canonicalizeId('05NAIRBI9'), '05NAIROBI9');
  assert.equal(canonicalizeId('05HELSINIK9'), '05HELSINKI9');
  assert.equal(canonicalizeId('05UNKNOWNPOST9'), '05UNKNOWNPOST9');
});

test('never throws on odd input', () => {
  assert.equal(canonicalizeId(''), '');
  assert.equal(canonicalizeId('garbage'), 'GARBAGE');
});

test('canonical id: a section-garbled id drops the RPO prefix of the host city', () => {
  assert.equal(canonicalizeId('0901OF02RPODUBAI77'), '09DUBAI77');
  assert.equal(canonicalizeId('09RPODUBAI77'), '09RPODUBAI77');
});

// Issue 14: station names as routing lines and REF lines write them (names checked over
// the corpus's FM/TO/INFO lines by npm run audit:refs).
test('stations as FM lines write them: missions, Washington agencies, office designators', async () => {
  const { canonicalizeStation } = await import('../../../src/parse/fields/index.js');
  assert.equal(canonicalizeStation('USMISSION USUN NEW YORK'), 'USUNNEWYORK');
  assert.equal(canonicalizeStation('USEU BRUSSELS'), 'USEUBRUSSELS');
  assert.equal(canonicalizeStation('USMISSION UNVIE VIENNA'), 'UNVIEVIENNA');
  assert.equal(canonicalizeStation('USMISSION USNATO'), 'USNATO');
  assert.equal(canonicalizeStation('US MISSION NATO BRUSSELS'), 'USNATO');
  assert.equal(canonicalizeStation('US MISSION GENEVA'), 'GENEVA');
  assert.equal(canonicalizeStation('SECSTATE WASHDC'), 'STATE');
  assert.equal(canonicalizeStation('SECDEF WASHINGTON DC//USDP/ISA//'), 'SECDEF');
  assert.equal(canonicalizeStation('CIA WASHDC'), 'CIA');
  assert.equal(canonicalizeStation('DIA WASHINGTON DC'), 'DIA');
  assert.equal(canonicalizeStation('JOINT STAFF WASHINGTON DC'), 'JOINTSTAFF');
  // Interests sections, liaison and regional embassy offices: the publisher's ids name the city.
  assert.equal(canonicalizeStation('USINT HAVANA'), 'HAVANA');
  assert.equal(canonicalizeStation('USLO TRIPOLI'), 'TRIPOLI');
  assert.equal(canonicalizeStation('REO BASRAH'), 'BASRAH');
  // A name that is itself a station is never cut.
  assert.equal(canonicalizeStation('IRAN RPO DUBAI'), 'IRANRPODUBAI');
});

test('canonical ids with mission and agency stations', () => {
  assert.equal(canonicalizeId('09USINTHAVANA12'), '09HAVANA12');
  assert.equal(canonicalizeId('08USMISSIONGENEVA0301'), '08GENEVA301');
  assert.equal(canonicalizeId('07USMISSIONUSUNNEWYORK44'), '07USUNNEWYORK44');
  assert.equal(canonicalizeId('09CIAWASH542085'), '09CIA542085');
});

test('REF-line names: short stations only as written, 2 edits only in long names', async () => {
  const { knownStation } = await import('../../../src/parse/fields/canonical-id.js');
  assert.equal(knownStation('DAILY', { context: 'reference' }), null);
  assert.equal(knownStation('MAG OI', { context: 'reference' }), null);
  assert.equal(knownStation('DILI', { context: 'reference' }), 'DILI');
  assert.equal(knownStation('TEGUCIGALAP', { context: 'reference' }), 'TEGUCIGALPA');
  assert.equal(knownStation('RIO DE JAN', { context: 'reference' }), 'RIODEJANEIRO');
});
