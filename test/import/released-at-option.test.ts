import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReleasedAt } from '../../src/import/released-at-option.js';
import { isCablegateError } from '../../src/domain/errors.js';

test('parseReleasedAt: dates and date-times to ISO UTC minutes', () => {
  assert.equal(parseReleasedAt('2010-11-28'), '2010-11-28T00:00Z');
  assert.equal(parseReleasedAt('2010-11-28T18:05'), '2010-11-28T18:05Z');
  assert.equal(parseReleasedAt('2010-11-28T18:05:59Z'), '2010-11-28T18:05Z');
  assert.equal(parseReleasedAt('2010-11-28T20:05+02:00'), '2010-11-28T18:05Z');
  assert.equal(parseReleasedAt('2010-11-28 01:00-0300'), '2010-11-28T04:00Z');
});

test('parseReleasedAt: rejects what is not a real date', () => {
  for (const bad of ['2010-13-01', '2010-02-30', 'yesterday', '2010-11-28T25:00', '28/11/2010', '']) {
    assert.throws(() => parseReleasedAt(bad), (e: unknown) => isCablegateError(e) && e.code === 'E_INVALID_DATE', bad);
  }
});
