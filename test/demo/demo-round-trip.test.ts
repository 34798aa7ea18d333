import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoPages, generateDemoCorpus } from '../../src/demo/generate-demo-corpus.js';
import { readSources } from '../../src/sources/read-sources.js';
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

test('a generated corpus on disk reads back through readSources, one record per page', async () => {
  const root = mkdtempSync(join(tmpdir(), 'cablegate-demo-rt-'));
  try {
    const { files } = await generateDemoCorpus({ count: 150, seed: 9, out: root });
    const expected = new Map([...demoPages(150, 9)].map((p) => [p.cable.id, p.cable]));
    const seen = new Set<string>();
    for await (const item of readSources([root])) {
      assert.ok(item.ok, item.ok ? '' : `${item.reject.source}: ${item.reject.reason}`);
      assert.equal(item.record.format, 'site-page');
      const parsed = parseCable(item.record);
      const cable = expected.get(parsed.canonicalId ?? '');
      assert.ok(cable, `unexpected id ${String(parsed.canonicalId)}`);
      assert.equal(parsed.subject, cable.subject);
      assert.deepEqual(parsed.references, cable.references);
      seen.add(cable.id);
    }
    assert.equal(seen.size, files);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
