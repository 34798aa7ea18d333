/**
 * Benchmark section `web`: the site under load on loopback, measured with autocannon.
 *
 * Archives: (a) the whole shared corpus (every tarball plus the loose final-build pages and
 * plain texts) and (b) the generated demo corpus of `--count` cables. Each is imported once
 * into a SQLite file cached under the OS temp folder (keyed by the source code that shapes
 * the archive, so a changed parser or store rebuilds it).
 *
 * For each archive the site runs in its own process (`cablegate serve --db FILE`) and gets,
 * one after the other, `SECONDS` s of load (after a 2 s warm-up) from `CONNECTIONS`
 * keep-alive connections for three kinds of page:
 *   - cable-cold: cable pages never asked for before, each once (a shared counter hands
 *     every request the next one of up to 20,000): the cost of rendering a page;
 *   - cable:  up to 1,000 different cable pages, spread over the archive, in rotation, all
 *     asked for once before (so the site's page cache has them): a popular page;
 *   - browse: the first page of every release day and of up to 100 origins, in rotation;
 *   - home:   `/`;
 *   - map:    `/origin/index.html` (the world map of origins);
 *   - feed:   saved-search Atom feeds (`/search.atom?q=tag:X`) of up to 200 tags, in rotation.
 * (cable-cold measures cable pages with their reference graph, rendered uncached.)
 * Then a bare node:http server in its own process answers the same paths with the same
 * recorded bytes (status, headers, body) from memory: the ceiling. The goal: cable pages
 * at 35%+ of the ceiling's requests per second, with p99 latency under 20 ms.
 * Peak RSS of the site's process is its VmHWM from /proc/PID/status; it includes the pages of
 * the database file that SQLite memory-maps (RssFile), reported apart from anonymous memory.
 *
 * SECONDS defaults to 10 (env CABLEGATE_WEB_BENCH_SECONDS), CONNECTIONS to 50
 * (env CABLEGATE_WEB_BENCH_CONNECTIONS). CABLEGATE_WEB_BENCH_REUSE=1 reuses the newest
 * cached archive of a corpus even if the code has changed since. autocannon runs in the benchmark's own process,
 * so on a 2-core machine client and server share the CPUs: the ratio to the ceiling,
 * measured the same way, is the figure to compare across machines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { CORPUS_ARCHIVES, corpusAvailable, corpusDir, extracted, projectRoot } from '../test/support/corpus.js';
import { DEMO_FORMAT_VERSION } from '../src/demo/generate-demo-corpus.js';
import { demoCorpusInput } from './corpus-inputs.js';
import { loadAverage } from './machine.js';
import { runChild } from './run-child.js';
import type { BenchContext, SectionResult } from './bench-context.js';

export const CEILING_SHARE_GOAL = 0.35;
export const P99_GOAL_MS = 20;

const SECONDS = Number(process.env.CABLEGATE_WEB_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.CABLEGATE_WEB_BENCH_CONNECTIONS ?? 50);
const WARMUP_SECONDS = 2;
const CABLE_SAMPLE = 1000;
const COLD_SAMPLE = 20_000;
const REUSE = process.env.CABLEGATE_WEB_BENCH_REUSE === '1';
const ORIGIN_SAMPLE = 100;

const here = new URL('.', import.meta.url);
const fromSource = import.meta.url.endsWith('.ts');
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

type PageKind = 'cable' | 'browse' | 'home' | 'map' | 'feed';
type Measured = PageKind | 'cableCold';
/** map: the origin index with its world map; feed: saved-search Atom feeds (`/search.atom?q=tag:X`). */
const KINDS: PageKind[] = ['cable', 'browse', 'home', 'map', 'feed'];
const FEED_SAMPLE = 200;

interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  paths: number;
  /** `once` mode: more requests than paths, so some pages were asked for twice. */
  pathsExhausted?: boolean;
}

/** A hash of the code that decides what an imported archive holds. */
function archiveCodeKey(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) hash.update(p.slice(projectRoot.length)).update(readFileSync(p));
    }
  };
  for (const d of ['domain', 'parse', 'sources', 'store', 'import']) if (existsSync(join(projectRoot, 'src', d))) walk(join(projectRoot, 'src', d));
  return hash.digest('hex').slice(0, 12);
}

