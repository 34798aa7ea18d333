/**
 * Finding query hits in a text (original offsets), and cutting a snippet around them.
 * Pure: the caller escapes and wraps the ranges (e.g. in <mark>).
 */
import { searchWords } from './search-text.js';
import type { QueryNode } from './query-ast.js';

/** What to look for: whole words, prefixes, and phrases (word sequences). */
export interface HighlightTerms {
  words: Set<string>;
  prefixes: string[];
  phrases: string[][];
}

export function emptyTerms(): HighlightTerms {
  return { words: new Set(), prefixes: [], phrases: [] };
}

/** The positive words, prefixes and phrases of a query (negated parts are not hits). */
export function highlightTerms(root: QueryNode | null): HighlightTerms {
  const terms = emptyTerms();
  const visit = (n: QueryNode) => {
    switch (n.kind) {
      case 'and':
      case 'or':
        n.children.forEach(visit);
        break;
      case 'term': {
        const ws = searchWords(n.text);
        if (ws.length === 1 && n.prefix) terms.prefixes.push(ws[0]);
        else if (ws.length === 1) terms.words.add(ws[0]);
        else if (ws.length > 1) terms.phrases.push(ws);
        break;
      }
      case 'phrase': {
        const ws = searchWords(n.text);
        if (ws.length === 1) terms.words.add(ws[0]);
        else if (ws.length > 1) terms.phrases.push(ws);
        break;
      }
      default:
        break;
    }
  };
  if (root) visit(root);
  return terms;
}

/** Plain words to highlight (e.g. from a `?hl=` parameter): whole words; `word*` is a prefix. */
export function termsFromWords(text: string): HighlightTerms {
  const terms = emptyTerms();
  for (const chunk of text.split(/\s+/).slice(0, 32)) {
    const words = searchWords(chunk);
    if (words.length === 0) continue;
    const last = words.pop()!;
    for (const w of words) terms.words.add(w);
    if (chunk.endsWith('*')) terms.prefixes.push(last);
    else terms.words.add(last);
  }
  return terms;
}

export function isEmptyTerms(t: HighlightTerms): boolean {
  return t.words.size === 0 && t.prefixes.length === 0 && t.phrases.length === 0;
}

export interface Range {
  start: number;
  end: number;
}

const MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7f]/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The text lower-cased and without accents, keeping every offset (a character whose
 * folded form is not one character stays as it is), so matches map back directly.
 */
export function foldKeepingOffsets(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) lower = Array.from(text, (ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch)).join('');
  if (!/[^\x00-\x7f]/.test(lower)) return lower;
  return lower.replace(NON_ASCII, (ch) => {
    const base = ch.normalize('NFD').replace(MARKS, '');
    return base.length === 1 ? base : ch;
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A folded word as a pattern: digit runs may carry leading zeros again. */
const wordPattern = (w: string) => escapeRegExp(w).replace(/[0-9]+/g, (d) => `0*${d}`);

const patternCache = new Map<string, RegExp | null>();

/** One regular expression finding every term (longest alternatives first), or null. */
function hitPattern(terms: HighlightTerms): RegExp | null {
  const key = JSON.stringify([[...terms.words].sort(), [...terms.prefixes].sort(), terms.phrases]);
  const cached = patternCache.get(key);
  if (cached !== undefined) return cached;
  const alts: string[] = [];
  for (const p of [...terms.phrases].sort((a, b) => b.length - a.length)) alts.push(p.map(wordPattern).join('[^\\p{L}\\p{N}]+'));
  for (const w of terms.words) alts.push(wordPattern(w));
  for (const p of terms.prefixes) alts.push(`${wordPattern(p)}[\\p{L}\\p{N}]*`);
  const re = alts.length ? new RegExp(`(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
  if (patternCache.size > 500) patternCache.clear();
  patternCache.set(key, re);
  return re;
}

/** Hit ranges in `text`, sorted, not overlapping. */
export function findHits(text: string, terms: HighlightTerms): Range[] {
  if (isEmptyTerms(terms)) return [];
  const re = hitPattern(terms);
  if (!re) return [];
  const hits: Range[] = [];
  re.lastIndex = 0;
  const folded = foldKeepingOffsets(text);
  for (const m of folded.matchAll(re)) {
    const at = m.index!;
    // A hit starts a word: the character before is not a letter or digit (checked here,
    // not as a lookbehind, so the engine can skip ahead to the first letter).
    if (at > 0 && WORD_CHAR.test(folded.slice(Math.max(0, at - 2), at).slice(-1))) continue;
    hits.push({ start: at, end: at + m[0].length });
  }
  return hits;
}

export interface Snippet {
  text: string;
  /** Hit ranges relative to `text`. */
  hits: Range[];
  /** True when text was cut before / after. */
  cutStart: boolean;
  cutEnd: boolean;
}

/**
 * A window of about `size` characters of `text` holding the most hits (the start of the
 * text when there is none), cut at word boundaries, whitespace collapsed.
 */
export function makeSnippet(text: string, terms: HighlightTerms, size = 240): Snippet {
  const hits = findHits(text, terms);
  let start = 0;
  if (hits.length > 0) {
    let best = 0;
    let bestCount = 0;
    for (let i = 0, j = 0; i < hits.length; i++) {
      while (j < hits.length && hits[j].end - hits[i].start <= size) j++;
      if (j - i > bestCount) {
        bestCount = j - i;
        best = i;
      }
    }
    start = Math.max(0, hits[best].start - Math.floor(size / 4));
  }
  let end = Math.min(text.length, start + size);
  // Snap to word boundaries.
  if (start > 0) {
    const ws = text.lastIndexOf(' ', start);
    const nl = text.lastIndexOf('\n', start);
    const b = Math.max(ws, nl);
    if (b >= 0 && start - b < 30) start = b + 1;
  }
  if (end < text.length) {
    const sp = text.slice(end, end + 30).search(/\s/);
    if (sp >= 0) end += sp;
  }
  const raw = text.slice(start, end);
  // Collapse whitespace, keeping hit offsets right.
  let out = '';
  const map: number[] = [];
  let prevSpace = true;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    const space = /\s/.test(ch);
    map[i] = out.length;
    if (space) {
      if (!prevSpace) out += ' ';
      prevSpace = true;
    } else {
      out += ch;
      prevSpace = false;
    }
  }
  map[raw.length] = out.length;
  const inside = hits
    .filter((h) => h.start >= start && h.end <= end)
    .map((h) => ({ start: map[h.start - start], end: map[h.end - start] }))
    .filter((h) => h.end > h.start);
  const trimmed = out.replace(/\s+$/, '');
  return { text: trimmed, hits: inside.map((h) => ({ start: h.start, end: Math.min(h.end, trimmed.length) })), cutStart: start > 0, cutEnd: end < text.length };
}
