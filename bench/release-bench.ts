/**
 * Release benchmark: into the generated archive of `--count` cables (251,287 by default;
 * imported once and cached under the OS temp folder), hide 10,000 cables (fewer for small
 * counts), then release them in one batch and measure the time until the website's reads
 * reflect it: the batch itself, then the home page counts, the release-day listing, a
 * search and a cable page. Goal: under 5 s in all.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importArchive } from '../src/import/import-archive.js';
import { parseQuery } from '../src/query/parse-query.js';
import { orderCandidates } from '../src/release/order-candidates.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { createApp } from '../src/web/app.js';
import { demoCorpusInput } from './corpus-inputs.js';
import type { BenchContext, SectionResult } from './bench-context.js';

export const RELEASE_COUNT = 10_000;
export const RELEASE_GOAL_SECONDS = 5;

async function cachedDemoArchive(ctx: BenchContext): Promise<string> {
  const dir = join(tmpdir(), 'cablegate-release-bench');
  mkdirSync(dir, { recursive: true });
  const db = join(dir, `demo-${ctx.count}-${ctx.seed}.db`);
  if (existsSync(db)) return db;
  const input = await demoCorpusInput(ctx.count, ctx.seed, ctx.log);
  const partial = `${db}.partial`;
  rmSync(partial, { force: true });
  const store = SqliteStore.open(partial);
  ctx.log(`release: importing ${ctx.count} demo cables (once)`);
  await importArchive(store, input.paths, { workers: ctx.workers, releasedAt: '2010-11-28T18:00Z' });
  await store.close();
  renameSync(partial, db);
  return db;
}

export async function benchRelease(ctx: BenchContext): Promise<SectionResult> {
  const cached = await cachedDemoArchive(ctx);
  const work = join(tmpdir(), 'cablegate-release-bench', `run-${process.pid}.db`);
  copyFileSync(cached, work);
  const store = SqliteStore.open(work);
  try {
    const all = await store.listCables({ sort: 'id' });
    const n = Math.min(RELEASE_COUNT, Math.floor(all.total / 2));
    const chosen = orderCandidates(all.rows, 'random', { seed: 'bench', next: n });
    await store.setReleased(chosen.map((c) => c.canonicalId), null);
    const app = createApp(store, { cacheTtlMs: 0 });
    const probe = chosen[0];
    const beforeHome = JSON.parse(await (await app.request('/index.json')).text()) as { released: number };

    const t0 = performance.now();
    await store.applyRelease({ action: 'release', items: chosen.map((c) => ({ canonicalId: c.canonicalId })), by: 'bench' });
    const tBatch = performance.now();
    const home = JSON.parse(await (await app.request('/index.json')).text()) as { released: number };
    const tHome = performance.now();
    const day = new Date().toISOString().slice(0, 10);
    const dayPage = await app.request(`/releases/${day}.json`);
    const tDay = performance.now();
    const search = await store.search({ query: parseQuery(`id:${probe.canonicalId}`), limit: 10 });
    const tSearch = performance.now();
    const page = await app.request(`/cable/${probe.canonicalId}.json`);
    const tPage = performance.now();

    const ok = home.released === beforeHome.released + n && dayPage.status === 200 && search.total >= 1 && page.status === 301;
    const total = (tPage - t0) / 1000;
    const figures = {
      archive: all.total,
      released: n,
      batchSeconds: (tBatch - t0) / 1000,
      homeSeconds: (tHome - tBatch) / 1000,
      releaseDaySeconds: (tDay - tHome) / 1000,
      searchSeconds: (tSearch - tDay) / 1000,
      cablePageSeconds: (tPage - tSearch) / 1000,
      totalSeconds: total,
      reflected: ok,
      goalSeconds: RELEASE_GOAL_SECONDS,
    };
    const f = (s: number) => s.toFixed(2);
    return {
      ran: true,
      figures,
      lines: [
        `  released ${n.toLocaleString('en-US')} of ${all.total.toLocaleString('en-US')} cables in one batch: ${f(figures.batchSeconds)} s`,
        `  then home counts ${f(figures.homeSeconds)} s, release-day page ${f(figures.releaseDaySeconds)} s, search ${f(figures.searchSeconds)} s, cable page ${f(figures.cablePageSeconds)} s`,
        `  visible everywhere after ${f(total)} s (goal < ${RELEASE_GOAL_SECONDS} s): ${ok ? (total < RELEASE_GOAL_SECONDS ? 'met' : 'MISSED') : 'NOT REFLECTED'}`,
      ],
    };
  } finally {
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });
  }
}
