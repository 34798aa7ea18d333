import type { Migration } from './migration.js';

/**
 * Staged releases (as SQLite migration 003): withdrawals on cables, a publication time
 * per version (null: not public), the release log, and `cablegate_now()`, the clock the
 * embargo reads. Existing archives keep what readers saw.
 */
export const migration003: Migration = {
  version: 3,
  name: 'release log, withdrawals, public versions',
  sql: `
ALTER TABLE cables ADD COLUMN withdrawn_at TEXT COLLATE "C";
ALTER TABLE cables ADD COLUMN withdrawn_reason TEXT;
ALTER TABLE versions ADD COLUMN published_at TEXT COLLATE "C";
UPDATE versions v SET published_at = c.released_at FROM cables c WHERE c.id = v.cable_id;

CREATE FUNCTION cablegate_now() RETURNS TEXT LANGUAGE sql STABLE AS $fn$
  SELECT coalesce(nullif(current_setting('cablegate.now', true), ''),
                  to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"'))
$fn$;

CREATE TABLE release_batches (
  id BIGSERIAL PRIMARY KEY,
  action TEXT NOT NULL CHECK (action IN ('release', 'withdraw')),
  ran_at TEXT COLLATE "C" NOT NULL,
  effective_at TEXT COLLATE "C" NOT NULL,
  by_whom TEXT,
  note TEXT,
  selector TEXT
);
CREATE INDEX release_batches_effective ON release_batches (effective_at);

CREATE TABLE release_items (
  batch_id BIGINT NOT NULL REFERENCES release_batches (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  canonical_id TEXT COLLATE "C" NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('publish', 'version', 'withdraw')),
  from_version INTEGER,
  version INTEGER,
  reason TEXT,
  PRIMARY KEY (batch_id, canonical_id)
);
CREATE INDEX release_items_cable ON release_items (canonical_id);
`,
};
