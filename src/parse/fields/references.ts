/**
 * REF block of a cable body: cited cables, e-mails, telcons, reports, books.
 *
 * The block is cut into segments at enumeration bullets (`A.`, `B)`, `(C)`, `[D]`, `E:`)
 * and semicolons. Each segment yields its cables (station + serial, optional year before
 * or after), or, when it holds none, one non-cable entry recognised by a keyword.
 */
import type { Reference, ReferenceKind } from '../../domain/cable.js';
import { knownStation } from './canonical-id.js';

/** A REF label candidate; `refStart` checks what surrounds it. */
const LABEL = /(?:PROGRAM\s+)?(?:REF|Ref)/g;
const LABEL_TAIL = /(?:S|TELS?|\(S\))?(?![A-Za-z])[ \t]*:?/y;
const LABEL_TAIL_MIXED = /(?:s|\(s\)|tels?)?(?![A-Za-z])[ \t]*:?/y;
const GLUED_TAIL = /S?:/y;
const END = /[Cc]lassi?fied\s+[Bb]y|CLASSIFIED\s+BY|(?:^|\n)\s*(?:Summary|SUMMARY)\b|\bSUMMARY\s*:|\n\s*¶?\s*1\s*\.(?:\s|(?=[A-Z(]))|\n\s*\((?:U|SBU|C|S)(?:\/\/?NF)?\)\s+[A-Z][a-z]+\s+[a-z]|(?:^|\s)¶?1\.\s*\(|\n[ \t]*[A-Z][a-z]+(?:[ \t]+[a-z]+[,;]?){4}|\n[ \t]*(?:\.{3}|…)[ \t]*\n|\n(?:VZCZC|id: \d)|This message is|SENSITIVE BUT UNCLAS|Sensitive [Bb]ut [Uu]nclas|-{5,}/;
function spacedOut(s: string): boolean {
  return [' O N F', ' o n f', ' E C R', ' e c r', ' N C L', ' n c l'].some((x) => s.includes(x));
}
const PAGE_MARKERS: [{ test(s: string): boolean }, RegExp][] = [
  [/PAGE/, /(?:CONFIDENTIAL|SECRET|UNCLASSIFIED|UNCLAS)?(?:\\n|\s)*PAGE\s+\d{2,3}\s+[A-Z][A-Z ]*?\s+\d{3,6}\s+(?:\d{2}\s+OF\s+\d{2}\s+)?\d{6}Z/g],
  [/\d\s+OF\s+\d{3}/, /[A-Z][A-Z ]*\s\d{6,8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}/g],
  // Spaced-out classification page header: `C O N F I D E N T I A L RIGA 000472`.
  [{ test: spacedOut }, /(?:C O N F I D E N T I A L|S E C R E T|U N C L A S S I F I E D)\s+[A-Za-z ]+?\s+\d{3,7}\b/gi],
];
const MONTHS = /^(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)$/i;
/** Words written between a station and its serial that are not part of the name. */
const FILLER = /^(?:CABLES?|TELS?|REFTELS?|MSGS?|MESSAGES?|NO)$/i;

/** Bullet at the start of a segment: `A.`, `A)`, `A.)`, `(A)`, `[A]`, `A:`, `A -`. */
const BULLET =
  /(?<![A-Za-z0-9'’.\-/])¶?[ \t]*(?:\(([A-Za-z])\)|\[([A-Za-z])\]|([A-Za-z])(?:\.\)|[.):](?![A-Za-z]\.)|[ \t]*-[ \t]))/g;

const YEAR = String.raw`(?:(?<![\w/])(?<!\d\.)(\d{4}|0\d{2}|\d{2}|O\d)\s*(?=[A-Za-z])|'(\d{2})\s*)?`;
const WORD = String.raw`[A-Za-z][A-Za-z'’0\-]*`;
const ENTRY = new RegExp(
  YEAR +
    String.raw`((?<![A-Za-z'])${WORD}\.?(?:(?:[ \t]+|[ \t]*\n[ \t]*)${WORD}\.?){0,4}?)` +
    String.raw`[ \t]*:?\n?[ \t]*(?:\([A-Z]\))?\s*(?:\((\d{2})\)\s*)?[0O]*(\d{1,7})(?![\dA-Za-z])(?!\/[A-Za-z])(?!\/\d{1,2}\/\d)` +
    String.raw`(?:-(\d{2})(?!\d)|\s+\((\d{4}|\d{2})\)|\s(\d{2})(?=\s*(?:,|$|\n)))?`,
  'g',
);
const MORE = /^(?:\s*(?:AND|&)\s*|\/|,\s*(?=\d{3}))[0O]*(\d{1,7})(?![\dA-Za-z])(?!\s+[A-Za-z]{2,}\s+\d)(?:\s*\((\d{4}|\d{2})\)|-(\d{2})(?!\d))?/i;
const DIGIT = /\d/g;
/** A segment holding only a serial: `2962`, `2962 AND PREVIOUS`. */
const BARE_SERIAL = /^\s*[0O]*(\d{2,7})(?!\.)(?:\s+AND\s+PREVIOUS)?\s*[.,]?\s*$/i;
/** `870 Ulaanbaatar`: serial written before the station. */
const SERIAL_FIRST = /^\s*[0O]*(\d{2,7})\s+([A-Za-z][A-Za-z' ]{2,30}?)\s*[.,]?\s*$/;

/**
 * Non-cable references, by what they are. Strong marks (an e-mail, a call, an intelligence
 * report's number, a manual) make an item non-cable even when it also names a post; weak
 * ones (a letter, a fax, a note, a daily report) count only when the item cites no cable,
 * since a cable's title may hold such a word. Kinds are the peer's five: conversations by
 * phone or video are `tel`; written documents that are not cables are `report`.
 */
const NON_CABLE: [RegExp, ReferenceKind][] = [
  [/\bE-?MAILS?\b|\bEMAILED\b/i, 'email'],
  [/\bTELE?CONS?\b|\bTELEPHONE\b|\bPHONE\s*CALLS?\b|\b(?:S?VTC|DVC)\b|\bVIDEO[ -]?CONFERENCE\b/i, 'tel'],
  // IIR 6 875 0123 07, TD-314/12345-07, TDX-315/..., OSC EUP20090329950015, FBIS EUR2004...
  [/\bIIRS?\b|\bTDX?-?\s?31\d\/|^\s*31\d\/\d{5,6}-\d{2}\b|\b(?:OSC|FBIS)\b/i, 'report'],
  [/\b(?:FAM|FAH)\b|\b(?:GUIDE|HAND)BOOK\b|\bMANUAL\b/i, 'book'],
];
const NON_CABLE_WEAK: [RegExp, ReferenceKind][] = [
  [/\bREPORTS?\b|\bMEMCONS?\b|\bMEMO(?:RANDUM)?S?\b|\bFAX(?:ED)?\b|\bLETTERS?\b|\bNON-?PAPERS?\b|\bDEMARCHES?\b|\bDIP(?:LOMATIC)?\s+NOTES?\b|\bNOTE\s+VERBALE\b|\bDOCUMENTS?\b|\bDAILY\b|\bSTATISTICS\b|\bMOU\b|\bPOINTS\b|\bREADOUT\b|\bASSESSMENT\b|\bNOTICE\b/i, 'report'],
];


function yy(y: string | undefined): string | null {
  if (!y) return null;
  const d = y.replace(/^O/i, '0');
  return d.length >= 3 ? d.slice(-2) : d.padStart(2, '0');
}

/**
 * Where the first REF label ends: `REF`, `REFS`, `REFTEL(S)`, `Ref(s)`, `PROGRAM REF`, not
 * inside a word, or `REF:` glued to the end of an upper-case subject (`PRIMEREF:`); -1 if none.
 */
function refStart(text: string): number {
  LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABEL.exec(text))) {
    const at = m.index;
    const end = at + m[0].length;
    const prev = at > 0 ? text.charCodeAt(at - 1) : 32;
    const prevLetter = (prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122);
    const tail = m[0].endsWith('REF') ? LABEL_TAIL : LABEL_TAIL_MIXED;
    if (!prevLetter) {
      tail.lastIndex = end;
      const t = tail.exec(text);
      if (t) return end + t[0].length;
    } else if (prev <= 90 && m[0] === 'REF') {
      GLUED_TAIL.lastIndex = end;
      const g = GLUED_TAIL.exec(text);
      if (g) return end + g[0].length;
    }
    LABEL.lastIndex = at + 1;
  }
  return -1;
}

/**
 * The first numbered paragraph (`1. (C) ...`, `1. Summary`): a REF block comes before it,
 * so a `(ref A)` inside the text is not one.
 */
const FIRST_PARAGRAPH = /\n[ \t]*¶?[ \t]*1[ \t]*\.[ \t]*(?:\((?:U|C|S|SBU|TS|S\/\/?NF|C\/\/?NF)\)|[A-Z][a-z]+)/;

/** Extracts the REF block text, or null. */
function refBlock(content: string): string | null {
  let text = content.length > 40000 ? content.slice(0, 40000) : content;
  const para = FIRST_PARAGRAPH.exec(text);
  if (para) text = text.slice(0, para.index);
  const from = refStart(text);
  if (from < 0) return null;
  let block = text.slice(from, from + 1200);
  for (const [gate, re] of PAGE_MARKERS) if (gate.test(block)) block = block.replace(re, ' ');
  const end = END.exec(block);
  if (end) block = block.slice(0, end.index);
  return block
    .replace(/\n[ \t]*(?:\n[ \t]*)+/g, '\n')
    .replace(/(?<![\w-])(\d{2})-([A-Za-z]+)-(\d+)/g, '$1 $2 $3');
}

export interface Segment {
  bullet: string | null;
  text: string;
}

function segments(block: string): Segment[] {
  const out: Segment[] = [];
  let bullet: string | null = null;
  let from = 0;
  const cut = (to: string | null, end: number, next: number) => {
    const text = block.slice(from, end);
    if (text.trim()) out.push({ bullet, text });
    bullet = to;
    from = next;
  };
  BULLET.lastIndex = 0;
  let m: RegExpExecArray | null;
  const semis: number[] = [];
  for (let i = block.indexOf(';'); i >= 0; i = block.indexOf(';', i + 1)) semis.push(i);
  const bullets: { at: number; end: number; letter: string }[] = [];
  while ((m = BULLET.exec(block))) {
    const letter = (m[1] ?? m[2] ?? m[3]).toUpperCase();
    bullets.push({ at: m.index, end: m.index + m[0].length, letter });
  }
  let si = 0;
  let last: string | null = null;
  for (const b of bullets) {
    // Bullets run A, B, C... (a letter may repeat); anything else is an initial or a marker.
    const first = last === null && (b.letter === 'A' || !block.slice(0, b.at).trim());
    const next = last !== null && (b.letter === last || b.letter.charCodeAt(0) === last.charCodeAt(0) + 1);
    if (!first && !next) continue;
    last = b.letter;
    while (si < semis.length && semis[si] < b.at) {
      if (semis[si] >= from) cut(null, semis[si], semis[si] + 1);
      si++;
    }
    if (b.at < from) continue;
    // A doubled bullet (`A. A)`) keeps one segment.
    if (!block.slice(from, b.at).trim() && bullet === b.letter) {
      from = b.end;
      continue;
    }
    cut(b.letter, b.at, b.end);
  }
  for (; si < semis.length; si++) if (semis[si] >= from) cut(null, semis[si], semis[si] + 1);
  cut(null, block.length, block.length);
  return out;
}

/**
 * The station the words before a serial name, and how many leading words are not part
 * of it. A month among the words makes the number a date (`MAY 1`, `JULY 2009`) unless the
 * number cannot be a day or a year (`RIO DE JAN 138`): `dateLike` says whether it can.
 */
function stationOf(words: string[], dateLike = true): { station: string; used: number } | null {
  for (let k = 0; k < words.length; k++) {
    const all = words.slice(k);
    const isFiller = (w: string) => FILLER.test(w.replace(/[.:]$/, ''));
    if (dateLike && all.some((w) => MONTHS.test(w.replace(/[.:]$/, '')))) continue;
    // A station whose name holds a filler word (`TEL AVIV`) is tried with only the
    // fillers after it dropped (`TEL AVIV CABLES 12`), before every filler is dropped.
    // Only an exact name counts here, so that no filler is read as part of a misspelling.
    let end = all.length;
    while (end > 1 && isFiller(all[end - 1])) end--;
    const name = all.slice(0, end).join(' ');
    const whole = knownStation(name, { context: 'reference' });
    if (whole && whole === name.toUpperCase().replace(/[\s'’.-]+/g, '')) return { station: whole, used: k };
    const ws = all.filter((w) => !isFiller(w));
    if (ws.length === 0) continue;
    const station = knownStation(ws.join(' '), { context: 'reference' });
    if (station) return { station, used: k };
  }
  return null;
}

/** Full year of a two-digit cable year (the cables run from 1966 to 2010). */
function fullYear(y: string): number {
  const n = Number(y);
  return n >= 60 ? 1900 + n : 2000 + n;
}

/**
 * A serial listed after a cited cable (`06 KABUL 5353/5194`) takes that cable's year, but
 * never a year after the citing cable's (a cable cannot cite a later one): then the citing
 * cable's year. A year written on the entry itself is kept as written.
 */
function notLater(year: string, defaultYear: string, citingYear: number | null): string {
  if (citingYear === null || !year || year === defaultYear) return year;
  return fullYear(year) > citingYear ? defaultYear : year;
}

function cablesIn(seg: string, defaultYear: string, citingYear: number | null = null): string[] {
  const found: string[] = [];
  ENTRY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ENTRY.exec(seg))) {
    const words = m[3].split(/\s+/).filter(Boolean);
    const n = m[5];
    // Written with leading zeros (`0044`), a number is a serial, not a day.
    const padded = new RegExp(`[0O]+${n}(?!\\d)`).test(m[0]);
    const hit = stationOf(words, (!padded && n.length <= 2) || /^(?:19|20)\d\d$/.test(n));
    if (!hit) {
      // Not a cable: resume at its number, so that a following entry is found.
      const wordsEnd = m.index + m[0].indexOf(m[3]) + m[3].length;
      DIGIT.lastIndex = wordsEnd;
      const d = DIGIT.exec(seg);
      ENTRY.lastIndex = Math.max(m.index + 1, d ? d.index : wordsEnd);
      continue;
    }
    const { station, used } = hit;
    const year = yy(m[4]) ?? yy(m[6]) ?? yy(m[7]) ?? yy(m[8]) ?? (used === 0 ? yy(m[1]) ?? yy(m[2]) : null) ?? defaultYear;
    found.push(`${year}${station}${m[5]}`);
    // X 12 AND 13, X 12/13/14, X 12, 13
    let extra: RegExpExecArray | null;
    let listed = false;
    while ((extra = MORE.exec(seg.slice(ENTRY.lastIndex)))) {
      // `X 1, 2` is not a list; `X 1 AND 2, 3` is.
      if (extra[0].startsWith(',') && !listed) break;
      listed = true;
      const y = yy(extra[2]) ?? yy(extra[3]) ?? notLater(year, defaultYear, citingYear);
      found.push(`${y}${station}${extra[1]}`);
      ENTRY.lastIndex += extra[0].length;
    }
  }
  return found;
}

/** The REF block cut into its items, as parseReferences reads them (for the corpus audit). */
export function referenceSegments(content: string): Segment[] {
  const block = refBlock(String(content ?? ''));
  return block ? segments(block) : [];
}

/**
 * Parses the REF block. `year` is the citing cable's year (used when an entry has none);
 * entries equal to `referenceId` are dropped.
 */
export function parseReferences(content: string, opts: { year: number | null; referenceId: string | null }): Reference[] {
  const block = refBlock(String(content ?? ''));
  if (!block) return [];
  const defaultYear = opts.year === null || opts.year === undefined ? '' : String(opts.year).slice(-2).padStart(2, '0');
  const citingYear = opts.year === null || opts.year === undefined ? null : Number(opts.year);
  const out: Reference[] = [];
  let lastStation: string | null = null;
  for (const seg of segments(block)) {
    const nonCable = (table: [RegExp, ReferenceKind][]): boolean => {
      const kind = table.find(([re]) => re.test(seg.text));
      if (!kind) return false;
      const value = seg.text.replace(/\s+/g, ' ').trim().replace(/[,;.]$/, '').trim();
      if (value) out.push({ value, kind: kind[1], bullet: seg.bullet, title: null });
      return true;
    };
    if (nonCable(NON_CABLE)) continue;
    let cables = cablesIn(seg.text, defaultYear, citingYear);
    if (cables.length === 0) {
      const sf = SERIAL_FIRST.exec(seg.text);
      const station = sf ? knownStation(sf[2], { context: 'reference' }) : null;
      if (sf && station) cables = [`${defaultYear}${station}${sf[1]}`];
    }
    if (cables.length === 0 && lastStation && seg.bullet) {
      // `B. 2962 AND PREVIOUS` after `A. MANILA 2969`: the same station (a year is no serial).
      const bare = BARE_SERIAL.exec(seg.text);
      if (bare && !/^(?:19[5-9]\d|20[0-3]\d)$/.test(bare[1])) cables = [`${defaultYear}${lastStation}${bare[1]}`];
    }
    if (cables.length === 0 && nonCable(NON_CABLE_WEAK)) continue;
    const lastCable = cables[cables.length - 1];
    if (lastCable) lastStation = /^\d{2}([A-Z]+)\d+$/.exec(lastCable)?.[1] ?? null;
    for (const value of cables) {
      if (opts.referenceId && value === opts.referenceId) continue;
      out.push({ value, kind: 'cable', bullet: seg.bullet, title: null });
    }
  }
  return out;
}
