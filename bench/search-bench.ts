/**
 * Benchmark section `search`: a fixed set of queries of every kind (common and rare
 * words, phrases, prefixes, filters only, filters plus words, many hits, no hits) against
 * (a) the generated demo archive (`--count`, default 251,287) and (b) the real corpus,
 * each imported once into a SQLite file cached under the OS temp folder. Reports p50/p99
 * latency of a full search (page of 50, snippets, facets, histogram), the same without
 * facets, a bare FTS5 MATCH of the same words (the engine's floor), and the index size.
 * Goals: p50 < 30 ms and p99 < 150 ms with facets on the demo archive; real corpus p50 < 10 ms.
 * Also runnable alone: `npx tsx bench/search-bench.ts [--count N]`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../test/support/corpus.js';
import { DEFAULT_DEMO_SEED } from '../src/demo/generate-demo-corpus.js';
import { importArchive } from '../src/import/import-archive.js';
import { parseQuery } from '../src/query/parse-query.js';
import { openStore } from '../src/store/open-store.js';
import { openSearchDiagnostics } from '../src/store/sqlite/search/search-diagnostics.js';
import type { Store } from '../src/store/store.js';
import { demoCorpusInput, realCorpusInput } from './corpus-inputs.js';
import type { BenchContext, SectionResult } from './bench-context.js';

export const P50_GOAL_MS = 30;
export const P99_GOAL_MS = 150;
export const REAL_P50_GOAL_MS = 10;
const RUNS = 5;

/** The fixed query set: [kind, query]. Words come from the demo vocabulary and common English. */
export const QUERIES: ReadonlyArray<[string, string]> = [
  ['common word', 'minister'],
  ['common word', 'embassy'],
  ['common word', 'government'],
  ['common words', 'security cooperation'],
  ['common words', 'the and of'],
  ['rare word', 'refinery'],
  ['rare word', 'interdiction'],
  ['rare word', 'safeguards'],
  ['rare words', 'pipeline tender'],
  ['phrase', '"bilateral agenda"'],
  ['phrase', '"border security"'],
  ['phrase', '"export controls"'],
  ['phrase', '"ministry of foreign affairs"'],
  ['prefix', 'terror*'],
  ['prefix', 'elect*'],
  ['prefix', 'minist*'],
  ['OR', 'refinery OR pipeline'],
  ['exclusion', 'security -border'],
  ['filters only', 'tag:PTER'],
  ['filters only', 'classification:secret'],
  ['filters only', 'created:2009'],
  ['filters only', 'created:2008-01..2008-06 classification:noforn'],
  ['filters only', 'origin:"Secretary of State"'],
  ['filters only', 'released:2010-12-01..'],
  ['filters + words', 'minister tag:PREL'],
  ['filters + words', 'security classification:secret created:2009'],
  ['filters + words', '"border security" tag:PTER'],
  ['filters + words', 'refinery created:2007..2009'],
  ['fields', 'subject:cabinet'],
  ['fields', 'from:state'],
  ['fields', 'to:"secstate washdc" pipeline'],
  ['many hits', 'said'],
  ['many hits', 'ambassador OR embassy'],
  ['numbers', '000159'],
  ['no hits', 'zzyzxqwv'],
  ['no hits', '"minister zzyzxqwv"'],
  ['no hits', 'tag:NOSUCHTAG'],
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function codeKey(): string {
  const hash = createHash('sha256');
  // What shapes the stored index (not the query code, so tuning queries keeps the archive).
  const dir = join(projectRoot, 'src/store/sqlite/migrations');
  for (const name of readdirSync(dir).sort()) if (name.endsWith('.ts')) hash.update(name).update(readFileSync(join(dir, name)));
  for (const f of ['src/store/sqlite/search/search-functions.ts', 'src/query/search-text.ts']) hash.update(readFileSync(join(projectRoot, f)));
  return hash.digest('hex').slice(0, 10);
}

async function cachedArchive(ctx: BenchContext, key: string, paths: string[]): Promise<{ db: string; importSeconds: number | null }> {
  const dir = join(tmpdir(), 'cablegate-bench-search');
  mkdirSync(dir, { recursive: true });
  const db = join(dir, `${key}-${codeKey()}.db`);
  if (existsSync(db + '.complete')) return { db, importSeconds: null };
  for (const old of readdirSync(dir)) if (old.startsWith(`${key}-`)) rmSync(join(dir, old), { force: true });
  ctx.log(`search: importing ${key} into ${db} ...`);
  const t0 = performance.now();
  const store = await openStore(db);
  await importArchive(store, paths, { workers: ctx.workers });
  await store.close();
  const seconds = (performance.now() - t0) / 1000;
  writeFileSync(db + '.complete', '');
  ctx.log(`search: imported in ${seconds.toFixed(1)} s`);
  return { db, importSeconds: seconds };
}

interface Timing {
  p50: number;
  p99: number;
  max: number;
}

function summarise(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] ?? 0 };
}