/** The cached archive for `key`, importing `paths` into it first when needed. */
async function cachedArchive(ctx: BenchContext, key: string, paths: string[]): Promise<{ db: string; imported: boolean } | string> {
  const dir = join(tmpdir(), 'cablegate-bench-web');
  mkdirSync(dir, { recursive: true });
  const db = join(dir, `${key}-${archiveCodeKey()}.db`);
  if (existsSync(db + '.complete')) return { db, imported: false };
  if (REUSE) {
    const old = readdirSync(dir)
      .filter((f) => f.startsWith(`${key}-`) && f.endsWith('.db.complete'))
      .map((f) => join(dir, f.slice(0, -'.complete'.length)))
      .sort((a, b) => statSync(b + '.complete').mtimeMs - statSync(a + '.complete').mtimeMs);
    if (old.length) return { db: old[0], imported: false };
  }
  // Archives of this key built by older code are stale: remove them (a full demo archive is GBs).
  for (const old of readdirSync(dir)) if (old.startsWith(`${key}-`) && !old.startsWith(`${key}-${archiveCodeKey()}.db`)) rmSync(join(dir, old), { force: true });
  ctx.log(`web: importing ${key} into ${db} (cached for later runs) ...`);
  const r = await runChild<{ seconds: number }>('web-import-child', [db, String(ctx.workers), ...paths]);
  if (!r.ok) return r.error;
  ctx.log(`web: imported in ${r.result.seconds.toFixed(1)} s`);
  return { db, imported: true };
}

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

/** Starts a child and resolves once a stdout line matches `ready`. */
function startChild(args: string[], ready: RegExp): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within 60 s: ${err.trim().split('\n').pop() ?? ''}`));
    }, 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, match: m });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-5000)));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${String(code)} before it was ready: ${err.trim().split('\n').pop() ?? ''}`));
    });
  });
}

/** `cablegate serve --db FILE --port P` (the compiled CLI; from source when the bench runs under tsx). */
async function startSite(db: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const cliArgs = ['serve', '--db', db, '--port', String(port), '--host', '127.0.0.1'];
  const args = fromSource
    ? [...process.execArgv, '--input-type=module', '-e', `const { run } = await import(${JSON.stringify(new URL('../src/cli/main.ts', here).href)}); process.exitCode = await run(['node', 'cablegate', ...process.argv.slice(1)]);`, ...cliArgs]
    : [join(projectRoot, 'bin', 'cablegate.js'), ...cliArgs];
  const { child } = await startChild(args, /serving the archive on http:\/\/\S+/);
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

/** Peak and current resident set size of a process, in MiB, from /proc. */
function memoryOf(pid: number): { peakRssMiB: number; rssMiB: number; anonMiB: number; fileMiB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const mib = (name: string) => Math.round(kib(name) / 102.4) / 10;
    return { peakRssMiB: mib('VmHWM'), rssMiB: mib('VmRSS'), anonMiB: mib('RssAnon'), fileMiB: mib('RssFile') };
  } catch {
    return null;
  }
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

const htmlOf = (url: string) => url.replace(/\.json$/, '.html');
const jsonOf = (url: string) => url.replace(/\.html$/, '.json');

/** The paths each kind of page is measured with, read from the running site's JSON twins. */
async function choosePaths(base: string): Promise<Record<Measured, string[]>> {
  const days = await getJson<{ days: Array<{ url: string }> }>(`${base}/reldate/index.json`);
  const origins = await getJson<{ groups: Array<{ items: Array<{ url: string; count: number }> }> }>(`${base}/origin/index.json`);
  const originItems = origins.groups.flatMap((g) => g.items);
  const everyNth = <T>(list: T[], n: number) => (list.length <= n ? list : Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]));
  const browse = [...days.days.map((d) => d.url), ...everyNth(originItems, ORIGIN_SAMPLE).map((o) => o.url)];
  // Cable pages: spread over origins, a share from each origin's first page.
  const cables = new Set<string>();
  const perOrigin = Math.max(1, Math.ceil(CABLE_SAMPLE / Math.max(1, originItems.length)));
  for (const o of everyNth(originItems, Math.min(originItems.length, CABLE_SAMPLE))) {
    const page = await getJson<{ rows: Array<{ url: string }> }>(`${base}${jsonOf(o.url)}`);
    for (const r of everyNth(page.rows, perOrigin)) cables.add(htmlOf(r.url));
    if (cables.size >= CABLE_SAMPLE) break;
  }
  const cable = [...cables].slice(0, CABLE_SAMPLE);
  // Cold pages: every cable of the release days' pages (in page order), minus the popular ones.
  const cold = new Set<string>();
  for (const d of days.days) {
    for (let page = 0; cold.size < COLD_SAMPLE; page++) {
      const res = await fetch(`${base}${jsonOf(d.url).replace(/_0\.json$/, `_${page}.json`)}`);
      if (!res.ok) break;
      const data = (await res.json()) as { rows: Array<{ url: string }>; next: unknown };
      for (const r of data.rows) if (!cables.has(htmlOf(r.url))) cold.add(htmlOf(r.url));
      if (!data.next) break;
    }
    if (cold.size >= COLD_SAMPLE) break;
  }
  const tags = await getJson<{ groups: Array<{ items: Array<{ key: string }> }> }>(`${base}/tag/index.json`);
  const feed = everyNth(tags.groups.flatMap((g) => g.items), FEED_SAMPLE).map((t) => `/search.atom?q=${encodeURIComponent(`tag:${t.key}`)}`);
  return { cableCold: [...cold], cable, browse, home: ['/'], map: ['/origin/index.html'], feed };
}

