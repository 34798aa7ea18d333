import type { Migration } from './migration.js';

/**
 * Staged releases: withdrawals on cables, a publication time per version (null: not
 * public), and the release log (batches and their items). Existing archives keep what
 * readers saw: every version of a released cable is public from its release time.
 */
export const migration003: Migration = {
  version: 3,
  name: 'release log, withdrawals, public versions',
  sql: `
ALTER TABLE cables ADD COLUMN withdrawn_at TEXT;
ALTER TABLE cables ADD COLUMN withdrawn_reason TEXT;
ALTER TABLE versions ADD COLUMN published_at TEXT;
UPDATE versions SET published_at = (SELECT c.released_at FROM cables c WHERE c.id = versions.cable_id);

CREATE TABLE release_batches (
  id INTEGER PRIMARY KEY,
  action TEXT NOT NULL CHECK (action IN ('release', 'withdraw')),
  ran_at TEXT NOT NULL,
  effective_at TEXT NOT NULL,
  by_whom TEXT,
  note TEXT,
  selector TEXT
);
CREATE INDEX release_batches_effective ON release_batches (effective_at);

CREATE TABLE release_items (
  batch_id INTEGER NOT NULL REFERENCES release_batches (id) ON DELETE CASCADE,
  canonical_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('publish', 'version', 'withdraw')),
  from_version INTEGER,
  version INTEGER,
  reason TEXT,
  PRIMARY KEY (batch_id, canonical_id)
);
CREATE INDEX release_items_cable ON release_items (canonical_id);
`,
};
