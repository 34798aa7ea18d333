/**
 * Search over the `cable_search` FTS5 index (migration 002): hits ranked by bm25 or
 * sorted by date, snippets cut in JS from the original body. Embargo, facets, the month
 * histogram, date sorting and the tag/origin/classification/date filters run in JS over
 * a compact in-memory copy of those fields (src/store/search/facet-index.ts, kept fresh
 * by facet-index-cache.ts). Only released cables are found.
 */
import { toSummary, type SummaryRow } from '../../summary-row.js';
import { SUMMARY_COLUMNS } from '../browse-sql.js';
import type Database from 'better-sqlite3';
import { highlightTerms, makeSnippet, type HighlightTerms } from '../../../query/highlight.js';
import { hasErrors } from '../../../query/query-ast.js';
import { VISIBLE_NOW } from '../visibility.js';
import type { FacetIndex } from '../../search/facet-index.js';
import { splitFilters } from '../../search/filter-predicate.js';
import { FacetIndexCache } from './facet-index-cache.js';
import type { QueryNode } from '../../../query/query-ast.js';
import type { CableSummary, ReferenceLookup, SearchHit, SearchQuery, SearchResult } from '../../store.js';
import { compileQuery, type CompiledQuery } from './compile-query.js';

/** Column weights for bm25: subject, body, tags, origin, sender, recipients, ids. */
const BM25 = 'bm25(cable_search, 8.0, 1.0, 3.0, 2.0, 2.0, 1.0, 6.0)';
const SUMMARY = `c.id, ${SUMMARY_COLUMNS}`;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
const DEFAULT_FACET_LIMIT = 30;

interface SummaryRowWithId extends SummaryRow {
  id: number;
}


/** FROM + WHERE for a compiled query (no embargo: the facet index applies it); params in order. */
function fromWhere(compiled: CompiledQuery): { sql: string; params: unknown[] } {
  const where = compiled.where.length ? compiled.where.join(' AND ') : '1 = 1';
  if (compiled.match !== null) {
    if (compiled.where.length === 0) return { sql: 'FROM cable_search WHERE cable_search MATCH ?', params: [compiled.match] };
    return {
      sql: `FROM cable_search JOIN cables c ON c.id = cable_search.rowid WHERE cable_search MATCH ? AND ${where}`,
      params: [compiled.match, ...compiled.params],
    };
  }
  return { sql: `FROM cables c WHERE ${where}`, params: compiled.params };
}

/** Visible ids of a compiled query, in id order. */
interface Matches {
  ids: Int32Array;
  /** The words (and SQL-only filters) the ids were matched with, for ranking; null: filters only. */
  text: CompiledQuery | null;
}

/** Up to `exactLimit` hits, relevance is bm25 over all of them (see `ordered`); tests lower it. */
export const RANKING = { exactLimit: 10_000 };

export class SqliteSearch {
  private readonly facetCache: FacetIndexCache;

  constructor(private readonly db: Database.Database) {
    // Result pages read scattered rows of `cables`: a larger page cache and
    // memory-mapped reads keep them in memory (SQLite's default cache is 2 MB).
    db.pragma('cache_size = -131072');
    db.pragma('mmap_size = 1073741824');
    this.facetCache = new FacetIndexCache(db);
  }

  private compile(q: SearchQuery): { compiled: CompiledQuery | null; problems: SearchResult['problems'] } {
    const parsed = q.query;
    if (hasErrors(parsed) || !parsed.root) return { compiled: null, problems: parsed.problems };
    const compiled = compileQuery(parsed.root);
    const problems = [...parsed.problems, ...compiled.problems];
    if (problems.some((p) => p.severity === 'error') || (compiled.match === null && compiled.where.length === 0)) return { compiled: null, problems };
    return { compiled, problems };
  }

