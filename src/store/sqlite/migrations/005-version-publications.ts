import type { Migration } from './migration.js';

/**
 * Version publication times move to their own small table: marking thousands of versions
 * public then writes a few bytes per version instead of rewriting version rows (which
 * carry whole texts). `versions.published_at` (migration 3) and its index (migration 4)
 * are no longer used. Idempotent (a development build briefly shipped this as migration 4).
 */
export const migration005: Migration = {
  version: 5,
  name: 'version publications table',
  sql: `
CREATE TABLE IF NOT EXISTS version_publications (
  cable_id INTEGER NOT NULL REFERENCES cables (id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  published_at TEXT NOT NULL,
  PRIMARY KEY (cable_id, number)
) WITHOUT ROWID;
INSERT OR IGNORE INTO version_publications (cable_id, number, published_at)
  SELECT cable_id, number, published_at FROM versions WHERE published_at IS NOT NULL;
`,
};
