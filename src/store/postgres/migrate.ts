import type pg from 'pg';
import { CablegateError } from '../../domain/errors.js';
import type { Migration } from './migrations/migration.js';

/** Advisory lock key held while migrating, so several processes starting at once take turns. */
const MIGRATION_LOCK = 0x63616267; // "cabg"

/**
 * Brings the schema up to date: creates `schema_migrations` if needed and applies, each
 * in its own transaction, the migrations not yet recorded there. Returns the versions
 * applied now. Safe to run from several processes at once (advisory lock).
 */
export async function migrate(client: pg.ClientBase, migrations: readonly Migration[]): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const known = new Set(migrations.map((m) => m.version));
    const unknown = [...applied].filter((v) => !known.has(v));
    if (unknown.length > 0) {
      throw new CablegateError('E_STORE_MIGRATION', `the archive has schema version ${Math.max(...unknown)}, newer than this program knows`, {
        hint: 'upgrade cablegate to open this archive',
      });
    }
    const done: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      try {
        await client.query('BEGIN');
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new CablegateError('E_STORE_MIGRATION', `migration ${m.version} (${m.name}) failed: ${(e as Error).message}`, {
          hint: 'the archive was left at the previous schema version; report this problem',
          cause: e,
        });
      }
      done.push(m.version);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
  }
}
