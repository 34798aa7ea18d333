/**
 * The classification a cable's text carries: the marking line at the top of the
 * body (`S E C R E T DAMASCUS 000159`, `UNCLAS SECTION 01 OF 02 ...`,
 * `C O N F I D E N T I A L NOFORN ...`), NOFORN / FOUO caveats in the marking,
 * in handling lines or in paragraph portion markings (`(S/NF)`). Pure.
 */
import type { Classification } from '../domain/classification.js';

export type Level = 'SECRET' | 'CONFIDENTIAL' | 'UNCLASSIFIED';

export interface Marking {
  /** The marking as written (`S E C R E T`, `UNCLAS E F T O`), or null. */
  text: string | null;
  level: Level | null;
  /** The line the marking opens, e.g. `S E C R E T SECTION 01 OF 02 DAMASCUS 000159`. */
  line: string | null;
}

/** Markings, most specific first; each matched at the start of the line. */
const MARKINGS: [RegExp, Level][] = [
  [/^S\s?E\s?C\s?R\s?E\s?T\b/, 'SECRET'],
  [/^C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L\b/, 'CONFIDENTIAL'],
  [/^U\s?N\s?C\s?L\s?A\s?S\s?S\s?I\s?F\s?I\s?E\s?D\b/, 'UNCLASSIFIED'],
  [/^UNCLAS\b(?:\s+E\s?F\s?T\s?O\b)?/, 'UNCLASSIFIED'],
  [/^SENSITIVE BUT UNCLASSIFIED\b/, 'UNCLASSIFIED'],
  [/^LIMITED OFFICIAL USE\b/, 'UNCLASSIFIED'],
  [/^FOR OFFICIAL USE ONLY\b/, 'UNCLASSIFIED'],
];

/** Finds the classification marking in the first lines of the body. */
export function findMarking(body: string): Marking {
  const lines = body.split('\n');
  let seen = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (++seen > 6) break;
    for (const [re, level] of MARKINGS) {
      const m = re.exec(line);
      if (m) return { text: m[0], level, line };
    }
  }
  return { text: null, level: null, line: null };
}

/** Level from the header's `ZNY SSSSS` / `ZNY CCCCC` / `ZNR UUUUU` line (a fallback). */
export function headerLevel(header: string | null): Level | null {
  if (!header) return null;
  const m = /^ZN[YR]\s+([SCUE])\1{4}\b/m.exec(header);
  if (!m) return null;
  return m[1] === 'S' ? 'SECRET' : m[1] === 'C' ? 'CONFIDENTIAL' : 'UNCLASSIFIED';
}

/**
 * The handling region: the marking line and the lines after it up to the E.O./TAGS/
 * SUBJECT/REF lines (at most 12 non-empty lines). Caveats count only there: a NOFORN
 * or SENSITIVE deeper in the text is prose or a portion marking, and the site's
 * classification follows the handling lines (measured: docs/parser-agreement.md).
 */
export function handlingRegion(body: string): string {
  const out: string[] = [];
  for (const l of body.split('\n')) {
    const t = l.trim();
    if (!t) continue;
    if (/^(?:E\.?\s?O\.?\s|EO\s|TAGS\b|SUBJECT\b|SUBJ\b|REF\b|REFS\b)/.test(t) || out.length >= 12) break;
    out.push(t);
  }
  return out.join('\n');
}

const CAVEAT_WORDS = ['NOFORN', 'NODIS', 'EXDIS', 'LIMDIS', 'SIPDIS', 'ORCON', 'PROPIN', 'NOCONTRACT', 'STADIS', 'CHEROKEE'];

/** Handling caveats of the handling region, in a stable order. */
export function findCaveats(body: string): string[] {
  const region = handlingRegion(body);
  const found: string[] = [];
  const compact = region.replace(/\b([A-Z]) (?=[A-Z]\b)/g, '$1'); // N O F O R N -> NOFORN
  for (const c of CAVEAT_WORDS) if (new RegExp(`\\b${c}\\b`).test(compact)) found.push(c);
  if (/\bFOR OFFICIAL USE ONLY\b|\bFOUO\b/.test(region)) found.push('FOR OFFICIAL USE ONLY');
  if (/\bSENSITIVE\b|\bSBU\b/.test(region)) found.push('SENSITIVE');
  if (/\bUNCLAS\s+E\s?F\s?T\s?O\b|\bEFTO\b/.test(compact)) found.push('EFTO');
  if (/^LIMITED OFFICIAL USE\b/m.test(region)) found.push('LIMITED OFFICIAL USE');
  return found;
}

/** The site's six-way classification from level + caveats. */
export function classificationOf(level: Level | null, caveats: string[]): Classification | null {
  if (level === null) return null;
  if (level === 'UNCLASSIFIED') {
    return ['FOR OFFICIAL USE ONLY', 'SENSITIVE', 'EFTO', 'LIMITED OFFICIAL USE', 'NOFORN'].some((c) => caveats.includes(c))
      ? 'UNCLASSIFIED//FOR OFFICIAL USE ONLY'
      : 'UNCLASSIFIED';
  }
  return caveats.includes('NOFORN') ? `${level}//NOFORN` : level;
}
