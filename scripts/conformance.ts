/**
 * Conformance runner: runs every parser case of a JSONL file through the field-level
 * parser API and reports passed/failed per field.
 *
 *   npm run conformance -- FILE.jsonl [--json] [--verbose]
 *
 * Dispatch is on `field` and `args` only. With --json the last line is one JSON object
 * `{field: {passed, failed}}`. Exit code 0 whenever the file could be read.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import * as api from '../src/parse/fields/index.js';

export interface ConformanceCase {
  id?: string;
  field: string;
  input: unknown;
  expected: unknown;
  args?: Record<string, unknown> | null;
  relation?: string | null;
}

export interface CaseResult {
  id: string;
  field: string;
  passed: boolean;
  expected: unknown;
  actual: unknown;
  error?: string;
}

export type FieldTally = Record<string, { passed: number; failed: number }>;

function arg<T>(c: ConformanceCase, name: string, fallback: T): T {
  const v = c.args?.[name];
  return v === undefined || v === null ? fallback : (v as T);
}

/** The value the API gives for a case, in the shape its `expected` is written. */
export function evaluateCase(c: ConformanceCase): { actual: unknown; expected: unknown } {
  const input = typeof c.input === 'string' ? c.input : String(c.input ?? '');
  switch (c.field) {
    case 'canonical_id':
      return { actual: api.canonicalizeId(input), expected: c.expected };
    case 'canonical_id_equivalence':
      return { actual: api.canonicalizeId(input), expected: api.canonicalizeId(String(c.expected)) };
    case 'tags':
      return { actual: api.parseTags(input, { canonicalize: arg(c, 'canonicalize', true) }), expected: c.expected };
    case 'subject':
      return { actual: api.parseSubject(input, { clean: arg(c, 'clean', true) }), expected: c.expected };
    case 'references': {
      const refId = arg<string | null>(c, 'reference_id', null);
      const refs = api.parseReferences(input, { year: arg<number | null>(c, 'year', null), referenceId: refId });
      return { actual: api.citedCableIds(refs, refId), expected: c.expected };
    }
    case 'references_detailed': {
      const refs = api.parseReferences(input, {
        year: arg<number | null>(c, 'year', null),
        referenceId: arg<string | null>(c, 'reference_id', null),
      });
      return { actual: refs.map((r) => ({ value: r.value, kind: r.kind, bullet: r.bullet, title: r.title })), expected: c.expected };
    }
    case 'classified_by':
      return { actual: api.parseClassifiedBy(input, { normalize: arg(c, 'normalize', false) }), expected: c.expected };
    case 'recipients':
      return { actual: api.parseRecipients(input), expected: c.expected };
    case 'info_recipients':
      return { actual: api.parseInfoRecipients(input), expected: c.expected };
    case 'signers':
      return { actual: api.parseSigners(input, { canonicalize: arg(c, 'canonicalize', false) }), expected: c.expected };
    case 'summary':
      return { actual: api.parseSummary(input), expected: c.expected };
    case 'nondisclosure_deadline':
      return { actual: api.parseNondisclosureDeadline(input), expected: c.expected };
    case 'titlefy':
      return { actual: api.titlefy(input), expected: c.expected };
    case 'tag_kind':
      return { actual: api.tagKind(input, arg(c, 'default', 'unknown')), expected: c.expected };
    case 'clean_content':
      return { actual: api.cleanContent(input), expected: c.expected };
    default:
      throw new Error(`unknown field ${c.field}`);
  }
}

export function runCase(c: ConformanceCase, index: number): CaseResult {
  const id = c.id ?? `#${index + 1}`;
  try {
    const { actual, expected } = evaluateCase(c);
    return { id, field: c.field, passed: isDeepStrictEqual(actual, expected), expected, actual };
  } catch (e) {
    return { id, field: c.field, passed: false, expected: c.expected, actual: undefined, error: (e as Error).message };
  }
}

/** Parses JSONL text into cases (blank lines skipped). Throws on a malformed line. */
export function parseCases(text: string): ConformanceCase[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l, i) => {
      try {
        return JSON.parse(l) as ConformanceCase;
      } catch (e) {
        throw new Error(`line ${i + 1} is not JSON: ${(e as Error).message}`);
      }
    });
}

/** Runs all cases; returns per-case results and the per-field tally. */
export function runConformance(cases: ConformanceCase[]): { results: CaseResult[]; tally: FieldTally } {
  const results = cases.map(runCase);
  const tally: FieldTally = {};
  for (const r of results) {
    const t = (tally[r.field] ??= { passed: 0, failed: 0 });
    if (r.passed) t.passed++;
    else t.failed++;
  }
  return { results, tally };
}

function main(argv: string[]): number {
  const file = argv.find((a) => !a.startsWith('--'));
  const json = argv.includes('--json');
  const verbose = argv.includes('--verbose');
  if (!file) {
    process.stderr.write('usage: conformance FILE.jsonl [--json] [--verbose]\n');
    return 2;
  }
  let cases: ConformanceCase[];
  try {
    cases = parseCases(readFileSync(file, 'utf8'));
  } catch (e) {
    process.stderr.write(`cannot read cases from ${file}: ${(e as Error).message}\n`);
    return 1;
  }
  const { results, tally } = runConformance(cases);
  if (verbose) {
    for (const r of results.filter((x) => !x.passed)) {
      process.stdout.write(`FAIL ${r.id}\n  expected: ${JSON.stringify(r.expected)}\n  actual:   ${r.error ? `error: ${r.error}` : JSON.stringify(r.actual)}\n`);
    }
  }
  for (const [field, t] of Object.entries(tally).sort()) {
    const total = t.passed + t.failed;
    process.stdout.write(`${field.padEnd(26)} ${String(t.passed).padStart(4)}/${String(total).padEnd(4)} ${((100 * t.passed) / total).toFixed(1)}%\n`);
  }
  if (json) process.stdout.write(`${JSON.stringify(tally)}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
