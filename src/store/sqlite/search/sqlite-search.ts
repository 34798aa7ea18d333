/**
 * Search over the `cable_search` FTS5 index (migration 002): hits ranked by bm25 or
 * sorted by date, snippets cut in JS from the original body, facets and the month
 * histogram from one grouped pass over the matches. Only released cables are found.
 */
import type Database from 'better-sqlite3';
import type { Classification } from '../../../domain/classification.js';
import { highlightTerms, makeSnippet, type HighlightTerms } from '../../../query/highlight.js';
import { hasErrors } from '../../../query/query-ast.js';
import { VISIBLE_NOW } from '../visibility.js';
import type { CableSummary, ReferenceLookup, SearchFacets, SearchHit, SearchQuery, SearchResult } from '../../store.js';
import { compileQuery, type CompiledQuery } from './compile-query.js';

/** Column weights for bm25: subject, body, tags, origin, sender, recipients, ids. */
const BM25 = 'bm25(cable_search, 8.0, 1.0, 3.0, 2.0, 2.0, 1.0, 6.0)';
const SUMMARY = 'c.id, c.canonical_id, c.reference_id, c.subject, c.created, c.released_at, c.classification, c.origin';
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
const DEFAULT_FACET_LIMIT = 30;

interface SummaryRow {
  id: number;
  canonical_id: string;
  reference_id: string | null;
  subject: string | null;
  created: string | null;
  released_at: string | null;
  classification: string | null;
  origin: string | null;
}

function toSummary(r: SummaryRow): CableSummary {
  return {
    canonicalId: r.canonical_id,
    referenceId: r.reference_id,
    subject: r.subject,
    created: r.created,
    releasedAt: r.released_at,
    classification: r.classification as Classification | null,
    origin: r.origin,
  };
}

/** FROM + WHERE (released only) for a compiled query; params in order. */
function fromWhere(compiled: CompiledQuery): { sql: string; params: unknown[] } {
  const where = [VISIBLE_NOW, ...compiled.where];
  if (compiled.match !== null) {
    return {
      sql: `FROM cable_search JOIN cables c ON c.id = cable_search.rowid WHERE cable_search MATCH ? AND ${where.join(' AND ')}`,
      params: [compiled.match, ...compiled.params],
    };
  }
  return { sql: `FROM cables c WHERE ${where.join(' AND ')}`, params: compiled.params };
}

function orderBy(q: SearchQuery, hasMatch: boolean): string {
  const sort = q.sort ?? 'relevance';
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  if (sort === 'relevance' && hasMatch) {
    // bm25: lower is better; "desc" relevance means best first.
    return `ORDER BY ${BM25} ${dir === 'DESC' ? 'ASC' : 'DESC'}, c.created DESC, c.canonical_id`;
  }
  const col = sort === 'released' ? 'c.released_at' : 'c.created';
  return `ORDER BY ${col} IS NULL, ${col} ${dir}, c.canonical_id ${dir}`;
}

export class SqliteSearch {
  constructor(private readonly db: Database.Database) {}

