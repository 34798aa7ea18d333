/**
 * The routing header (middle box): transmission line (`DE RUEHDM #0159/01 0551408`),
 * precedence + DTG line (`P 241408Z FEB 10`), FM line. Pure.
 *
 * Real headers come in any case (`fm amembassy damascus`, `Fm Amembassy Damascus`) and
 * sometimes glued onto one line by a converter: lines are matched case-insensitively
 * (values are returned upper-cased, as the teletype wrote them) and `unglueHeader` puts
 * a glued header back on its lines before anything reads it.
 */
import type { Precedence } from '../domain/cable.js';
import { parseDtg, type Dtg } from './dtg.js';

export interface RoutingHeader {
  transmissionId: string | null;
  originRoute: string | null;
  /** Serial from the transmission id (`#0159` -> `159`), or null. */
  transmissionSerial: string | null;
  precedence: Precedence | null;
  dtg: Dtg | null;
  /** FM station as written, upper-cased (`AMEMBASSY DAMASCUS`), or null. */
  from: string | null;
}

const PRECEDENCE_LETTER: Record<string, Precedence> = { Z: 'FLASH', O: 'IMMEDIATE', P: 'PRIORITY', R: 'ROUTINE' };

/** ASCII upper case, same length as the input (so offsets found in it hold in the original). */
export function asciiUpper(s: string): string {
  return s.replace(/[a-z]+/g, (w) => w.toUpperCase());
}

/** A precedence + DTG line: `P 241408Z FEB 10`, `O 241408Z FEB 10`, `P R 241408Z FEB 10 ZFF4`. */
export const PRECEDENCE_DTG_LINE = /^((?:[ZOPR]{1,2}\s+)*)(\d{6}Z\s*[A-Z]{3}\s*\d{2,4})\b/;

export function parseRoutingHeader(header: string): RoutingHeader {
  const out: RoutingHeader = { transmissionId: null, originRoute: null, transmissionSerial: null, precedence: null, dtg: null, from: null };
  const lines = asciiUpper(header).split('\n').map((l) => l.replace(/\r$/, '').trim());
  for (const line of lines) {
    if (out.transmissionId === null) {
      const de = /^DE\s+([A-Z]{4,7})\s*#\s*(\d+)(.*)$/.exec(line);
      if (de) {
        out.originRoute = de[1];
        out.transmissionId = `${de[1]} #${de[2]}${de[3].replace(/\s+/g, ' ').trimEnd()}`;
        out.transmissionSerial = String(parseInt(de[2], 10));
        continue;
      }
    }
    if (out.dtg === null) {
      const pd = PRECEDENCE_DTG_LINE.exec(line);
      if (pd) {
        const dtg = parseDtg(pd[2]);
        if (dtg) {
          out.dtg = dtg;
          const letter = pd[1].trim()[0];
          if (letter) out.precedence = PRECEDENCE_LETTER[letter] ?? null;
          continue;
        }
      }
    }
    if (out.from === null) {
      const fm = /^FM\s+(.+)$/.exec(line);
      if (fm) out.from = fm[1].trim();
    }
  }
  if (out.dtg === null) {
    // No DTG line of its own: take the first DTG anywhere in the header.
    out.dtg = parseDtg(asciiUpper(header));
  }
  return out;
}

/** Where a glued header line breaks (matched on the upper-cased line). */
const HEADER_BREAKS = [
  /\bDE\s+R[A-Z]{3,6}\s*#/g,
  /\bZN[YR]\s+[A-Z]{5}\b/g,
  /(?:^|\s)(?:[ZOPR]{1,2}\s+)+\d{6}Z\s*[A-Z]{3}\s*\d{2,4}\b/g,
  /\bFM\s+\S/g,
];
/** A classification marking line opening the body (spaced-out or not). */
const MARKING_START =
  /\b(?:S\s?E\s?C\s?R\s?E\s?T|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|UNCLASSIFIED|UNCLAS|LIMITED OFFICIAL USE|SENSITIVE BUT UNCLASSIFIED)\b/;
