import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTags, tagKind } from '../../../src/parse/fields/index.js';

test('tags: label variants, separators, continuation', () => {
  assert.deepEqual(parseTags('TAGS: PREL, PGOV XY\nSUBJECT: A'), ['PREL', 'PGOV', 'XY']);
  assert.deepEqual(parseTags('tgs: prel econ,\nkdem\nSUBJECT: x'), ['PREL', 'ECON', 'KDEM']);
  assert.deepEqual(parseTags('TAGS: PREL\nnext line'), ['PREL']);
  assert.deepEqual(parseTags('no label here'), []);
});

test('tags: glued codes split, duplicates and SIPDIS dropped, people', () => {
  assert.deepEqual(parseTags('TAGS: PRELPGOV ECON PREL SIPDIS'), ['PREL', 'PGOV', 'ECON']);
  assert.deepEqual(parseTags('TAGS: OVIP SMITH JOHN PREL'), ['OVIP', 'SMITH, JOHN', 'PREL']);
  assert.deepEqual(parseTags('TAGS: PREL HUMAN RIGHTS'), ['PREL', 'HUMAN RIGHTS']);
  assert.deepEqual(parseTags('TAGS: PRELPGOV', { canonicalize: false }), ['PRELPGOV']);
});

test('tag kinds', () => {
  assert.equal(tagKind('FR'), 'geo');
  assert.equal(tagKind('SMITH, JOHN'), 'person');
  assert.equal(tagKind('KDEM'), 'program');
  assert.equal(tagKind('PREL'), 'subject');
  assert.equal(tagKind('WHATEVER', 'default'), 'default');
});
