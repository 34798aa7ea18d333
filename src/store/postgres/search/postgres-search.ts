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

/** The FROM ... WHERE of a search, its parameters, and the ORDER BY of its sort. */
interface Plan {
  from: string;
  params: unknown[];
  order: string;
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
    let join = '';
    let rank: string | null = null;
    if (compiled.match) {
      params.push(compiled.match);
      const m = `$${params.length}::tsquery`;
      join = `JOIN cable_search s ON s.cable_id = c.id AND s.document @@ ${m}`;
      rank = `ts_rank(s.document, ${m})`;
    }
    const desc = (q.order ?? 'desc') === 'desc';
    const dir = desc ? 'DESC' : 'ASC';
    const sort = q.sort ?? 'relevance';
    let order: string;
    if (sort === 'relevance') {
      order = rank
        ? `ORDER BY ${rank} ${dir}, c.created IS NULL, c.created DESC, c.canonical_id`
        : `ORDER BY c.created IS NULL, c.created ${dir}, c.canonical_id ${dir}`;
    } else {
      const col = sort === 'created' ? 'c.created' : 'c.released_at';
      order = `ORDER BY ${col} IS NULL, ${col} ${dir}, c.canonical_id ${dir}`;
    }
    return { from: `FROM cables c ${join} WHERE ${where.join(' AND ')}`, params, order, problems };
  }

  async search(q: SearchQuery): Promise<SearchResult> {
    const plan = this.plan(q);
    if (!('from' in plan)) return { total: 0, hits: [], facets: null, problems: plan.problems };
    const limit = Math.min(Math.max(0, Math.floor(q.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
    const offset = Math.max(0, Math.floor(q.offset ?? 0));
    const n = plan.params.length;
    const [count, page, facets] = await Promise.all([
      this.query<{ n: number }>(`SELECT count(*)::int AS n ${plan.from}`, plan.params),
      this.query<SummaryRow & { body: string | null }>(
        `SELECT ${SUMMARY_COLUMNS},
           (SELECT v.parsed->>'body' FROM versions v WHERE v.cable_id = c.id AND v.number = c.current_version) AS body
         ${plan.from} ${plan.order} LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...plan.params, limit, offset],
      ),
      q.facets === false ? Promise.resolve(null) : this.facets(plan, Math.max(1, q.facetLimit ?? 30)),
    ]);
    const terms = highlightTerms(q.query.root);
    return {
      total: count.rows[0].n,
      hits: page.rows.map((r) => ({ ...toSummary(r), snippet: r.body ? makeSnippet(r.body, terms) : null })),
      facets,
      problems: plan.problems,
    };
  }

  private async facets(plan: Plan, facetLimit: number): Promise<SearchFacets> {
    const n = plan.params.length;
    const [groups, tags] = await Promise.all([
      this.query<{ cls: string | null; origin: string | null; ym: string | null; n: number }>(
        `SELECT c.classification AS cls, c.origin, substr(c.created, 1, 7) AS ym, count(*)::int AS n ${plan.from} GROUP BY 1, 2, 3`,
        plan.params,
      ),
      this.query<CountRow>(
        `SELECT t.tag AS key, count(*)::int AS count ${plan.from.replace(/^FROM cables c /, 'FROM cables c JOIN cable_tags t ON t.cable_id = c.id ')}
         GROUP BY t.tag ORDER BY 2 DESC, 1 LIMIT $${n + 1}`,
        [...plan.params, facetLimit],
      ),
    ]);
    const cls = new Map<string, number>();
    const origin = new Map<string, number>();
    const year = new Map<string, number>();
    const month = new Map<string, number>();
    const add = (m: Map<string, number>, k: string, count: number) => m.set(k, (m.get(k) ?? 0) + count);
    for (const g of groups.rows) {
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
    return { classification: byKey(cls), origin: byCount(origin), tag: tags.rows, year: byKey(year), month: byKey(month) };
  }

  async *searchAll(q: SearchQuery, options: { batchSize?: number } = {}): AsyncIterable<CableSummary> {
    const plan = this.plan(q);
    if (!('from' in plan)) return;
    const batchSize = Math.max(1, options.batchSize ?? 1000);
    const n = plan.params.length;
    for (let offset = 0; ; offset += batchSize) {
      const { rows } = await this.query<SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} ${plan.from} ${plan.order} LIMIT $${n + 1} OFFSET $${n + 2}`,
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