async function measure(store: Store, db: string, label: string, ctx: BenchContext, p50Goal: number, p99Goal: number | null) {
  const withFacets: number[] = [];
  const noFacets: number[] = [];
  const bare: number[] = [];
  const perQuery: Array<{ kind: string; query: string; total: number; bareHits: number | null; p50Ms: number; bareP50Ms: number | null }> = [];
  const diag = openSearchDiagnostics(db);
  // The first search builds the in-memory facet index (once per data change).
  const t0 = performance.now();
  await store.search({ query: parseQuery('tag:PREL'), facets: true });
  const firstSearchMs = performance.now() - t0;
  for (const [kind, q] of QUERIES) {
    const query = parseQuery(q);
    const r0 = await store.search({ query, facets: true }); // warm-up
    const mine: number[] = [];
    const bareMine: number[] = [];
    let bareHits: number | null = null;
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      await store.search({ query, facets: true });
      const ms = performance.now() - t;
      withFacets.push(ms);
      mine.push(ms);
      t = performance.now();
      await store.search({ query, facets: false });
      noFacets.push(performance.now() - t);
      t = performance.now();
      bareHits = diag.bareMatch(q);
      if (bareHits !== null) {
        const b = performance.now() - t;
        bare.push(b);
        bareMine.push(b);
      }
    }
    perQuery.push({ kind, query: q, total: r0.total, bareHits, p50Ms: summarise(mine).p50, bareP50Ms: bareMine.length ? summarise(bareMine).p50 : null });
  }
  const sizes = diag.sizes();
  diag.close();
  const f = summarise(withFacets);
  const nf = summarise(noFacets);
  const b = summarise(bare);
  const fmt = (n: number) => n.toFixed(1);
  const lines = [
    `  ${label}: ${QUERIES.length} queries × ${RUNS} runs; index ${fmt(sizes.indexBytes / 1e6)} MB of a ${fmt(sizes.fileBytes / 1e6)} MB file`,
    `    first search (builds the facet index): ${fmt(firstSearchMs)} ms`,
    `    with facets:    p50 ${fmt(f.p50)} ms, p99 ${fmt(f.p99)} ms, max ${fmt(f.max)} ms (goal p50 < ${p50Goal}${p99Goal ? `, p99 < ${p99Goal}` : ''} ms: ${f.p50 < p50Goal && (p99Goal === null || f.p99 < p99Goal) ? 'met' : 'NOT met'})`,
    `    without facets: p50 ${fmt(nf.p50)} ms, p99 ${fmt(nf.p99)} ms`,
    `    bare FTS5 MATCH of the same words: p50 ${fmt(b.p50)} ms, p99 ${fmt(b.p99)} ms`,
    `    slowest queries: ${[...perQuery].sort((x, y) => y.p50Ms - x.p50Ms).slice(0, 5).map((x) => `${x.query} (${x.total} hits, ${fmt(x.p50Ms)} ms${x.bareP50Ms !== null ? `, bare ${fmt(x.bareP50Ms)}` : ''})`).join('; ')}`,
  ];
  ctx.log(lines.join('\n'));
  return { figures: { firstSearchMs, withFacets: f, withoutFacets: nf, bareMatch: b, indexBytes: sizes.indexBytes, fileBytes: sizes.fileBytes, perQuery }, lines };
}

export async function benchSearch(ctx: BenchContext): Promise<SectionResult> {
  const lines: string[] = [];
  const figures: Record<string, unknown> = {};
  const demo = await demoCorpusInput(ctx.count, ctx.seed, ctx.log);
  const demoDb = await cachedArchive(ctx, `demo-${ctx.seed}-${ctx.count}`, demo.paths);
  {
    const store = await openStore(demoDb.db, { readonly: true });
    const m = await measure(store, demoDb.db, `demo archive (${ctx.count.toLocaleString('en-US')} cables)`, ctx, P50_GOAL_MS, P99_GOAL_MS);
    await store.close();
    figures.demo = { ...m.figures, importSeconds: demoDb.importSeconds };
    lines.push(...m.lines);
  }
  const real = realCorpusInput();
  if (typeof real === 'string') {
    lines.push(`  real corpus: not measured — ${real}`);
  } else {
    const realDb = await cachedArchive(ctx, 'real', real.paths);
    const store = await openStore(realDb.db, { readonly: true });
    const m = await measure(store, realDb.db, 'real corpus', ctx, REAL_P50_GOAL_MS, null);
    await store.close();
    figures.real = { ...m.figures, importSeconds: realDb.importSeconds };
    lines.push(...m.lines);
  }
  return { ran: true, figures, lines };
}

// Run alone: npx tsx bench/search-bench.ts [--count N]
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--count');
  const count = i > 0 ? Number(process.argv[i + 1]) : 251_287;
  const ctx: BenchContext = { count, seed: DEFAULT_DEMO_SEED, workers: 2, log: (l) => process.stderr.write(`[bench] ${l}\n`) };
  if (process.argv.includes('--import-only')) {
    const demo = await demoCorpusInput(ctx.count, ctx.seed, ctx.log);
    await cachedArchive(ctx, `demo-${ctx.seed}-${ctx.count}`, demo.paths);
    process.exit(0);
  }
  const r = await benchSearch(ctx);
  process.stdout.write((r.ran ? r.lines : [`could not run: ${r.why}`]).join('\n') + '\n');
  if (r.ran) writeFileSync(join(projectRoot, 'bench-results', 'search-latest.json'), JSON.stringify(r.figures, null, 2) + '\n');
}
