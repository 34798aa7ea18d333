/**
 * The search query parser: text -> tree (query-ast.ts). Pure and total: any input
 * gives a result; what cannot be used becomes a problem (error or warning) with a hint,
 * never an exception. The language is documented in docs/search.md.
 */
import { CLASSIFICATIONS as CLASSIFICATION_NAMES, type Classification } from '../domain/classification.js';
import type { DateRange, FilterNode, ParsedQuery, QueryNode, QueryProblem, TextField } from './query-ast.js';

/** Longest query text accepted; the rest is ignored (with a warning). */
export const MAX_QUERY_LENGTH = 1000;
/** Most words, phrases and filters one query may hold. */
export const MAX_QUERY_PARTS = 64;

type FieldName = TextField | FilterNode['field'];

const FIELDS: Record<string, FieldName> = {
  tag: 'tag',
  tags: 'tag',
  origin: 'origin',
  classification: 'classification',
  class: 'classification',
  created: 'created',
  date: 'created',
  released: 'released',
  from: 'from',
  sender: 'from',
  to: 'to',
  recipient: 'to',
  subject: 'subject',
  id: 'id',
  ref: 'id',
};

type Token =
  | { t: 'word'; text: string; at: number; neg: boolean }
  | { t: 'phrase'; text: string; at: number; neg: boolean }
  | { t: 'field'; field: FieldName; value: string; quoted: boolean; at: number; neg: boolean }
  | { t: 'open'; at: number; neg: boolean }
  | { t: 'close'; at: number }
  | { t: 'or'; at: number }
  | { t: 'and'; at: number }
  | { t: 'not'; at: number };

const SPACE = /\s/u;

