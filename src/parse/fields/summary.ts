/** Summary of a cable: the text between a SUMMARY opener and END SUMMARY. */

const OPENER =
  /(?:^|\n)[ \t]*(?:¶?\d{1,2}\.?[ \t]*)?(?:\([A-Z/]+\)[ \t]*)?SUMMARY(?:[ \t]+AND[ \t]+(?:COMMENTS?|ACTION[ \t]+REQUESTS?|INTRODUCTION))?(?:\/COMMENT)?[ \t]*(?:[:.]|[ \t]*\n?[ \t]*[-=‐‑–—]{3,}|[ \t]*(?=\n))/i;
const OPENER_G = new RegExp(OPENER.source, 'gi');
const FIRST_PARAGRAPH = /(?:^|\n)[ \t]*¶?1\.[ \t]*/;
const END = /\bEND[ \t]*\n?[ \t]*SUMMARY\b/i;
const PARA_MARK = /(^|\n)[ \t]*¶?\d{1,2}\.[ \t]*(?:\([A-Z/ ]+\)[ \t]*)?/g;

/** The first SUMMARY opener that is not the closing `END SUMMARY` split over two lines. */
function opener(text: string): RegExpExecArray | null {
  OPENER_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OPENER_G.exec(text))) {
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
  const end = END.exec(rest);
  if (end) rest = rest.slice(0, end.index);
  else {
    const stop = /\n[ \t]*\n|[-‐‑–—]{4,}/.exec(rest.replace(/^\s+/, (m) => ' '.repeat(m.length)));
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
