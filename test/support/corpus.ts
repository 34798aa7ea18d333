/**
 * Access to the real corpus in ../shared/corpus for tests and benchmarks.
 * Archives are extracted once into a cache folder under the OS temp dir.
 * Outside CI a missing corpus skips the test (with the reason); in CI (CI=true) it fails.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Project root (works from both test/ and dist/test/). */
export const projectRoot = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
})();

export const corpusDir = resolve(process.env.CABLEGATE_CORPUS ?? join(projectRoot, '..', 'shared', 'corpus'));

export const CORPUS_ARCHIVES = [
  'site-2010-12-10-complete',
  'site-2011-04-cables',
  'site-2010-11-early-cables',
  'body-extracts-2011',
] as const;
export type CorpusArchive = (typeof CORPUS_ARCHIVES)[number];

export function corpusAvailable(): boolean {
  return existsSync(join(corpusDir, 'README.md'));
}

/**
 * Options for node:test's `test(name, options, fn)`: skip when the corpus is missing,
 * except in CI where the test must run (and fail).
 */
export function needsCorpus(): { skip?: string } {
  if (corpusAvailable() || process.env.CI === 'true') return {};
  return { skip: `real corpus not found at ${corpusDir}` };
}

/** Throws a clear error when the corpus is missing (the test then fails). */
export function requireCorpus(): string {
  if (!corpusAvailable()) {
    throw new Error(`The real corpus is missing at ${corpusDir}. Tests that need it fail in CI; put ../shared/corpus beside the project or set CABLEGATE_CORPUS.`);
  }
  return corpusDir;
}

const cacheRoot = join(tmpdir(), 'cablegate-corpus-cache');

/** Path of an extracted archive (extracting it on first use). */
export function extracted(name: CorpusArchive): string {
  requireCorpus();
  const target = join(cacheRoot, name);
  if (existsSync(join(target, '.complete'))) return target;
  mkdirSync(cacheRoot, { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  execFileSync('tar', ['-xJf', join(corpusDir, `${name}.tar.xz`), '-C', partial]);
  execFileSync('touch', [join(partial, '.complete')]);
  try {
    renameSync(partial, target);
  } catch {
    // Another test process won the race; use its copy.
    rmSync(partial, { recursive: true, force: true });
  }
  return target;
}

/** Every file below dir with the given ending, sorted. */
export function listFiles(dir: string, ending: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(ending)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}
