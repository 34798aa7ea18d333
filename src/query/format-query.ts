/** Writing query text back: quoting values and adding a filter (for facet links). */

/** `PTER` -> `PTER`; `Embassy Damascus` -> `"Embassy Damascus"` (quotes inside dropped). */
export function quoteValue(value: string): string {
  const v = value.replace(/"/g, '');
  return /^[^\s()"]+$/.test(v) && !/^(OR|AND|NOT)$/.test(v) ? v : `"${v}"`;
}

/** The query with one more filter (`field:value`), unless it is already there. */
export function withFilter(query: string, field: string, value: string): string {
  const part = `${field}:${quoteValue(value)}`;
  const q = query.trim();
  if (q.split(/\s+/).includes(part) || q.includes(` ${part}`) || q.startsWith(part)) return q;
  return q ? `${q} ${part}` : part;
}
