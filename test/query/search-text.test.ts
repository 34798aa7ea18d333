import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldWord, normaliseSearchText, searchWords } from '../../src/query/search-text.js';
import { findHits, highlightTerms, makeSnippet, termsFromWords } from '../../src/query/highlight.js';
import { parseQuery } from '../../src/query/parse-query.js';
import { quoteValue, withFilter } from '../../src/query/format-query.js';

test('folding: case, accents, leading zeros', () => {
  assert.equal(foldWord('Zürich'), 'zurich');
  assert.equal(foldWord('CAFÉ'), 'cafe');
  assert.equal(foldWord('000159'), '159');
  assert.equal(foldWord('0'), '0');
  assert.deepEqual(searchWords('U.S.-Syria talks, 000284'), ['u', 's', 'syria', 'talks', '284']);
});

test('redaction runs are removed from indexed text', () => {
  assert.equal(normaliseSearchText('met XXXXXXXXXXXX and ###### today').replace(/\s+/g, ' '), 'met and today');
  assert.deepEqual(searchWords('XXXXXXXXXXXX'), []);
  assert.deepEqual(searchWords('######'), []);
});

test('hits and snippets on the original text', () => {
  const text = 'The minister met in Zürich at 0800. ALPHAVILLE 000159 was cited.';
  const hits = findHits(text, highlightTerms(parseQuery('zurich 159 minis*').root));
  assert.deepEqual(hits.map((h) => text.slice(h.start, h.end)), ['minister', 'Zürich', '000159']);
  const phrase = findHits(text, highlightTerms(parseQuery('"was cited"').root));
  assert.deepEqual(phrase.map((h) => text.slice(h.start, h.end)), ['was cited']);
  assert.deepEqual(findHits(text, highlightTerms(parseQuery('-minister').root)), []);
  const long = 'filler '.repeat(200) + 'the needle is here ' + 'filler '.repeat(200);
  const s = makeSnippet(long, termsFromWords('needle'));
  assert.ok(s.cutStart && s.cutEnd);
  assert.equal(s.hits.length, 1);
  assert.equal(s.text.slice(s.hits[0].start, s.hits[0].end), 'needle');
});

test('filters are added to query text with quoting', () => {
  assert.equal(quoteValue('PTER'), 'PTER');
  assert.equal(quoteValue('Embassy Damascus'), '"Embassy Damascus"');
  assert.equal(withFilter('iran', 'origin', 'Embassy Damascus'), 'iran origin:"Embassy Damascus"');
  assert.equal(withFilter('iran tag:PTER', 'tag', 'PTER'), 'iran tag:PTER');
  assert.equal(withFilter('', 'tag', 'PTER'), 'tag:PTER');
});

test('highlight words from ?hl=: whole words and word* prefixes', () => {
  const text = 'Widgets and the widget factory';
  const hits = findHits(text, termsFromWords('widget* factory'));
  assert.deepEqual(hits.map((h) => text.slice(h.start, h.end)), ['Widgets', 'widget', 'factory']);
  assert.deepEqual(findHits(text, termsFromWords('widget')).map((h) => text.slice(h.start, h.end)), ['widget']);
});
