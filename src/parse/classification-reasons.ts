/**
 * Classification reasons from the `Classified By: ... Reasons 1.4 (b) and (d)` line:
 * `1.4 (b)`, `1.4 (d)`. Pure.
 */
export function classificationReasons(body: string): string[] {
  const line = /CLASSIFIED\s+BY\b[\s\S]{0,300}?REASONS?\s*:?\s*([0-9][^\n]*(?:\n[^\n]*)?)/i.exec(body);
  if (!line) return [];
  const text = line[1];
  const out: string[] = [];
  const re = /(\d\.\d)\s*\(?\s*([a-hA-H](?:\s*(?:,|AND|&|\/)\s*\(?[a-hA-H]\)?)*)\s*\)?/gi;
  let sawSection = false;
  for (const m of text.matchAll(re)) {
    sawSection = true;
    for (const letter of m[2].match(/[a-hA-H](?![a-zA-Z])/g) ?? []) out.push(`${m[1]} (${letter.toLowerCase()})`);
  }
  if (!sawSection) {
    const plain = /(\d\.\d)/.exec(text);
    if (plain) out.push(plain[1]);
  }
  return [...new Set(out)];
}
