/**
 * How tests reach PostgreSQL: TEST_DATABASE_URL (set by .ci/run), else the local
 * development default. Each test run works in its own fresh schemas, dropped at the end.
 * Outside CI a test needing PostgreSQL is skipped (with the reason) when no server
 * answers; with CI=true it fails instead, so CI never passes without PostgreSQL.
 */
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://cablegate:cablegate@127.0.0.1:5432/cablegate_test';

let probe: Promise<string | null> | null = null;

/** Null when PostgreSQL answers at TEST_DATABASE_URL, else why not. */
export function postgresUnavailable(): Promise<string | null> {
  probe ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return null;
    } catch (e) {
      return `PostgreSQL not reachable at ${TEST_DATABASE_URL.replace(/\/\/[^@/]*@/, '//***@')}: ${(e as Error).message}`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return probe;
}

/** node:test options for a test needing PostgreSQL: `{ skip: reason }` outside CI when unreachable. */
export async function needsPostgres(): Promise<{ skip?: string }> {
  const why = await postgresUnavailable();
  if (!why) return {};
  if (process.env.CI === 'true') return {}; // the test runs and fails on the connection: CI must have PostgreSQL
  return { skip: `${why} (set TEST_DATABASE_URL)` };
}

const runTag = `t${process.pid}_${Date.now().toString(36)}`;
let counter = 0;
const created: string[] = [];

/** A fresh schema name for this run (created by the store on open). */
export function freshSchema(label = 's'): string {
  const name = `cg_${runTag}_${label}_${counter++}`.toLowerCase();
  created.push(name);
  return name;
}

/** Drops every schema this run created. */
export async function dropSchemas(): Promise<void> {
  if (created.length === 0 || (await postgresUnavailable())) return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  try {
    await client.connect();
    for (const s of created.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const databases: string[] = [];

/** A fresh, empty database for this run (for CLI tests that take a URL), dropped by `dropDatabases`. */
export async function freshDatabase(label = 'db'): Promise<string> {
  const name = `cg_${runTag}_${label}_${counter++}`.toLowerCase();
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  databases.push(name);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabases(): Promise<void> {
  if (databases.length === 0) return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    for (const d of databases.splice(0)) {
      // FORCE cannot end a backend of another role (an autovacuum worker busy on a freshly
      // imported corpus: error 42501); such a worker ends soon, so try again for a while.
      for (let attempt = 1; ; attempt++) {
        try {
          await client.query(`DROP DATABASE IF EXISTS ${d} WITH (FORCE)`);
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== '42501' || attempt >= 40) throw e;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    }
  } finally {
    await client.end();
  }
}
