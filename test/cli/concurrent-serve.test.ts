/**
 * Several `cablegate serve` processes on one archive (a SQLite file; a PostgreSQL schema)
 * stay correct while `cablegate import`, `release` and `withdraw` run beside them in other
 * processes: no 5xx answer, every JSON answer consistent in itself, nothing unreleased
 * ever shown, and every change shown by every server soon after the command finishes.
 * Fictional cables only (the demo generator and fictional text cables).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { demoPages } from '../../src/demo/generate-demo-corpus.js';
import { fictionalTextCable, fictionalTextCableId } from '../import/fictional-text-cable.js';
import { dropSchemas, freshSchema, needsPostgres, TEST_DATABASE_URL } from '../store/postgres-support.js';
import { runCli, startCli, startServe, type CliRun, type ServeProcess } from './cli-process.js';

const postgres = await needsPostgres();
const work = mkdtempSync(join(tmpdir(), 'cablegate-concurrent-serve-'));
after(async () => {
  rmSync(work, { recursive: true, force: true });
  await dropSchemas();
});

const SERVERS = 3;
const POLLERS_PER_SERVER = 2;
const PAGE_SIZE = 50;
/** How long a change may take to show on every server (generous: the servers check every 250 ms). */
const SHOW_DEADLINE_MS = 20_000;

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// The archive at start: 60 demo cables (released, dated by their pages) and 40 fictional
// text cables 09RURITANIA1..40 (unreleased). While the servers run: LATE text cables
// imported unreleased (never released), DATED ones imported with --released-at.
const DEMO = [...demoPages(60, 11)];
const DEMO_IDS = DEMO.map((p) => p.cable.id);
const INITIAL = range(1, 40);
const LATE = range(41, 3040);
const DATED = range(5001, 5300);
const DATED_DAY = '2011-09-01';
const FIRST_RELEASE = range(1, 10);
const SECOND_RELEASE = range(11, 20);
const SCHEDULED = range(21, 25); // released --at 2099: never visible during the test
const WITHDRAWN = [3, 12];
const id = fictionalTextCableId;

/** Never visible while the test runs: never released (21..40, LATE) or scheduled far ahead. */
const NEVER_SHOWN = new Set([...range(21, 40), ...LATE].map(id));
const EXPECTED_TOTAL = DEMO.length + INITIAL.length + LATE.length + DATED.length;
const EXPECTED_TEXT_VISIBLE = FIRST_RELEASE.length + SECOND_RELEASE.length - WITHDRAWN.length + DATED.length;
const EXPECTED_RELEASED = DEMO.length + EXPECTED_TEXT_VISIBLE;

function writeTextCables(dir: string, serials: number[]): string {
  mkdirSync(dir, { recursive: true });
  for (const n of serials) writeFileSync(join(dir, `cable-${n}.txt`), fictionalTextCable(n));
  return dir;
}

const demoDir = join(work, 'demo');
for (const p of DEMO) {
  mkdirSync(join(demoDir, p.path, '..'), { recursive: true });
  writeFileSync(join(demoDir, p.path), p.html);
}
const initialDir = writeTextCables(join(work, 'initial'), INITIAL);
const lateDir = writeTextCables(join(work, 'late'), LATE);
const datedDir = writeTextCables(join(work, 'dated'), DATED);

function cableJson(canonicalId: string): string {
  const demo = DEMO.find((p) => p.cable.id === canonicalId);
  return demo ? `/${demo.path.replace(/\.html$/, '.json')}` : `/cable/2009/01/${canonicalId}.json`;
}

interface Observed {
  status: number;
  body: any;
}

