import type { Migration } from './migration.js';

/**
 * Cables (one row per canonical id, with the current version's browse columns
 * denormalised), their versions, tags and references. Same shape as the SQLite
 * archive. Times stay ISO 8601 text exactly as imported; every text column that is
 * sorted or compared uses the "C" collation so order is by code point, as in SQLite.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  sql: `
CREATE TABLE cables (
  id BIGSERIAL PRIMARY KEY,
  canonical_id TEXT COLLATE "C" NOT NULL UNIQUE,
  released_at TEXT COLLATE "C",
  current_version INTEGER NOT NULL,
  version_count INTEGER NOT NULL,
  reference_id TEXT COLLATE "C",
  subject TEXT COLLATE "C",
  created TEXT COLLATE "C",
  classification TEXT COLLATE "C",
  origin TEXT COLLATE "C"
);
CREATE INDEX cables_created ON cables (created, canonical_id);
CREATE INDEX cables_released ON cables (released_at, canonical_id);
CREATE INDEX cables_origin ON cables (origin, created);
CREATE INDEX cables_classification ON cables (classification, created);

CREATE TABLE versions (
  cable_id BIGINT NOT NULL REFERENCES cables (id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  source TEXT NOT NULL,
  format TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  raw TEXT NOT NULL,
  parsed JSONB NOT NULL,
  PRIMARY KEY (cable_id, number)
);
CREATE INDEX versions_hash ON versions (cable_id, content_hash);

CREATE TABLE cable_tags (
  cable_id BIGINT NOT NULL REFERENCES cables (id) ON DELETE CASCADE,
  tag TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (cable_id, tag)
);
CREATE INDEX cable_tags_tag ON cable_tags (tag, cable_id);

CREATE TABLE cable_refs (
  cable_id BIGINT NOT NULL REFERENCES cables (id) ON DELETE CASCADE,
  ref_id TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (cable_id, ref_id)
);
CREATE INDEX cable_refs_ref ON cable_refs (ref_id, cable_id);
`,
};
