/**
 * Lists every disagreement between a site page's metadata table and what the cable's
 * text alone says, over every cable page of the corpus, with the agreement rates.
 * Run: npx tsx scripts/disagreements.ts [--summary] [folder-or-file ...]
 * (default: every site build of the corpus; see docs/parser-agreement.md).
 */
import { join } from 'node:path';
import { readSources } from '../src/sources/read-sources.js';
import { AGREEMENT_FIELDS, compareWithTable, type AgreementField } from '../src/parse/metadata-agreement.js';
import { corpusDir, extracted } from '../test/support/corpus.js';

const args = process.argv.slice(2);
const summaryOnly = args.includes('--summary');
const given = args.filter((a) => !a.startsWith('--'));
const paths = given.length
  ? given
  : [
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
let rejects = 0;
for await (const item of readSources(paths)) {
  if (!item.ok && item.reject.skipped) continue; // a named skip (hidden file, browse page), not a page
  if (!item.ok) {
    rejects++;
    console.log(`REJECT\t${item.reject.source}\t${item.reject.code}\t${item.reject.reason}`);
    continue;
  }
  pages++;
  for (const c of compareWithTable(item.record)) {
    counts[c.field][c.outcome]++;
    if (c.outcome === 'disagree' && !summaryOnly) {
      console.log(`${item.record.source}\t${c.field}\ttable=${c.table}\tderived=${c.derived}`);
    }
  }
}
console.log(`\n${pages} cable pages, ${rejects} rejects`);
for (const f of AGREEMENT_FIELDS) {
  const { agree, disagree, unknown } = counts[f];
  const rate = agree + disagree ? (100 * agree) / (agree + disagree) : 100;
  console.log(`${f.padEnd(20)} agree ${agree}\tdisagree ${disagree}\tunknown ${unknown}\trate ${rate.toFixed(2)}%`);
}
