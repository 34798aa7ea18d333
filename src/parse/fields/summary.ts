/** Summary of a cable: the text between a SUMMARY opener and END SUMMARY. */

const OPENER =
  /(?:^|\n)[ \t]*(?:¶?\d{1,2}\.?[ \t]*)?(?:\([A-Z/]+\)[ \t]*)?SUMMARY(?:[ \t]+AND[ \t]+(?:COMMENTS?|ACTION[ \t]+REQUESTS?|INTRODUCTION))?(?:\/COMMENT)?[ \t]*(?:[:.]|[ \t]*\n?[ \t]*[-=‐‑–—]{3,}|[ \t]*(?=\n))/i;
/** Sticky twin of OPENER, tried at the start of each line holding the word SUMMARY. */
const OPENER_Y = new RegExp(OPENER.source, 'iy');
const WORD = /SUMMARY/gi;
const STOP = /\n[ \t]*\n|[-‐‑–—]{4,}/g;
const FIRST_PARAGRAPH = /(?:^|\n)[ \t]*¶?1\.[ \t]*/;
const END = /END[ \t]*\n?[ \t]*SUMMARY\b/gi;

/** `END SUMMARY` (also split over two lines), not inside a word. */
function endOf(rest: string): number {
  END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = END.exec(rest))) {
    if (m.index === 0 || !/\w/.test(rest[m.index - 1])) return m.index;
    END.lastIndex = m.index + 1;
  }
  return -1;
}
const PARA_MARK = /(^|\n)[ \t]*¶?\d{1,2}\.[ \t]*(?:\([A-Z/ ]+\)[ \t]*)?/g;

/** The first SUMMARY opener that is not the closing `END SUMMARY` split over two lines. */
function opener(text: string): RegExpExecArray | null {
  WORD.lastIndex = 0;
  let w: RegExpExecArray | null;
  let tried = -2;
  while ((w = WORD.exec(text))) {
    const lineStart = text.lastIndexOf('\n', w.index);
    if (lineStart === tried) continue;
    tried = lineStart;
    OPENER_Y.lastIndex = Math.max(0, lineStart);
    const m = OPENER_Y.exec(text);
    if (!m) continue;
    if (!/\bEND[ \t]*\n?[ \t]*$/i.test(text.slice(Math.max(0, m.index - 8), m.index + (m[0].startsWith('\n') ? 1 : 0)))) return m;
  }
  return null;
}

export function parseSummary(content: string): string | null {
  const text = String(content ?? '').slice(0, 60000);
  let start: number;
  const op = opener(text);
  if (op) start = op.index + op[0].length;
  else {
    const fp = FIRST_PARAGRAPH.exec(text);
    if (!fp) return null;
    start = fp.index;
  }
  let rest = text.slice(start, start + 20000);
  const end = endOf(rest);
  if (end >= 0) rest = rest.slice(0, end);
  else {
    STOP.lastIndex = rest.length - rest.trimStart().length;
    const stop = STOP.exec(rest);
    if (stop) rest = rest.slice(0, stop.index);
  }
  let s = rest
    .replace(/^[ \t]*[-=‐‑–—]{3,}[ \t]*$/gm, '')
    .replace(PARA_MARK, '$1')
    .replace(/^\s*\((?:SBU|U|C|S)(?:\/\/?[A-Z]+)?\)\s*/, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
  s = s.replace(/\n+$/, '');
  return s || null;
}
