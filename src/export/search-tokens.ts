/**
 * Words of the mirror's static search index. The browser script (the `tokens` function of
 * search-index-query.ts) applies the same rule to what the reader types: lower case,
 * accents dropped, runs of letters and digits, 2 to 24 characters. Pure.
 */

export const MIN_TOKEN = 2;
export const MAX_TOKEN = 24;
/** Terms are filed in shards by their first characters. */
export const SHARD_PREFIX = 2;

const NON_ASCII = /[^\x00-\x7f]/;

/** Calls `fn` with each word of `text`, in order, repeats included. */
export function forEachSearchToken(text: string, fn: (token: string) => void): void {
  // NFKD and the removal of combining marks change nothing in ASCII text: skip them there.
  const s = NON_ASCII.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase() : text.toLowerCase();
  // The runs of /[a-z0-9]+/, scanned by hand (faster than the regular expression).
  const len = s.length;
  let start = -1;
  for (let i = 0; i <= len; i++) {
    const c = i < len ? s.charCodeAt(i) : 0;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const n = i - start;
      if (n >= MIN_TOKEN && n <= MAX_TOKEN) fn(s.slice(start, i));
      start = -1;
    }
  }
}

export function searchTokens(text: string): string[] {
  const out: string[] = [];
  forEachSearchToken(text, (t) => out.push(t));
  return out;
}

export function shardKey(term: string): string {
  return term.slice(0, SHARD_PREFIX);
}
