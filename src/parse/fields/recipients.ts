/** TO and INFO addressees of a cable's routing header. */
import type { Precedence, Recipient } from '../../domain/cable.js';

const PRECEDENCE = /\s+(FLASH|NIACT\s+IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE)\b/;
const PAGE_MARK = /^\s*PAGE\s+\d+\s+.*$/gm;

function parseLines(block: string): Recipient[] {
  const out: Recipient[] = [];
  let lastCollective: Recipient | null = null;
  let excluding = false;
  for (let raw of block.replace(PAGE_MARK, '').split('\n')) {
    raw = raw.trim();
    if (!raw) continue;
    const xmt = /^XMT\/?\s*(.*)$/.exec(raw);
    if (xmt) {
      excluding = true;
      if (xmt[1].trim() && lastCollective) lastCollective.excluded.push(xmt[1].trim());
      continue;
    }
    if (excluding) {
      if (lastCollective) lastCollective.excluded.push(raw.replace(/^\w+\//, '').trim());
      continue;
    }
    let line = raw;
    let route: string | null = null;
    const r = /^([A-Z0-9]{2,})\/(.*)$/.exec(line);
    if (r) {
      route = r[1];
      line = r[2];
    }
    let mcn: string | null = null;
    const mm = /\s+(\d{4,})$/.exec(line);
    if (mm) {
      mcn = mm[1];
      line = line.slice(0, mm.index);
    }
    let precedence: Precedence | null = null;
    const p = PRECEDENCE.exec(line);
    if (p) {
      precedence = p[1].replace(/\s+/g, ' ') as Precedence;
      line = (line.slice(0, p.index) + line.slice(p.index + p[0].length)).trim();
    }
    const rec: Recipient = { route, name: line.trim(), precedence, mcn, excluded: [] };
    out.push(rec);
    // An XMT line excludes posts from the recipient just before it (a collective, `ALL ... POSTS`).
    lastCollective = rec;
  }
  return out;
}

const TO_LINE = /(?:^|\n)[ \t]*TO[ \t]*(?=\S)/;
const INFO_LINE = /(?:^|\n)[ \t]*INFO[ \t]+/;
const HEADER_END = /\n\s*(?:BT|ZEN|\w+ \w+ \w+ (?:UNCLAS|C O N|S E C|CONFIDENTIAL|SECRET))\b/;

/** The routing header: what precedes the first `BT` line (bounded, so bodies are not scanned). */
function headerPart(header: string): string {
  const text = String(header ?? '');
  const bounded = text.length > 20000 ? text.slice(0, 20000) : text;
  const bt = /\n[ \t]*BT[ \t]*(?:\n|$)/.exec(bounded);
  return bt ? bounded.slice(0, bt.index) : bounded;
}

function sections(header: string): { to: string; info: string } {
  const text = headerPart(header);
  if (text.indexOf('TO') < 0 && text.indexOf('INFO') < 0) return { to: '', info: '' };
  const to = TO_LINE.exec(text);
  const info = INFO_LINE.exec(text);
  let toText = '';
  if (to) {
    const after = text.slice(to.index + to[0].length);
    const infoAt = info && info.index > to.index ? info.index - (to.index + to[0].length) : -1;
    const bt = HEADER_END.exec(after);
    const toEnd = infoAt >= 0 ? infoAt : bt ? bt.index : after.length;
    toText = after.slice(0, toEnd);
  }
  let infoText = '';
  if (info && (!to || info.index > to.index)) {
    infoText = text.slice(info.index + info[0].length);
    const infoEnd = /\n\s*(?:BT|ZEN)\b/.exec(infoText);
    if (infoEnd) infoText = infoText.slice(0, infoEnd.index);
  }
  return { to: toText, info: infoText };
}

export function parseRecipients(header: string): Recipient[] {
  return parseLines(sections(header).to);
}

export function parseInfoRecipients(header: string): Recipient[] {
  return parseLines(sections(header).info);
}
