/**
 * Query tree -> SQLite: an FTS5 MATCH expression (every word quoted, so nothing a user
 * types is FTS5 syntax) plus SQL conditions on `cables c` for the field filters. The
 * walk is shared with PostgreSQL (src/store/search/compile-query-tree.ts); this is the
 * SQLite dialect.
 */
import type { QueryNode, TextField } from '../../../query/query-ast.js';
import { compileQueryTree, type CompiledQuery, type SearchDialect } from '../../search/compile-query-tree.js';

export type { CompiledQuery } from '../../search/compile-query-tree.js';

const COLUMN: Record<TextField, string | null> = { any: null, subject: 'subject', from: 'sender', to: 'recipients' };

function quote(words: string[]): string {
  return `"${words.join(' ').replace(/"/g, '""')}"`;
}

/** `?` placeholders, parameters bound in order. */
export const SQLITE_DIALECT: SearchDialect = {
  placeholder: () => '?',

  words(words, field, prefix) {
    const col = COLUMN[field];
    const body = quote(words) + (prefix ? ' *' : '');
    return col ? `{${col}} : ${body}` : body;
  },
  allOf(positives, negatives) {
    let out = positives.length === 1 ? positives[0] : `(${positives.join(' AND ')})`;
    for (const s of negatives) out = `(${out} NOT ${s})`;
    return out;
  },
  anyOf: (alternatives) => `(${alternatives.join(' OR ')})`,

  not: (condition) => `NOT (${condition})`,
  combine: (kind, conditions) => `(${conditions.join(kind === 'and' ? ' AND ' : ' OR ')})`,
  tag: ([asTyped, upper], p) => `EXISTS (SELECT 1 FROM cable_tags t WHERE t.cable_id = c.id AND t.tag IN (${p(asTyped)}, ${p(upper)}))`,
  origin(value, p) {
    const like = value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
    return `(c.origin = ${p(value)} COLLATE NOCASE OR c.origin LIKE ${p(`% ${like}`)} ESCAPE '\\')`;
  },
  classification: (list, p) => `c.classification IN (${list.map((c) => p(c)).join(', ')})`,
  timeRange(column, from, before, p) {
    const col = column === 'created' ? 'c.created' : 'c.released_at';
    const parts: string[] = [];
    if (from) parts.push(`${col} >= ${p(from)}`);
    if (before) parts.push(`${col} < ${p(before)}`);
    return `(${parts.join(' AND ')})`;
  },
  idRange: (from, before, p) => `(c.canonical_id >= ${p(from)} AND c.canonical_id < ${p(before)})`,
  idIs: (canonical, compact, p) => `(c.canonical_id = ${p(canonical)} OR upper(c.reference_id) = ${p(compact)})`,
  matchesNone: (alternatives, p) => `c.id NOT IN (SELECT rowid FROM cable_search WHERE cable_search MATCH ${p(alternatives.join(' OR '))})`,
};

/** Split the top level into words (FTS5) and filters (SQL). */
export function compileQuery(root: QueryNode | null): CompiledQuery {
  return compileQueryTree(root, SQLITE_DIALECT);
}
