/**
 * The search query language as a tree (see docs/search.md). Pure data: no SQL, no FTS
 * syntax. Adapters (SQLite FTS5, PostgreSQL tsquery) compile it.
 */
import type { Classification } from '../domain/classification.js';

/** Text fields a word or phrase can be limited to; `any` is every text field. */
export type TextField = 'any' | 'subject' | 'from' | 'to';

/** A word (or a prefix with `prefix`), as typed; folding happens in the adapter. */
export interface TermNode {
  kind: 'term';
  field: TextField;
  text: string;
  prefix: boolean;
}

/** An exact phrase: its words in this order, next to each other. */
export interface PhraseNode {
  kind: 'phrase';
  field: TextField;
  text: string;
}

/** A date range, both ends inclusive prefixes (`2009`, `2009-01`, `2009-01-15`), null for open. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

export type FilterNode =
  | { kind: 'filter'; field: 'tag'; value: string }
  | { kind: 'filter'; field: 'origin'; value: string }
  | { kind: 'filter'; field: 'classification'; value: string; classifications: Classification[] }
  | { kind: 'filter'; field: 'created'; value: string; range: DateRange }
  | { kind: 'filter'; field: 'released'; value: string; range: DateRange }
  | { kind: 'filter'; field: 'id'; value: string; prefix: boolean };

export type FilterField = FilterNode['field'];

export interface AndNode {
  kind: 'and';
  children: QueryNode[];
}

export interface OrNode {
  kind: 'or';
  children: QueryNode[];
}

export interface NotNode {
  kind: 'not';
  child: QueryNode;
}

export type QueryNode = TermNode | PhraseNode | FilterNode | AndNode | OrNode | NotNode;

/** Something wrong with the query, with where it is (offset into the text) and what to do. */
export interface QueryProblem {
  /** `error`: the query cannot run; `warning`: it runs, with this part ignored or repaired. */
  severity: 'error' | 'warning';
  message: string;
  hint: string | null;
  /** Offset of the offending part in the query text, or null. */
  at: number | null;
}

export interface ParsedQuery {
  /** The text as given (trimmed). */
  text: string;
  /** The tree, or null for an empty query (or one with nothing searchable left). */
  root: QueryNode | null;
  problems: QueryProblem[];
}

export function hasErrors(q: ParsedQuery): boolean {
  return q.problems.some((p) => p.severity === 'error');
}
