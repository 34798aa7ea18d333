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

/** One field filter typed at the top level of a query, with where it stands in the text. */
export interface ActiveFilter {
  /** As typed, with its `-` or `NOT ` when it excludes: `tag:PTER`, `-origin:"Embassy Damascus"`. */
  text: string;
  /** The query without this filter. */
  without: string;
}

const FILTER_FIELDS = 'tags?|origin|class(?:ification)?|date|created|released|from|sender|to|recipient|subject|id|ref';
const FILTER_TOKEN = new RegExp(`^(?:-|NOT\\s+)?(?:${FILTER_FIELDS}):(?:"[^"]*"?|[^\\s()"]+)`, 'i');

/**
 * The filters of a query that can each be taken away on their own: `field:value` parts at the
 * top level, ANDed with the rest (not inside parentheses, not a side of an `OR`, where taking
 * one away would change what the rest means). Read from the text, so the link that removes
 * one keeps everything else exactly as typed.
 */
export function activeFilters(query: string): ActiveFilter[] {
  const parts: Array<{ text: string; start: number; end: number; filter: boolean }> = [];
  let depth = 0;
  let i = 0;
  while (i < query.length) {
    const ch = query[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      depth = Math.max(0, depth + (ch === '(' ? 1 : -1));
      parts.push({ text: ch, start: i, end: i + 1, filter: false });
      i++;
      continue;
    }
    const m = depth === 0 ? FILTER_TOKEN.exec(query.slice(i)) : null;
    if (m) {
      parts.push({ text: m[0], start: i, end: i + m[0].length, filter: true });
      i += m[0].length;
      continue;
    }
    // Any other word or quoted phrase.
    const other = /^(?:"[^"]*"?|[^\s()"]+)/.exec(query.slice(i))!;
    parts.push({ text: other[0], start: i, end: i + other[0].length, filter: false });
    i += other[0].length;
  }
  const out: ActiveFilter[] = [];
  parts.forEach((p, k) => {
    if (!p.filter) return;
    if (parts[k - 1]?.text === 'OR' || parts[k + 1]?.text === 'OR') return;
    const without = `${query.slice(0, p.start).trimEnd()} ${query.slice(p.end).trimStart()}`.trim();
    out.push({ text: p.text.replace(/^NOT\s+/, 'NOT '), without });
  });
  return out;
}
