/** Article rows of both adapters: what a row holds, and the one order of article lists. */
import type { ArticleFormat, SiteArticle } from '../domain/site-article.js';
import type { StoredArticle } from './store.js';

export interface ArticleRow {
  data: string;
  format: string;
  content_hash: string;
  imported_at: string;
}

export function toStoredArticle(r: ArticleRow): StoredArticle {
  return { article: JSON.parse(r.data) as SiteArticle, format: r.format as ArticleFormat, contentHash: r.content_hash, importedAt: r.imported_at };
}

/** Newest first: publication date (undated last), then key in byte order (`collate`: PostgreSQL's "C", SQLite's default). */
export function articleOrder(collate = ''): string {
  return `ORDER BY (a.published IS NULL), a.published DESC, a.article_key${collate} ASC`;
}
