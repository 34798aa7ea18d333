/**
 * Body text with paragraph numbers, markers, rules, page markers, SUMMARY/COMMENT openers
 * and closers, lone SIPDIS lines and xxx redaction runs removed.
 */
const OPENER_WORDS = String.raw`(?:SUMMARY|COMMENT)(?:[ \t]+AND[ \t]+(?:COMMENTS?|ACTION[ \t]+REQUESTS?|INTRODUCTION))?`;
const RULES: [RegExp, string][] = [
  [/^[ \t]*¶?\d{1,2}\.[ \t]*\(?[A-Z/]{1,8}\)[ \t]*/gm, ''], // 1. (C) , 2. SBU)
  [/^[ \t]*¶?\d{1,2}\.[ \t]+/gm, ''],
  [/^[ \t]*[-=_]{3,}[ \t]*$/gm, ''],
  [/^[ \t]*[A-Z][A-Z ]*\s\d{6,8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{1,3}[ \t]*$/gm, ''],
  // Opener at the start of a (de-numbered) paragraph: `Summary.`, `Comment:`, `Summary and comment.`
  [new RegExp(String.raw`^[ \t]*${OPENER_WORDS}[ \t]*[.:][ \t]*`, 'gim'), ''],
  // Closer anywhere: `End Summary.`, `END COMMENT`; the spaces after it go too.
  [new RegExp(String.raw`\bEND[ \t]+${OPENER_WORDS}[ \t]*\.?[ \t]*`, 'gi'), ''],
  // A lone SIPDIS line, with the blank lines before it.
  [/\n(?:[ \t]*\n)*[ \t]*SIPDIS[ \t]*(?=\n|$)\n?/g, '\n'],
  [/^[ \t]*SIPDIS[ \t]*\n/, ''],
  [/x{3,}|\bxx\b/gi, ''],
];

export function cleanContent(s: string): string {
  let out = String(s ?? '');
  for (const [re, rep] of RULES) out = out.replace(re, rep);
  return out;
}
