import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './support/corpus.js';
import { parseCases, runConformance } from '../scripts/conformance.js';

const casesFile = join(projectRoot, '..', 'shared', 'peer-cases', 'cases.jsonl');
const available = existsSync(casesFile);
const opts = available || process.env.CI === 'true' ? {} : { skip: `peer cases not found at ${casesFile}` };

/**
 * Required pass rate per field on the peer cases: 95% everywhere, 100% for ids.
 * references_detailed holds 2 cases whose expectation cannot be met as written (the README
 * lists them among its evident typos: `B. 2962` expected as ...2969, and `A) 6307` expected
 * as an ANKARA cable with no station in the input), so its bar is what remains: 32 of 34.
 */
const TARGETS: Record<string, number> = {
  canonical_id: 1,
  // Two cases (`092OF5`, `06ASTANA`) carry no serial or no station: no rule can repair
  // them, and no page of the corpus confirms their answers, so they are not looked up
  // (see src/parse/tables/malformed-ids.ts). Every other pair must hold.
  canonical_id_equivalence: 130 / 132,
  tags: 0.95,
  subject: 0.95,
  references: 0.95,
  references_detailed: 32 / 34,
  classified_by: 0.95,
  recipients: 0.95,
  info_recipients: 0.95,
  signers: 0.95,
  summary: 0.95,
  nondisclosure_deadline: 0.95,
  tag_kind: 0.95,
  titlefy: 0.95,
  clean_content: 0.95,
};

test('peer conformance cases pass at the target rates', opts, () => {
  const { tally } = runConformance(parseCases(readFileSync(casesFile, 'utf8')));
  for (const [field, rate] of Object.entries(TARGETS)) {
    const t = tally[field];
    assert.ok(t, `no cases for ${field}`);
    const got = t.passed / (t.passed + t.failed);
    assert.ok(got >= rate, `${field}: ${t.passed}/${t.passed + t.failed} passed, need ${(rate * 100).toFixed(1)}%`);
  }
});

test('every field of the case file has a target', opts, () => {
  const { tally } = runConformance(parseCases(readFileSync(casesFile, 'utf8')));
  for (const field of Object.keys(tally)) assert.ok(field in TARGETS, `no target for ${field}`);
});

test('the runner reports a failure for a wrong expectation instead of throwing', () => {
  const { tally, results } = runConformance([
    { field: 'canonical_id', input: '09SECSTATE12', expected: '09STATE12' },
    { field: 'canonical_id', input: '09SECSTATE12', expected: '09WRONG12' },
    { field: 'no_such_field', input: 'x', expected: 'x' },
  ]);
  assert.deepEqual(tally.canonical_id, { passed: 1, failed: 1 });
  assert.equal(results[2].passed, false);
});
