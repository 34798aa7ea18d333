/**
 * Query tree -> PostgreSQL: a tsquery (in tsquery input syntax, every lexeme quoted and
 * folded like the indexed words, so nothing a user types is tsquery syntax) plus SQL
 * conditions on `cables c` for the field filters. The walk is shared with SQLite
 * (src/store/search/compile-query-tree.ts), so both mean the same; this is the
 * PostgreSQL dialect.
 */
import type { QueryNode, TextField } from '../../../query/query-ast.js';
import { compileQueryTree, type CompiledQuery, type SearchDialect } from '../../search/compile-query-tree.js';
import { quoteLexeme, type FieldWeight } from './search-document.js';

export type { CompiledQuery } from '../../search/compile-query-tree.js';

const WEIGHT: Record<TextField, FieldWeight | null> = { any: null, subject: 'A', from: 'B', to: 'C' };

/** `'a' <-> 'b' <-> 'c':*`, each lexeme limited to `weight` when given. */
function phrase(words: string[], weight: FieldWeight | null, prefixLast: boolean): string {
  const parts = words.map((w, i) => {
    const star = prefixLast && i === words.length - 1 ? '*' : '';
    const label = star || weight ? `:${star}${weight ?? ''}` : '';
    return quoteLexeme(w) + label;
  });
  return parts.length === 1 ? parts[0] : `(${parts.join(' <-> ')})`;
}

/**
 * The dialect with `$n` placeholders numbered from `firstParam`. With `subjectOnly`, the
 * tsquery is for the subject's own tsvector (`cable_search_subject`, migration 005: the
 * weight-A lexemes only): words of any field and of `subject:` carry no weight, `from:`
 * and `to:` words keep theirs and so never match there. Used to rank very many hits
 * (postgres-search.ts).
 */
export function postgresDialect(firstParam: number, subjectOnly = false): SearchDialect {
  return {
    placeholder: (index) => `$${firstParam + index}`,

    words: (words, field, prefix) => phrase(words, subjectOnly && (field === 'any' || field === 'subject') ? null : WEIGHT[field], prefix),
    allOf: (positives, negatives) => `(${[...positives, ...negatives.map((s) => `!${s}`)].join(' & ')})`,
    anyOf: (alternatives) => `(${alternatives.join(' | ')})`,

    not: (condition) => `NOT (${condition})`,
    combine: (kind, conditions) => `(${conditions.join(kind === 'and' ? ' AND ' : ' OR ')})`,
    tag: ([asTyped, upper], p) => `EXISTS (SELECT 1 FROM cable_tags t WHERE t.cable_id = c.id AND t.tag IN (${p(asTyped)}, ${p(upper)}))`,
    origin(value, p) {
      const like = value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
      return `(lower(c.origin) = lower(${p(value)}) OR c.origin ILIKE ${p(`% ${like}`)})`;
    },
    classification: (list, p) => `c.classification = ANY(${p(list)}::text[])`,
    timeRange(column, from, before, p) {
      const col = column === 'created' ? 'c.created' : 'c.released_at';
      const parts: string[] = [];
      if (from) parts.push(`${col} >= ${p(from)}`);
      if (before) parts.push(`${col} < ${p(before)}`);
      return `(${parts.join(' AND ')})`;
    },
    idRange: (from, before, p) => `(c.canonical_id >= ${p(from)} AND c.canonical_id < ${p(before)})`,
    idIs: (canonical, compact, p) => `(c.canonical_id = ${p(canonical)} OR upper(c.reference_id) = ${p(compact)})`,
    // The hits of the exclusions once, through the index (migration 005), then an anti-join.
    matchesNone: (alternatives, p) =>
      `NOT EXISTS (SELECT 1 FROM cablegate_search_hits(${p(alternatives.join(' | '))}::tsquery) x WHERE x.id = c.id)`,
  };
}

/** Split the top level into words (tsquery) and filters (SQL); SQL parameters start at `$firstParam`. */
export function compileQuery(root: QueryNode | null, firstParam = 1): CompiledQuery {
  return compileQueryTree(root, postgresDialect(firstParam));
}