  /**
   * Visible matching ids. Filters the facet index can evaluate run in JS over the word
   * matches (or over every visible cable when there are no words), not as SQL joins.
   */
  private matches(compiled: CompiledQuery, idx: FacetIndex, root: QueryNode): Matches {
    const split = splitFilters(root, idx);
    if (split) {
      const keep = split.predicate;
      const text = split.rest ? compileQuery(split.rest) : null;
      if (!text || (text.match === null && text.where.length === 0)) {
        const ids = new Int32Array(idx.visibleCount);
        let k = 0;
        for (let id = 0; id < idx.size; id++) if (idx.visible[id] && keep(id)) ids[k++] = id;
        return { ids: ids.subarray(0, k), text: null };
      }
      const m = this.sqlMatches(text, idx);
      let k = 0;
      for (let i = 0; i < m.ids.length; i++) if (keep(m.ids[i])) m.ids[k++] = m.ids[i];
      return { ids: m.ids.subarray(0, k), text };
    }
    return this.sqlMatches(compiled, idx);
  }

  private sqlMatches(compiled: CompiledQuery, idx: FacetIndex): Matches {
    const { sql, params } = fromWhere(compiled);
    const col = compiled.match !== null && compiled.where.length === 0 ? 'cable_search.rowid' : 'c.id';
    const all = this.db.prepare(`SELECT ${col} ${sql}`).pluck().all(...params) as number[];
    return { ids: idx.keepVisible(all), text: compiled };
  }

  /** Scores of the members among the matches of `text`: bm25 negated, so higher is better. */
  private scored(text: CompiledQuery, member: Uint8Array): { ids: number[]; scores: number[] } {
    const { sql, params } = fromWhere(text);
    const col = text.where.length === 0 ? 'cable_search.rowid' : 'c.id';
    const ids: number[] = [];
    const scores: number[] = [];
    for (const [id, score] of this.db.prepare(`SELECT ${col}, ${BM25} ${sql}`).raw().iterate(...params) as IterableIterator<[number, number]>) {
      if (id < member.length && member[id]) {
        ids.push(id);
        scores.push(-score);
      }
    }
    return { ids, scores };
  }

  /** Visible ids in the query's order; `want` limits how many are needed (null: all). */
  private ordered(q: SearchQuery, m: Matches, idx: FacetIndex, want: number | null): number[] {
    const sort = q.sort ?? 'relevance';
    const asc = q.order === 'asc';
    if (sort === 'relevance' && m.text && m.text.match !== null) {
      const member = new Uint8Array(idx.size);
      for (const id of m.ids) member[id] = 1;
      const n = want === null ? m.ids.length : Math.min(want, m.ids.length);
      if (m.ids.length <= RANKING.exactLimit || want === null) {
        const s = this.scored(m.text, member);
        return idx.best(s.ids, s.scores, n, asc);
      }
      // Very many hits: bm25 over every hit costs ~1-2 µs each. Rank the hits whose
      // subject matches (few, and the best anyway), then the others newest first.
      let top: number[] = [];
      try {
        const subject: CompiledQuery = { ...m.text, match: `{subject} : (${m.text.match})` };
        const { sql, params } = fromWhere(subject);
        const inSubject = (this.db.prepare(`SELECT ${subject.where.length === 0 ? 'cable_search.rowid' : 'c.id'} ${sql}`).pluck().all(...params) as number[]).filter(
          (id) => id < member.length && member[id] === 1,
        );
        // Still too many to score: the subject matches newest first.
        if (inSubject.length <= RANKING.exactLimit) {
          const s = this.scored(subject, member);
          top = idx.best(s.ids, s.scores, n, asc);
        } else top = idx.byDate(inSubject, 'created', true, n);
      } catch {
        top = []; // an expression FTS5 will not scope to one column: dates only
      }
      return idx.topThenNewest(top, m.ids, member, n);
    }
    return idx.byDate(m.ids, sort === 'released' ? 'released' : 'created', sort === 'relevance' || !asc, want);
  }

