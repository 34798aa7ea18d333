/**
 * Benchmark section `export`: a full static export of the generated demo archive (all
 * but 1,000 cables released: every 251st by id, so they spread over the browse keys), then
 * an incremental export after releasing those 1,000 in one new release (now), as a
 * publisher's next batch would be (the full export's files flushed to disk first).
 * Goals: full export under 5 minutes on 2 cores, incremental under 15 s.
 * The archive is imported once and cached under the OS temp folder. The exports run in
 * a child process (this file, run with `--child`), so peak RSS is the export's own.
 */
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoCorpusInput } from './corpus-inputs.js';
import { reportResult, runChild } from './run-child.js';
import type { BenchContext, SectionResult } from './bench-context.js';

export const FULL_GOAL_S = 300;
export const INCREMENTAL_GOAL_S = 15;
const HELD_BACK = 1000;

interface ExportFigures {
  timings: Record<string, number>;
  seconds: number;
  files: number;
  bytes: number;
  written: number;
  unchanged: number;
  removed: number;
  pagesRendered: number;
}

interface ChildResult {
  importSeconds: number | null;
  released: number;
  full: ExportFigures & { pagesPerSecond: number; cablePages: number; cableHtmlMeanBytes: number; bulkBytes: number; searchIndexBytes: number };
  incremental: ExportFigures & { mode: string; reason: string };
}

const steps = (t: Record<string, number>) => Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function benchExport(ctx: BenchContext): Promise<SectionResult> {
  const demo = await demoCorpusInput(ctx.count, ctx.seed, ctx.log);
  const db = join(tmpdir(), `cablegate-bench-export-seed${ctx.seed}-count${ctx.count}.db`);
  const out = join(tmpdir(), `cablegate-bench-mirror-${process.pid}`);
  ctx.log(`export: archive ${db}${existsSync(db) ? ' (cached)' : ' (importing first)'}, mirror ${out} ...`);
  const r = await runChild<ChildResult>('export-bench', ['--child', db, out, String(ctx.workers), ...demo.paths]);
  rmSync(out, { recursive: true, force: true });
  if (!r.ok) return { ran: false, why: r.error };
  const { full, incremental } = r.result;
  const lines = [
    `  ${demo.label}: ${fmt(r.result.released)} released after the incremental step${r.result.importSeconds !== null ? `; imported in ${r.result.importSeconds.toFixed(1)} s (not part of the export)` : ''}`,
    `    full export: ${full.seconds.toFixed(1)} s, ${fmt(full.pagesRendered)} pages rendered (${fmt(full.pagesPerSecond)} pages/s), ${fmt(full.files)} files, ${fmt(full.bytes / 1e6, 1)} MB (goal under ${FULL_GOAL_S} s: ${full.seconds < FULL_GOAL_S ? 'met' : 'NOT met'})`,
    `      cable pages: ${fmt(full.cablePages)}, mean HTML ${fmt(full.cableHtmlMeanBytes)} bytes; search index ${fmt(full.searchIndexBytes / 1e6, 1)} MB; bulk data ${fmt(full.bulkBytes / 1e6, 1)} MB`,
    `    incremental after releasing ${fmt(HELD_BACK)} more (${incremental.mode}: ${incremental.reason}): ${incremental.seconds.toFixed(1)} s, ${fmt(incremental.pagesRendered)} pages rendered, ${fmt(incremental.written)} written, ${fmt(incremental.unchanged)} unchanged, ${fmt(incremental.removed)} removed (goal under ${INCREMENTAL_GOAL_S} s: ${incremental.seconds < INCREMENTAL_GOAL_S ? 'met' : 'NOT met'})`,
    `      steps (s): full ${steps(full.timings)}; incremental ${steps(incremental.timings)}`,
    `    peak RSS of the export process: ${fmt(r.result.maxRssMiB)} MiB`,
  ];
  return { ran: true, figures: { ...r.result, goals: { fullSeconds: FULL_GOAL_S, incrementalSeconds: INCREMENTAL_GOAL_S } }, lines };
}

