/**
 * A killed import against PostgreSQL leaves a consistent archive (only whole batches, every
 * cable with its current version, tags and search document), and a rerun completes it.
 * Fictional cables only; runs the compiled CLI (npm run build).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runCli, spawnCli } from '../cli/run-cli.js';
import { fictionalTextCable } from './fictional-text-cable.js';
import { dropDatabases, freshDatabase, needsPostgres } from '../store/postgres-support.js';

const available = await needsPostgres();
const work = mkdtempSync(join(tmpdir(), 'cablegate-pg-kill-'));
after(async () => {
  rmSync(work, { recursive: true, force: true });
  await dropDatabases();
});

async function counts(url: string): Promise<{ cables: number; versions: number; orphans: number; unindexed: number; untagged: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query<{ t: string | null }>("SELECT to_regclass('cable_search')::text AS t");
    if (!exists.rows[0].t) return { cables: 0, versions: 0, orphans: 0, unindexed: 0, untagged: 0 };
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM cables)::int AS cables, (SELECT count(*) FROM versions)::int AS versions,
         (SELECT count(*) FROM cables c WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.cable_id = c.id AND v.number = c.current_version))::int AS orphans,
         (SELECT count(*) FROM cables c WHERE NOT EXISTS (SELECT 1 FROM cable_search s WHERE s.cable_id = c.id))::int AS unindexed,
         (SELECT count(*) FROM cables c WHERE NOT EXISTS (SELECT 1 FROM cable_tags t WHERE t.cable_id = c.id))::int AS untagged`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

test('postgres: cli import killed mid-way leaves whole batches only; a rerun completes it', available, async () => {
  const dir = join(work, 'cables');
  mkdirSync(dir);
  const files = 1500;
  for (let i = 1; i <= files; i++) writeFileSync(join(dir, `cable-${i}.txt`), fictionalTextCable(i));
  const url = await freshDatabase('kill');
  const batch = 40;
  const child = spawnCli(['import', dir, '--db', url, '--batch', String(batch), '--workers', '1', '--no-progress', '--rejects', join(work, 'rejects.jsonl')]);
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let seen = 0;
  for (let i = 0; i < 3000 && seen === 0; i++) {
    await new Promise((r) => setTimeout(r, 10));
    seen = (await counts(url).catch(() => ({ cables: 0 }))).cables;
  }
  child.kill('SIGKILL');
  const code = await exited;
  assert.ok(seen > 0, `the first batch was committed before the kill (exit ${code}: ${stderr})`);

  const c = await counts(url);
  assert.equal(c.cables % batch, 0, 'only whole batches were committed');
  assert.equal(c.versions, c.cables);
  assert.equal(c.orphans, 0);
  assert.equal(c.unindexed, 0, 'every stored cable is in the search index');
  assert.equal(c.untagged, 0);
  assert.ok(c.cables < files, 'the import was stopped before the end');

  const rerun = runCli(['import', dir, '--db', url, '--json', '--rejects', join(work, 'rejects2.jsonl')]);
  assert.equal(rerun.code, 0, rerun.stderr);
  const s = JSON.parse(rerun.stdout) as Record<string, number>;
  assert.equal(s.unchanged, c.cables);
  assert.equal(s.new + s.unchanged, files);
  const stats = JSON.parse(runCli(['stats', '--json'], { env: { DATABASE_URL: url } }).stdout) as { total: number; versions: number };
  assert.equal(stats.total, files, 'DATABASE_URL selects the same PostgreSQL archive');
  assert.equal(stats.versions, files);
});
