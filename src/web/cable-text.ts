/**
 * Turn a cable's body text into HTML: every character escaped, plus paragraph permalinks
 * (`<a id="par1" href="#par1">¶</a>`), redactions as styled spans, TAGS linked to their
 * browse pages and REF mentions linked to the released cables they name.
 */
import type { Redaction } from '../domain/cable.js';
import { escapeHtml, isolateBidi, raw, type SafeHtml } from './html.js';
import { browsePath } from './paths.js';
import { findHits, termsFromWords } from '../query/highlight.js';

/** A replacement of text[start, end) (end === start: an insertion before start). */
interface Span {
  start: number;
  end: number;
  markup: (text: string) => string;
}

function annotate(text: string, spans: Span[]): SafeHtml {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at || s.end > text.length || s.end < s.start) continue; // overlapping or out of range: skip
    out += isolateBidi(escapeHtml(text.slice(at, s.start))) + s.markup(text.slice(s.start, s.end));
    at = s.end;
  }
  return raw(out + isolateBidi(escapeHtml(text.slice(at))));
}

function redactionSpans(body: string, redactions: Redaction[]): Span[] {
  const ranges: Array<[number, number]> = redactions.length
    ? redactions.map((r) => [r.start, r.end])
    : [...body.matchAll(/X{6,}|#{6,}/g)].map((m) => [m.index!, m.index! + m[0].length]);
  return ranges
    .filter(([s, e]) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e > s && e <= body.length)
    .map(([start, end]) => ({ start, end, markup: (t) => `<span class="redaction" title="redacted">${isolateBidi(escapeHtml(t))}</span>` }));
}

function paragraphSpans(body: string): Span[] {
  const spans: Span[] = [];
  const used = new Set<string>();
  const re = /(^|\n)[ \t]*(¶?)[ \t]*(\d{1,3})\.(?=[\s(])/g;
  for (const m of body.matchAll(re)) {
    const n = String(Number(m[3]));
    if (used.has(n)) continue;
    used.add(n);
    const anchor = `<a class="par" id="par${n}" href="#par${n}" title="Link to paragraph ${n}">¶</a>`;
    const lineStart = m.index! + m[1].length;
    if (m[2]) {
      const pilcrow = body.indexOf('¶', lineStart);
      spans.push({ start: pilcrow, end: pilcrow + 1, markup: () => anchor });
    } else {
      const digits = body.indexOf(m[3] + '.', lineStart);
      spans.push({ start: digits, end: digits, markup: () => anchor });
    }
  }
  return spans;
}

function tagSpans(body: string, tags: string[]): Span[] {
  const line = /^[ \t]*TAGS:?([^\n]*)/m.exec(body);
  if (!line || tags.length === 0) return [];
  const known = new Set(tags);
  const offset = line.index + line[0].length - line[1].length;
  const spans: Span[] = [];
  for (const m of line[1].matchAll(/[A-Za-z0-9][A-Za-z0-9_-]*/g)) {
    if (!known.has(m[0])) continue;
    const start = offset + m.index!;
    spans.push({ start, end: start + m[0].length, markup: (t) => `<a href="${escapeHtml(browsePath.tag(m[0]))}">${escapeHtml(t)}</a>` });
  }
  return spans;
}

/** Compiled mention patterns by id: a cable is cited by many pages (bounded, oldest dropped). */
const mentionPatterns = new Map<string, RegExp | null>();

/** A tolerant pattern for a canonical id as written in a REF block: `09 STATE 12345`, `DAMASCUS 159`. */
function mentionPattern(id: string): RegExp | null {
  const known = mentionPatterns.get(id);
  if (known !== undefined) return known;
  const m = /^(\d{2})([A-Z]+)(\d+)$/.exec(id);
  const origin = m ? [...m[2]].join('\\s?') : '';
  const re = m ? new RegExp(`(?<![A-Z0-9])(?:(?:19|20)?${m[1]}\\s*)?${origin}\\s*0*${m[3]}(?![0-9])`) : null;
  if (mentionPatterns.size >= 20_000) mentionPatterns.delete(mentionPatterns.keys().next().value as string);
  mentionPatterns.set(id, re);
  return re;
}

const REF_BLOCK = /[ \t]*REFS?\b[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*/y;

/** The first `REF:` block (the line and the lines after it up to a blank line), found without scanning every line. */
function refBlock(body: string): { index: number; 0: string } | null {
  for (let i = body.indexOf('REF'); i >= 0; i = body.indexOf('REF', i + 3)) {
    let start = i;
    while (start > 0 && (body[start - 1] === ' ' || body[start - 1] === '\t')) start--;
    if (start > 0 && body[start - 1] !== '\n') continue;
    REF_BLOCK.lastIndex = start;
    const m = REF_BLOCK.exec(body);
    if (m) return { index: start, 0: m[0] };
  }
  return null;
}

function referenceSpans(body: string, links: Array<{ id: string; url: string }>): Span[] {
  if (links.length === 0) return [];
  const block = refBlock(body);
  if (!block) return [];
  const spans: Span[] = [];
  for (const { id, url } of links) {
    const re = mentionPattern(id);
    const m = re ? re.exec(block[0]) : null;
    if (!m) continue;
    const start = block.index + m.index;
    spans.push({ start, end: start + m[0].length, markup: (t) => `<a href="${escapeHtml(url)}">${escapeHtml(t)}</a>` });
  }
  return spans;
}

export interface BodyMarkupInput {
  body: string;
  redactions: Redaction[];
  tags: string[];
  /** References to link: only released cables present in the archive. */
  referenceLinks: Array<{ id: string; url: string }>;
  /** Words to wrap in <mark> (from a search result's `?hl=`), whole words, any case or accent. */
  highlight?: string;
}

function highlightSpans(body: string, words: string | undefined): Span[] {
  if (!words) return [];
  return findHits(body, termsFromWords(words)).map((h) => ({ start: h.start, end: h.end, markup: (t) => `<mark>${isolateBidi(escapeHtml(t))}</mark>` }));
}

export function bodyMarkup(input: BodyMarkupInput): SafeHtml {
  const { body } = input;
  return annotate(body, [
    ...redactionSpans(body, input.redactions),
    ...paragraphSpans(body),
    ...tagSpans(body, input.tags),
    ...referenceSpans(body, input.referenceLinks),
    ...highlightSpans(body, input.highlight),
  ]);
}

/** The routing header: escaped, redactions styled. */
export function headerMarkup(header: string): SafeHtml {
  return annotate(header, redactionSpans(header, []));
}
