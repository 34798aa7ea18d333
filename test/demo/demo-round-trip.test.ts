import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoPages } from '../../src/demo/generate-demo-corpus.js';
import { extractSitePage } from '../../src/parse/site-page.js';
import { parseCable } from '../../src/parse/cable.js';

test('generated pages parse back to the facts they were generated from', () => {
  let withRefs = 0;
  let partial = 0;
  let withArticles = 0;
  let headerless = 0;
  for (const { cable, path, html } of demoPages(1500, 42)) {
    const item = extractSitePage(html, path);
    assert.ok(item.ok, `${path} was rejected: ${item.ok ? '' : item.reject.reason}`);
    const parsed = parseCable(item.record);
    const expected = {
      canonicalId: cable.id,
      classification: cable.classification,
      origin: cable.origin,
      created: cable.created,
      released: cable.released,
      tags: cable.tags,
      subject: cable.subject,
      references: cable.references,
      partial: cable.partial,
      signers: [cable.signer],
      articles: cable.articles.map((a) => a.url),
    };
    const actual = {
      canonicalId: parsed.canonicalId,
      classification: parsed.classification,
      origin: parsed.origin,
      created: parsed.created,
      released: parsed.released,
      tags: parsed.tags,
      subject: parsed.subject,
      references: parsed.references,
      partial: parsed.partial,
      signers: parsed.signers,
      articles: parsed.articles.map((a) => a.url),
    };
    assert.deepEqual(actual, expected, path);
    assert.equal(item.record.meta.referenceId, cable.id);
    if (cable.references.length) withRefs++;
    if (cable.partial) partial++;
    if (cable.articles.length) withArticles++;
    if (cable.header === null) headerless++;
  }
  // The sample exercises the variants the format has.
  assert.ok(withRefs > 100 && partial > 20 && withArticles > 5 && headerless > 50, JSON.stringify({ withRefs, partial, withArticles, headerless }));
});
