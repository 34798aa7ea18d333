import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSummary } from '../../../src/parse/fields/index.js';

test('summary: an END SUMMARY split over two lines is a closer, not an opener', () => {
  assert.equal(parseSummary('SUBJECT: X\n\n1. On 2 May the fish\nwere wet. End\nSummary.\n\nNEXT PART\n----\n'), 'On 2 May the fish\nwere wet.');
});

test('summary: unicode dash rules after the opener are removed', () => {
  const text = 'SUMMARY AND INTRODUCTION\n\u2010\u2010\u2010\u2010\u2010\u2010\n\n2. (C) Fish are wet.\nVery. END SUMMARY AND INTRODUCTION.\n';
  assert.equal(parseSummary(text), 'Fish are wet.\nVery.');
});