  private summaries(ids: number[]): SummaryRowWithId[] {
    if (ids.length === 0) return [];
    const rows = this.db.prepare(`SELECT ${SUMMARY} FROM cables c WHERE c.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as SummaryRowWithId[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is SummaryRowWithId => r !== undefined);
  }

  async search(q: SearchQuery): Promise<SearchResult> {
    const { compiled, problems } = this.compile(q);
    if (!compiled) return { total: 0, hits: [], facets: null, problems };
    // One read transaction: the facet index, the word matches and the result rows come
    // from one snapshot even while another process writes.
    return this.db.transaction((): SearchResult => {
      const idx = this.facetCache.get();
      const m = this.matches(compiled, idx, q.query.root!);
      const limit = Math.min(Math.max(0, Math.floor(q.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
      const offset = Math.max(0, Math.floor(q.offset ?? 0));
      const pageIds = offset >= m.ids.length ? [] : this.ordered(q, m, idx, offset + limit).slice(offset, offset + limit);
      const rows = this.summaries(pageIds);
      const facets = (q.facets ?? true) ? idx.facets(m.ids, q.facetLimit ?? DEFAULT_FACET_LIMIT) : null;
      return { total: m.ids.length, hits: this.withSnippets(rows, highlightTerms(q.query.root)), facets, problems };
    })();
  }

  private withSnippets(rows: SummaryRowWithId[], terms: HighlightTerms): SearchHit[] {
    if (rows.length === 0) return [];
    const bodies = new Map<number, string>();
    const got = this.db
      .prepare(
        `SELECT c.id AS id, json_extract(v.parsed, '$.body') AS body FROM cables c JOIN versions v ON v.cable_id = c.id AND v.number = c.current_version
         WHERE c.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(rows.map((r) => r.id))) as Array<{ id: number; body: string | null }>;
    for (const g of got) if (g.body) bodies.set(g.id, g.body);
    return rows.map((r) => {
      const body = bodies.get(r.id);
      return { ...toSummary(r), snippet: body ? makeSnippet(body, terms) : null };
    });
  }

  async *searchAll(q: SearchQuery, options: { batchSize?: number } = {}): AsyncIterable<CableSummary> {
    const { compiled } = this.compile(q);
    if (!compiled) return;
    const idx = this.facetCache.get();
    const ids = this.ordered(q, this.matches(compiled, idx, q.query.root!), idx, null);
    const batchSize = Math.max(1, options.batchSize ?? 500);
    for (let i = 0; i < ids.length; i += batchSize) {
      // Re-checked per batch: a cable withdrawn meanwhile is left out.
      for (const r of this.summaries(ids.slice(i, i + batchSize))) if (r.released_at !== null) yield toSummary(r);
    }
  }

  async lookupReference(ref: { station: string; serial: number; year?: string | null }, options: { limit?: number } = {}): Promise<ReferenceLookup> {
    const station = ref.station.toUpperCase().replace(/[^A-Z0-9-]/g, '');
    const limit = Math.max(1, Math.min(options.limit ?? 10, 100));
    if (!station || !Number.isSafeInteger(ref.serial) || ref.serial < 0) return { exact: [], nearest: [] };
    const glob = `[0-9][0-9]${station.replace(/[[\]*?]/g, '')}[0-9]*`;
    const serialExpr = `CAST(substr(c.canonical_id, ${3 + station.length}) AS INTEGER)`;
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY}, ${serialExpr} AS serial FROM cables c
         WHERE c.canonical_id GLOB ? AND ${VISIBLE_NOW} AND substr(c.canonical_id, ${3 + station.length}) NOT GLOB '*[^0-9]*'
         ORDER BY abs(${serialExpr} - ?), c.canonical_id DESC LIMIT ?`,
      )
      .all(glob, ref.serial, limit + 20) as Array<SummaryRowWithId & { serial: number }>;
    const exact = rows.filter((r) => r.serial === ref.serial && (!ref.year || r.canonical_id.startsWith(ref.year)));
    const nearest = rows.filter((r) => !exact.includes(r)).slice(0, limit);
    return { exact: exact.map(toSummary), nearest: nearest.map(toSummary) };
  }
}

