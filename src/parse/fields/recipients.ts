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
    if (/COLLECTIVE/.test(rec.name)) lastCollective = rec;
  }
  return out;
}

function sections(header: string): { to: string; info: string } {
  const text = String(header ?? '').slice(0, 60000);
  const to = /(?:^|\n)\s*TO\s*(?=\S)/.exec(text);
  if (!to) return { to: '', info: '' };
  const after = text.slice(to.index + to[0].length);
  const info = /(?:^|\n)\s*INFO\s+/.exec(after);
  const bt = /\n\s*(?:BT|ZEN|\w+ \w+ \w+ (?:UNCLAS|C O N|S E C|CONFIDENTIAL|SECRET))\b/.exec(after);
  const toEnd = info ? info.index : bt ? bt.index : after.length;
  const infoText = info ? after.slice(info.index + info[0].length) : '';
  const infoEnd = /\n\s*(?:BT|ZEN)\b/.exec(infoText);
  return { to: after.slice(0, toEnd), info: infoEnd ? infoText.slice(0, infoEnd.index) : infoText };
}

export function parseRecipients(header: string): Recipient[] {
  return parseLines(sections(header).to);
}

export function parseInfoRecipients(header: string): Recipient[] {
  return parseLines(sections(header).info);
}
