/** Articles in the PostgreSQL archive (migration 007): stored by key, public when every cable they cite is visible. */
import type pg from 'pg';
import { contentHash } from '../content-hash.js';
import { articleOrder, toStoredArticle, type ArticleRow } from '../article-rows.js';
import type { ArticleInput, ArticleReadOptions, PutOutcome, StoredArticle } from '../store.js';
import { RELEASED } from './summary-row.js';
import { takeWriteLock } from './write-lock.js';

/** SQL predicate: the article `a` cites no cable that is not visible now (the embargo). */
const PUBLIC_ARTICLE = `NOT EXISTS (SELECT 1 FROM article_cables ac WHERE ac.article_key = a.article_key
  AND NOT EXISTS (SELECT 1 FROM cables c WHERE c.canonical_id = ac.canonical_id AND ${RELEASED}))`;

const COLUMNS = 'a.data, a.format, a.content_hash, a.imported_at';

type Query = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<R>>;
type Transaction = <T>(body: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

export class PostgresArticles {
  constructor(
    private readonly query: Query,
    private readonly transaction: Transaction,
  ) {}

  put(inputs: ArticleInput[]): Promise<PutOutcome[]> {
    return this.transaction(async (client) => {
      await takeWriteLock(client);
      const out: PutOutcome[] = [];
      for (const input of inputs) {
        const a = input.article;
        const hash = contentHash(input.raw);
        const before = (await client.query<{ content_hash: string }>('SELECT content_hash FROM articles WHERE article_key = $1', [a.key])).rows[0];
        if (before?.content_hash === hash) {
          out.push('unchanged');
          continue;
        }
        await client.query(
          `INSERT INTO articles (article_key, data, format, source, content_hash, published, imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (article_key) DO UPDATE SET data = EXCLUDED.data, format = EXCLUDED.format, source = EXCLUDED.source,
             content_hash = EXCLUDED.content_hash, published = EXCLUDED.published, imported_at = EXCLUDED.imported_at`,
          [a.key, JSON.stringify(a), input.format, input.source, hash, a.published, new Date().toISOString()],
        );
        await client.query('DELETE FROM article_cables WHERE article_key = $1', [a.key]);
        if (a.cables.length) {
          await client.query('INSERT INTO article_cables (article_key, canonical_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [a.key, a.cables]);
        }
        out.push(before ? 'changed' : 'new');
      }
      return out;
    });
  }

  async get(key: string, options: ArticleReadOptions = {}): Promise<StoredArticle | null> {
    const { rows } = await this.query<ArticleRow>(`SELECT ${COLUMNS} FROM articles a WHERE a.article_key = $1 ${options.publicOnly ? `AND ${PUBLIC_ARTICLE}` : ''}`, [key]);
    return rows[0] ? toStoredArticle(rows[0]) : null;
  }

  async list(options: ArticleReadOptions = {}): Promise<StoredArticle[]> {
    const { rows } = await this.query<ArticleRow>(`SELECT ${COLUMNS} FROM articles a ${options.publicOnly ? `WHERE ${PUBLIC_ARTICLE}` : ''} ${articleOrder(' COLLATE "C"')}`);
    return rows.map(toStoredArticle);
  }

  async citing(canonicalId: string, options: ArticleReadOptions = {}): Promise<StoredArticle[]> {
    const { rows } = await this.query<ArticleRow>(
      `SELECT ${COLUMNS} FROM articles a JOIN article_cables x ON x.article_key = a.article_key
       WHERE x.canonical_id = $1 ${options.publicOnly ? `AND ${PUBLIC_ARTICLE}` : ''} ${articleOrder(' COLLATE "C"')}`,
      [canonicalId],
    );
    return rows.map(toStoredArticle);
  }
}
