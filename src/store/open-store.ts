import { resolve } from 'node:path';
import type { Store } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

export const DEFAULT_DB = './cablegate.db';

/** Where the archive is: `--db`, else `CABLEGATE_DB` (when not empty), else a postgres:// `DATABASE_URL`, else ./cablegate.db. */
export function resolveDbLocation(db?: string, env: NodeJS.ProcessEnv = process.env): string {
  const databaseUrl = env.DATABASE_URL && isPostgresUrl(env.DATABASE_URL) ? env.DATABASE_URL : undefined;
  return db ?? (env.CABLEGATE_DB || undefined) ?? databaseUrl ?? DEFAULT_DB;
}

/** True for a `postgres://` or `postgresql://` URL (the PostgreSQL store). */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Opens the archive named by `location` (a SQLite file path, or a `postgres://` URL),
 * creating and migrating it when needed.
 */
export async function openStore(location: string, options: { readonly?: boolean; mustExist?: boolean } = {}): Promise<Store> {
  // Loaded only for PostgreSQL: a SQLite process (and each of its worker threads) skips the client library.
  if (isPostgresUrl(location)) return (await import('./postgres/postgres-store.js')).PostgresStore.open(location, options);
  return SqliteStore.open(location === ':memory:' ? location : resolve(location), options);
}
