/**
 * The inputs of the import benchmarks: the real corpus (every tarball of
 * ../shared/corpus, extracted through test/support/corpus.ts) and a generated demo
 * corpus cached under the OS temp folder.
 */
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_ARCHIVES, corpusAvailable, corpusDir, extracted } from '../test/support/corpus.js';
import { DEMO_FORMAT_VERSION, generateDemoCorpus } from '../src/demo/generate-demo-corpus.js';

export interface CorpusInput {
  label: string;
  /** Folders to import. */
  paths: string[];
  files: number;
  bytes: number;
  /** Seconds spent generating it in this run (demo corpus only; 0 when reused). */
  generatedSeconds?: number;
}

function tally(paths: string[]): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && (e.name.endsWith('.html') || e.name.endsWith('.txt'))) {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  paths.forEach(walk);
  return { files, bytes };
}

/** Every cable page and body extract of the real corpus's tarballs, or why not. */
export function realCorpusInput(): CorpusInput | string {
  if (!corpusAvailable()) return `the real corpus is not at ${corpusDir}`;
  const paths: string[] = [];
  for (const name of CORPUS_ARCHIVES) {
    const root = extracted(name);
    for (const sub of ['cable', 'cables']) if (existsSync(join(root, sub))) paths.push(join(root, sub));
  }
  return { label: `real corpus (${CORPUS_ARCHIVES.length} tarballs)`, paths, ...tally(paths) };
}

export function demoCacheDir(count: number, seed: number): string {
  return join(tmpdir(), 'cablegate-bench-demo', `v${DEMO_FORMAT_VERSION}-seed${seed}-count${count}`);
}

/** The generated corpus for (count, seed), generated on first use and reused after. */
export async function demoCorpusInput(count: number, seed: number, log: (s: string) => void): Promise<CorpusInput> {
  const dir = demoCacheDir(count, seed);
  const marker = join(dir, '.complete');
  let generatedSeconds = 0;
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    log(`generating ${count.toLocaleString('en-US')} demo cables (seed ${seed}) into ${dir} ...`);
    const t0 = performance.now();
    await generateDemoCorpus({ count, seed, out: dir });
    generatedSeconds = (performance.now() - t0) / 1000;
    writeFileSync(marker, '');
    log(`generated in ${generatedSeconds.toFixed(1)} s`);
  }
  const paths = [join(dir, 'cable')];
  return { label: `demo corpus (${count.toLocaleString('en-US')} cables, seed ${seed})`, paths, ...tally(paths), generatedSeconds };
}
