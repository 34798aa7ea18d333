/**
 * A cable as plain text (the 2011 unredacted release, and text files of other origins):
 * routing header, then the body from the classification marking line on. Pure; the text
 * alone, no metadata.
 *
 * Real text files differ in layout: header lines in lower or mixed case, a header glued
 * onto one line, a header that starts at the precedence line (`O 241408Z FEB 10`), or no
 * header at all (a partial extract of the body). All of them are cables.
 */
import type { SourceItem } from '../domain/source-record.js';
import { findMarking } from './classification-marking.js';
import { asciiUpper, PRECEDENCE_DTG_LINE, unglueHeader } from './routing-header.js';
import { idFromFileName } from './body-extract.js';

/** A line that only a routing header has: FM, DE, or a precedence + DTG line. */
function isRoutingLine(upperTrimmed: string): boolean {
  return /^(?:FM|DE)\s+\S/.test(upperTrimmed) || PRECEDENCE_DTG_LINE.test(upperTrimmed);
}

/** Splits the text at the first marking line after the routing header (FM/TO/INFO lines). */
export function splitHeaderBody(text: string): { header: string | null; body: string } {
  const t = unglueHeader(text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, ''));
  const lines = t.split('\n');
  const hasRouting = lines.slice(0, 40).some((l) => isRoutingLine(asciiUpper(l.trim())));
  if (!hasRouting) return { header: null, body: t.replace(/^\n+/, '') };
  let sawRouting = false;
  for (let i = 0; i < lines.length; i++) {
    const l = asciiUpper(lines[i].trim());
    if (isRoutingLine(l)) sawRouting = true;
    if (!sawRouting || !l || /^(?:FM|DE|TO|INFO)\s/.test(l) || PRECEDENCE_DTG_LINE.test(l)) continue;
    if (findMarking(l).level !== null) {
      return { header: lines.slice(0, i).join('\n').trim(), body: lines.slice(i).join('\n') };
    }
  }
  return { header: null, body: t };
}

export function extractPlainText(text: string, source: string): SourceItem {
  if (text.trim() === '') return { ok: false, reject: { source, code: 'E_SOURCE_NOT_A_CABLE', reason: 'the file is empty' } };
  const { header, body } = splitHeaderBody(text);
  const head = asciiUpper(body.slice(0, 3000));
  // A file named by a cable id (`10DAMASCUS159.txt`) is a cable even when it is only a
  // fragment of the body: a partial extract has no header, marking, TAGS or SUBJECT.
  const looksLikeCable =
    header !== null || findMarking(head).level !== null || /^\s*(?:TAGS|SUBJECT)\b/m.test(head) || idFromFileName(source) !== null;
  if (!looksLikeCable) {
    return {
      ok: false,
      reject: {
        source,
        code: 'E_SOURCE_NOT_A_CABLE',
        reason: 'no routing header, classification marking, TAGS or SUBJECT line, and the file name is not a cable id',
      },
    };
  }
  return { ok: true, record: { source, format: 'text', header, body, meta: {}, raw: text } };
}
