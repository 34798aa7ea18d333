/**
 * Benchmark section `postgres`: the two stores side by side on the generated demo corpus
 * (`--count N`, cached by corpus-inputs.ts). For SQLite (a fresh file) and PostgreSQL (a
 * fresh database on BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local default):
 *   - import: `importArchive` in a fresh process: seconds, cables/s, peak RSS;
 *   - database size (file + WAL; `pg_database_size`);
 *   - the site under load (`cablegate serve` in its own process, autocannon with
 *     CONNECTIONS keep-alive connections for SECONDS s after a 2 s warm-up): cable pages
 *     (up to 1,000 in rotation) and search pages (12 queries in rotation), every request
 *     with a unique `bench=N` parameter so the site's page cache never answers (each
 *     request reads the store); requests/s, p50/p99 latency, peak RSS of the site;
 *   - a release batch of 10,000 cables (`applyRelease`, after un-releasing them, not
 *     timed) in a fresh process: seconds, peak RSS.
 * SECONDS defaults to 10 (env CABLEGATE_WEB_BENCH_SECONDS), CONNECTIONS to 50.
 * The same file is the child process: `postgres-bench import-child LOC WORKERS PATH...`
 * and `postgres-bench release-child LOC N`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { projectRoot } from '../test/support/corpus.js';
import { demoCorpusInput } from './corpus-inputs.js';
import { reportResult, runChild } from './run-child.js';
import type { BenchContext, SectionResult } from './bench-context.js';

const SECONDS = Number(process.env.CABLEGATE_WEB_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.CABLEGATE_WEB_BENCH_CONNECTIONS ?? 50);
const RELEASE_COUNT = 10_000;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://cablegate:cablegate@127.0.0.1:5432/cablegate_test';
const SEARCHES = ['minister', 'embassy', '"prime minister"', 'elect*', 'oil gas', 'security -military', 'tag:PREL', 'classification:secret visit', 'talks', 'government', 'econ*', 'meeting'];
const fromSource = import.meta.url.endsWith('.ts');
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface ImportResult {
  cables: number;
  seconds: number;
  dbBytes: number;
}

interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

// --- child processes ----------------------------------------------------------------

async function dbBytesOf(location: string): Promise<number> {
  if (!/^postgres/.test(location)) {
    let n = 0;
    for (const s of ['', '-wal']) {
      try {
        n += statSync(location + s).size;
      } catch {
        // no WAL left
      }
    }
    return n;
  }
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  try {
    await client.query('CHECKPOINT').catch(() => undefined);
    return Number((await client.query<{ n: string }>('SELECT pg_database_size(current_database())::text AS n')).rows[0].n);
  } finally {
    await client.end();
  }
}

async function importChild(location: string, workers: number, paths: string[]): Promise<void> {
  const { importArchive } = await import('../src/import/import-archive.js');
  const { openStore } = await import('../src/store/open-store.js');
  const store = await openStore(location);
  const t0 = performance.now();
  const summary = await importArchive(store, paths, { workers });
  await store.close();
  const seconds = (performance.now() - t0) / 1000;
  reportResult({ cables: summary.new + summary.changed + summary.unchanged, seconds, dbBytes: await dbBytesOf(location) });
}

async function releaseChild(location: string, count: number): Promise<void> {
  const { openStore } = await import('../src/store/open-store.js');
  const store = await openStore(location, { mustExist: true });
  const ids: string[] = [];
  for await (const c of store.iterateCables({ batchSize: 2000 })) {
    ids.push(c.canonicalId);
    if (ids.length >= count) break;
  }
  await store.setReleased(ids, null); // not timed: makes them releasable
  const t0 = performance.now();
  const out = await store.applyRelease({ action: 'release', items: ids.map((canonicalId) => ({ canonicalId })), note: 'benchmark', at: '2010-11-28T18:00Z' });
  const seconds = (performance.now() - t0) / 1000;
  await store.close();
  reportResult({ released: out.batch.items.length, seconds });
}

// --- the section --------------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function startSite(location: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const cliArgs = ['serve', '--db', location, '--port', String(port), '--host', '127.0.0.1'];
  const args = fromSource
    ? [...process.execArgv, '--input-type=module', '-e', `const { run } = await import(${JSON.stringify(new URL('../src/cli/main.ts', import.meta.url).href)}); process.exitCode = await run(['node', 'cablegate', ...process.argv.slice(1)]);`, ...cliArgs]
    : [join(projectRoot, 'bin', 'cablegate.js'), ...cliArgs];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err.slice(-300)}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/serving the archive/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${String(code)}): ${err.slice(-300)}`));
    });
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function peakRssMiB(pid: number): number | null {
  try {
    const kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Math.round(kib / 102.4) / 10;
  } catch {
    return null;
  }
}

/** Load on `paths` in rotation; each request carries a fresh `bench=N` parameter so the site's page cache never answers. */
async function load(base: string, paths: string[], seconds: number): Promise<LoadFigures> {
  let next = 0;
  const setupRequest = (req: autocannon.Request) => {
    const path = paths[next % paths.length];
    next++;
    return { ...req, path: `${path}${path.includes('?') ? '&' : '?'}bench=${next}` };
  };
  const r = await autocannon({ url: base, connections: CONNECTIONS, duration: seconds, requests: [{ method: 'GET' as const, setupRequest }] });
  return { requestsPerSecond: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors };
}

