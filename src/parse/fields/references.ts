/** REF block of a cable body: cited cables, e-mails, telcons, reports, books. */
import type { Reference, ReferenceKind } from '../../domain/cable.js';
import { knownStation } from './canonical-id.js';

const START = /(?:^|[^A-Za-z])(?:PROGRAM\s+)?(?:REF(?:S|TELS?|\(S\))?|Refs?|Ref\(s\)|Reftels?)(?![A-Za-z])\s*:?/;
const END = /Classified\s+by|CLASSIFIED\s+BY|(?:^|\n)\s*(?:Summary|SUMMARY)\b|\bSUMMARY\s*:|\n\s*¶?\s*1\s*\.\s|(?:^|\s)¶?1\.\s*\(/;
const PAGE_MARKERS = [
  /PAGE\s+\d{2,3}\s+[A-Z][A-Z ]*?\s+\d{3,6}\s+(?:\d{2}\s+OF\s+\d{2}\s+)?\d{6}Z/g,
  /[A-Z][A-Z ]*\s\d{6,8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}/g,
];
const ENTRY =
  /(?:(?<![\w/.])(\d{4}|\d{2}|O\d)\s*(?=[A-Za-z])|'(\d{2})\s*)?((?<![A-Za-z'])[A-Za-z][A-Za-z'0]*(?:(?:[ \t]+|[ \t]*\n[ \t]*)[A-Za-z][A-Za-z'.0]*){0,4}?)[ \t]*\n?[ \t]*(?:\([A-Z]\))?\s*(?:\((\d{2})\)\s*)?[0O]*(\d{1,7})(?![\d/A-Za-z])(?:-(\d{2})(?!\d)|\s+\((\d{2})\)|\s(\d{2})(?=\s*(?:,|$|\n)))?/g;
const MORE = /^\s*(?:AND|&|\/)\s*[0O]*(\d{1,7})(?![\d/A-Za-z])/i;
const SLASH_MORE = /^\/[0O]*(\d{1,7})(?![\d/A-Za-z])/;

function yy(y: string | undefined): string | null {
  if (!y) return null;
  const d = y.replace(/^O/i, '0');
  return d.length === 4 ? d.slice(2) : d.padStart(2, '0');
}

/** Extracts the REF block text, or null. */
function refBlock(content: string): string | null {
  const text = content.length > 40000 ? content.slice(0, 40000) : content;
  const m = START.exec(text);
  if (!m) return null;
  let block = text.slice(m.index + m[0].length, m.index + m[0].length + 1200);
  const end = END.exec(block);
  if (end) block = block.slice(0, end.index);
  for (const re of PAGE_MARKERS) block = block.replace(re, ' ');
  return block;
}

function bulletBefore(block: string, at: number): string | null {
  const before = block.slice(Math.max(0, at - 16), at);
  const m = /(?:\(([A-Za-z])\)|(?:^|[\s¶.;,])([A-Za-z])\s*[.)\-]|\[([A-Za-z])\])\s*(?:REF(?:ERENCE)?\s*:?\s*(?:[A-Za-z]\s+)?)?$/i.exec(before);
  const b = m ? m[1] ?? m[2] ?? m[3] : null;
  return b ? b.toUpperCase() : null;
}

/**
 * Parses the REF block. `year` is the citing cable's year (used when an entry has none);
 * entries equal to `referenceId` are dropped.
 */
export function parseReferences(content: string, opts: { year: number | null; referenceId: string | null }): Reference[] {
  const block = refBlock(String(content ?? ''));
  if (!block) return [];
  const defaultYear = opts.year === null || opts.year === undefined ? null : String(opts.year).slice(-2).padStart(2, '0');
  const out: Reference[] = [];
  const push = (value: string, kind: ReferenceKind, bullet: string | null) => {
    if (kind === 'cable' && opts.referenceId && value === opts.referenceId) return;
    out.push({ value, kind, bullet, title: null });
  };
  ENTRY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ENTRY.exec(block))) {
    const words = m[3].split(/\s+/).filter(Boolean);
    let station: string | null = null;
    let used = 0;
    for (let k = 0; k < words.length && !station; k++) {
      const name = words.slice(k).join(' ');
      station = knownStation(name, { context: 'reference' });
      if (station) used = k;
    }
    if (!station) {
      // Not a cable; step past the station words only, so that a following entry is found.
      ENTRY.lastIndex = m.index + Math.max(1, m[0].length - m[5].length);
      continue;
    }
    const year = yy(m[4]) ?? yy(m[6]) ?? yy(m[7]) ?? yy(m[8]) ?? (used === 0 ? yy(m[1]) ?? yy(m[2]) : null) ?? defaultYear ?? '';
    const bullet = bulletBefore(block, m.index + (used === 0 ? 0 : m[0].indexOf(words[used])));
    push(`${year}${station}${m[5]}`, 'cable', bullet);
    // X 12 AND 13, X 12/13/14
    let tail = block.slice(ENTRY.lastIndex);
    let extra: RegExpExecArray | null;
    while ((extra = SLASH_MORE.exec(tail) ?? MORE.exec(tail))) {
      push(`${year}${station}${extra[1]}`, 'cable', bullet);
      ENTRY.lastIndex += extra[0].length;
      tail = block.slice(ENTRY.lastIndex);
    }
  }
  // Other kinds: e-mails, telcons.
  for (const part of block.split(/;|\n\s*\n/)) {
    if (!/E-?MAILS?/i.test(part)) continue;
    const e = /(?:^|\n)?[^;\n]*\bE-?MAILS?\b[^;\n]*/i.exec(part);
    if (e && !/\d{3,}\s*$/.test(e[0].replace(/\d\d\/\d\d\/\d\d\s*$/, ''))) {
      let v = e[0].replace(/^\s*(?:[A-Za-z][.)]|\([A-Za-z]\))\s*/, '').trim();
      v = v.replace(/\s+[A-Za-z][.)]$/, '').trim();
      if (v) {
        const idx = out.findIndex((r) => r.kind === 'cable' && block.indexOf(v) >= 0 && block.indexOf(v) < block.indexOf(r.value.replace(/^\d\d/, '')));
        const ref: Reference = { value: v, kind: 'email', bullet: null, title: null };
        if (idx >= 0) out.splice(idx, 0, ref);
        else out.push(ref);
      }
    }
  }
  return out;
}
