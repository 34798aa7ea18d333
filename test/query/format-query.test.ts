/** Writing queries back: the filters a reader can take away one at a time. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeFilters } from '../../src/query/format-query.js';

test('top-level filters, each with the query without it', () => {
  assert.deepEqual(activeFilters('widget tag:PREL origin:"Embassy Alphaville"'), [
    { text: 'tag:PREL', without: 'widget origin:"Embassy Alphaville"' },
    { text: 'origin:"Embassy Alphaville"', without: 'widget tag:PREL' },
  ]);
  assert.deepEqual(activeFilters('created:2009-01..2009-06'), [{ text: 'created:2009-01..2009-06', without: '' }]);
  assert.deepEqual(activeFilters('-tag:PREL iran'), [{ text: '-tag:PREL', without: 'iran' }]);
  assert.deepEqual(activeFilters('iran NOT   classification:secret'), [{ text: 'NOT classification:secret', without: 'iran' }]);
  assert.deepEqual(activeFilters('Tag:pter'), [{ text: 'Tag:pter', without: '' }]);
});

test('no filter where taking one away would change what the rest means', () => {
  assert.deepEqual(activeFilters('tag:PREL OR tag:PTER'), []);
  assert.deepEqual(activeFilters('(tag:PREL widget) OR iran'), []);
  assert.deepEqual(activeFilters('"tag:PREL in a phrase" widget'), []);
  assert.deepEqual(activeFilters('widget talks'), []);
  assert.deepEqual(activeFilters('foo:bar'), [], 'an unknown field is text');
  assert.deepEqual(activeFilters('(a OR b) tag:X').map((f) => f.without), ['(a OR b)']);
});
