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
