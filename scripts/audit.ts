/**
 * Field audit over the whole real corpus: runs the parser over every cable record of
 * ../shared/corpus (all site builds, body extracts, plain text) and lists, for one field,
 * the distribution of its values and its outliers (see src/parse/field-outliers.ts).
 *
 *   npm run audit -- FIELD [--all] [--json] [--tokens] [--acronyms]
 *
 * FIELD: classified_by | signers | subject | tags | titlefy, or `all` for one summary line per
 * field (outliers, cables with an outlier, rate). Prints the most common values,
 * then every outlier (id, reason), then the outlier count and rate. --all lists every
 * value; --json prints one summary object; --tokens (classified_by) lists the words of the
 * CLASSIFIED BY lines that are not part of the name (the source of tables/titles.ts);
 * --acronyms (titlefy) lists the words the corpus writes upper-case in mixed-case prose
 * (the source of tables/acronyms.ts).
 */
import { auditCorpus } from '../test/support/corpus-audit.js';
import { AUDIT_FIELDS, acronymsOf, type AuditField } from '../src/parse/field-outliers.js';

const args = process.argv.slice(2);
const field = args.find((a) => !a.startsWith('--')) as AuditField | undefined;
if (!field || !(AUDIT_FIELDS.includes(field) || (field as string) === 'all')) {
  console.error(`usage: npm run audit -- FIELD [--all] [--json] [--tokens] [--acronyms]\nFIELD is one of: ${AUDIT_FIELDS.join(', ')}`);
  process.exit(2);
}
const audit = await auditCorpus();
if ((field as string) === 'all') {
  for (const f of AUDIT_FIELDS) {
    const r = audit.fields[f];
    console.log(`${f.padEnd(14)} outliers ${String(r.outliers.length).padStart(5)}  cables ${String(Math.round(r.rate * audit.cables)).padStart(5)} of ${audit.cables}  rate ${(100 * r.rate).toFixed(2)}%`);
  }
  process.exit(0);
}
const result = audit.fields[field];

if (args.includes('--acronyms')) {
  console.log(acronymsOf(audit.evidence).join(' '));
  process.exit(0);
}
if (args.includes('--tokens')) {
  for (const [t, n] of audit.classifiedByTokens) console.log(`${n}\t${t}`);
  process.exit(0);
}
if (args.includes('--json')) {
  console.log(JSON.stringify({ field, cables: audit.cables, withValue: result.withValue, outliers: result.outliers.length, rate: result.rate }));
  process.exit(0);
}
const values = [...result.values.entries()].sort((a, b) => b[1] - a[1]);
console.log(`# ${field}: ${values.length} distinct values over ${result.withValue} of ${audit.cables} cables`);
for (const [v, n] of args.includes('--all') ? values : values.slice(0, 40)) console.log(`${n}\t${v}`);
console.log(`\n# outliers`);
for (const o of result.outliers) console.log(`${o.id}\t${o.reason}`);
console.log(`\n${field}: ${result.outliers.length} outliers in ${audit.cables} cables (${(100 * result.rate).toFixed(2)}%)`);