/** Every path's response as the site sends it (for the ceiling server). */
async function record(base: string, paths: string[]): Promise<Record<string, { status: number; headers: Record<string, string>; body: string }>> {
  const out: Record<string, { status: number; headers: Record<string, string>; body: string }> = {};
  for (const path of paths) {
    const res = await fetch(`${base}${path}`);
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (!['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(k)) headers[k] = v;
    });
    out[path] = { status: res.status, headers, body: Buffer.from(await res.arrayBuffer()).toString('base64') };
  }
  return out;
}

/** `rotate`: each connection goes round the paths; `once`: every request takes the next path of all. */
async function load(base: string, paths: string[], seconds: number, mode: 'rotate' | 'once' = 'rotate'): Promise<LoadFigures> {
  let next = 0;
  const requests =
    mode === 'rotate'
      ? paths.map((path) => ({ method: 'GET' as const, path }))
      : [{ method: 'GET' as const, setupRequest: (req: autocannon.Request) => ({ ...req, path: paths[next++ % paths.length] }) }];
  const result = await autocannon({ url: base, connections: CONNECTIONS, duration: seconds, requests });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    paths: paths.length,
    ...(mode === 'once' ? { pathsExhausted: next > paths.length } : {}),
  };
}

async function loadAll(base: string, paths: Record<PageKind, string[]>): Promise<Record<PageKind, LoadFigures>> {
  const out = {} as Record<PageKind, LoadFigures>;
  for (const kind of KINDS) {
    await load(base, paths[kind], WARMUP_SECONDS);
    out[kind] = await load(base, paths[kind], SECONDS);
  }
  return out;
}

