/** Body text with paragraph numbers, markers, rules, page markers and openers removed. */
const RULES: [RegExp, string][] = [
  [/^[ \t]*¶?\d{1,2}\.[ \t]*\(?[A-Z/]{1,8}\)[ \t]*/gm, ''], // 1. (C) , 2. SBU)
  [/^[ \t]*¶?\d{1,2}\.[ \t]+/gm, ''],
  [/^[ \t]*[-=_]{3,}[ \t]*$/gm, ''],
  [/^[ \t]*[A-Z][A-Z ]*\s\d{6,8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{1,3}[ \t]*$/gm, ''],
  [/\b(?:END\s+)?(?:SUMMARY|COMMENT)(?:\s+AND\s+(?:COMMENT|ACTION REQUEST))?\s*[.:]/gi, ''],
  [/^[ \t]*SIPDIS[ \t]*$/gm, ''],
  [/x{2,}/gi, ''],
];

export function cleanContent(s: string): string {
  let out = String(s ?? '');
  for (const [re, rep] of RULES) out = out.replace(re, rep);
  return out;
}