function lex(text: string, problems: QueryProblem[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  const readQuoted = (start: number): { value: string; end: number } => {
    // text[start] is the opening quote.
    const close = text.indexOf('"', start + 1);
    if (close < 0) {
      problems.push({ severity: 'warning', message: 'a quotation mark was not closed; the phrase runs to the end of the query', hint: 'close the phrase with a second "', at: start });
      return { value: text.slice(start + 1), end: n };
    }
    return { value: text.slice(start + 1, close), end: close + 1 };
  };
  while (i < n) {
    const ch = text[i];
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    const at = i;
    let neg = false;
    if (ch === '-' && i + 1 < n && !SPACE.test(text[i + 1]) && text[i + 1] !== '-') {
      neg = true;
      i++;
    }
    const c = text[i];
    if (c === '(') {
      tokens.push({ t: 'open', at, neg });
      i++;
      continue;
    }
    if (c === ')') {
      tokens.push({ t: 'close', at });
      i++;
      continue;
    }
    if (c === '"') {
      const q = readQuoted(i);
      tokens.push({ t: 'phrase', text: q.value, at, neg });
      i = q.end;
      continue;
    }
    // A bare run: up to space, parenthesis or quote (a quote right after `field:` is the value).
    let j = i;
    while (j < n && !SPACE.test(text[j]) && text[j] !== '(' && text[j] !== ')' && text[j] !== '"') j++;
    const run = text.slice(i, j);
    const fm = /^([A-Za-z]+):(.*)$/s.exec(run);
    const field = fm ? FIELDS[fm[1].toLowerCase()] : undefined;
    if (fm && field) {
      if (fm[2] === '' && text[j] === '"') {
        const q = readQuoted(j);
        tokens.push({ t: 'field', field, value: q.value, quoted: true, at, neg });
        i = q.end;
        continue;
      }
      if (fm[2] !== '') {
        tokens.push({ t: 'field', field, value: fm[2], quoted: false, at, neg });
        i = j;
        continue;
      }
      problems.push({ severity: 'warning', message: `${fm[1]}: has no value and was ignored`, hint: `write the value right after the colon, e.g. ${fm[1]}:value or ${fm[1]}:"two words"`, at });
      i = j;
      continue;
    }
    if (!neg && run === 'OR') tokens.push({ t: 'or', at });
    else if (!neg && run === 'AND') tokens.push({ t: 'and', at });
    else if (!neg && run === 'NOT') tokens.push({ t: 'not', at });
    else if (run.length > 0) tokens.push({ t: 'word', text: run, at, neg });
    i = j;
  }
  return operatorsAsWords(tokens);
}

/** AND, OR, NOT without operands on both sides (NOT: after it) are plain words. */
function operatorsAsWords(tokens: Token[]): Token[] {
  const operandEnd = (t: Token | undefined) => t !== undefined && (t.t === 'word' || t.t === 'phrase' || t.t === 'field' || t.t === 'close');
  const operandStart = (t: Token | undefined) => t !== undefined && (t.t === 'word' || t.t === 'phrase' || t.t === 'field' || t.t === 'open' || t.t === 'not');
  return tokens.map((tok, k) => {
    if (tok.t !== 'or' && tok.t !== 'and' && tok.t !== 'not') return tok;
    const ok = tok.t === 'not' ? operandStart(tokens[k + 1]) && tokens[k + 1].t !== 'not' : operandEnd(tokens[k - 1]) && operandStart(tokens[k + 1]);
    return ok ? tok : { t: 'word', text: tok.t.toUpperCase(), at: tok.at, neg: false };
  });
}

const CLASSIFICATION_WORDS: Record<string, Classification[]> = {
  SECRET: ['SECRET', 'SECRET//NOFORN'],
  S: ['SECRET', 'SECRET//NOFORN'],
  CONFIDENTIAL: ['CONFIDENTIAL', 'CONFIDENTIAL//NOFORN'],
  C: ['CONFIDENTIAL', 'CONFIDENTIAL//NOFORN'],
  UNCLASSIFIED: ['UNCLASSIFIED', 'UNCLASSIFIED//FOR OFFICIAL USE ONLY'],
  U: ['UNCLASSIFIED', 'UNCLASSIFIED//FOR OFFICIAL USE ONLY'],
  NOFORN: ['SECRET//NOFORN', 'CONFIDENTIAL//NOFORN'],
  NF: ['SECRET//NOFORN', 'CONFIDENTIAL//NOFORN'],
  FOUO: ['UNCLASSIFIED//FOR OFFICIAL USE ONLY'],
  'FOR OFFICIAL USE ONLY': ['UNCLASSIFIED//FOR OFFICIAL USE ONLY'],
  SBU: ['UNCLASSIFIED//FOR OFFICIAL USE ONLY'],
  'SECRET NOFORN': ['SECRET//NOFORN'],
  'S NF': ['SECRET//NOFORN'],
  'CONFIDENTIAL NOFORN': ['CONFIDENTIAL//NOFORN'],
  'C NF': ['CONFIDENTIAL//NOFORN'],
  'UNCLASSIFIED FOR OFFICIAL USE ONLY': ['UNCLASSIFIED//FOR OFFICIAL USE ONLY'],
  'UNCLASSIFIED FOUO': ['UNCLASSIFIED//FOR OFFICIAL USE ONLY'],
  'U FOUO': ['UNCLASSIFIED//FOR OFFICIAL USE ONLY'],
  '1': ['CONFIDENTIAL'],
  '2': ['CONFIDENTIAL//NOFORN'],
  '3': ['SECRET'],
  '4': ['SECRET//NOFORN'],
  '5': ['UNCLASSIFIED'],
  '6': ['UNCLASSIFIED//FOR OFFICIAL USE ONLY'],
};

/** `secret`, `noforn`, `SECRET//NOFORN`, `fouo`, `1`..`6` -> the classifications meant, or null. */
export function parseClassificationValue(value: string): Classification[] | null {
  const key = value.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();
  return CLASSIFICATION_WORDS[key] ?? null;
}

const DATE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/** `2009`, `2009-1`, `2009-01-05` -> the normalised prefix (`2009-01-05`), or null. */
function parseDatePrefix(text: string): string | null {
  const m = DATE.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2100) return null;
  if (m[2] === undefined) return m[1];
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const mm = String(month).padStart(2, '0');
  if (m[3] === undefined) return `${m[1]}-${mm}`;
  const day = Number(m[3]);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return null;
  return `${m[1]}-${mm}-${String(day).padStart(2, '0')}`;
}

