/**
 * `npm run bench [-- SECTION...] [--count N] [--seed S] [--workers W]`: runs the named
 * benchmark sections (all when none is named), prints a report and writes the figures
 * to bench-results/latest.json (and a timestamped copy).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../test/support/corpus.js';
import { DEFAULT_DEMO_SEED } from '../src/demo/generate-demo-corpus.js';
import { describeMachine, loadAverage, machineInfo } from './machine.js';
import { benchGenerate } from './section-generate.js';
import { benchImport } from './section-import.js';
import { benchSearch } from './search-bench.js';
import { benchExport } from './export-bench.js';
import { benchWeb } from './web-bench.js';
import { benchPostgres } from './postgres-bench.js';
import { benchRelease } from './release-bench.js';
import type { BenchContext, SectionResult } from './bench-context.js';

const SECTIONS: Record<string, (ctx: BenchContext) => Promise<SectionResult>> = {
  generate: benchGenerate,
  import: benchImport,
  search: benchSearch,
  export: benchExport,
  web: benchWeb,
  release: benchRelease,
  postgres: benchPostgres,
};

const FULL_COUNT = 251_287;

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\nusage: node dist/bench/run.js [${Object.keys(SECTIONS).join('|')}]... [--count N] [--seed S] [--workers W]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { sections: string[]; count: number; seed: number; workers: number } {
  const sections: string[] = [];
  let count = FULL_COUNT;
  let seed = DEFAULT_DEMO_SEED;
  let workers = 2;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (name: string, min: number) => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < min) usage(`${name} needs a whole number >= ${min}`);
      return v;
    };
    if (a === '--count') count = num('--count', 1);
    else if (a === '--seed') seed = num('--seed', 0);
    else if (a === '--workers') workers = num('--workers', 0);
    else if (a in SECTIONS) sections.push(a);
    else usage(`unknown argument ${a}`);
  }
  return { sections: sections.length ? sections : Object.keys(SECTIONS), count, seed, workers };
}

const args = parseArgs(process.argv.slice(2));
const machine = machineInfo();
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const ctx: BenchContext = { count: args.count, seed: args.seed, workers: args.workers, log };
const startedAt = new Date().toISOString();
const results: Record<string, SectionResult> = {};
const report: string[] = [`Cablegate benchmarks — ${startedAt}`, `Machine: ${describeMachine(machine)}`, `Demo corpus: ${args.count.toLocaleString('en-US')} cables, seed ${args.seed}; importer parse workers: ${args.workers}`, ''];

for (const name of args.sections) {
  let result: SectionResult;
  const loadBefore = loadAverage();
  try {
    result = await SECTIONS[name](ctx);
  } catch (e) {
    result = { ran: false, why: e instanceof Error ? e.message : String(e) };
  }
  const loadAfter = loadAverage();
  results[name] = result.ran ? { ...result, figures: { ...result.figures, loadAverage: { before: loadBefore, after: loadAfter } } } : result;
  report.push(`== ${name} == (1-min load average ${loadBefore} before, ${loadAfter} after, on ${machine.nproc} CPUs)`);
  report.push(...(result.ran ? result.lines : [`  could not run: ${result.why}`]), '');
}

process.stdout.write(report.join('\n') + '\n');
const outDir = join(projectRoot, 'bench-results');
mkdirSync(outDir, { recursive: true });
const json = JSON.stringify({ startedAt, machine, args, results }, null, 2) + '\n';
writeFileSync(join(outDir, 'latest.json'), json);
writeFileSync(join(outDir, `${startedAt.replace(/[:.]/g, '-')}.json`), json);
process.stdout.write(`Figures written to ${join(outDir, 'latest.json')}\n`);
