/** Validates Atom documents against RFC 4287's RELAX NG schema (test/fixtures/atom-rfc4287.rnc) with jing (Debian's package; .ci/run installs it). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The schema stays in test/fixtures: found beside this file under tsx, and from the compiled
// copy in dist/test/support (the build copies no fixtures).
const SCHEMA = [new URL('../fixtures/atom-rfc4287.rnc', import.meta.url), new URL('../../../test/fixtures/atom-rfc4287.rnc', import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((p) => existsSync(p));

/** jing's complaints about this document (empty when it is valid Atom). */
export function atomProblems(xml: string): string {
  assert.ok(SCHEMA, 'the RFC 4287 schema is in test/fixtures/atom-rfc4287.rnc');
  const dir = mkdtempSync(join(tmpdir(), 'cablegate-atom-'));
  try {
    const file = join(dir, 'feed.xml');
    writeFileSync(file, xml);
    const r = spawnSync('jing', ['-c', SCHEMA!, file], { encoding: 'utf8' });
    assert.equal(r.error, undefined, 'jing runs (Debian package jing; .ci/run installs it)');
    if (r.status === 0) return '';
    // The schema's findings name the file; anything else jing said (a JVM failure) is shown whole.
    const output = `${r.stdout}${r.stderr}`;
    return output.split('\n').filter((l) => l.includes(file)).join('\n') || `jing exit ${r.status}: ${output.split('\n').filter((l) => !l.includes('[warning]')).join(' ').trim()}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