/** `2009`, `2009-01..2009-06`, `2010-12-01..`, `..2008` -> a range, or null. */
export function parseDateRange(value: string): DateRange | null {
  const v = value.trim();
  const dots = v.indexOf('..');
  if (dots < 0) {
    const d = parseDatePrefix(v);
    return d ? { from: d, to: d } : null;
  }
  const a = v.slice(0, dots).trim();
  const b = v.slice(dots + 2).trim();
  const from = a === '' ? null : parseDatePrefix(a);
  const to = b === '' ? null : parseDatePrefix(b);
  if ((a !== '' && from === null) || (b !== '' && to === null) || (from === null && to === null)) return null;
  if (from && to && from > to && !to.startsWith(from)) return null;
  return { from, to };
}

class Parser {
  private pos = 0;
  parts = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly problems: QueryProblem[],
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  /** seq := group* — implicit AND, up to `)` (when nested) or the end. */
  sequence(nested: boolean): QueryNode | null {
    const items: QueryNode[] = [];
    for (;;) {
      const tok = this.peek();
      if (!tok) break;
      if (tok.t === 'close') {
        if (nested) break;
        this.problems.push({ severity: 'warning', message: 'a closing parenthesis had no opening one and was ignored', hint: null, at: tok.at });
        this.pos++;
        continue;
      }
      if (tok.t === 'and') {
        this.pos++; // explicit AND: the same as a space
        continue;
      }
      if (tok.t === 'or') {
        this.problems.push({ severity: 'warning', message: 'OR needs something on both sides; it was ignored here', hint: 'write: word OR other', at: tok.at });
        this.pos++;
        continue;
      }
      const g = this.group();
      if (g) items.push(g);
    }
    if (items.length === 0) return null;
    return items.length === 1 ? items[0] : { kind: 'and', children: items };
  }

  /** group := unary (OR unary)* */
  private group(): QueryNode | null {
    const first = this.unary();
    const alts: QueryNode[] = first ? [first] : [];
    while (this.peek()?.t === 'or') {
      const orTok = this.peek()!;
      this.pos++;
      const next = this.peek();
      if (!next || next.t === 'close' || next.t === 'or' || next.t === 'and') {
        this.problems.push({ severity: 'warning', message: 'OR needs something on both sides; it was ignored here', hint: 'write: word OR other', at: orTok.at });
        break;
      }
      const u = this.unary();
      if (u) alts.push(u);
    }
    if (alts.length === 0) return null;
    return alts.length === 1 ? alts[0] : { kind: 'or', children: alts };
  }

  private unary(): QueryNode | null {
    const tok = this.peek();
    if (!tok) return null;
    if (tok.t === 'not') {
      this.pos++;
      const next = this.peek();
      if (!next || next.t === 'close' || next.t === 'or' || next.t === 'and' || next.t === 'not') {
        this.problems.push({ severity: 'warning', message: 'NOT needs something after it; it was ignored', hint: 'write: word NOT other, or -other', at: tok.at });
        return null;
      }
      const child = this.unary();
      return child ? negate(child) : null;
    }
    const node = this.primary();
    if (!node) return null;
    return 'neg' in tok && tok.neg ? negate(node) : node;
  }

  private primary(): QueryNode | null {
    const tok = this.peek();
    if (!tok) return null;
    this.pos++;
    switch (tok.t) {
      case 'open': {
        const inner = this.sequence(true);
        if (this.peek()?.t === 'close') this.pos++;
        else this.problems.push({ severity: 'warning', message: 'a parenthesis was not closed; it was closed at the end', hint: 'close each ( with a )', at: tok.at });
        return inner;
      }
      case 'word':
        return this.count() ? this.word(tok.text, 'any') : null;
      case 'phrase':
        return this.count() ? this.phrase(tok.text, 'any', tok.at) : null;
      case 'field':
        return this.count() ? this.field(tok) : null;
      default:
        return null;
    }
  }

