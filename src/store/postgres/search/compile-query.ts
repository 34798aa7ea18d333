/**
 * Query tree -> PostgreSQL: a tsquery (in tsquery input syntax, every lexeme quoted and
 * folded like the indexed words, so nothing a user types is tsquery syntax) plus SQL
 * conditions on `cables c` for the field filters. Same meaning as the SQLite compiler.
 */
import { canonicalizeId } from '../../../parse/fields/canonical-id.js';
import type { FilterNode, QueryNode, QueryProblem, TextField } from '../../../query/query-ast.js';
import { searchWords } from '../../../query/search-text.js';
import { quoteLexeme, type FieldWeight } from './search-document.js';

export interface CompiledQuery {
  /** tsquery the hits must match, or null (filters only). */
  match: string | null;
  /** SQL conditions on `cables c`, ANDed; parameters numbered from `firstParam`. */
  where: string[];
  params: unknown[];
  problems: QueryProblem[];
}

const WEIGHT: Record<TextField, FieldWeight | null> = { any: null, subject: 'A', from: 'B', to: 'C' };

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

/** `'a' <-> 'b' <-> 'c':*`, each lexeme limited to `weight` when given. */
function phrase(words: string[], weight: FieldWeight | null, prefixLast: boolean): string {
  const parts = words.map((w, i) => {
    const star = prefixLast && i === words.length - 1 ? '*' : '';
    const label = star || weight ? `:${star}${weight ?? ''}` : '';
    return quoteLexeme(w) + label;
  });
  return parts.length === 1 ? parts[0] : `(${parts.join(' <-> ')})`;
}

class Compiler {
  problems: QueryProblem[] = [];
  params: unknown[] = [];

  constructor(private readonly firstParam: number) {}

  private param(value: unknown): string {
    this.params.push(value);
    return `$${this.firstParam + this.params.length - 1}`;
  }

  /** tsquery text of a positive text node, or null when nothing searchable is left. */
  ts(n: QueryNode): string | null {
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
        return phrase(words, WEIGHT[n.field], n.kind === 'term' && n.prefix);
      }
      case 'and': {
        const pos: string[] = [];
        const neg: string[] = [];
        for (const c of n.children) {
          if (c.kind === 'not') {
            const s = this.ts(c.child);
            if (s) neg.push(s);
          } else {
            const s = this.ts(c);
            if (s) pos.push(s);
          }
        }
        if (pos.length === 0) {
          if (neg.length > 0) this.problems.push({ severity: 'warning', message: 'a group with only excluded words was ignored', hint: 'add a word to find inside the parentheses', at: null });
          return null;
        }
        const parts = [...pos, ...neg.map((s) => `!${s}`)];
        return parts.length === 1 ? parts[0] : `(${parts.join(' & ')})`;
      }
      case 'or': {
        const alts: string[] = [];
        for (const c of n.children) {
          if (c.kind === 'not') {
            this.problems.push({ severity: 'warning', message: 'an excluded word inside OR was ignored', hint: 'exclude words outside an OR: (a OR b) -c', at: null });
            continue;
          }
          const s = this.ts(c);
          if (s) alts.push(s);
        }
        if (alts.length === 0) return null;
        return alts.length === 1 ? alts[0] : `(${alts.join(' | ')})`;
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
        return `EXISTS (SELECT 1 FROM cable_tags t WHERE t.cable_id = c.id AND t.tag IN (${this.param(f.value)}, ${this.param(f.value.toUpperCase())}))`;
      case 'origin': {
        const like = f.value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
        return `(lower(c.origin) = lower(${this.param(f.value)}) OR c.origin ILIKE ${this.param(`% ${like}`)})`;
      }
      case 'classification':
        return `c.classification = ANY(${this.param(f.classifications)}::text[])`;
      case 'created':
      case 'released': {
        const col = f.field === 'created' ? 'c.created' : 'c.released_at';
        const parts: string[] = [];
        if (f.range.from) parts.push(`${col} >= ${this.param(f.range.from)}`);
        if (f.range.to) parts.push(`${col} < ${this.param(f.range.to + PREFIX_END)}`);
        return parts.length ? `(${parts.join(' AND ')})` : null;
      }
      case 'id': {
        const compact = f.value.toUpperCase().replace(/\s+/g, '');
        if (f.prefix) return `(c.canonical_id >= ${this.param(compact)} AND c.canonical_id < ${this.param(compact + PREFIX_END)})`;
        let canonical = compact;
        try {
          canonical = canonicalizeId(f.value) || compact;
        } catch {
          canonical = compact;
        }
        return `(c.canonical_id = ${this.param(canonical)} OR upper(c.reference_id) = ${this.param(compact)})`;
      }
    }
  }

  /** A condition on `c` that the cable does NOT match the tsquery. */
  notMatching(tsquery: string): string {
    return `NOT EXISTS (SELECT 1 FROM cable_search x WHERE x.cable_id = c.id AND x.document @@ ${this.param(tsquery)}::tsquery)`;
  }
}

/** Split the top level into words (tsquery) and filters (SQL); SQL parameters start at `$firstParam`. */
export function compileQuery(root: QueryNode | null, firstParam = 1): CompiledQuery {
  const k = new Compiler(firstParam);
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
    match = k.ts({ kind: 'and', children: textItems });
  } else if (negatives.length > 0) {
    const alts = negatives.map((n) => k.ts((n as Extract<QueryNode, { kind: 'not' }>).child)).filter((s): s is string => s !== null);
    // Only exclusions: every released cable without them.
    if (alts.length > 0) where.push(k.notMatching(alts.length === 1 ? alts[0] : alts.join(' | ')));
  }
  return { match, where, params: k.params, problems: k.problems };
}
