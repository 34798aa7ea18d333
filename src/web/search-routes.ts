/** The search routes: `/search`, `/search.json`, `/search.csv`, `/search.jsonl`. */
import type { Context, Hono } from 'hono';
import type { Page, WebContext } from './page.js';
import { cablePath, type Ext } from './paths.js';
import { exportResponse } from './search-export.js';
import { loadSearchPage, type SearchData } from './search-page.js';
import { guessReference } from './search-reference.js';
import { readSearchParams } from './search-url.js';

export function registerSearchRoutes(app: Hono, ctx: WebContext, respond: (c: Context, page: Page<SearchData>, ext: Ext) => Response): void {
  const handle = async (c: Context, ext: Ext) => {
    const p = readSearchParams((name) => c.req.query(name));
    const guess = p.page === 1 ? guessReference(p.q) : null;
    if (guess && ext === 'html') {
      const found = await ctx.store.lookupReference(guess, { limit: 10 });
      const exact = guess.year ? found.exact.filter((r) => r.canonicalId.startsWith(guess.year!)) : found.exact;
      if (exact.length === 1) {
        c.header('Cache-Control', 'public, max-age=300');
        return c.redirect(cablePath(exact[0].canonicalId, exact[0].created), guess.fromUrl ? 301 : 302);
      }
    }
    const page = await loadSearchPage(ctx, p, guess);
    const res = respond(c, page, ext);
    if (page.data.problems.some((x) => x.severity === 'error')) return new Response(res.body, { status: 400, headers: res.headers });
    return res;
  };
  app.get('/search', (c) => handle(c, 'html'));
  app.get('/search.json', (c) => handle(c, 'json'));
  app.get('/search.csv', (c) => exportResponse(ctx.store, readSearchParams((name) => c.req.query(name)), 'csv'));
  app.get('/search.jsonl', (c) => exportResponse(ctx.store, readSearchParams((name) => c.req.query(name)), 'jsonl'));
}
