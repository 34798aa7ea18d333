/**
 * Benchmark section `import`: importArchive over (a) the real corpus and (b) a
 * generated demo corpus, each in a fresh process, against (c) the floor: the same
 * texts inserted into a bare SQLite FTS5 table. Goal: import within 1.4x of the
 * floor, peak RSS under 500 MB.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { demoCacheDir, demoCorpusInput, realCorpusInput, type CorpusInput } from './corpus-inputs.js';
import { extractTextsTo } from './extract-texts.js';
import { runChild } from './run-child.js';
import type { BenchContext, SectionResult } from './bench-context.js';
import type { ImportSummary } from '../src/import/import-summary.js';

export const RATIO_GOAL = 1.4;
export const RSS_GOAL_MIB = 500;

interface ImportChildResult {
  summary: ImportSummary;
  rejects: Record<string, number>;
  seconds: number;
  dbBytes: number;
}

interface FloorChildResult {
  cables: number;
  textBytes: number;
  seconds: number;
  dbBytes: number;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function measureCorpus(ctx: BenchContext, input: CorpusInput, textsFile: string): Promise<{ figures: Record<string, unknown>; lines: string[] }> {
  const lines: string[] = [`  ${input.label}: ${fmt(input.files)} files, ${fmt(input.bytes / 1e6, 1)} MB`];
  const figures: Record<string, unknown> = { input: { label: input.label, files: input.files, bytes: input.bytes } };
  if (input.generatedSeconds) {
    figures.generatedSeconds = input.generatedSeconds;
    lines.push(`    generated in ${input.generatedSeconds.toFixed(1)} s (${fmt(input.files / input.generatedSeconds)} cables/s)`);
  }
  const dbFile = join(tmpdir(), `cablegate-bench-${process.pid}.db`);

  ctx.log(`import: ${input.label} (${ctx.workers} parse workers) ...`);
  const imp = await runChild<ImportChildResult>('child-import', [dbFile, String(ctx.workers), ...input.paths]);
  let importRate: number | null = null;
  if (!imp.ok) {
    figures.import = { ran: false, why: imp.error };
    lines.push(`    import: could not run — ${imp.error.replace(/\n/g, '\n      ')}`);
  } else {
    const { summary, rejects, seconds, dbBytes, maxRssMiB } = imp.result;
    const cables = summary.new + summary.changed + summary.unchanged;
    importRate = cables / seconds;
    figures.import = { summary, rejects, seconds, cablesPerSecond: importRate, megabytesPerSecond: input.bytes / 1e6 / seconds, peakRssMiB: maxRssMiB, dbBytes };
    lines.push(
      `    import: ${fmt(cables)} cables (${fmt(summary.new)} new, ${fmt(summary.changed)} changed, ${fmt(summary.unchanged)} unchanged), ${fmt(summary.rejected)} rejected`,
      `            ${seconds.toFixed(1)} s, ${fmt(importRate)} cables/s, ${fmt(input.bytes / 1e6 / seconds, 1)} MB/s of input, peak RSS ${fmt(maxRssMiB)} MiB${maxRssMiB > RSS_GOAL_MIB ? ` (over the ${RSS_GOAL_MIB} MiB goal)` : ''}, database ${fmt(dbBytes / 1e6, 1)} MB`,
    );
    if (Object.keys(rejects).length) lines.push(`            rejects: ${Object.entries(rejects).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`);
  }

  ctx.log(`floor: extracting texts to ${textsFile} (not timed) ...`);
  await extractTextsTo(input.paths, textsFile);
  ctx.log('floor: bare FTS5 inserts ...');
  const floor = await runChild<FloorChildResult>('child-floor', [textsFile, dbFile]);
  if (!floor.ok) {
    figures.floor = { ran: false, why: floor.error };
    lines.push(`    floor: could not run — ${floor.error}`);
  } else {
    const { cables, textBytes, seconds, dbBytes, maxRssMiB } = floor.result;
    const floorRate = cables / seconds;
    figures.floor = { cables, textBytes, seconds, cablesPerSecond: floorRate, peakRssMiB: maxRssMiB, dbBytes };
    lines.push(`    floor (bare FTS5, 1000 rows/transaction): ${fmt(cables)} texts, ${seconds.toFixed(1)} s, ${fmt(floorRate)} cables/s`);
    if (importRate !== null) {
      const ratio = floorRate / importRate;
      figures.ratio = ratio;
      lines.push(`    import / floor time per cable: ${ratio.toFixed(2)}x (goal under ${RATIO_GOAL}x: ${ratio < RATIO_GOAL ? 'met' : 'NOT met'})`);
    }
  }
  return { figures, lines };
}

export async function benchImport(ctx: BenchContext): Promise<SectionResult> {
  const textsDir = join(tmpdir(), 'cablegate-bench-texts');
  mkdirSync(textsDir, { recursive: true });
  const figures: Record<string, unknown> = {};
  const lines: string[] = [];

  const real = realCorpusInput();
  if (typeof real === 'string') {
    figures.real = { ran: false, why: real };
    lines.push(`  real corpus: could not run — ${real}`);
  } else {
    const r = await measureCorpus(ctx, real, join(textsDir, 'real-corpus.jsonl'));
    figures.real = r.figures;
    lines.push(...r.lines);
  }

  const reused = existsSync(join(demoCacheDir(ctx.count, ctx.seed), '.complete'));
  const demo = await demoCorpusInput(ctx.count, ctx.seed, ctx.log);
  const d = await measureCorpus(ctx, demo, join(textsDir, `${basename(demoCacheDir(ctx.count, ctx.seed))}.jsonl`));
  figures.demo = { ...d.figures, reusedCache: reused };
  lines.push(...d.lines);
  return { ran: true, figures, lines };
}
