import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanContent } from '../../../src/parse/fields/index.js';

test('clean content: opener and the spaces after it go, closer and the spaces after it go', () => {
  assert.equal(cleanContent('3. (C) Comment: Fish line 1\nLine 2.  End Comment. \nLine 3\n'), 'Fish line 1\nLine 2.  \nLine 3\n');
  assert.equal(cleanContent('1. (S) Summary and comment. Fish [.\n..]. End Summary and Comment.\n'), 'Fish [.\n..]. \n');
});

test('clean content: an in-sentence "comment." stays', () => {
  assert.equal(cleanContent('He declined to comment. Then he left.'), 'He declined to comment. Then he left.');
});

test('clean content: a lone SIPDIS line and the blank lines before it collapse', () => {
  assert.equal(cleanContent('1. (C) Fish \n[...]\n\nSIPDIS\nMore fish'), 'Fish \n[...]\nMore fish');
  assert.equal(cleanContent('Fish\n\nSIPDIS\nNot SIPDIS here'), 'Fish\nNot SIPDIS here');
});

test('clean content: redaction runs go, ordinary double x stays', () => {
  assert.equal(cleanContent('met XXXXXXXXXXXX today'), 'met  today');
  assert.equal(cleanContent('xx'), '');
  assert.equal(cleanContent('Exxon'), 'Exxon');
});
