import type { Migration } from './migration.js';

/**
 * Editorial articles (the 2010 site's /articles/YYYY/<slug>.html, and Markdown ones) and
 * the cables each cites: the citations decide whether an article is public (every cited
 * cable visible) and list the articles that discuss a cable.
 */
export const migration007: Migration = {
  version: 7,
  name: 'articles',
  sql: `
CREATE TABLE IF NOT EXISTS articles (
  article_key TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  format TEXT NOT NULL,
  source TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  published TEXT,
  imported_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS article_cables (
  article_key TEXT NOT NULL REFERENCES articles (article_key) ON DELETE CASCADE,
  canonical_id TEXT NOT NULL,
  PRIMARY KEY (article_key, canonical_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_cables_by_cable ON article_cables (canonical_id, article_key);
`,
};
