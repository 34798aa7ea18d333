/** Writing query text back: quoting values and adding a filter (for facet links). */

/** `PTER` -> `PTER`; `Embassy Damascus` -> `"Embassy Damascus"` (quotes inside dropped). */
export function quoteValue(value: string, always = false): string {
  const v = value.replace(/"/g, '');
  return !always && /^[^\s()"]+$/.test(v) && !/^(OR|AND|NOT)$/.test(v) ? v : `"${v}"`;
}

/**
 * The query with one more filter (`field:value`), unless it is already there. Classification
 * values are always quoted: quoted, a full classification name is exact.
 */
export function withFilter(query: string, field: string, value: string): string {
  const part = `${field}:${quoteValue(value, field === 'classification')}`;
  const q = query.trim();
  if (q.split(/\s+/).includes(part) || q.includes(` ${part}`) || q.startsWith(part)) return q;
  return q ? `${q} ${part}` : part;
}
