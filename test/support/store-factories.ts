/**
 * The stores the cross-store suites run against: one list, SQLite and PostgreSQL, each able
 * to open a fresh, empty, migrated archive. A suite runs its tests once per entry:
 *
 *   for (const factory of storeFactories) describe(factory.name, factory.testOptions, () => { ... });
 *   after(cleanupStores);
 *
 * SQLite archives are in memory (or, with `onDisk`, in a file of a temporary folder);
 * PostgreSQL ones each get a fresh schema on TEST_DATABASE_URL (test/store/postgres-support.ts),
 * or a fresh database when another process (the CLI) must open them by URL. Outside CI the
 * PostgreSQL suites are skipped, with the reason, when no server answers; with CI=true they
 * run and fail. `cleanupStores` closes every store opened here and drops what was created.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPostgresUrl } from '../../src/store/open-store.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { dropDatabases, dropSchemas, freshDatabase, freshSchema, needsPostgres, TEST_DATABASE_URL } from '../store/postgres-support.js';

export type StoreName = 'sqlite' | 'postgres';

export interface StoreOpenOptions {
  /** The clock the embargo reads (for scheduled releases). */
  now?: () => Date;
  /** Test hook called inside a release transaction before each item (to simulate a crash). */
  beforeReleaseItem?: (index: number) => void;
}

export interface FreshStoreOptions extends StoreOpenOptions {
  /** SQLite: keep the archive in a file of a temporary folder rather than in memory (big archives). */
  onDisk?: boolean;
  /** A word in the schema or file name, to tell leftovers apart. */
  label?: string;
}

export interface StoreFactory {
  readonly name: StoreName;
  /** node:test options for a suite on this store: `{ skip: reason }` when it cannot run here. */
  readonly testOptions: { skip?: string };
  /** A fresh, empty, migrated archive. */
  open(options?: FreshStoreOptions): Promise<Store>;
  /**
   * Where a fresh archive may be created by another process or the CLI (`--db`): a SQLite
   * file path in a temporary folder, or the postgres:// URL of a fresh, empty database.
   */
  freshLocation(label?: string): Promise<string>;
}

/** Connections per PostgreSQL store opened here (the web tests make a few requests at once). */
const POOL_SIZE = 4;

const opened: Store[] = [];
let workDir: string | null = null;
let files = 0;

function track<S extends Store>(store: S): S {
  opened.push(store);
  return store;
}

function tempFile(label: string): string {
  workDir ??= mkdtempSync(join(tmpdir(), 'cablegate-stores-'));
  return join(workDir, `${label}-${files++}.db`);
}

/**
 * Opens the archive at `location` (a SQLite file or a postgres:// URL, as `freshLocation`
 * gives), creating and migrating it when needed; closed by `cleanupStores` if still open.
 */
export async function openLocation(location: string, options: StoreOpenOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) return track(await PostgresStore.open(location, { ...options, poolSize: POOL_SIZE }));
  return track(SqliteStore.open(location, options));
}

const sqlite: StoreFactory = {
  name: 'sqlite',
  testOptions: {},
  async open(options = {}) {
    const { onDisk, label, ...rest } = options;
    return track(SqliteStore.open(onDisk ? tempFile(label ?? 'archive') : ':memory:', rest));
  },
  async freshLocation(label = 'archive') {
    return tempFile(label);
  },
};

const postgresOptions = await needsPostgres();

const postgres: StoreFactory = {
  name: 'postgres',
  testOptions: postgresOptions,
  async open(options = {}) {
    const { onDisk: _onDisk, label, ...rest } = options;
    return track(await PostgresStore.open(TEST_DATABASE_URL, { ...rest, schema: freshSchema(label ?? 's'), poolSize: POOL_SIZE }));
  },
  async freshLocation(label = 'db') {
    return freshDatabase(label);
  },
};

/** Every store the cross-store suites run against, SQLite first. */
export const storeFactories: readonly StoreFactory[] = [sqlite, postgres];

/** Closes every store opened here, drops the PostgreSQL schemas and databases, removes the temporary files. */
export async function cleanupStores(): Promise<void> {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
  try {
    await dropSchemas();
    await dropDatabases();
  } finally {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    workDir = null;
  }
}
