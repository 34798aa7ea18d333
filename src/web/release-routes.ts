/**
 * Routes of staged releases: release days, Atom feeds, the sitemap, version diffs, and
 * the 410 answer of a withdrawn cable. Registered by createApp (app.ts).
 */
import type { Context, Hono } from 'hono';
import { canonicalizeId } from '../parse/fields/canonical-id.js';
import { errorBody, errorHtml } from './error-page.js';
import { buildFeed, type FeedKind } from './feed-atom.js';
import type { Page, PageData, WebContext } from './page.js';
import { createdYearMonth, type Ext } from './paths.js';
import { loadReleaseDay, loadReleasesIndex, releasePath } from './release-pages.js';
import { displayDateTime } from './format.js';
import { html } from './html.js';
import { buildChangesFeed, CHANGES_FEED_PATH, loadChanges, parseChangesFile } from './changes-page.js';
import { buildSearchFeed } from './search-feed.js';
import { buildSitemap } from './sitemap.js';
import { diffPath, loadVersionDiff, parseDiffFile } from './version-diff-page.js';

export interface RouteHelpers {
  respond<T extends PageData>(c: Context, page: Page<T>, ext: Ext): Response;
  notFound(c: Context, message?: string): Response;
  redirect(c: Context, location: string): Response;
}

/** Absolute URLs come from the configured base URL only, never from the request (Host header). */
export const SITEMAP_NEEDS_BASE_URL =
  'The sitemap lists absolute addresses and needs the site\'s public address: start the server with --base-url https://... (or export the mirror with --base-url).';

function xml(c: Context, body: string, type: string): Response {
  c.header('Cache-Control', 'public, max-age=300');
  c.header('Content-Type', `${type}; charset=utf-8`);
  return c.body(body);
}

/** 410 Gone for a withdrawn cable (its id and the reason only: no text, no subject), else null. */
export async function withdrawnResponse(ctx: WebContext, c: Context, rawId: string): Promise<Response | null> {
  let id: string;
  try {
    id = canonicalizeId(rawId);
  } catch {
    return null;
  }
  if (!id || id.length > 64) return null;
  const w = await ctx.store.getWithdrawal(id);
  if (!w) return null;
  const message = `Cable ${w.canonicalId} was withdrawn on ${w.withdrawnAt.slice(0, 10)}: ${w.reason}`;
  c.header('Cache-Control', 'public, max-age=60');
  if (c.req.path.endsWith('.json')) return c.json({ ...errorBody('E_WITHDRAWN', message), withdrawn: { id: w.canonicalId, at: w.withdrawnAt, reason: w.reason } }, 410);
  return c.html(
    errorHtml(
      410,
      html`The publisher withdrew cable <strong>${w.canonicalId}</strong> on <time datetime="${w.withdrawnAt}">${displayDateTime(w.withdrawnAt)}</time>. Reason given: ${w.reason}</p>
<p>Its text is no longer shown here. This is not an error of the site; see the <a href="${releasePath.index()}">release log</a> for what was published and withdrawn when.`,
    ),
    410,
  );
}

export function registerReleaseRoutes(app: Hono, ctx: WebContext, h: RouteHelpers): void {
  app.get('/releases', (c) => h.redirect(c, '/releases/index.html'));
  app.get('/releases/', (c) => h.redirect(c, '/releases/index.html'));
  app.get('/releases/:file', async (c) => {
    const m = /^(index|\d{4}-\d{2}-\d{2})\.(html|json)$/.exec(c.req.param('file'));
    if (!m) return h.notFound(c);
    const ext = m[2] as Ext;
    if (m[1] === 'index') return h.respond(c, await loadReleasesIndex(ctx), ext);
    const page = await loadReleaseDay(ctx, m[1]);
    return page ? h.respond(c, page, ext) : h.notFound(c);
  });

  const feed = async (c: Context, kind: FeedKind, key: string | null) => {
    const body = await buildFeed(ctx, kind, key, ctx.options.baseUrl);
    return body === null ? h.notFound(c) : xml(c, body, 'application/atom+xml');
  };
  app.get('/feeds/releases.atom', (c) => feed(c, 'all', null));
  app.get('/feeds/:kind/:file', (c) => {
    const kind = c.req.param('kind');
    const m = /^(.+)\.atom$/.exec(c.req.param('file'));
    if (!m || (kind !== 'tag' && kind !== 'origin' && kind !== 'classification')) return h.notFound(c);
    return feed(c, kind, m[1]);
  });

  // The change log (changes-page.ts).
  app.get('/changes', (c) => h.redirect(c, '/changes/index.html'));
  app.get('/changes/', (c) => h.redirect(c, '/changes/index.html'));
  app.get('/changes/:file', async (c) => {
    const f = parseChangesFile(c.req.param('file'));
    const page = f ? await loadChanges(ctx, f.page) : null;
    return page && f ? h.respond(c, page, f.ext) : h.notFound(c);
  });
  app.get(CHANGES_FEED_PATH, async (c) => xml(c, await buildChangesFeed(ctx, ctx.options.baseUrl), 'application/atom+xml'));

  // A saved search (search-feed.ts): a query with errors is the reader's to fix (400, saying why).
  app.get('/search.atom', async (c) => {
    const r = await buildSearchFeed(ctx, c.req.query('q') ?? '', ctx.options.baseUrl);
    if (r.ok) return xml(c, r.xml, 'application/atom+xml');
    c.header('Cache-Control', 'public, max-age=60');
    return c.text(r.message, 400);
  });

  app.get('/sitemap.xml', async (c) => {
    const base = ctx.options.baseUrl;
    return base === null ? h.notFound(c, SITEMAP_NEEDS_BASE_URL) : xml(c, (await buildSitemap(ctx, base, null))!, 'application/xml');
  });
  app.get('/:file{sitemap-[0-9]+\\.xml}', async (c) => {
    const base = ctx.options.baseUrl;
    if (base === null) return h.notFound(c, SITEMAP_NEEDS_BASE_URL);
    const n = Number(/^sitemap-(\d+)\.xml$/.exec(c.req.param('file'))?.[1]);
    const body = Number.isSafeInteger(n) ? await buildSitemap(ctx, base, n) : null;
    return body === null ? h.notFound(c) : xml(c, body, 'application/xml');
  });

  app.get('/cable/:year/:month/:id/:file', async (c) => {
    const diff = parseDiffFile(c.req.param('file'));
    if (!diff) return h.notFound(c);
    let id: string;
    try {
      id = canonicalizeId(c.req.param('id'));
    } catch {
      return h.notFound(c);
    }
    if (!id || id.length > 64) return h.notFound(c);
    const stored = await ctx.store.getCable(id, { releasedOnly: true });
    if (!stored) return (await withdrawnResponse(ctx, c, id)) ?? h.notFound(c, 'No released cable has this reference ID.');
    const ym = createdYearMonth(stored.cable.created);
    if (c.req.param('id') !== stored.canonicalId || (ym && (ym.year !== c.req.param('year') || ym.month !== c.req.param('month')))) {
      return h.redirect(c, diffPath(stored.canonicalId, stored.cable.created, diff.from, diff.to, diff.ext));
    }
    const page = await loadVersionDiff(ctx, stored, diff.from, diff.to);
    return page ? h.respond(c, page, diff.ext) : h.notFound(c);
  });
}
