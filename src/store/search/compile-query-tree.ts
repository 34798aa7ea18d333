/**
 * The walk over a search query tree (src/query/query-ast.ts) that both store adapters
 * share: the top level split into words and field filters, the checks and warnings
 * (filters mixed with words inside OR, nothing searchable, exclusions that cannot be
 * placed), and the values each filter compares with. The text of the engine's query
 * and of the SQL conditions comes from a dialect each adapter supplies, so no engine
 * syntax lives here (SQLite: src/store/sqlite/search/compile-query.ts, FTS5;
 * PostgreSQL: src/store/postgres/search/compile-query.ts, tsquery).
 */
import { canonicalizeId } from '../../parse/fields/canonical-id.js';
import type { FilterNode, QueryNode, QueryProblem, TextField } from '../../query/query-ast.js';
import type { Classification } from '../../domain/classification.js';
import { searchWords } from '../../query/search-text.js';

export interface CompiledQuery {
  /** The engine's text query the hits must match, or null (filters only). */
  match: string | null;
  /** SQL conditions on `cables c`, ANDed. */
  where: string[];
  params: unknown[];
  problems: QueryProblem[];
}

/** Adds a parameter and returns its placeholder in the SQL text. */
export type AddParam = (value: unknown) => string;

/** How one engine writes text queries and SQL conditions. */
export interface SearchDialect {
  /** Placeholder of the parameter at `index` (0-based, in the order they were added). */
  placeholder(index: number): string;

  // Text query (the engine's full-text syntax).
  /** Words (already folded; next to each other, in order), limited to `field`; `prefix`: the last word is a prefix. */
  words(words: string[], field: TextField, prefix: boolean): string;
  /** All of `positives` (at least one) and none of `negatives`; never called with one positive and no negatives. */
  allOf(positives: string[], negatives: string[]): string;
  /** Any of `alternatives` (at least two). */
  anyOf(alternatives: string[]): string;

  // SQL conditions on `cables c`.
  not(condition: string): string;
  /** At least two conditions, all (`and`) or any (`or`). */
  combine(kind: 'and' | 'or', conditions: string[]): string;
  /** Has the tag, spelled as given or in capitals (`spellings` holds both). */
  tag(spellings: [string, string], param: AddParam): string;
  /** Origin is `value` (any case) or ends with ` value`. */
  origin(value: string, param: AddParam): string;
  classification(list: Classification[], param: AddParam): string;
  /** `column` >= `from` and < `before` (ISO text; either may be null, not both). */
  timeRange(column: 'created' | 'released', from: string | null, before: string | null, param: AddParam): string;
  /** Canonical id >= `from` and < `before`. */
  idRange(from: string, before: string, param: AddParam): string;
  /** Canonical id is `canonical`, or the reference id in capitals is `compact`. */
  idIs(canonical: string, compact: string, param: AddParam): string;
  /** The cable matches none of the text queries `alternatives` (at least one). */
  matchesNone(alternatives: string[], param: AddParam): string;
}

/** Highest end for a prefix range over ISO dates and ids (every such character sorts below `~`). */
const PREFIX_END = '~';

const MIXED_OR: QueryProblem = {
  severity: 'error',
  message: 'field filters (tag:, origin:, classification:, created:, released:, id:) cannot be combined with words inside OR',
  hint: 'put filters outside the OR: (word OR other) tag:PREL, or OR filters together: tag:PREL OR tag:PTER',
  at: null,
};

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

class Compiler {
  problems: QueryProblem[] = [];
  params: unknown[] = [];
  readonly param: AddParam = (value) => {
    this.params.push(value);
    return this.d.placeholder(this.params.length - 1);
  };

  constructor(private readonly d: SearchDialect) {}

  private warn(message: string, hint: string | null = null): void {
    this.problems.push({ severity: 'warning', message, hint, at: null });
  }

