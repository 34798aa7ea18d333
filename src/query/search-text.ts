/**
 * How text becomes searchable words, shared by indexing, queries and highlighting so
 * they agree: Unicode NFC, redaction runs (XXXXXX, ######) removed, digit runs without
 * leading zeros (`000159` is `159`), then words are runs of letters and digits, compared
 * case- and accent-folded (what SQLite FTS5's unicode61 tokenizer with
 * remove_diacritics 2 does).
 */

/** A redaction run: five or more X (any case), or three or more #. */
const REDACTION = /[Xx]{5,}|#{3,}/g;
const DIGIT_RUN = /[0-9]+/g;
const WORD = /[\p{L}\p{N}\p{Co}]+/gu;
const MARKS = /\p{M}+/gu;

function stripZeros(run: string): string {
  const s = run.replace(/^0+/, '');
  return s === '' ? '0' : s;
}

/** The text the index sees: redactions blanked, digit runs without leading zeros. */
export function normaliseSearchText(text: string | null | undefined): string {
  if (!text) return '';
  return text.normalize('NFC').replace(REDACTION, ' ').replace(DIGIT_RUN, stripZeros);
}

/** One word as compared: lower case, accents removed, leading zeros removed. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLowerCase().replace(DIGIT_RUN, stripZeros);
}

/** The folded words of a text, in order (what a query word or phrase means). */
export function searchWords(text: string): string[] {
  const out: string[] = [];
  for (const m of normaliseSearchText(text).matchAll(WORD)) {
    const w = foldWord(m[0]);
    if (w) out.push(w);
  }
  return out;
}

export interface WordSpan {
  /** Folded word. */
  word: string;
  start: number;
  end: number;
}

/** Words of a text with their offsets in the original text (for highlighting). */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  const redacted: Array<[number, number]> = [];
  for (const m of text.matchAll(REDACTION)) redacted.push([m.index!, m.index! + m[0].length]);
  for (const m of text.matchAll(WORD)) {
    let start = m.index!;
    const end = start + m[0].length;
    let word = m[0];
    // Cut redaction runs out of the word (rare: runs glued to letters).
    if (redacted.length > 0 && redacted.some(([s, e]) => s < end && e > start)) {
      const pieces = word.split(/[Xx]{5,}/);
      let offset = start;
      for (const piece of pieces) {
        const at = text.indexOf(piece, offset);
        if (piece && at >= 0) {
          const w = foldWord(piece);
          if (w) spans.push({ word: w, start: at, end: at + piece.length });
          offset = at + piece.length;
        }
      }
      continue;
    }
    const w = foldWord(word);
    if (w) spans.push({ word: w, start, end });
    start = end;
  }
  return spans;
}
