import type Database from 'better-sqlite3';
import { CablegateError } from '../../domain/errors.js';
import type { Migration } from './migrations/migration.js';

/** The versions recorded in `schema_migrations` (which must exist). */
function appliedVersions(db: Database.Database): Set<number> {
  return new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
}

/** The migrations not recorded in `schema_migrations` (which must exist): what a read-only connection cannot apply. */
export function pendingMigrations(db: Database.Database, migrations: readonly Migration[]): Migration[] {
  const applied = appliedVersions(db);
  return migrations.filter((m) => !applied.has(m.version));
}

/**
 * Brings the database up to the latest schema: creates `schema_migrations` if needed and
 * applies, each in its own transaction, the migrations not yet recorded there.
 * Returns the versions applied now.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = appliedVersions(db);
  const known = new Set(migrations.map((m) => m.version));
  const unknown = [...applied].filter((v) => !known.has(v));
  if (unknown.length > 0) {
    throw new CablegateError('E_STORE_MIGRATION', `the archive has schema version ${Math.max(...unknown)}, newer than this program knows`, {
      hint: 'upgrade cablegate to open this archive',
    });
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  const done: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    try {
      // IMMEDIATE, and checked again under the write lock: several processes opening an
      // old archive at once (serve processes starting together) apply each step once.
      const ran = db.transaction(() => {
        if (isApplied.get(m.version)) return false;
        db.exec(m.sql);
        record.run(m.version, m.name, new Date().toISOString());
        return true;
      }).immediate();
      if (!ran) continue;
    } catch (e) {
      throw new CablegateError('E_STORE_MIGRATION', `migration ${m.version} (${m.name}) failed: ${(e as Error).message}`, {
        hint: 'the archive was left at the previous schema version; report this problem',
        cause: e,
      });
    }
    done.push(m.version);
  }
  return done;
}