async function cablePaths(base: string): Promise<string[]> {
  const out: string[] = [];
  const days = (await (await fetch(`${base}/reldate/index.json`)).json()) as { days: Array<{ url: string }> };
  for (const d of days.days) {
    const page = (await (await fetch(`${base}${d.url.replace(/\.html$/, '.json')}`)).json()) as { rows: Array<{ url: string }> };
    for (const r of page.rows) out.push(r.url.replace(/\.json$/, '.html'));
    if (out.length >= 1000) break;
  }
  return out.slice(0, 1000);
}

async function freshPostgresDatabase(): Promise<string> {
  const name = `cablegate_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropPostgresDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function measureStore(ctx: BenchContext, kind: 'sqlite' | 'postgres', location: string, paths: string[]): Promise<{ figures: Record<string, unknown>; lines: string[] }> {
  const figures: Record<string, unknown> = {};
  const lines: string[] = [`  ${kind}:`];
  ctx.log(`postgres-bench: ${kind}: import ...`);
  const imp = await runChild<ImportResult>('postgres-bench', ['import-child', location, String(ctx.workers), ...paths]);
  if (!imp.ok) {
    lines.push(`    import: could not run — ${imp.error}`);
    return { figures: { import: { ran: false, why: imp.error } }, lines };
  }
  const { cables, seconds, dbBytes, maxRssMiB } = imp.result;
  figures.import = { cables, seconds, cablesPerSecond: cables / seconds, peakRssMiB: maxRssMiB, dbBytes };
  lines.push(`    import: ${fmt(cables)} cables in ${seconds.toFixed(1)} s (${fmt(cables / seconds)} cables/s), peak RSS ${fmt(maxRssMiB)} MiB; database ${fmt(dbBytes / 1e6, 1)} MB`);

  ctx.log(`postgres-bench: ${kind}: site under load ...`);
  const site = await startSite(location);
  try {
    const cablesToAsk = await cablePaths(site.base);
    const searches = SEARCHES.map((q) => `/search?q=${encodeURIComponent(q)}`);
    await load(site.base, [...cablesToAsk.slice(0, 50), ...searches], 2); // warm-up
    const cable = await load(site.base, cablesToAsk, SECONDS);
    const search = await load(site.base, searches, SECONDS);
    const rss = peakRssMiB(site.child.pid!);
    figures.web = { cable, search, sitePeakRssMiB: rss, connections: CONNECTIONS, seconds: SECONDS };
    const row = (name: string, f: LoadFigures) =>
      `    ${name}: ${fmt(f.requestsPerSecond)} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms (${fmt(f.requests)} requests, ${f.non2xx} non-2xx, ${f.errors} errors)`;
    lines.push(row(`cable pages (${cablesToAsk.length})`, cable), row(`search pages (${searches.length} queries)`, search), `    site peak RSS ${rss ?? '?'} MiB`);
  } finally {
    await stop(site.child);
  }

  ctx.log(`postgres-bench: ${kind}: release of ${RELEASE_COUNT} cables ...`);
  const rel = await runChild<{ released: number; seconds: number }>('postgres-bench', ['release-child', location, String(RELEASE_COUNT)]);
  if (rel.ok) {
    figures.release = rel.result;
    lines.push(`    release batch: ${fmt(rel.result.released)} cables in ${rel.result.seconds.toFixed(2)} s, peak RSS ${fmt(rel.result.maxRssMiB)} MiB`);
  } else {
    figures.release = { ran: false, why: rel.error };
    lines.push(`    release batch: could not run — ${rel.error}`);
  }
  return { figures, lines };
}

export async function benchPostgres(ctx: BenchContext): Promise<SectionResult> {
  const demo = await demoCorpusInput(ctx.count, ctx.seed, ctx.log);
  const figures: Record<string, unknown> = { input: { label: demo.label, files: demo.files, bytes: demo.bytes } };
  const lines: string[] = [`  ${demo.label}: ${fmt(demo.files)} files, ${fmt(demo.bytes / 1e6, 1)} MB; ${CONNECTIONS} connections, ${SECONDS} s per load`];

  const sqliteFile = join(tmpdir(), `cablegate-pgbench-${process.pid}.db`);
  try {
    const s = await measureStore(ctx, 'sqlite', sqliteFile, demo.paths);
    figures.sqlite = s.figures;
    lines.push(...s.lines);
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(sqliteFile + suffix, { force: true });
  }

  let url: string;
  try {
    url = await freshPostgresDatabase();
  } catch (e) {
    figures.postgres = { ran: false, why: (e as Error).message };
    lines.push(`  postgres: could not run — no PostgreSQL at ${ADMIN_URL.replace(/\/\/[^@/]*@/, '//***@')}: ${(e as Error).message}`);
    return { ran: true, figures, lines };
  }
  try {
    const p = await measureStore(ctx, 'postgres', url, demo.paths);
    figures.postgres = p.figures;
    lines.push(...p.lines);
  } finally {
    await dropPostgresDatabase(url).catch(() => undefined);
  }
  return { ran: true, figures, lines };
}

// Run as a child process of this section.
const [mode, ...rest] = process.argv.slice(2);
if (/postgres-bench\.(ts|js)$/.test(process.argv[1] ?? '')) {
  if (mode === 'import-child') await importChild(rest[0], Number(rest[1]), rest.slice(2));
  else if (mode === 'release-child') await releaseChild(rest[0], Number(rest[1]));
}
