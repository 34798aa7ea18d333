/**
 * Classification reasons from the `Classified By: ... Reasons 1.4 (b) and (d)` line:
 * `1.4 (b)`, `1.4 (d)`. Pure.
 */
export function classificationReasons(body: string): string[] {
  const line = /CLASSIFIED\s+BY\b[\s\S]{0,300}?REASONS?\s*:?\s*((?:E\.?O\.?\s*\d+\s*)?[0-9][^\n]*(?:\n(?!\s*\n)[^\n]*)?)/i.exec(body);
  if (!line) return [];
  const text = line[1].replace(/^E\.?O\.?\s*\d+\s*/i, '');
  const out: string[] = [];
  const sections = [...text.matchAll(/\b(\d\.\d)\b/g)];
  sections.forEach((s, i) => {
    const end = i + 1 < sections.length ? sections[i + 1].index : Math.min(text.length, s.index + 60);
    const tail = text.slice(s.index + s[0].length, end).split(/\.\s|\n\s*\n/)[0];
    const letters = [...tail.matchAll(/(?:^|[\s,(&/])([a-hA-H])(?=$|[\s,)&/.;])/g)].map((m) => m[1].toLowerCase());
    if (letters.length === 0) out.push(s[1]);
    for (const l of letters) out.push(`${s[1]} (${l})`);
  });
  return [...new Set(out)];
}
