/**
 * Field filters evaluated in JS on the facet index (no SQL join per hit): tag, origin,
 * classification, created, released, and their NOT/AND/OR. `id:` stays in SQL. Same
 * meaning as the SQL conditions of the adapters' dialects (compile-query-tree.ts); both
 * adapters use it.
 */
import { CLASSIFICATIONS } from '../../domain/classification.js';
import type { DateRange, FilterNode, QueryNode } from '../../query/query-ast.js';
import { NO_TIME, type FacetIndex } from './facet-index.js';

export type Predicate = (id: number) => boolean;

function isFilterOnly(n: QueryNode): boolean {
  if (n.kind === 'filter') return true;
  if (n.kind === 'not') return isFilterOnly(n.child);
  if (n.kind === 'and' || n.kind === 'or') return n.children.every(isFilterOnly);
  return false;
}

/** Minutes since the epoch of the start of a `YYYY[-MM[-DD]]` prefix, or of the period after it. */
function bound(prefix: string, after: boolean): number {
  const [y, m, d] = prefix.split('-').map(Number);
  let date: number;
  if (m === undefined) date = Date.UTC(after ? y + 1 : y, 0, 1);
  else if (d === undefined) date = Date.UTC(y, after ? m : m - 1, 1);
  else date = Date.UTC(y, m - 1, after ? d + 1 : d);
  return Math.floor(date / 60000);
}

function rangePredicate(times: Int32Array, range: DateRange): Predicate {
  const lo = range.from ? bound(range.from, false) : -Infinity;
  const hi = range.to ? bound(range.to, true) : Infinity;
  return (id) => times[id] !== NO_TIME && times[id] >= lo && times[id] < hi;
}

function filterPredicate(f: FilterNode, idx: FacetIndex): Predicate | null {
  switch (f.field) {
    case 'tag': {
      const wanted = new Set([f.value, f.value.toUpperCase()]);
      const codes = new Uint8Array(idx.tagNames.length);
      idx.tagNames.forEach((t, i) => wanted.has(t) && (codes[i] = 1));
      return (id) => {
        for (let t = idx.tagStart[id], end = idx.tagStart[id + 1]; t < end; t++) if (codes[idx.tagIds[t]]) return true;
        return false;
      };
    }
    case 'origin': {
      const v = f.value.toLowerCase();
      const codes = new Uint8Array(idx.originNames.length + 1);
      idx.originNames.forEach((o, i) => {
        const l = o.toLowerCase();
        if (l === v || l.endsWith(` ${v}`)) codes[i + 1] = 1;
      });
      return (id) => codes[idx.origin[id]] === 1;
    }
    case 'classification': {
      const codes = new Uint8Array(CLASSIFICATIONS.length + 1);
      for (const c of f.classifications) codes[CLASSIFICATIONS.indexOf(c) + 1] = 1;
      return (id) => codes[idx.cls[id]] === 1;
    }
    case 'created':
      return rangePredicate(idx.created, f.range);
    case 'released':
      return rangePredicate(idx.released, f.range);
    case 'id':
      return null;
  }
}

function predicate(n: QueryNode, idx: FacetIndex): Predicate | null {
  switch (n.kind) {
    case 'filter':
      return filterPredicate(n, idx);
    case 'not': {
      const p = predicate(n.child, idx);
      return p ? (id) => !p(id) : null;
    }
    case 'and':
    case 'or': {
      const parts = n.children.map((c) => predicate(c, idx));
      if (parts.some((p) => p === null)) return null;
      const ps = parts as Predicate[];
      return n.kind === 'and' ? (id) => ps.every((p) => p(id)) : (id) => ps.some((p) => p(id));
    }
    default:
      return null;
  }
}

/**
 * The top-level filters of a query as one JS predicate, and the query without them;
 * null when there are no filters or one cannot be evaluated in JS.
 */
export function splitFilters(root: QueryNode, idx: FacetIndex): { predicate: Predicate; rest: QueryNode | null } | null {
  const items: QueryNode[] = [];
  const flatten = (n: QueryNode) => (n.kind === 'and' ? n.children.forEach(flatten) : items.push(n));
  flatten(root);
  const filters = items.filter(isFilterOnly);
  if (filters.length === 0) return null;
  const preds: Predicate[] = [];
  for (const f of filters) {
    const p = predicate(f, idx);
    if (!p) return null;
    preds.push(p);
  }
  const rest = items.filter((n) => !isFilterOnly(n));
  return {
    predicate: preds.length === 1 ? preds[0] : (id) => preds.every((p) => p(id)),
    rest: rest.length === 0 ? null : rest.length === 1 ? rest[0] : { kind: 'and', children: rest },
  };
}
