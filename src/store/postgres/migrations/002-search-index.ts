import type { Migration } from './migration.js';

/**
 * Full-text search: one tsvector per cable (its current version), built by the store
 * in JS from the same folded words the SQLite index sees (src/query/search-text.ts),
 * weighted by field: A subject, B sender, C recipients, D everything else. GIN index.
 * Embargo is not in the index: searches join `cables` and keep released rows only.
 */
export const migration002: Migration = {
  version: 2,
  name: 'full-text search index',
  sql: `
CREATE TABLE cable_search (
  cable_id BIGINT PRIMARY KEY REFERENCES cables (id) ON DELETE CASCADE,
  document TSVECTOR NOT NULL
);
CREATE INDEX cable_search_document ON cable_search USING GIN (document);
`,
};
