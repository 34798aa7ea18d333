/**
 * Words of the mirror's static search index. The browser script (mirror-search-script.ts)
 * applies the same rule to what the reader types: lower case, accents dropped, runs of
 * letters and digits, 2 to 24 characters. Pure.
 */

export const MIN_TOKEN = 2;
export const MAX_TOKEN = 24;
/** Terms are filed in shards by their first characters. */
export const SHARD_PREFIX = 2;

export function searchTokens(text: string): string[] {
  const out: string[] = [];
  const norm = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  for (const m of norm.matchAll(/[a-z0-9]+/g)) {
    const t = m[0];
    if (t.length >= MIN_TOKEN && t.length <= MAX_TOKEN) out.push(t);
  }
  return out;
}

export function shardKey(term: string): string {
  return term.slice(0, SHARD_PREFIX);
}
