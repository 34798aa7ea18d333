/**
 * Full-text search over the PostgreSQL archive: the query tree compiled to a tsquery
 * against the GIN-indexed `cable_search.document`, ranked with ts_rank, facets counted
 * over every hit, snippets cut in JS (src/query/highlight.ts) so both stores show the
 * same snippet for the same cable.
 */
import type pg from 'pg';
import { hasErrors } from '../../../query/query-ast.js';
import { highlightTerms, makeSnippet } from '../../../query/highlight.js';
import type { CableSummary, CountRow, ReferenceLookup, SearchFacets, SearchQuery, SearchResult } from '../../store.js';
import { compileQuery } from './compile-query.js';
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;

import { RELEASED, SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../summary-row.js';

type Query = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<R>>;

/** The hits of a search (a SELECT over `cables c`), its parameters, and the ORDER BY (on alias `c`) of its sort. */
interface Plan {
  hits: string;
  params: unknown[];
  order: string;
}

/** Facets from the (classification, origin, month) groups of the hits, as the SQLite store counts them. */
function facetsOf(groups: Array<{ cls: string | null; origin: string | null; ym: string | null; n: number }>, tags: CountRow[], facetLimit: number): SearchFacets {
  const cls = new Map<string, number>();
  const origin = new Map<string, number>();
  const year = new Map<string, number>();
  const month = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, count: number) => m.set(k, (m.get(k) ?? 0) + count);
  for (const g of groups) {
    if (g.cls) add(cls, g.cls, g.n);
    if (g.origin) add(origin, g.origin, g.n);
    if (g.ym && /^\d{4}-\d{2}$/.test(g.ym)) {
      add(month, g.ym, g.n);
      add(year, g.ym.slice(0, 4), g.n);
    }
  }
  const byKey = (m: Map<string, number>) => [...m].map(([key, count]) => ({ key, count })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const byCount = (m: Map<string, number>) =>
    [...m]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))
      .slice(0, facetLimit);
  return { classification: byKey(cls), origin: byCount(origin), tag: tags, year: byKey(year), month: byKey(month) };
}

export class PostgresSearch {
  constructor(private readonly query: Query) {}

  /** The plan of a query, or null when there is nothing to search (errors, or no words and no filters). */
  private plan(q: SearchQuery): (Plan & { problems: SearchResult['problems'] }) | { problems: SearchResult['problems'] } {
    if (hasErrors(q.query) || !q.query.root) return { problems: q.query.problems };
    const compiled = compileQuery(q.query.root, 1);
    const problems = [...q.query.problems, ...compiled.problems];
    if (problems.some((p) => p.severity === 'error') || (compiled.match === null && compiled.where.length === 0)) return { problems };
    const params = [...compiled.params];
    const where = [RELEASED, ...compiled.where];
    const dir = (q.order ?? 'desc') === 'desc' ? 'DESC' : 'ASC';
    const sort = q.sort ?? 'relevance';
    let join = '';
    let rank = '';
    let order: string;
    if (compiled.match) {
      params.push(compiled.match);
      const m = `$${params.length}::tsquery`;
      join = `JOIN cable_search s ON s.cable_id = c.id AND s.document @@ ${m}`;
      // ts_rank reads every hit's document: computed only when it decides the order.
      if (sort === 'relevance') rank = `, ts_rank(s.document, ${m}) AS rank`;
    }
    if (rank) {
      order = `ORDER BY c.rank ${dir}, c.created IS NULL, c.created DESC, c.canonical_id`;
    } else {
      const col = sort === 'released' ? 'c.released_at' : 'c.created';
      order = `ORDER BY ${col} IS NULL, ${col} ${dir}, c.canonical_id ${dir}`;
    }
    return {
      hits: `SELECT c.id, c.current_version, ${SUMMARY_COLUMNS}${rank} FROM cables c ${join} WHERE ${where.join(' AND ')}`,
      params,
      order,
      problems,
    };
  }

  /**
   * One statement: the hits are found (and ranked) once, then counted, paged (with the
   * body for snippets) and grouped for the facets.
   */
  async search(q: SearchQuery): Promise<SearchResult> {
    const plan = this.plan(q);
    if (!('hits' in plan)) return { total: 0, hits: [], facets: null, problems: plan.problems };
    const limit = Math.min(Math.max(0, Math.floor(q.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
    const offset = Math.max(0, Math.floor(q.offset ?? 0));
    const facetLimit = Math.max(1, q.facetLimit ?? 30);
    const withFacets = q.facets ?? true;
    const n = plan.params.length;
    const { rows } = await this.query<{
      total: number;
      page: Array<SummaryRow & { body: string | null }> | null;
      groups: Array<{ cls: string | null; origin: string | null; ym: string | null; n: number }> | null;
      tags: CountRow[] | null;
    }>(
      `WITH hits AS MATERIALIZED (${plan.hits})
       SELECT (SELECT count(*)::int FROM hits) AS total,
         (SELECT json_agg(p ORDER BY p.ord) FROM (
            SELECT x.*, row_number() OVER () AS ord FROM (
              SELECT c.canonical_id, c.reference_id, c.subject, c.created, c.released_at, c.classification, c.origin,
                (SELECT v.parsed->>'body' FROM versions v WHERE v.cable_id = c.id AND v.number = c.current_version) AS body
              FROM hits c ${plan.order} LIMIT $${n + 1} OFFSET $${n + 2}) x) p) AS page,
         ${
           withFacets
             ? `(SELECT json_agg(g) FROM (SELECT c.classification AS cls, c.origin, substr(c.created, 1, 7) AS ym, count(*)::int AS n
                  FROM hits c GROUP BY 1, 2, 3) g) AS groups,
                (SELECT json_agg(t ORDER BY t.count DESC, t.key) FROM (SELECT tg.tag AS key, count(*)::int AS count
                  FROM hits c JOIN cable_tags tg ON tg.cable_id = c.id GROUP BY tg.tag ORDER BY 2 DESC, 1 LIMIT $${n + 3}) t) AS tags`
             : 'NULL AS groups, NULL AS tags'
         }`,
      withFacets ? [...plan.params, limit, offset, facetLimit] : [...plan.params, limit, offset],
    );
    const r = rows[0];
    const terms = highlightTerms(q.query.root);
    return {
      total: r.total,
      hits: (r.page ?? []).map((h) => ({ ...toSummary(h), snippet: h.body ? makeSnippet(h.body, terms) : null })),
      facets: withFacets ? facetsOf(r.groups ?? [], r.tags ?? [], facetLimit) : null,
      problems: plan.problems,
    };
  }

  async *searchAll(q: SearchQuery, options: { batchSize?: number } = {}): AsyncIterable<CableSummary> {
    const plan = this.plan(q);
    if (!('hits' in plan)) return;
    const batchSize = Math.max(1, options.batchSize ?? 1000);
    const n = plan.params.length;
    for (let offset = 0; ; offset += batchSize) {
      const { rows } = await this.query<SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM (${plan.hits}) c ${plan.order} LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...plan.params, batchSize, offset],
      );
      for (const r of rows) yield toSummary(r);
      if (rows.length < batchSize) return;
    }
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
