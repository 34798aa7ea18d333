import { resolve } from 'node:path';
import { CablegateError } from '../domain/errors.js';
import type { Store } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

export const DEFAULT_DB = './cablegate.db';

/** Where the archive is: `--db`, else `CABLEGATE_DB`, else ./cablegate.db. */
export function resolveDbLocation(db?: string, env: NodeJS.ProcessEnv = process.env): string {
  return db ?? env.CABLEGATE_DB ?? DEFAULT_DB;
}

/**
 * Opens the archive named by `location` (a SQLite file path, or a `postgres://` URL),
 * creating and migrating it when needed.
 */
export async function openStore(location: string, options: { readonly?: boolean; mustExist?: boolean } = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new CablegateError('E_STORE_OPEN', 'PostgreSQL adapter not available yet', {
      subject: location.replace(/\/\/[^@/]*@/, '//***@'),
      hint: 'use a SQLite file for now: --db ./cablegate.db',
    });
  }
  return SqliteStore.open(location === ':memory:' ? location : resolve(location), options);
}
