/**
 * Structure of the body (bottom box): numbered paragraphs with portion markings,
 * redacted spans, `SECTION 01 OF 02`, the `COMMENT: ... END COMMENT` block. Pure.
 */
import type { Paragraph, Redaction } from '../domain/cable.js';

/** Paragraph start: `1. (S) text`, `2.(C/NF) text`, `M-61. (C) ...` is not a paragraph number. */
const PARAGRAPH_START = /^\s*(\d{1,3})\s*\.\s*(?:\(\s*([A-Z]{1,4}(?:\s*\/\/?\s*[A-Z]{1,8})*)\s*\))?\s*/;

export function parseParagraphs(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  const flush = () => {
    if (current) {
      current.text = current.text.replace(/\s+$/, '');
      if (current.text || current.number) out.push(current);
    }
  };
  for (const line of body.split('\n')) {
    const m = PARAGRAPH_START.exec(line);
    if (m && (current === null || current.number === null || +m[1] === +current.number + 1 || m[2])) {
      flush();
      current = { number: m[1], marking: m[2] ? m[2].replace(/\s+/g, '') : null, text: line.slice(m[0].length) };
      continue;
    }
    if (current === null) {
      current = { number: null, marking: null, text: line };
    } else {
      current.text += `\n${line}`;
    }
  }
  flush();
  // Leading unnumbered preamble (marking line, TAGS, SUBJECT...) stays as one null-numbered paragraph.
  return out.map((p) => (p.number === null ? { ...p, text: p.text.trim() } : p)).filter((p) => p.text !== '' || p.number !== null);
}

/** Spans of redaction marks: runs of 4+ `X` (as whole words) or 4+ `#`. */
export function findRedactions(body: string): Redaction[] {
  const out: Redaction[] = [];
  for (const m of body.matchAll(/(?<![A-Za-z0-9])X{4,}(?![A-Za-z0-9])|#{4,}/g)) {
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function findSection(text: string): { n: number; of: number } | null {
  const m = /\bSECTION\s+(\d{1,3})\s+OF\s+(\d{1,3})\b/.exec(text);
  if (!m) return null;
  const n = parseInt(m[1], 10), of = parseInt(m[2], 10);
  return n >= 1 && of >= n ? { n, of } : null;
}

/** The text of the first `COMMENT: ... END COMMENT.` block (or up to the paragraph end). */
export function findComment(body: string): string | null {
  const m = /\(?\bCOMMENT\s*[:.-]\s*([\s\S]*?)\s*\bEND\s+COMMENT\b/.exec(body);
  if (m) return m[1].replace(/\s+/g, ' ').trim() || null;
  return null;
}