  /** Text query of a positive text node, or null when nothing searchable is left. */
  text(n: QueryNode): string | null {
    switch (n.kind) {
      case 'term':
      case 'phrase': {
        const words = searchWords(n.text);
        if (words.length === 0) {
          this.warn(`${JSON.stringify(n.text)} has no letters or digits to search for (redaction marks never match) and was ignored`);
          return null;
        }
        return this.d.words(words, n.field, n.kind === 'term' && n.prefix);
      }
      case 'and': {
        const pos: string[] = [];
        const neg: string[] = [];
        for (const c of n.children) {
          const s = c.kind === 'not' ? this.text(c.child) : this.text(c);
          if (s) (c.kind === 'not' ? neg : pos).push(s);
        }
        if (pos.length === 0) {
          if (neg.length > 0) this.warn('a group with only excluded words was ignored', 'add a word to find inside the parentheses');
          return null;
        }
        return pos.length === 1 && neg.length === 0 ? pos[0] : this.d.allOf(pos, neg);
      }
      case 'or': {
        const alts: string[] = [];
        for (const c of n.children) {
          if (c.kind === 'not') {
            this.warn('an excluded word inside OR was ignored', 'exclude words outside an OR: (a OR b) -c');
            continue;
          }
          const s = this.text(c);
          if (s) alts.push(s);
        }
        if (alts.length === 0) return null;
        return alts.length === 1 ? alts[0] : this.d.anyOf(alts);
      }
      case 'not':
        this.warn('an excluded word could not be placed and was ignored');
        return null;
      case 'filter':
        return null;
    }
  }

  /** SQL condition of a filter-only node. */
  condition(n: QueryNode): string | null {
    switch (n.kind) {
      case 'filter':
        return this.filter(n);
      case 'not': {
        const s = this.condition(n.child);
        return s ? this.d.not(s) : null;
      }
      case 'and':
      case 'or': {
        const parts = n.children.map((c) => this.condition(c)).filter((s): s is string => s !== null);
        if (parts.length === 0) return null;
        return parts.length === 1 ? parts[0] : this.d.combine(n.kind, parts);
      }
      default:
        return null;
    }
  }

  private filter(f: FilterNode): string | null {
    switch (f.field) {
      case 'tag':
        return this.d.tag([f.value, f.value.toUpperCase()], this.param);
      case 'origin':
        return this.d.origin(f.value, this.param);
      case 'classification':
        return this.d.classification(f.classifications, this.param);
      case 'created':
      case 'released': {
        const { from, to } = f.range;
        if (!from && !to) return null;
        return this.d.timeRange(f.field, from || null, to ? to + PREFIX_END : null, this.param);
      }
      case 'id': {
        const compact = f.value.toUpperCase().replace(/\s+/g, '');
        if (f.prefix) return this.d.idRange(compact, compact + PREFIX_END, this.param);
        let canonical = compact;
        try {
          canonical = canonicalizeId(f.value) || compact;
        } catch {
          canonical = compact;
        }
        return this.d.idIs(canonical, compact, this.param);
      }
    }
  }
}

/** Splits the top level of `root` into the text query and SQL conditions, in `dialect`. */
export function compileQueryTree(root: QueryNode | null, dialect: SearchDialect): CompiledQuery {
  const k = new Compiler(dialect);
  const where: string[] = [];
  if (!root) return { match: null, where, params: [], problems: [] };
  const items: QueryNode[] = [];
  const flatten = (n: QueryNode) => (n.kind === 'and' ? n.children.forEach(flatten) : items.push(n));
  flatten(root);
  const textItems: QueryNode[] = [];
  for (const n of items) {
    if (isText(n)) textItems.push(n);
    else if (isFilter(n)) {
      const s = k.condition(n);
      if (s) where.push(s);
    } else k.problems.push({ ...MIXED_OR });
  }
  let match: string | null = null;
  const negatives = textItems.filter((n): n is Extract<QueryNode, { kind: 'not' }> => n.kind === 'not');
  if (negatives.length < textItems.length) {
    match = k.text({ kind: 'and', children: textItems });
  } else if (negatives.length > 0) {
    // Only exclusions: every released cable without them.
    const alts = negatives.map((n) => k.text(n.child)).filter((s): s is string => s !== null);
    if (alts.length > 0) where.push(dialect.matchesNone(alts, k.param));
  }
  return { match, where, params: k.params, problems: k.problems };
}
