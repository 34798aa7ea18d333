/**
 * A saved search: the Atom feed of a search (`/search.atom?q=...`), the newest released
 * matches first, so a reader can follow a subject as releases go out. Same query language
 * and embargo as the search page (the store searches released cables only).
 */
import { parseQuery } from '../query/parse-query.js';
import { hasErrors } from '../query/query-ast.js';
import { atomOfCables, FEED_SIZE, feedPath } from './feed-atom.js';
import type { WebContext } from './page.js';
import { searchUrl } from './search-url.js';

export type SearchFeedResult = { ok: true; xml: string } | { ok: false; message: string };

/**
 * The feed of a search, or why there is none (an empty query, or a query with errors:
 * the message names them). A query without matches yet is a valid feed with no entries:
 * it fills as matching cables are released.
 */
export async function buildSearchFeed(ctx: WebContext, q: string, base: string | null): Promise<SearchFeedResult> {
  const query = q.trim();
  if (!query) return { ok: false, message: 'A search feed needs a query: /search.atom?q=WORDS' };
  const parsed = parseQuery(query);
  if (!parsed.root || hasErrors(parsed)) {
    const errors = parsed.problems.filter((p) => p.severity === 'error').map((p) => p.message);
    return { ok: false, message: `The query has errors: ${errors.join('; ') || 'nothing to search'}` };
  }
  const result = await ctx.store.search({ query: parsed, sort: 'released', order: 'desc', limit: FEED_SIZE, facets: false });
  return {
    ok: true,
    xml: atomOfCables({
      title: `Cablegate: released cables matching ${query}`,
      self: feedPath.search(query),
      base,
      rows: result.hits,
      alternate: searchUrl({ q: query, sort: 'released', order: 'desc' }),
    }),
  };
}
