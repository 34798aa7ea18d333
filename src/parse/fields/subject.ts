/** SUBJECT line of a cable body. */
import { decodeEntities } from './decode-entities.js';
import { STATIONS } from '../tables/stations.js';

const LABEL = /(?:^|[^A-Za-z])(?:SUBJECT|SUBJ|UBJECT)(?![A-Za-z])[ \t]*:?/;
const LINE_LABEL = /(?:^|\n)[ \t]*(?:SUBJECT|SUBJ|UBJECT)(?![A-Za-z])[ \t]*:?/;
/**
 * A subject line in another case (`Subject:`, `subj -`) or numbered (`2. SUBJECT:`): at a
 * line start (or after the glued TAGS line), with a colon or a dash, so prose ("the
 * subject of") is never taken.
 */
const ANY_CASE_LABEL = /(?:^|\n|[ \t](?=(?:Subject|SUBJECT|subject)[ \t]*:))[ \t]*(?:\d{1,2}\.[ \t]*)?(?:subject|subj)[ \t]*(?::|-{1,2}(?=[ \t]))[ \t]*/i;
/** Where a subject ends (searched in the text after the label). */
const END = new RegExp(
  [
    '\\n[ \\t\\\\]*\\n', // blank line (a lone backslash counts as blank)
    'REF(?:S|TELS?|\\(S\\))?\\s*:', // glued PRIMEREF:
    '\\bREF(?:S|TELS?|\\(S\\))?\\b',
    'Ref(?:s|\\(s\\))?\\s*:',
    '[Cc]lassified\\s+[Bb]y',
    'CLASSIFIED\\s+BY',
    'C O N ',
    'SENSITIVE\\s+BUT',
    '\\n\\s*\\d{1,2}\\.\\s*\\(',
    '\\n[ \\t]*\\d{1,2}\\.[ \\t]',
    '\\n\\s*\\d{1,2}\\.\\s*(?:Summary|SUMMARY)',
    '\\n[ \\t]*[A-Z][A-Z ]*\\s\\d{5,8}\\s+\\d{3}(?:\\.\\d)?\\s+OF\\s+\\d{3}', // PRETORIA 00000954 001.2 OF 004
    '\\n\\s*PAGE\\s+\\d{2}',
    '-{3,}',
    'This is an [Aa]ction [Rr]eq',
    '\\n\\s*(?:Summary|SUMMARY)\\s*:',
  ].join('|'),
);

/**
 * A page marker glued into the subject's line (`... AIRPORT TRIPOLI 00000248 001.2 OF 003`):
 * the subject ends before its station, the last word, or the last two or three words when
 * together they name a station (`NEW DELHI`).
 */
function cutGluedPageMarker(subject: string): string {
  const m = /[ \t]+\d{8}[ \t]+\d{3}\.\d[ \t]+OF[ \t]+\d{3}\b/.exec(subject);
  if (!m) return subject;
  const words = subject.slice(0, m.index).trimEnd().split(/[ \t]+/);
  let drop = 1;
  for (const n of [3, 2]) {
    if (words.length > n && STATIONS.has(words.slice(-n).join('').toUpperCase())) {
      drop = n;
      break;
    }
  }
  return words.slice(0, words.length - drop).join(' ');
}

export function parseSubject(content: string, opts: { clean?: boolean } = {}): string {
  const clean = opts.clean ?? true;
  const text = String(content ?? '').slice(0, 30000);
  const label = LINE_LABEL.exec(text) ?? LABEL.exec(text) ?? ANY_CASE_LABEL.exec(text);
  if (!label) return '';
  let rest = text.slice(label.index + label[0].length);
  // `SUBJECT:` alone on its line, the subject after a blank line.
  const lead = /^[ \t]*\n(?:[ \t]*\n)*(?=[ \t]*\S)/.exec(rest);
  if (lead && !/^[ \t]*\n[ \t]*\n[ \t]*(?:\d{1,2}\.|REF|Classified|CLASSIFIED)/.test(rest)) rest = rest.slice(lead[0].length);
  if (rest.length > 3000) rest = rest.slice(0, 3000);
  // The first line is always part of the subject, even if REF-like words follow later.
  const end = END.exec(rest);
  let subject = end ? rest.slice(0, end.index) : rest;
  subject = subject.replace(/\\[ \t]*(?=\n|$)/g, ' ');
  subject = cutGluedPageMarker(subject);
  subject = decodeEntities(subject).replace(/\s+/g, ' ').trim();
  subject = subject.replace(/\bUS- (?=[A-Z])/g, 'US-');
  if (clean) {
    subject = subject
      .replace(/^\((?:[A-Z]{1,4}(?:\/+[A-Z]{1,6})*)\)\s*/, '')
      .replace(/\s+\([A-Z]{1,4}(?:\/+[A-Z]{1,6})*\)$/, '')
      // The same markers in a subject written in lower or sentence case: `(s) germany ...`.
      .replace(/^\((?:u|c|s|ts|sbu|lou)(?:\/+(?:nf|rel|rel\s\w+))*\)\s*/i, '')
      .replace(/\s+\((?:u|c|s|ts|sbu|lou)(?:\/+(?:nf|rel|rel\s\w+))*\)$/i, '')
      .replace(/\\/g, '')
      .trim();
  }
  return subject;
}
