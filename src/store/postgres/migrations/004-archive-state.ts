import type { Migration } from './migration.js';

/**
 * A write counter: every writing transaction bumps it (write-lock.ts), so the web servers
 * of every process can tell cheaply that the archive changed and drop cached pages.
 */
export const migration004: Migration = {
  version: 4,
  name: 'archive write counter',
  sql: `
CREATE TABLE archive_state (id SMALLINT PRIMARY KEY CHECK (id = 1), generation BIGINT NOT NULL);
INSERT INTO archive_state (id, generation) VALUES (1, 0);
`,
};
