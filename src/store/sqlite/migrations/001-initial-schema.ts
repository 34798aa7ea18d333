import type { Migration } from './migration.js';

/**
 * Cables (one row per canonical id, with the current version's browse columns
 * denormalised), their versions, tags and references. `cables` keeps an integer rowid
 * so an FTS5 external-content table can be attached by a later migration.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  sql: `
CREATE TABLE cables (
  id INTEGER PRIMARY KEY,
  canonical_id TEXT NOT NULL UNIQUE,
  released_at TEXT,
  current_version INTEGER NOT NULL,
  version_count INTEGER NOT NULL,
  reference_id TEXT,
  subject TEXT,
  created TEXT,
  classification TEXT,
  origin TEXT
);
CREATE INDEX cables_created ON cables (created, canonical_id);
CREATE INDEX cables_released ON cables (released_at, canonical_id);
CREATE INDEX cables_origin ON cables (origin, created);
CREATE INDEX cables_classification ON cables (classification, created);

CREATE TABLE versions (
  cable_id INTEGER NOT NULL REFERENCES cables (id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  source TEXT NOT NULL,
  format TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  raw TEXT NOT NULL,
  parsed TEXT NOT NULL,
  PRIMARY KEY (cable_id, number)
);
CREATE INDEX versions_hash ON versions (cable_id, content_hash);

CREATE TABLE cable_tags (
  cable_id INTEGER NOT NULL REFERENCES cables (id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (cable_id, tag)
);
CREATE INDEX cable_tags_tag ON cable_tags (tag, cable_id);

CREATE TABLE cable_refs (
  cable_id INTEGER NOT NULL REFERENCES cables (id) ON DELETE CASCADE,
  ref_id TEXT NOT NULL,
  PRIMARY KEY (cable_id, ref_id)
);
CREATE INDEX cable_refs_ref ON cable_refs (ref_id, cable_id);
`,
};
