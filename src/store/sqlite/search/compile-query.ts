/**
 * Query tree -> SQLite: an FTS5 MATCH expression (every word quoted, so nothing a user
 * types is FTS5 syntax) plus SQL conditions on `cables c` for the field filters.
 */
import { canonicalizeId } from '../../../parse/fields/canonical-id.js';
import type { FilterNode, QueryNode, QueryProblem, TextField } from '../../../query/query-ast.js';
import { searchWords } from '../../../query/search-text.js';

export interface CompiledQuery {
  /** FTS5 expression the hits must match, or null (filters only). */
  match: string | null;
  /** SQL conditions on `cables c`, ANDed. */
  where: string[];
  params: unknown[];
  problems: QueryProblem[];
}

const COLUMN: Record<TextField, string | null> = { any: null, subject: 'subject', from: 'sender', to: 'recipients' };

/** Highest end for a prefix range over ISO dates (every ISO character sorts below `~`). */
const PREFIX_END = '~';

function isText(n: QueryNode): boolean {
  switch (n.kind) {
    case 'term':
    case 'phrase':
      return true;
    case 'filter':
      return false;
    case 'not':
      return isText(n.child);
    case 'and':
    case 'or':
      return n.children.every(isText);
  }
}

function isFilter(n: QueryNode): boolean {
  switch (n.kind) {
    case 'filter':
      return true;
    case 'term':
    case 'phrase':
      return false;
    case 'not':
      return isFilter(n.child);
    case 'and':
    case 'or':
      return n.children.every(isFilter);
  }
}

function quote(words: string[]): string {
  return `"${words.join(' ').replace(/"/g, '""')}"`;
}

class Compiler {
  problems: QueryProblem[] = [];
  params: unknown[] = [];

  /** FTS5 text of a positive text node, or null when nothing searchable is left. */
  fts(n: QueryNode): string | null {
    switch (n.kind) {
      case 'term':
      case 'phrase': {
        const words = searchWords(n.text);
        if (words.length === 0) {
          this.problems.push({
            severity: 'warning',
            message: `${JSON.stringify(n.text)} has no letters or digits to search for (redaction marks never match) and was ignored`,
            hint: null,
            at: null,
          });
          return null;
        }
        const col = COLUMN[n.field];
        const body = quote(words) + (n.kind === 'term' && n.prefix ? ' *' : '');
        return col ? `{${col}} : ${body}` : body;
      }
      case 'and': {
        const pos: string[] = [];
        const neg: string[] = [];
        for (const c of n.children) {
          if (c.kind === 'not') {
            const s = this.fts(c.child);
            if (s) neg.push(s);
          } else {
            const s = this.fts(c);
            if (s) pos.push(s);
          }
        }
        if (pos.length === 0) {
          if (neg.length > 0) this.problems.push({ severity: 'warning', message: 'a group with only excluded words was ignored', hint: 'add a word to find inside the parentheses', at: null });
          return null;
        }
        let out = pos.length === 1 ? pos[0] : `(${pos.join(' AND ')})`;
        for (const s of neg) out = `(${out} NOT ${s})`;
        return out;
      }
      case 'or': {
        const alts: string[] = [];
        for (const c of n.children) {
          if (c.kind === 'not') {
            this.problems.push({ severity: 'warning', message: 'an excluded word inside OR was ignored', hint: 'exclude words outside an OR: (a OR b) -c', at: null });
            continue;
          }
          const s = this.fts(c);
          if (s) alts.push(s);
        }
        if (alts.length === 0) return null;
        return alts.length === 1 ? alts[0] : `(${alts.join(' OR ')})`;
      }
      case 'not':
        this.problems.push({ severity: 'warning', message: 'an excluded word could not be placed and was ignored', hint: null, at: null });
        return null;
      case 'filter':
        return null;
    }
  }