  private count(): boolean {
    this.parts++;
    if (this.parts === MAX_QUERY_PARTS + 1) {
      this.problems.push({ severity: 'warning', message: `only the first ${MAX_QUERY_PARTS} words, phrases and filters are used`, hint: 'shorten the query', at: null });
    }
    return this.parts <= MAX_QUERY_PARTS;
  }

  private word(text: string, field: TextField): QueryNode | null {
    const prefix = /\*+$/.test(text);
    const body = text.replace(/\*+$/, '');
    if (body === '') return null;
    return { kind: 'term', field, text: body, prefix };
  }

  private phrase(text: string, field: TextField, at: number): QueryNode | null {
    if (text.trim() === '') {
      this.problems.push({ severity: 'warning', message: 'an empty phrase ("") was ignored', hint: null, at });
      return null;
    }
    return { kind: 'phrase', field, text };
  }

  private field(tok: Extract<Token, { t: 'field' }>): QueryNode | null {
    const { field, value, quoted, at } = tok;
    const v = value.trim();
    if (v === '') {
      this.problems.push({ severity: 'warning', message: `${field}: has no value and was ignored`, hint: null, at });
      return null;
    }
    switch (field) {
      case 'any':
      case 'subject':
      case 'from':
      case 'to':
        return quoted ? this.phrase(v, field, at) : this.word(v, field);
      case 'tag':
        return { kind: 'filter', field, value: v };
      case 'origin':
        return { kind: 'filter', field, value: v };
      case 'id': {
        const prefix = /\*+$/.test(v);
        const id = v.replace(/\*+$/, '');
        if (id === '') return null;
        return { kind: 'filter', field, value: id, prefix };
      }
      case 'classification': {
        // Quoted, a full name is exact (`"CONFIDENTIAL"` leaves out CONFIDENTIAL//NOFORN).
        const exact = quoted ? CLASSIFICATION_NAMES.find((c) => c.replace(/[^A-Z0-9]+/g, ' ').trim() === v.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim()) : undefined;
        const classifications = exact ? [exact] : parseClassificationValue(v);
        if (!classifications) {
          this.problems.push({
            severity: 'error',
            message: `unknown classification ${JSON.stringify(v)}`,
            hint: 'use secret, confidential, unclassified, noforn, fouo, or a full one like classification:"secret//noforn"',
            at,
          });
          return null;
        }
        return { kind: 'filter', field, value: v, classifications };
      }
      case 'created':
      case 'released': {
        const range = parseDateRange(v);
        if (!range) {
          this.problems.push({
            severity: 'error',
            message: `${field}:${v} is not a date or a date range`,
            hint: `write ${field}:2009, ${field}:2009-01, ${field}:2009-01-15, a range ${field}:2009-01..2009-06, or an open range ${field}:2010-12-01..`,
            at,
          });
          return null;
        }
        return field === 'created' ? { kind: 'filter', field, value: v, range } : { kind: 'filter', field, value: v, range };
      }
    }
  }
}

function negate(node: QueryNode): QueryNode {
  return node.kind === 'not' ? node.child : { kind: 'not', child: node };
}

/** Parse a query. Never throws. */
export function parseQuery(input: string): ParsedQuery {
  const problems: QueryProblem[] = [];
  let text = String(input ?? '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ')
    .trim();
  if (text.length > MAX_QUERY_LENGTH) {
    problems.push({ severity: 'warning', message: `the query is longer than ${MAX_QUERY_LENGTH} characters; the rest was ignored`, hint: 'shorten the query', at: MAX_QUERY_LENGTH });
    text = text.slice(0, MAX_QUERY_LENGTH);
  }
  const parser = new Parser(lex(text, problems), problems);
  const root = parser.sequence(false);
  return { text, root, problems };
}