async function measureArchive(ctx: BenchContext, label: string, key: string, sourcePaths: string[]): Promise<{ figures: Record<string, unknown>; lines: string[] }> {
  const archive = await cachedArchive(ctx, key, sourcePaths);
  if (typeof archive === 'string') return { figures: { ran: false, why: archive }, lines: [`  ${label}: could not import — ${archive}`] };
  const figures: Record<string, unknown> = { db: archive.db, dbBytes: statSync(archive.db).size, importedThisRun: archive.imported };
  const lines = [`  ${label} (archive ${fmt(statSync(archive.db).size / 1e6)} MB):`];

  ctx.log(`web: ${label}: starting the site ...`);
  const site = await startSite(archive.db);
  let paths: Record<Measured, string[]>;
  let cold: LoadFigures;
  let recorded: Awaited<ReturnType<typeof record>>;
  let siteLoad: Record<PageKind, LoadFigures>;
  let memory: ReturnType<typeof memoryOf>;
  try {
    paths = await choosePaths(site.base);
    ctx.log(`web: ${label}: cold cable pages (${fmt(paths.cableCold.length)} never asked for, load average ${loadAverage()}) ...`);
    await load(site.base, paths.home, WARMUP_SECONDS);
    cold = await load(site.base, paths.cableCold, SECONDS, 'once');
    recorded = await record(site.base, [...paths.cable, ...paths.browse, ...paths.home, ...paths.map, ...paths.feed]);
    const bad = Object.entries(recorded).filter(([, r]) => r.status !== 200);
    if (bad.length) throw new Error(`${bad.length} pages did not answer 200, e.g. ${bad[0][0]} (${bad[0][1].status})`);
    ctx.log(`web: ${label}: load on the site (${CONNECTIONS} connections, ${SECONDS} s per page kind, load average ${loadAverage()}) ...`);
    siteLoad = await loadAll(site.base, paths);
    memory = memoryOf(site.child.pid!);
  } finally {
    await stop(site.child);
  }

  const pagesFile = join(tmpdir(), `cablegate-bench-web-pages-${process.pid}.json`);
  writeFileSync(pagesFile, JSON.stringify(recorded));
  ctx.log(`web: ${label}: load on the ceiling (bare node:http, same bytes from memory) ...`);
  const script = new URL(`web-ceiling-child${fromSource ? '.ts' : '.js'}`, here).pathname;
  const ceiling = await startChild([...process.execArgv, script, pagesFile], /LISTENING (\d+)/);
  let ceilingLoad: Record<PageKind, LoadFigures>;
  try {
    ceilingLoad = await loadAll(`http://127.0.0.1:${ceiling.match[1]}`, paths);
  } finally {
    await stop(ceiling.child);
  }

  const avgBytes = (list: string[]) => list.reduce((s, p) => s + Buffer.from(recorded[p].body, 'base64').length, 0) / list.length;
  for (const kind of KINDS) {
    const s = siteLoad[kind];
    const c = ceilingLoad[kind];
    const share = s.requestsPerSecond / c.requestsPerSecond;
    figures[kind] = { site: s, ceiling: c, shareOfCeiling: share, averageBytes: avgBytes(paths[kind]) };
    const problems = s.non2xx + s.errors + s.timeouts ? ` [${s.non2xx} non-2xx, ${s.errors} errors, ${s.timeouts} timeouts]` : '';
    lines.push(
      `    ${kind.padEnd(6)} (${fmt(s.paths)} path${s.paths > 1 ? 's' : ''}, ~${fmt(avgBytes(paths[kind]) / 1024, 1)} KiB): ${fmt(s.requestsPerSecond)} req/s, p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms${problems}` +
        ` | ceiling ${fmt(c.requestsPerSecond)} req/s, p99 ${c.p99Ms} ms | ${fmt(share * 100, 1)}% of ceiling`,
    );
  }
  const cable = figures.cable as { shareOfCeiling: number; site: LoadFigures };
  const coldShare = cold.requestsPerSecond / ceilingLoad.cable.requestsPerSecond;
  figures.cableCold = { site: cold, shareOfCableCeiling: coldShare };
  lines.push(
    `    cable, cold (${fmt(cold.requests)} requests over ${fmt(cold.paths)} pages never asked for before${cold.pathsExhausted ? ', some twice' : ''}): ${fmt(cold.requestsPerSecond)} req/s, p50 ${cold.p50Ms} ms, p99 ${cold.p99Ms} ms` +
      ` | ${fmt(coldShare * 100, 1)}% of the cable ceiling`,
  );
  const met = cable.shareOfCeiling >= CEILING_SHARE_GOAL && cable.site.p99Ms < P99_GOAL_MS;
  lines.push(`    cable page goal (>= ${CEILING_SHARE_GOAL * 100}% of ceiling, p99 < ${P99_GOAL_MS} ms): ${met ? 'met' : 'NOT met'}`);
  figures.cableGoalMet = met;
  figures.server = memory;
  lines.push(`    site process: peak RSS ${memory ? `${fmt(memory.peakRssMiB)} MiB (now ${fmt(memory.rssMiB)} MiB: ${fmt(memory.anonMiB)} MiB heap and other anonymous memory, ${fmt(memory.fileMiB)} MiB pages of the memory-mapped database file, shared with the OS page cache)` : 'unknown'}`);
  return { figures, lines };
}

export async function benchWeb(ctx: BenchContext): Promise<SectionResult> {
  const figures: Record<string, unknown> = { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, connections: CONNECTIONS };
  const lines: string[] = [`  autocannon on loopback: ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s per page kind; ceiling = bare node:http with the same bytes from memory`];

  if (!corpusAvailable()) {
    figures.real = { ran: false, why: `the real corpus is not at ${corpusDir}` };
    lines.push(`  shared corpus: could not run — the real corpus is not at ${corpusDir}`);
  } else {
    const paths: string[] = [];
    for (const name of CORPUS_ARCHIVES) {
      const root = extracted(name);
      for (const sub of ['cable', 'cables']) if (existsSync(join(root, sub))) paths.push(join(root, sub));
    }
    for (const loose of ['site-2011-08-final', 'plaintext-2011-unredacted']) if (existsSync(join(corpusDir, loose))) paths.push(join(corpusDir, loose));
    const r = await measureArchive(ctx, 'shared corpus', 'real-corpus', paths);
    figures.real = r.figures;
    lines.push(...r.lines);
  }

  const demo = await demoCorpusInput(ctx.count, ctx.seed, ctx.log);
  const d = await measureArchive(ctx, `demo corpus, ${fmt(ctx.count)} cables`, `demo-v${DEMO_FORMAT_VERSION}-seed${ctx.seed}-count${ctx.count}`, demo.paths);
  figures.demo = d.figures;
  lines.push(...d.lines);
  return { ran: true, figures, lines };
}
