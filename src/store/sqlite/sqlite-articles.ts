/** Articles in the SQLite archive (migration 007): stored by key, public when every cable they cite is visible. */
import type Database from 'better-sqlite3';
import { contentHash } from '../content-hash.js';
import { articleOrder, toStoredArticle, type ArticleRow } from '../article-rows.js';
import type { ArticleInput, ArticleReadOptions, PutOutcome, StoredArticle } from '../store.js';
import { visibleCableSql } from './visibility.js';

/** SQL predicate: the article `a` cites no cable that is not visible now (the embargo). */
const PUBLIC_ARTICLE = `NOT EXISTS (SELECT 1 FROM article_cables ac WHERE ac.article_key = a.article_key
  AND NOT EXISTS (SELECT 1 FROM cables c WHERE c.canonical_id = ac.canonical_id AND ${visibleCableSql('c')}))`;

const COLUMNS = 'a.data, a.format, a.content_hash, a.imported_at';

export class SqliteArticles {
  constructor(private readonly db: Database.Database) {}

  put(inputs: ArticleInput[]): PutOutcome[] {
    const existing = this.db.prepare<[string], { content_hash: string }>('SELECT content_hash FROM articles WHERE article_key = ?');
    const upsert = this.db.prepare(
      `INSERT INTO articles (article_key, data, format, source, content_hash, published, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (article_key) DO UPDATE SET data = excluded.data, format = excluded.format, source = excluded.source,
         content_hash = excluded.content_hash, published = excluded.published, imported_at = excluded.imported_at`,
    );
    const clearCites = this.db.prepare('DELETE FROM article_cables WHERE article_key = ?');
    const cite = this.db.prepare('INSERT OR IGNORE INTO article_cables (article_key, canonical_id) VALUES (?, ?)');
    return this.db.transaction(() =>
      inputs.map((input): PutOutcome => {
        const a = input.article;
        const hash = contentHash(input.raw);
        const before = existing.get(a.key);
        if (before?.content_hash === hash) return 'unchanged';
        upsert.run(a.key, JSON.stringify(a), input.format, input.source, hash, a.published, new Date().toISOString());
        clearCites.run(a.key);
        for (const id of a.cables) cite.run(a.key, id);
        return before ? 'changed' : 'new';
      }),
    )();
  }

  get(key: string, options: ArticleReadOptions = {}): StoredArticle | null {
    const row = this.db
      .prepare<[string], ArticleRow>(`SELECT ${COLUMNS} FROM articles a WHERE a.article_key = ? ${options.publicOnly ? `AND ${PUBLIC_ARTICLE}` : ''}`)
      .get(key);
    return row ? toStoredArticle(row) : null;
  }

  list(options: ArticleReadOptions = {}): StoredArticle[] {
    const rows = this.db.prepare<[], ArticleRow>(`SELECT ${COLUMNS} FROM articles a ${options.publicOnly ? `WHERE ${PUBLIC_ARTICLE}` : ''} ${articleOrder()}`).all();
    return rows.map(toStoredArticle);
  }

  citing(canonicalId: string, options: ArticleReadOptions = {}): StoredArticle[] {
    const rows = this.db
      .prepare<[string], ArticleRow>(
        `SELECT ${COLUMNS} FROM articles a JOIN article_cables x ON x.article_key = a.article_key
         WHERE x.canonical_id = ? ${options.publicOnly ? `AND ${PUBLIC_ARTICLE}` : ''} ${articleOrder()}`,
      )
      .all(canonicalId);
    return rows.map(toStoredArticle);
  }
}