  async search(q: SearchQuery): Promise<SearchResult> {
    const parsed = q.query;
    if (hasErrors(parsed) || !parsed.root) return { total: 0, hits: [], facets: null, problems: parsed.problems };
    const compiled = compileQuery(parsed.root);
    const problems = [...parsed.problems, ...compiled.problems];
    if (problems.some((p) => p.severity === 'error') || (compiled.match === null && compiled.where.length === 0)) {
      return { total: 0, hits: [], facets: null, problems };
    }
    const { sql, params } = fromWhere(compiled);
    const limit = Math.min(Math.max(0, Math.floor(q.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
    const offset = Math.max(0, Math.floor(q.offset ?? 0));
    const rows = this.db.prepare(`SELECT ${SUMMARY} ${sql} ${orderBy(q, compiled.match !== null)} LIMIT ? OFFSET ?`).all(...params, limit, offset) as SummaryRow[];
    let total: number;
    let facets: FacetsWithUnknown | null = null;
    if (q.facets ?? true) {
      facets = this.facets(sql, params, q.facetLimit ?? DEFAULT_FACET_LIMIT);
      total = facets.classification.reduce((s, r) => s + r.count, 0) + facets.unclassified;
    } else {
      total = (this.db.prepare(`SELECT count(*) AS n ${sql}`).get(...params) as { n: number }).n;
    }
    const terms = highlightTerms(parsed.root);
    return { total, hits: this.withSnippets(rows, terms), facets: stripUnknown(facets), problems };
  }

  private facets(sql: string, params: unknown[], facetLimit: number): FacetsWithUnknown {
    const groups = this.db
      .prepare(`SELECT c.classification AS f_cls, c.origin AS f_origin, substr(c.created, 1, 7) AS f_ym, count(*) AS n ${sql} GROUP BY f_cls, f_origin, f_ym`)
      .raw()
      .all(...params) as Array<[string | null, string | null, string | null, number]>;
    const cls = new Map<string, number>();
    const origin = new Map<string, number>();
    const year = new Map<string, number>();
    const month = new Map<string, number>();
    let unclassified = 0;
    const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
    for (const [c, o, ym, n] of groups) {
      if (c) add(cls, c, n);
      else unclassified += n;
      if (o) add(origin, o, n);
      if (ym && /^\d{4}-\d{2}$/.test(ym)) {
        add(month, ym, n);
        add(year, ym.slice(0, 4), n);
      }
    }
    const tags = this.db
      .prepare(`SELECT t.tag AS f_tag, count(*) AS f_count ${sql.replace(/^FROM (.*?) WHERE/s, 'FROM $1 JOIN cable_tags t ON t.cable_id = c.id WHERE')} GROUP BY t.tag ORDER BY f_count DESC, f_tag LIMIT ?`)
      .raw()
      .all(...params, facetLimit) as Array<[string, number]>;
    const byKey = (m: Map<string, number>) => [...m].map(([key, count]) => ({ key, count })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const byCount = (m: Map<string, number>) =>
      [...m]
        .map(([key, count]) => ({ key, count }))
        .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))
        .slice(0, facetLimit);
    return { classification: byKey(cls), origin: byCount(origin), tag: tags.map(([key, count]) => ({ key, count })), year: byKey(year), month: byKey(month), unclassified };
  }

  private withSnippets(rows: SummaryRow[], terms: HighlightTerms): SearchHit[] {
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
    const parsed = q.query;
    if (hasErrors(parsed) || !parsed.root) return;
    const compiled = compileQuery(parsed.root);
    if (compiled.problems.some((p) => p.severity === 'error') || (compiled.match === null && compiled.where.length === 0)) return;
    const { sql, params } = fromWhere(compiled);
    // Ids first (small), then summaries in batches: no statement stays open across yields.
    const ids = this.db.prepare(`SELECT c.id ${sql} ${orderBy(q, compiled.match !== null)}`).pluck().all(...params) as number[];
    const batchSize = Math.max(1, options.batchSize ?? 500);
    const page = this.db.prepare(`SELECT ${SUMMARY} FROM cables c WHERE c.id IN (SELECT value FROM json_each(?)) AND ${VISIBLE_NOW}`);
    for (let i = 0; i < ids.length; i += batchSize) {
      const slice = ids.slice(i, i + batchSize);
      const byId = new Map((page.all(JSON.stringify(slice)) as SummaryRow[]).map((r) => [r.id, r]));
      for (const id of slice) {
        const r = byId.get(id);
        if (r) yield toSummary(r);
      }
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
      .all(glob, ref.serial, limit + 20) as Array<SummaryRow & { serial: number }>;
    const exact = rows.filter((r) => r.serial === ref.serial && (!ref.year || r.canonical_id.startsWith(ref.year)));
    const nearest = rows.filter((r) => !exact.includes(r)).slice(0, limit);
    return { exact: exact.map(toSummary), nearest: nearest.map(toSummary) };
  }
}

type FacetsWithUnknown = SearchFacets & { unclassified: number };

function stripUnknown(f: FacetsWithUnknown | null): SearchFacets | null {
  if (!f) return null;
  const { unclassified: _ignored, ...rest } = f;
  return rest;
}
