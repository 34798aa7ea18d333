/**
 * A cable as plain text (the 2011 unredacted release): routing header, then the body
 * from the classification marking line on. Pure; the text alone, no metadata.
 */
import type { SourceItem } from '../domain/source-record.js';
import { findMarking } from './classification-marking.js';

/** Splits the text at the first marking line after the routing header (FM/TO/INFO lines). */
export function splitHeaderBody(text: string): { header: string | null; body: string } {
  const t = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const lines = t.split('\n');
  const hasRouting = lines.slice(0, 40).some((l) => /^(?:FM|DE)\s+\S/.test(l.trim()));
  if (!hasRouting) return { header: null, body: t.replace(/^\n+/, '') };
  let sawFrom = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].trim();
    if (/^FM\s+\S/.test(l)) sawFrom = true;
    if (!sawFrom || !l) continue;
    if (findMarking(l).level !== null) {
      return { header: lines.slice(0, i).join('\n').trim(), body: lines.slice(i).join('\n') };
    }
  }
  return { header: null, body: t };
}

export function extractPlainText(text: string, source: string): SourceItem {
  if (text.trim() === '') return { ok: false, reject: { source, code: 'E_SOURCE_NOT_A_CABLE', reason: 'the file is empty' } };
  const { header, body } = splitHeaderBody(text);
  const looksLikeCable =
    header !== null || findMarking(body).level !== null || /^\s*(?:TAGS|SUBJECT)\b/m.test(body.slice(0, 3000));
  if (!looksLikeCable) {
    return { ok: false, reject: { source, code: 'E_SOURCE_NOT_A_CABLE', reason: 'no routing header, classification marking, TAGS or SUBJECT line' } };
  }
  return { ok: true, record: { source, format: 'text', header, body, meta: {}, raw: text } };
}