  /** SQL condition of a filter-only node. */
  sql(n: QueryNode): string | null {
    switch (n.kind) {
      case 'filter':
        return this.filter(n);
      case 'not': {
        const s = this.sql(n.child);
        return s ? `NOT (${s})` : null;
      }
      case 'and':
      case 'or': {
        const parts = n.children.map((c) => this.sql(c)).filter((s): s is string => s !== null);
        if (parts.length === 0) return null;
        return parts.length === 1 ? parts[0] : `(${parts.join(n.kind === 'and' ? ' AND ' : ' OR ')})`;
      }
      default:
        return null;
    }
  }

  private filter(f: FilterNode): string | null {
    switch (f.field) {
      case 'tag':
        this.params.push(f.value, f.value.toUpperCase());
        return 'EXISTS (SELECT 1 FROM cable_tags t WHERE t.cable_id = c.id AND t.tag IN (?, ?))';
      case 'origin': {
        const like = f.value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
        this.params.push(f.value, `% ${like}`);
        return "(c.origin = ? COLLATE NOCASE OR c.origin LIKE ? ESCAPE '\\')";
      }
      case 'classification':
        this.params.push(...f.classifications);
        return `c.classification IN (${f.classifications.map(() => '?').join(', ')})`;
      case 'created':
      case 'released': {
        const col = f.field === 'created' ? 'c.created' : 'c.released_at';
        const parts: string[] = [];
        if (f.range.from) {
          parts.push(`${col} >= ?`);
          this.params.push(f.range.from);
        }
        if (f.range.to) {
          parts.push(`${col} < ?`);
          this.params.push(f.range.to + PREFIX_END);
        }
        return parts.length ? `(${parts.join(' AND ')})` : null;
      }
      case 'id': {
        const compact = f.value.toUpperCase().replace(/\s+/g, '');
        if (f.prefix) {
          this.params.push(compact, compact + PREFIX_END);
          return '(c.canonical_id >= ? AND c.canonical_id < ?)';
        }
        let canonical = compact;
        try {
          canonical = canonicalizeId(f.value) || compact;
        } catch {
          canonical = compact;
        }
        this.params.push(canonical, compact);
        return '(c.canonical_id = ? OR upper(c.reference_id) = ?)';
      }
    }
  }
}

/** Split the top level into words (FTS5) and filters (SQL). */
export function compileQuery(root: QueryNode | null): CompiledQuery {
  const k = new Compiler();
  const where: string[] = [];
  if (!root) return { match: null, where, params: [], problems: [] };
  const items: QueryNode[] = [];
  const flatten = (n: QueryNode) => (n.kind === 'and' ? n.children.forEach(flatten) : items.push(n));
  flatten(root);
  const textItems: QueryNode[] = [];
  for (const n of items) {
    if (isText(n)) textItems.push(n);
    else if (isFilter(n)) {
      const s = k.sql(n);
      if (s) where.push(s);
    } else {
      k.problems.push({
        severity: 'error',
        message: 'field filters (tag:, origin:, classification:, created:, released:, id:) cannot be combined with words inside OR',
        hint: 'put filters outside the OR: (word OR other) tag:PREL, or OR filters together: tag:PREL OR tag:PTER',
        at: null,
      });
    }
  }
  let match: string | null = null;
  const positives = textItems.filter((n) => n.kind !== 'not');
  const negatives = textItems.filter((n) => n.kind === 'not');
  if (positives.length > 0) {
    match = k.fts({ kind: 'and', children: textItems });
  } else if (negatives.length > 0) {
    const alts = negatives.map((n) => k.fts((n as Extract<QueryNode, { kind: 'not' }>).child)).filter((s): s is string => s !== null);
    if (alts.length > 0) {
      // Only exclusions: every released cable without them.
      where.push('c.id NOT IN (SELECT rowid FROM cable_search WHERE cable_search MATCH ?)');
      k.params.push(alts.length === 1 ? alts[0] : alts.join(' OR '));
    }
  }
  return { match, where, params: k.params, problems: k.problems };
}