async function child(db: string, out: string, workers: number, paths: string[]): Promise<void> {
  const { openStore } = await import('../src/store/open-store.js');
  const { importArchive } = await import('../src/import/import-archive.js');
  const { exportSite } = await import('../src/export/export-site.js');
  let importSeconds: number | null = null;
  if (!existsSync(db)) {
    const partial = `${db}.partial`;
    for (const s of ['', '-wal', '-shm']) rmSync(partial + s, { force: true });
    const t0 = performance.now();
    const s = await openStore(partial);
    await importArchive(s, paths, { workers: Math.max(1, workers) });
    await s.close();
    importSeconds = (performance.now() - t0) / 1000;
    const { renameSync } = await import('node:fs');
    renameSync(partial, db);
  }
  const store = await openStore(db);
  // Put the archive back as imported (every cable released at its own time), then hold back 1,000.
  const unreleased = await store.listCables({ sort: 'id' });
  const { rows: everyone } = unreleased;
  const heldBack = everyone.filter((_, i) => i % Math.floor(everyone.length / HELD_BACK) === 0).slice(0, HELD_BACK).map((r) => r.canonicalId);
  const originalTimes = new Map(everyone.map((r) => [r.canonicalId, r.releasedAt]));
  await store.setReleased(heldBack, null);
  rmSync(out, { recursive: true, force: true });
  const figures = (s: { timings: Record<string, number>; seconds: number; files: number; bytes: number; written: number; unchanged: number; removed: number; pagesRendered: number }): ExportFigures => ({
    seconds: s.seconds, files: s.files, bytes: s.bytes, written: s.written, unchanged: s.unchanged, removed: s.removed, pagesRendered: s.pagesRendered, timings: s.timings,
  });
  try {
    const full = await exportSite({ store, dbLocation: db, dir: out, workers, onProgress: progress() });
    const cableHtml = full.manifest.files.filter((f) => f.path.startsWith('cable/') && f.path.endsWith('.html'));
    const size = (pred: (p: string) => boolean) => full.manifest.files.filter((f) => pred(f.path)).reduce((n, f) => n + f.size, 0);
    // The full export leaves gigabytes of written pages for the kernel to flush: flushed
    // first, as they are when a publisher exports the next release (not seconds later).
    execFileSync('sync');
    // The next release: the held-back cables, now.
    await store.setReleased(heldBack, `${new Date().toISOString().slice(0, 16)}Z`);
    const inc = await exportSite({ store, dbLocation: db, dir: out, workers, onProgress: progress() });
    reportResult({
      importSeconds,
      released: inc.releasedCables,
      full: {
        ...figures(full),
        pagesPerSecond: full.pagesRendered / full.seconds,
        cablePages: cableHtml.length,
        cableHtmlMeanBytes: cableHtml.reduce((n, f) => n + f.size, 0) / Math.max(1, cableHtml.length),
        bulkBytes: size((p) => p.endsWith('.gz')),
        searchIndexBytes: size((p) => p.startsWith('search-index/')),
      },
      incremental: { ...figures(inc), mode: inc.mode, reason: inc.reason },
    } satisfies ChildResult);
  } finally {
    // Leave the cached archive as imported: the held-back cables at their own release times.
    const byTime = new Map<string, string[]>();
    for (const id of heldBack) {
      const t = originalTimes.get(id) ?? '2010-11-28T18:00Z';
      byTime.set(t, [...(byTime.get(t) ?? []), id]);
    }
    for (const [t, ids] of byTime) await store.setReleased(ids, t);
    await store.close();
  }
}

function progress() {
  let last = Date.now();
  return (p: { rendered: number; queued: number }) => {
    if (Date.now() - last < 10_000) return;
    last = Date.now();
    process.stderr.write(`[bench] export: ${p.rendered.toLocaleString('en-US')} pages rendered\n`);
  };
}

if (process.argv[2] === '--child' && process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [, , , db, out, workers, ...paths] = process.argv;
  await child(db, out, Number(workers), paths);
}