async function get(base: string, path: string): Promise<Observed> {
  const res = await fetch(base + path, { signal: AbortSignal.timeout(30_000), redirect: 'manual' });
  const text = await res.text();
  let body: any = null;
  if ((res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
  return { status: res.status, body };
}

/**
 * What the writers have done so far, as the pollers judge answers against it: a cable may
 * be shown once its release (or dated import) has started, never before.
 */
class Knowledge {
  readonly mayShow = new Set<string>(DEMO_IDS);
  readonly withdrawing = new Set<string>();
  readonly releaseDays = new Set<string>([new Date().toISOString().slice(0, 10), DATED_DAY]);
}

/** Checks one answer; returns what is wrong with it (empty: nothing). */
function judge(k: Knowledge, path: string, o: Observed): string[] {
  const bad: string[] = [];
  const fail = (why: string) => bad.push(`${path}: ${why}`);
  if (o.status >= 500) return [`${path}: HTTP ${o.status} ${JSON.stringify(o.body)}`];
  const visible = (ids: string[], what: string) => {
    for (const x of ids) {
      if (NEVER_SHOWN.has(x)) fail(`${what} shows ${x}, which was never released`);
      else if (!k.mayShow.has(x)) fail(`${what} shows ${x} before its release began`);
    }
    if (new Set(ids).size !== ids.length) fail(`${what} lists a cable twice`);
  };
  if (!path.endsWith('.json') && !path.includes('.json?')) {
    if (o.status !== 200 && o.status !== 404 && o.status !== 410) fail(`HTTP ${o.status}`);
    return bad;
  }
  const b = o.body;
  if (path.startsWith('/index.json')) {
    if (o.status !== 200) return [`${path}: HTTP ${o.status}`];
    if (b.released > b.total) fail(`released ${b.released} > total ${b.total}`);
    if (b.total > EXPECTED_TOTAL) fail(`total ${b.total} > every cable ever imported (${EXPECTED_TOTAL})`);
    if (b.released > k.mayShow.size) fail(`released ${b.released} > cables released so far (${k.mayShow.size})`);
    const latest = b.latestReleases.reduce((n: number, r: { count: number }) => n + r.count, 0);
    if (latest > b.released) fail(`latest releases add up to ${latest} > released ${b.released}`);
    if (b.latestReleases.length > Math.min(10, b.figures.releaseDays)) fail(`${b.latestReleases.length} latest release days of ${b.figures.releaseDays}`);
  } else if (/^\/(reldate|tag|origin|date|classification)\//.test(path)) {
    if (o.status === 404) return bad; // no such page (yet, or any more)
    if (o.status !== 200) return [`${path}: HTTP ${o.status}`];
    const rows: Array<{ id: string; released: string | null }> = b.rows;
    if (b.pageSize !== PAGE_SIZE) fail(`page size ${b.pageSize}`);
    if (b.total !== null) {
      // Page 0 carries the total and page count (docs/json.md): they must match its rows.
      if (b.pageCount !== Math.ceil(b.total / b.pageSize)) fail(`${b.pageCount} pages for ${b.total} cables`);
      if (b.page >= b.pageCount) fail(`page ${b.page} of ${b.pageCount} served`);
      const expectedRows = b.page < b.pageCount - 1 ? b.pageSize : b.total - b.page * b.pageSize;
      if (rows.length !== expectedRows) fail(`${rows.length} rows on page ${b.page} where total ${b.total} says ${expectedRows}`);
    } else {
      // Later pages: not empty, and full when a next page is announced.
      if (rows.length === 0 || rows.length > b.pageSize) fail(`${rows.length} rows on page ${b.page}`);
      if (b.next !== null && rows.length !== b.pageSize) fail(`${rows.length} rows on page ${b.page}, yet a next page`);
    }
    visible(rows.map((r) => r.id), 'browse page');
    if (b.kind === 'reldate') for (const r of rows) if (!r.released?.startsWith(b.key)) fail(`${r.id} released ${r.released} listed on ${b.key}`);
  } else if (path.startsWith('/search.json')) {
    if (o.status !== 200) return [`${path}: HTTP ${o.status}`];
    const expected = Math.max(0, Math.min(b.pageSize, b.total - (b.page - 1) * b.pageSize));
    if (b.results.length !== expected) fail(`${b.results.length} results on page ${b.page} where total ${b.total} says ${expected}`);
    visible(b.results.map((r: { referenceId: string }) => r.referenceId), 'search');
    const byClass = b.facets.classification.reduce((n: number, f: { count: number }) => n + f.count, 0);
    if (byClass !== b.total) fail(`classification facets add up to ${byClass}, total ${b.total}`);
  } else if (path.startsWith('/cable/')) {
    const asked = /\/([^/?]+)\.json(\?|$)/.exec(path)![1];
    if (NEVER_SHOWN.has(asked)) {
      if (o.status !== 404) fail(`HTTP ${o.status} for a cable never released (404 expected)`);
    } else if (o.status === 200) {
      if (b.id !== asked) fail(`page of ${b.id}`);
      visible([b.id], 'cable page');
      if (!b.released) fail('a cable page without a release time');
      if (b.versions.some((v: { publishedAt: string | null }) => !v.publishedAt)) fail('a version that is not public is listed');
    } else if (o.status === 410) {
      if (!k.withdrawing.has(asked)) fail('410 for a cable nobody withdrew');
      if (b.withdrawn?.id !== asked) fail(`410 names ${b.withdrawn?.id}`);
    } else if (o.status === 404) {
      if (DEMO_IDS.includes(asked)) fail('404 for a released demo cable');
    } else fail(`HTTP ${o.status}`);
  }
  return bad;
}

/**
 * The paths a poller cycles through (random cables each time). Every other round the JSON
 * pages carry a query parameter the site ignores, which makes the server build them afresh
 * (a new key for its page cache) rather than answer from memory: both are checked.
 */
function pollPaths(k: Knowledge, i: number): string[] {
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
  const days = [...k.releaseDays];
  const fresh = i % 2 === 1 ? `fresh=${i}-${Math.random().toString(36).slice(2, 8)}` : '';
  const q = (path: string) => (fresh ? `${path}${path.includes('?') ? '&' : '?'}${fresh}` : path);
  return [
    q('/index.json'),
    q(`/reldate/${pick(days)}_${pick([0, 0, 1, 2, 7])}.json`),
    q(`/reldate/${DATED_DAY}_${pick([0, 1, 2, 3, 7])}.json?sort=released&order=desc`),
    q(`/tag/PGOV_${pick([0, 1, 2, 7])}.json`),
    q(`/origin/embassy-ruritania_${pick([0, 3, 7])}.json`),
    q(`/search.json?q=ruritania${pick(['', '&page=2', '&page=9', '&sort=released&order=desc'])}`),
    q('/search.json?q=fictional'),
    cableJson(id(pick([...FIRST_RELEASE, ...SECOND_RELEASE, ...SCHEDULED]))),
    cableJson(id(pick([...LATE, ...DATED]))),
    cableJson(pick(DEMO_IDS)),
    i % 4 === 0 ? '/' : `/cable/2009/01/${id(pick(FIRST_RELEASE))}.html`,
  ];
}

interface PollStats {
  requests: number;
  problems: string[];
}

async function poll(k: Knowledge, base: string, stop: { now: boolean }, stats: PollStats): Promise<void> {
  const until = Date.now() + 240_000;
  for (let i = 0; !stop.now && Date.now() < until && i < 50_000; i++) {
    for (const path of pollPaths(k, i)) {
      if (stop.now) return;
      try {
        const o = await get(base, path);
        stats.requests++;
        stats.problems.push(...judge(k, path, o));
      } catch (e) {
        stats.problems.push(`${base}${path}: ${(e as Error).message}`);
      }
    }
  }
}

/** Waits until `shown` holds on every server; returns how long that took. */
async function everywhere(servers: ServeProcess[], what: string, shown: (base: string) => Promise<string | null>): Promise<number> {
  const start = Date.now();
  const waiting = new Map(servers.map((s) => [s.base, 'not checked yet'] as [string, string]));
  while (waiting.size > 0) {
    for (const base of [...waiting.keys()]) {
      const why = await shown(base);
      if (why === null) waiting.delete(base);
      else waiting.set(base, why);
    }
    if (waiting.size === 0) break;
    if (Date.now() - start > SHOW_DEADLINE_MS) {
      assert.fail(`${what}: not shown within ${SHOW_DEADLINE_MS} ms by ${[...waiting].map(([b, why]) => `${b} (${why})`).join(', ')}`);
    }
    await sleep(50);
  }
  return Date.now() - start;
}

async function statusOf(base: string, path: string): Promise<number> {
  return (await get(base, path)).status;
}

/** The scenario, on one archive: the initial import, three servers, writers beside them. */
async function scenario(db: string, report: (line: string) => void): Promise<void> {
  const started = Date.now();
  const rejects = join(work, `rejects-${Math.random().toString(36).slice(2)}.jsonl`);
  const initial = await runCli(['import', demoDir, initialDir, '--db', db, '--no-progress', '--rejects', rejects]);
  assert.equal(initial.code, 0, initial.stderr);
  assert.match(initial.stdout, new RegExp(`stored ${DEMO.length + INITIAL.length} `), initial.stdout);

  const servers = await Promise.all(Array.from({ length: SERVERS }, () => startServe(db)));
  const serving = Date.now();
  const k = new Knowledge();
  const stop = { now: false };
  const stats: PollStats = { requests: 0, problems: [] };
  const lags: Record<string, number> = {};
  const writers: CliRun[] = [];
  let passed = false;
  try {
    for (const s of servers) {
      const home = await get(s.base, '/index.json');
      assert.equal(home.status, 200);
      assert.equal(home.body.released, DEMO.length);
      assert.equal(home.body.total, DEMO.length + INITIAL.length);
    }
    const pollers = servers.flatMap((s) => Array.from({ length: POLLERS_PER_SERVER }, () => poll(k, s.base, stop, stats)));

    // Two imports beside the servers, small batches so that they commit many times.
    const late = startCli(['import', lateDir, '--db', db, '--batch', '25', '--workers', '1', '--no-progress', '--json', '--rejects', rejects + '.late']);
    for (const x of DATED) k.mayShow.add(id(x));
    const dated = startCli(['import', datedDir, '--db', db, '--released-at', DATED_DAY, '--batch', '2', '--workers', '1', '--no-progress', '--json', '--rejects', rejects + '.dated']);
    writers.push(late, dated);
    const timeline: string[] = [];
    const mark = (what: string) => timeline.push(`${what} ${((Date.now() - serving) / 1000).toFixed(1)} s`);
    let lateEnded = Infinity;
    void late.done.then(() => {
      lateEnded = Date.now();
      mark('late import done');
    });
    void dated.done.then(() => mark('dated import done'));
    // Release only once the import is writing, so that the writers really meet.
    await everywhere(servers.slice(0, 1), 'the late import is under way', async (base) => {
      const home = await get(base, '/index.json');
      return home.body.total > DEMO.length + INITIAL.length ? null : `total ${home.body.total}`;
    });

    const release = async (serials: number[], extra: string[] = []) => {
      const r = await runCli(['release', ...serials.map(id), '--db', db, '--by', 'test', '--json', ...extra]);
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout) as { batch: { at: string; ranAt: string } };
    };
    const showsReleased = (serials: number[], day: string) => async (base: string) => {
      for (const x of serials) {
        const st = await statusOf(base, cableJson(id(x)));
        if (st !== 200) return `${id(x)} answers ${st}`;
      }
      const page = await get(base, `/reldate/${day}_0.json`);
      if (page.status !== 200) return `/reldate/${day}_0.json answers ${page.status}`;
      const listed = new Set(page.body.rows.map((r: { id: string }) => r.id));
      const missing = serials.map(id).filter((x) => !listed.has(x));
      return missing.length ? `release day page lacks ${missing.join(' ')}` : null;
    };
    const showsWithdrawn = (serial: number, day: string) => async (base: string) => {
      const st = await statusOf(base, cableJson(id(serial)));
      if (st !== 410) return `${id(serial)} answers ${st}`;
      const page = await get(base, `/reldate/${day}_0.json`);
      if (page.status === 200 && page.body.rows.some((r: { id: string }) => r.id === id(serial))) return 'still on its release day page';
      return null;
    };

    for (const x of FIRST_RELEASE) k.mayShow.add(id(x));
    mark('release 1 starts');
    const first = await release(FIRST_RELEASE, ['--note', 'first']);
    mark('release 1 done');
    const day1 = first.batch.at.slice(0, 10);
    k.releaseDays.add(day1);
    lags['release 1'] = await everywhere(servers, 'first release', showsReleased(FIRST_RELEASE, day1));

    k.withdrawing.add(id(WITHDRAWN[0]));
    let r = await runCli(['withdraw', id(WITHDRAWN[0]), '--db', db, '--reason', 'fictional withdrawal']);
    assert.equal(r.code, 0, r.stderr);
    lags['withdrawal 1'] = await everywhere(servers, 'first withdrawal', showsWithdrawn(WITHDRAWN[0], day1));

    for (const x of SECOND_RELEASE) k.mayShow.add(id(x));
    const second = await release(SECOND_RELEASE);
    const day2 = second.batch.at.slice(0, 10);
    k.releaseDays.add(day2);
    lags['release 2'] = await everywhere(servers, 'second release', showsReleased(SECOND_RELEASE, day2));

    const scheduled = await release(SCHEDULED, ['--at', '2099-01-01T00:00']);
    assert.equal(scheduled.batch.at, '2099-01-01T00:00Z');

    k.withdrawing.add(id(WITHDRAWN[1]));
    r = await runCli(['withdraw', id(WITHDRAWN[1]), '--db', db, '--reason', 'fictional withdrawal']);
    assert.equal(r.code, 0, r.stderr);
    lags['withdrawal 2'] = await everywhere(servers, 'second withdrawal', showsWithdrawn(WITHDRAWN[1], day2));

    const [lateOut, datedOut] = await Promise.all([late.done, dated.done]);
    assert.equal(lateOut.code, 0, `late import: ${lateOut.stderr}`);
    assert.equal(datedOut.code, 0, `dated import: ${datedOut.stderr}`);
    assert.equal(JSON.parse(lateOut.stdout).new, LATE.length);
    assert.equal(JSON.parse(datedOut.stdout).new, DATED.length);
    assert.ok(
      Date.parse(first.batch.ranAt) < lateEnded,
      `the first release began its batch (${first.batch.ranAt}) while the late import was still writing (else the writers did not meet): ${timeline.join(', ')}`,
    );

    lags['final state'] = await everywhere(servers, 'the final state', async (base) => {
      const home = (await get(base, '/index.json')).body;
      if (home.released !== EXPECTED_RELEASED || home.total !== EXPECTED_TOTAL) return `home ${home.released} / ${home.total}`;
      const search = (await get(base, '/search.json?q=ruritania')).body;
      if (search.total !== EXPECTED_TEXT_VISIBLE) return `search total ${search.total}`;
      const day = (await get(base, `/reldate/${DATED_DAY}_0.json`)).body;
      if (day?.total !== DATED.length) return `${DATED_DAY} total ${day?.total}`;
      return null;
    });
    stop.now = true;
    await Promise.all(pollers);

    for (const s of servers) {
      for (const x of [...FIRST_RELEASE, ...SECOND_RELEASE, ...SCHEDULED]) {
        const want = WITHDRAWN.includes(x) ? 410 : SCHEDULED.includes(x) ? 404 : 200;
        assert.equal(await statusOf(s.base, cableJson(id(x))), want, `${s.base} ${id(x)}`);
      }
    }
    report(
      `${stats.requests} requests to ${SERVERS} servers; changes shown everywhere after (ms): ${JSON.stringify(lags)}; ` +
        `${timeline.join(', ')}; scenario ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const unique = [...new Set(stats.problems)];
    assert.deepEqual(unique.slice(0, 20), [], `${stats.problems.length} bad answers; server logs:\n${servers.map((s) => s.stderr()).join('\n').slice(0, 4000)}`);
    assert.ok(stats.requests > 100, `the servers were polled (${stats.requests} requests)`);
    passed = true;
  } finally {
    stop.now = true;
    for (const w of writers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    const codes = await Promise.all(servers.map((s) => s.stop()));
    if (passed) assert.deepEqual(codes, servers.map(() => 0), 'serve exits 0 on SIGTERM');
  }
}

test('sqlite: three serve processes stay correct beside import, release and withdraw', async (t) => {
  await scenario(join(work, 'archive.db'), (line) => t.diagnostic(line));
});

test('postgres: three serve processes stay correct beside import, release and withdraw', postgres, async (t) => {
  const schema = freshSchema('serve');
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  // The CLI takes a URL: the schema goes in the connection's options (search_path).
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  await scenario(url.toString(), (line) => t.diagnostic(line));
});
