import type { Migration } from './migration.js';

/**
 * Indexes for the embargo's version predicate: counting and listing public versions
 * reads this small index instead of the version rows (which carry the whole texts).
 */
export const migration004: Migration = {
  version: 4,
  name: 'public version index',
  sql: `
CREATE INDEX versions_published ON versions (cable_id, published_at, number);
`,
};