const MARKING_AT_START = new RegExp(`^${MARKING_START.source.replace(/^\\b/, '')}`);
/** Lines that open the body after the marking, when they were glued on too. */
const BODY_BREAKS = /\b(?:SIPDIS|NOFORN|E\.\s?O\.\s|EO\s+\d|TAGS\b|SUBJECT\s*:|SUBJ\s*:|REF\s*:|REFS\s*:|CLASSIFIED BY\b)/g;

/**
 * A routing header glued onto one line (`... P 241408Z FEB 10 FM AMEMBASSY DAMASCUS TO
 * RUEHC/SECSTATE WASHDC 1234 INFO ... CONFIDENTIAL DAMASCUS 000159 SIPDIS E.O. ...`) put back
 * on its lines: DE, ZNY/ZNR, precedence + DTG, FM, TO, INFO, each routing indicator
 * (`RUEHC/`), BT, the marking, and the body's opening lines. Other lines are left as they are;
 * a line is only taken apart when it holds an FM line together with a DTG or a DE line.
 */
export function unglueHeader(text: string): string {
  if (!/FM\s/i.test(text)) return text;
  const lines = text.split('\n');
  let changed = false;
  // Only the top of a text holds its header: the first 40 lines, up to a line that opens
  // with the marking (the body's prose is never taken apart, whatever it quotes).
  let inBody = false;
  const out = lines.map((line, index) => {
    if (inBody || index >= 40) return line;
    if (MARKING_AT_START.test(asciiUpper(line.trim()))) {
      inBody = true;
      return line;
    }
    if (line.length < 40) return line;
    const up = asciiUpper(line);
    const fm = /\bFM\s+\S/.exec(up);
    if (!fm || !(/\d{6}Z\s*[A-Z]{3}\s*\d{2}/.test(up) || /\bDE\s+R[A-Z]{3,6}\s*#/.test(up))) return line;
    // Header cuts (before the marking) and body cuts (the marking and the lines glued after it).
    const cuts: number[] = [];
    for (const re of HEADER_BREAKS) for (const m of up.matchAll(re)) cuts.push(m.index + (m[0].length - m[0].trimStart().length));
    const afterFm = fm.index + 2;
    const to = /\bTO\s+\S/.exec(up.slice(afterFm));
    const toAt = to ? afterFm + to.index : -1;
    if (toAt >= 0) {
      cuts.push(toAt);
      const info = /\bINFO\s+\S/.exec(up.slice(toAt));
      if (info) cuts.push(toAt + info.index);
      // Each addressee on its own line, except the first one after TO / INFO.
      for (const m of up.slice(toAt).matchAll(/\bR[A-Z]{3,6}\//g)) {
        const at = toAt + m.index;
        if (!/\b(?:TO|INFO)\s*$/.test(up.slice(0, at))) cuts.push(at);
      }
    }
    const from = toAt >= 0 ? toAt : afterFm;
    const bt = /\bBT\b/.exec(up.slice(from));
    if (bt) cuts.push(from + bt.index);
    const markFrom = bt ? from + bt.index : from;
    const mark = MARKING_START.exec(up.slice(markFrom));
    const markAt = mark ? markFrom + mark.index : up.length;
    const kept = new Set(cuts.filter((c) => c < markAt));
    if (mark) {
      kept.add(markAt);
      for (const m of up.slice(markAt).matchAll(BODY_BREAKS)) if (m.index > 0) kept.add(markAt + m.index);
    }
    const sorted = [...kept].filter((c) => c > 0).sort((a, b) => a - b);
    if (sorted.length === 0) return line;
    changed = true;
    const parts: string[] = [];
    let prev = 0;
    for (const c of sorted) {
      parts.push(line.slice(prev, c).trimEnd());
      prev = c;
    }
    parts.push(line.slice(prev));
    return parts.filter((p, i) => i === 0 || p.trim() !== '').join('\n');
  });
  return changed ? out.join('\n') : text;
}
