/**
 * Metadata agreement: on every cable page of the corpus, what the text alone says
 * (deriveFromText) must agree with the page's table where the text carries the field.
 * Rates and the explanation of the remaining disagreements: docs/parser-agreement.md
 * (list them with `npx tsx scripts/disagreements.ts`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readSources } from '../src/sources/read-sources.js';
import { AGREEMENT_FIELDS, compareWithTable, type AgreementField } from '../src/parse/metadata-agreement.js';
import { corpusDir, extracted, needsCorpus } from './support/corpus.js';

const REQUIRED: Record<AgreementField, number> = {
  referenceId: 0.99,
  classificationLevel: 0.99,
  origin: 0.99,
  createdHour: 0.99,
  classification: 0.95,
};

test('text vs site table: agreement rates on every cable page of every build', needsCorpus(), async () => {
  const paths = [
    join(extracted('site-2010-12-10-complete'), 'cable'),
    extracted('site-2011-04-cables'),
    extracted('site-2010-11-early-cables'),
    join(corpusDir, 'site-2011-08-final'),
  ];
  const counts = Object.fromEntries(AGREEMENT_FIELDS.map((f) => [f, { agree: 0, disagree: 0, unknown: 0 }])) as Record<
    AgreementField,
    { agree: number; disagree: number; unknown: number }
  >;
  let pages = 0;
  let partialPages = 0;
  for await (const item of readSources(paths)) {
    // The corpus cache's hidden `.complete` markers are named skips, not pages.
    if (!item.ok && item.reject.skipped && item.reject.code === 'E_SOURCE_IGNORED') continue;
    assert.ok(item.ok, item.ok ? '' : `${item.reject.source}: ${item.reject.reason}`);
    if (!item.ok) continue;
    pages++;
    const comparisons = compareWithTable(item.record);
    if (item.record.meta.partial) {
      partialPages++;
      // A partial extract has no routing header: no DTG, no FM line -> unknown, never a disagreement.
      for (const c of comparisons) if (c.field === 'origin' || c.field === 'createdHour') assert.equal(c.outcome, 'unknown');
    }
    for (const c of comparisons) counts[c.field][c.outcome]++;
  }
  assert.ok(pages > 7000, `read ${pages} cable pages`);
  assert.ok(partialPages > 0);
  for (const f of AGREEMENT_FIELDS) {
    const { agree, disagree } = counts[f];
    assert.ok(agree > pages * 0.8, `${f}: the text carries it on most pages (${agree} of ${pages})`);
    const rate = agree / (agree + disagree);
    assert.ok(rate >= REQUIRED[f], `${f}: agreement ${(rate * 100).toFixed(2)}% < ${REQUIRED[f] * 100}% (${disagree} disagreements)`);
  }
});
