/**
 * Full-text search over the PostgreSQL archive, the same way as the SQLite store
 * (docs/search.md): the words compiled to a tsquery whose hits come from the GIN index
 * as a list of ids (`cablegate_search_ids`, migration 005); embargo, facets, the month
 * histogram, date sorting and the tag/origin/classification/date filters run in JS over
 * a compact in-memory copy of those fields (src/store/search/facet-index.ts, kept fresh
 * by facet-index-cache.ts). Relevance is ts_rank, which reads each hit's whole document:
 * over all hits up to RANKING.exactLimit, above that the hits whose subject matches are
 * ranked first and the others follow newest first. Snippets are cut in JS
 * (src/query/highlight.ts) so both stores show the same snippet for the same cable.
 */
import type pg from 'pg';
import { hasErrors, type QueryNode } from '../../../query/query-ast.js';
import { highlightTerms, makeSnippet } from '../../../query/highlight.js';
import type { CableSummary, ReferenceLookup, SearchQuery, SearchResult } from '../../store.js';
import { compileQueryTree } from '../../search/compile-query-tree.js';
import type { FacetIndex } from '../../search/facet-index.js';
import { splitFilters } from '../../search/filter-predicate.js';
import { compileQuery, postgresDialect, type CompiledQuery } from './compile-query.js';
import { FacetIndexCache } from './facet-index-cache.js';
import { RELEASED, SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../summary-row.js';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;
const DEFAULT_FACET_LIMIT = 30;

/** Up to `exactLimit` hits, relevance is ts_rank over all of them (see `ordered`); tests lower it. Same limit as SQLite. */
export const RANKING = { exactLimit: 10_000 };

/** Ids sent as one text, `1,5,9` (cheaper to make and to read than rows, or than json_agg). */
function idList(text: string | null): number[] {
  return text ? (JSON.parse(`[${text}]`) as number[]) : [];
}

type Query = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<R>>;

/** Ids and their ts_rank at the same positions. */
interface Scored {
  ids: number[];
  scores: number[];
}

/** Visible matching ids (in no particular order) and the words they were matched with. */
interface Matches {
  ids: Int32Array;
  /** The text part of the query (words, and filters left to SQL), for ranking; null: filters only. */
  text: { compiled: CompiledQuery; root: QueryNode } | null;
}

export class PostgresSearch {
  private readonly facetCache: FacetIndexCache;

  constructor(private readonly query: Query) {
    this.facetCache = new FacetIndexCache(query);
  }

  private compile(q: SearchQuery): { compiled: CompiledQuery | null; problems: SearchResult['problems'] } {
    const parsed = q.query;
    if (hasErrors(parsed) || !parsed.root) return { compiled: null, problems: parsed.problems };
    const compiled = compileQuery(parsed.root, 1);
    const problems = [...parsed.problems, ...compiled.problems];
    if (problems.some((p) => p.severity === 'error') || (compiled.match === null && compiled.where.length === 0)) return { compiled: null, problems };
    return { compiled, problems };
  }

  private async index(): Promise<FacetIndex> {
    return this.facetCache.get(await this.facetCache.moment());
  }

  /**
   * Visible matching ids. Filters the facet index can evaluate run in JS over the word
   * matches (or over every visible cable when there are no words), not as SQL joins.
   */
  private async matches(compiled: CompiledQuery, root: QueryNode, idx: FacetIndex): Promise<Matches> {
    const split = splitFilters(root, idx);
    if (!split) return { ids: idx.keepVisible(await this.sqlIds(compiled)), text: { compiled, root } };
    const keep = split.predicate;
    const text = split.rest ? compileQuery(split.rest, 1) : null;
    if (!text || !split.rest || (text.match === null && text.where.length === 0)) {
      const ids = new Int32Array(idx.visibleCount);
      let k = 0;
      for (let id = 0; id < idx.size; id++) if (idx.visible[id] && keep(id)) ids[k++] = id;
      return { ids: ids.subarray(0, k), text: null };
    }
    const ids = idx.keepVisible(await this.sqlIds(text));
    let k = 0;
    for (let i = 0; i < ids.length; i++) if (keep(ids[i])) ids[k++] = ids[i];
    return { ids: ids.subarray(0, k), text: { compiled: text, root: split.rest } };
  }

  /** Ids matching a compiled query (words through the index, then its SQL conditions), embargo not applied. */
  private async sqlIds(c: CompiledQuery): Promise<number[]> {
    const params = [...c.params];
    let sql: string;
    if (c.match !== null && c.where.length === 0) {
      params.push(c.match);
      sql = `SELECT cablegate_search_ids($1::tsquery) AS ids`;
    } else if (c.match !== null) {
      params.push(c.match);
      sql = `SELECT string_agg(c.id::text, ',') AS ids FROM cablegate_search_hits($${params.length}::tsquery) h JOIN cables c ON c.id = h.id
             WHERE ${c.where.join(' AND ')}`;
    } else {
      sql = `SELECT string_agg(c.id::text, ',') AS ids FROM cables c WHERE ${c.where.join(' AND ')}`;
    }
    const { rows } = await this.query<{ ids: string | null }>(sql, params);
    return idList(rows[0].ids);
  }

  /** ts_rank of each of `ids` for the tsquery `match` (ids and scores at the same positions). */
  private async scored(match: string, ids: ArrayLike<number>): Promise<Scored> {
    if (ids.length === 0) return { ids: [], scores: [] };
    const { rows } = await this.query<{ r: string | null }>(
      `SELECT json_build_object('ids', json_agg(s.cable_id), 'scores', json_agg(ts_rank(s.document, $2::tsquery)))::text AS r
       FROM cable_search s WHERE s.cable_id = ANY($1::bigint[])`,
      [Array.from(ids), match],
    );
    return rows[0].r ? (JSON.parse(rows[0].r) as Scored) : { ids: [], scores: [] };
  }

  /**
   * The cables whose subject matches the words of `root`, with ts_rank over the subject's
   * own small vector (migration 005); null when there are no words.
   */
  private async subjectHits(root: QueryNode): Promise<Scored | null> {
    const subject = compileQueryTree(root, postgresDialect(1, true));
    if (subject.match === null) return null;
    const { rows } = await this.query<{ r: string }>('SELECT cablegate_subject_ranks($1::tsquery) AS r', [subject.match]);
    return JSON.parse(rows[0].r) as Scored;
  }

  /** Visible ids in the query's order; `want` limits how many are needed (null: all). */
  private async ordered(q: SearchQuery, m: Matches, idx: FacetIndex, want: number | null): Promise<number[]> {
    const sort = q.sort ?? 'relevance';
    const asc = q.order === 'asc';
    const match = m.text?.compiled.match ?? null;
    if (sort !== 'relevance' || !m.text || match === null) {
      return idx.byDate(m.ids, sort === 'released' ? 'released' : 'created', sort === 'relevance' || !asc, want);
    }
    const n = want === null ? m.ids.length : Math.min(want, m.ids.length);
    if (m.ids.length <= RANKING.exactLimit || want === null) {
      const s = await this.scored(match, m.ids);
      return idx.best(s.ids, s.scores, n, asc);
    }
    // Very many hits: ts_rank reads every hit's whole document (~10 µs each). Rank the
    // hits whose subject matches (few, and the best anyway) by their subject, then the
    // others newest first.
    const member = new Uint8Array(idx.size);
    for (const id of m.ids) member[id] = 1;
    const subject = (await this.subjectHits(m.text.root)) ?? { ids: [], scores: [] };
    const inSubject: Scored = { ids: [], scores: [] };
    for (let i = 0; i < subject.ids.length; i++) {
      const id = subject.ids[i];
      if (id < member.length && member[id] === 1) {
        inSubject.ids.push(id);
        inSubject.scores.push(subject.scores[i]);
      }
    }
    // Still too many to rank: the subject matches newest first.
    const top =
      inSubject.ids.length <= RANKING.exactLimit ? idx.best(inSubject.ids, inSubject.scores, n, asc) : idx.byDate(inSubject.ids, 'created', true, n);
    return idx.topThenNewest(top, m.ids, member, n);
  }

  /** Summary rows of `ids`, in that order (and the body for snippets when asked). */
  private async summaries(ids: number[], withBody: boolean): Promise<Array<SummaryRow & { body?: string | null }>> {
    if (ids.length === 0) return [];
    const body = withBody ? `, (SELECT v.parsed->>'body' FROM versions v WHERE v.cable_id = c.id AND v.number = c.current_version) AS body` : '';
    const { rows } = await this.query<SummaryRow & { id: number; body?: string | null }>(
      `SELECT c.id::float8 AS id, ${SUMMARY_COLUMNS}${body} FROM cables c WHERE c.id = ANY($1::bigint[]) AND ${RELEASED}`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is SummaryRow & { id: number; body?: string | null } => r !== undefined);
  }

  async search(q: SearchQuery): Promise<SearchResult> {
    const { compiled, problems } = this.compile(q);
    if (!compiled) return { total: 0, hits: [], facets: null, problems };
    const limit = Math.min(Math.max(0, Math.floor(q.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
    const offset = Math.max(0, Math.floor(q.offset ?? 0));
    for (let attempt = 1; ; attempt++) {
      const idx = await this.index();
      const m = await this.matches(compiled, q.query.root!, idx);
      const pageIds = offset >= m.ids.length || limit === 0 ? [] : (await this.ordered(q, m, idx, offset + limit)).slice(offset, offset + limit);
      const rows = await this.summaries(pageIds, true);
      // A cable of the page withdrawn since the index was read is left out of the page
      // (summaries re-check the embargo); search again from a fresh index so that the
      // page, the total and the facets describe the same archive.
      if (rows.length < pageIds.length && attempt < 3) continue;
      const facets = (q.facets ?? true) ? idx.facets(m.ids, q.facetLimit ?? DEFAULT_FACET_LIMIT) : null;
      const terms = highlightTerms(q.query.root);
      return {
        total: m.ids.length,
        hits: rows.map((r) => ({ ...toSummary(r), snippet: r.body ? makeSnippet(r.body, terms) : null })),
        facets,
        problems,
      };
    }
  }

  async *searchAll(q: SearchQuery, options: { batchSize?: number } = {}): AsyncIterable<CableSummary> {
    const { compiled } = this.compile(q);
    if (!compiled) return;
    const idx = await this.index();
    const ids = await this.ordered(q, await this.matches(compiled, q.query.root!, idx), idx, null);
    const batchSize = Math.max(1, options.batchSize ?? 1000);
    // Re-checked per batch: a cable withdrawn meanwhile is left out.
    for (let i = 0; i < ids.length; i += batchSize) for (const r of await this.summaries(ids.slice(i, i + batchSize), false)) yield toSummary(r);
  }

  async lookupReference(
    ref: { station: string; serial: number; year?: string | null },
    options: { limit?: number } = {},
  ): Promise<ReferenceLookup> {
    const station = ref.station.toUpperCase().replace(/[^A-Z0-9-]/g, '');
    const limit = Math.max(1, Math.min(options.limit ?? 10, 100));
    if (!station || !Number.isSafeInteger(ref.serial) || ref.serial < 0) return { exact: [], nearest: [] };
    // 10DAMASCUS159 -> serial 159 when the station is DAMASCUS.
    const serial = `substr(c.canonical_id, ${3 + station.length})::numeric`;
    const { rows } = await this.query<SummaryRow & { serial: string }>(
      `SELECT ${SUMMARY_COLUMNS}, ${serial}::text AS serial FROM cables c
       WHERE c.canonical_id ~ $1 AND ${RELEASED}
       ORDER BY abs(${serial} - $2), c.canonical_id DESC LIMIT $3`,
      [`^[0-9]{2}${station}[0-9]+$`, ref.serial, limit + 20],
    );
    const exact = rows.filter((r) => Number(r.serial) === ref.serial && (!ref.year || r.canonical_id.startsWith(ref.year)));
    const nearest = rows.filter((r) => !exact.includes(r)).slice(0, limit);
    return { exact: exact.map(toSummary), nearest: nearest.map(toSummary) };
  }
}
