/**
 * The website: server-rendered HTML pages, each with a JSON twin at the same path ending
 * in `.json` (rendered from the same data object). Only released cables are visible.
 */
import { Hono, type Context } from 'hono';
import { isCablegateError } from '../domain/errors.js';
import { canonicalizeId } from '../parse/fields/canonical-id.js';
import type { Store } from '../store/store.js';
import { parseBrowseFile, loadBrowsePage } from './browse-page.js';
import { citationFacts, citationFile, citationFormatOf, citationPath, CITATION_FILES } from './cable-citation.js';
import { loadCablePage } from './cable-page.js';
import { ARTICLES_FEED, ARTICLES_INDEX, buildArticlesFeed, loadArticle, loadArticleIndex } from './article-pages.js';
import { isArticleKey } from '../domain/site-article.js';
import { API_PATH, loadApiPage, loadOpenApi, OPENAPI_PATH } from './api-page.js';
import { errorBody, errorHtml } from './error-page.js';
import { loadHome } from './home-page.js';
import { html } from './html.js';
import { loadClassificationIndex, loadDateIndex, loadOriginIndex, loadReldateIndex, loadTagIndex } from './index-pages.js';
import { DEMO_BANNER_HTML, layout } from './layout.js';
import { PageCache, type CachedResponse } from './page-cache.js';
import type { Page, PageData, WebContext } from './page.js';
import { browsePath, cablePath, createdYearMonth, type BrowseKind, type Ext, originSlug, STYLESHEET_PATH } from './paths.js';
import { loadLegacyOriginPage, resolveLegacyOrigin } from './legacy-origin-numbers.js';
import { STYLESHEET } from './stylesheet.js';
import { registerSearchRoutes } from './search-routes.js';
import { registerBulkDataRoutes } from './bulk-data-routes.js';
import { registerReferenceGraphRoutes } from './reference-graph-files.js';
import { loadFaq, loadGlossary, loadUnderstanding } from './understanding-pages.js';
import { loadSearchLanguage } from './search-language-page.js';
import { registerReleaseRoutes, withdrawnResponse } from './release-routes.js';
import { feedLinksFor } from './feed-atom.js';
import { normalizeBaseUrl } from './base-url.js';

export interface AppOptions {
  /** Rows per browse page (default 50). */
  pageSize?: number;
  /**
   * The total the publisher announces (the 2010 site: 251,287), for the home page's
   * "released / total known" while the archive holds fewer; the archive's own count when
   * it holds more (default: the archive's count of every cable, released or not).
   */
  siteTotal?: number;
  /** A demo archive (`npm start`): every HTML page carries a banner saying so. */
  demo?: boolean;
  /** How long the origin slug table and rendered pages are reused, in ms (default 60000; 0: never cached). */
  cacheTtlMs?: number;
  /** Memory for rendered pages reused within `cacheTtlMs`, in bytes (default 64 MiB; 0: none). */
  pageCacheBytes?: number;
  /**
   * The site's public base URL (`https://cables.example.org`), the only source of absolute
   * URLs (feeds, sitemaps); never the request's Host header. Without it feeds use
   * root-relative links and the sitemap answers 404 saying it needs one.
   */
  baseUrl?: string | null;
  /** Called with unexpected errors (default: console.error). */
  logError?: (error: unknown) => void;
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; img-src 'self' data:; style-src 'self'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

const PAGE_CACHE = 'public, max-age=300';

/**
 * Every query parameter a page reads (browse order, the cable page's highlight, search).
 * The page cache's key holds these only, with the value the page reads: any other
 * parameter (`?utm_source=...`, `?x=123`) changes nothing on the page, so it must not make
 * a new cache entry (a junk parameter per request would miss the cache every time).
 * A page that reads another parameter must add it here.
 */
export const PAGE_QUERY_PARAMS = ['q', 'sort', 'order', 'page', 'hl'] as const;

/** The page cache's key: the path and the values of the parameters pages read (no request header). */
export function pageCacheKey(path: string, query: (name: string) => string | undefined): string {
  let key = path;
  for (const name of PAGE_QUERY_PARAMS) {
    const v = query(name);
    if (v !== undefined) key += `${key === path ? '?' : '&'}${name}=${encodeURIComponent(v)}`;
  }
  return key;
}
const DEFAULT_PAGE_CACHE_BYTES = 64 * 1024 * 1024;

function replay(r: CachedResponse): Response {
  return new Response(r.body, { status: r.status, headers: r.headers });
}
const NOT_FOUND_CACHE = 'public, max-age=60';

/** JSON (pages' twins, the API description), JSON Lines and CSV exports: data other sites may read. */
function isDataResponse(contentType: string | null): boolean {
  return /^(application\/(json|x-ndjson|[a-z.+-]*\+json)|text\/csv)\b/.test(contentType ?? '');
}

function extOf(path: string): Ext {
  return path.endsWith('.json') ? 'json' : 'html';
}

function respond<T extends PageData>(c: Context, page: Page<T>, ext: Ext): Response {
  c.header('Cache-Control', PAGE_CACHE);
  if (ext === 'json') return c.json(page.data);
  c.header('Vary', 'Accept-Encoding');
  return c.html(layout({ title: page.data.title, jsonPath: page.data.json, canonicalPath: page.data.url, description: page.description, feeds: feedLinksFor(page.data.url), body: page.render(page.data) }));
}

function notFound(c: Context, message = 'There is no page at this address.'): Response {
  c.header('Cache-Control', NOT_FOUND_CACHE);
  if (extOf(c.req.path) === 'json') return c.json(errorBody('E_NOT_FOUND', message), 404);
  return c.html(errorHtml(404, message), 404);
}

function redirect(c: Context, location: string): Response {
  c.header('Cache-Control', 'public, max-age=86400');
  return c.redirect(location, 301);
}

/** How often a server asks the store whether the archive changed (ms). */
const CHANGE_CHECK_MS = 250;

export function createApp(store: Store, options: AppOptions = {}): Hono {
  const ttl = options.cacheTtlMs ?? 60_000;
  const logError = options.logError ?? ((e: unknown) => console.error(e));
  let originCache: { at: number; map: Map<string, string> } | null = null;
  const ctx: WebContext = {
    store,
    options: { pageSize: options.pageSize ?? 50, siteTotal: options.siteTotal ?? null, baseUrl: options.baseUrl ? normalizeBaseUrl(options.baseUrl) : null },
    async originsBySlug() {
      if (originCache && ttl > 0 && Date.now() - originCache.at < ttl) return originCache.map;
      const rows = await store.countBy('origin', { releasedOnly: true });
      const map = new Map<string, string>();
      for (const r of rows) if (r.key && !map.has(originSlug(r.key))) map.set(originSlug(r.key), r.key);
      originCache = { at: Date.now(), map };
      return map;
    },
  };

  const app = new Hono();

  // Rendered pages: answered from memory while fresh (security headers included, so a hit
  // goes through nothing else); one rendering at a time per page.
  const pages = new PageCache(options.pageCacheBytes ?? DEFAULT_PAGE_CACHE_BYTES, ttl);
  // What readers may see changes with any write to the archive (an import, a release or a
  // withdrawal from the CLI, in another process) and when a scheduled release falls due:
  // the store's change token tells, checked at most every CHANGE_CHECK_MS.
  let token: string | null = null;
  let checkedAt = 0;
  const dropStaleCaches = async () => {
    const now = Date.now();
    if (now - checkedAt < CHANGE_CHECK_MS) return;
    checkedAt = now;
    const current = await store.changeToken();
    if (token !== null && current !== token) {
      pages.clear();
      originCache = null;
    }
    token = current;
  };
  if (pages.enabled || ttl > 0) {
    app.use('*', async (c, next) => {
      if (c.req.method !== 'GET') return next();
      await dropStaleCaches();
      if (!pages.enabled) return next();
      const key = pageCacheKey(c.req.path, (name) => c.req.query(name));
      const hit = pages.get(key) ?? (await pages.inFlight(key));
      if (hit) return replay(hit);
      const done = pages.begin(key);
      let value: CachedResponse | null = null;
      try {
        await next();
        if (c.res.status === 200 && c.res.headers.get('Cache-Control') === PAGE_CACHE) {
          const headers: Record<string, string> = {};
          c.res.headers.forEach((v, k) => (headers[k] = v));
          value = { status: 200, headers, body: await c.res.arrayBuffer() };
          c.res = replay(value);
        }
      } finally {
        done(value);
      }
    });
  }

  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
    // The server only reads public data: any site may call the JSON API from a browser.
    if (isDataResponse(c.res.headers.get('Content-Type'))) c.res.headers.set('Access-Control-Allow-Origin', '*');
  });

  if (options.demo) {
    // Every HTML answer (pages, error pages of any route) says that the archive is a demo.
    app.use('*', async (c, next) => {
      await next();
      if (!/^text\/html/.test(c.res.headers.get('Content-Type') ?? '')) return;
      const page = await c.res.text();
      const headers = new Headers(c.res.headers);
      headers.delete('Content-Length');
      c.res = new Response(page.replace('<main id="main">', `${DEMO_BANNER_HTML}<main id="main">`), { status: c.res.status, headers });
    });
  }

  app.get(STYLESHEET_PATH, (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(STYLESHEET);
  });

  app.get('/', async (c) => respond(c, await loadHome(ctx), 'html'));
  app.get('/index.html', async (c) => respond(c, await loadHome(ctx), 'html'));
  app.get('/index.json', async (c) => respond(c, await loadHome(ctx), 'json'));

  const indexLoaders: Record<BrowseKind, (ctx: WebContext) => Promise<Page<any>>> = {
    reldate: loadReldateIndex,
    date: loadDateIndex,
    origin: loadOriginIndex,
    tag: loadTagIndex,
    classification: loadClassificationIndex,
  };
  for (const kind of Object.keys(indexLoaders) as BrowseKind[]) {
    app.get(`/${kind}`, (c) => redirect(c, `/${kind}/index.html`));
    app.get(`/${kind}/`, (c) => redirect(c, `/${kind}/index.html`));
    app.get(`/${kind}/:file`, async (c) => {
      const file = c.req.param('file');
      if (file === 'index.html' || file === 'index.json') return respond(c, await indexLoaders[kind](ctx), extOf(file));
      const parsed = parseBrowseFile(file);
      if (!parsed) return notFound(c);
      if (kind === 'origin') {
        // The 2010-2011 site's numeric origin pages: 301 to the origin's readable page when
        // the number meant one origin in every build; else a page listing the candidates.
        const legacy = /^\d{1,4}$/.test(parsed.name) ? resolveLegacyOrigin(Number(parsed.name)) : null;
        if (legacy?.certain) return redirect(c, browsePath.origin(legacy.origin, parsed.page, parsed.ext));
        if (legacy && parsed.page === 0) return respond(c, await loadLegacyOriginPage(ctx, Number(parsed.name), legacy.candidates), parsed.ext);
        if (legacy) return redirect(c, `/origin/${Number(parsed.name)}_0.${parsed.ext}`);
      }
      const page = await loadBrowsePage(ctx, { kind, ...parsed, sort: c.req.query('sort'), order: c.req.query('order') });
      return page ? respond(c, page, parsed.ext) : notFound(c);
    });
  }

  const about: Record<string, (ctx: WebContext) => Page<any> | Promise<Page<any>>> = { index: loadUnderstanding, faq: loadFaq, tags: loadGlossary, search: loadSearchLanguage };
  app.get('/understanding', (c) => redirect(c, '/understanding/index.html'));
  app.get('/understanding/', (c) => redirect(c, '/understanding/index.html'));
  app.get('/understanding/:file', async (c) => {
    const m = /^(index|faq|tags|search)\.(html|json)$/.exec(c.req.param('file'));
    return m ? respond(c, await about[m[1]](ctx), m[2] as Ext) : notFound(c);
  });

  /** Find a released cable by any spelling of its id; null when there is none. */
  async function findCable(rawId: string) {
    let id: string;
    try {
      id = canonicalizeId(rawId);
    } catch {
      return null;
    }
    if (!id || id.length > 64) return null;
    return store.getCable(id, { releasedOnly: true });
  }

  app.get('/cable/:year/:month/:file', async (c) => {
    const m = /^(.+)\.(html|json)$/.exec(c.req.param('file'));
    if (!m) return notFound(c);
    const ext = m[2] as Ext;
    const stored = await findCable(m[1]);
    if (!stored) return (await withdrawnResponse(ctx, c, m[1])) ?? notFound(c, 'No released cable has this reference ID.');
    const ym = createdYearMonth(stored.cable.created);
    const wanted = cablePath(stored.canonicalId, stored.cable.created, ext);
    if (m[1] !== stored.canonicalId || (ym && (ym.year !== c.req.param('year') || ym.month !== c.req.param('month')))) return redirect(c, wanted);
    return respond(c, await loadCablePage(ctx, stored, { highlight: c.req.query('hl'), base: ctx.options.baseUrl ?? undefined }), ext);
  });

  app.get('/cable/:file', async (c) => {
    const m = /^(.+?)(?:\.(html|json))?$/.exec(c.req.param('file'));
    if (!m) return notFound(c);
    const stored = await findCable(m[1]);
    if (!stored) return (await withdrawnResponse(ctx, c, m[1])) ?? notFound(c, 'No released cable has this reference ID.');
    return redirect(c, cablePath(stored.canonicalId, stored.cable.created, (m[2] as Ext | undefined) ?? 'html'));
  });

  // "Cite this cable" downloads beside the page: /cable/YYYY/MM/<ID>/cite.bib, cite.ris, cite.csl.json.
  app.get('/cable/:year/:month/:id/:file{cite\\.(?:bib|ris|csl\\.json)}', async (c) => {
    const format = citationFormatOf(c.req.param('file'));
    const stored = format ? await findCable(c.req.param('id')) : null;
    if (!format || !stored) return notFound(c, 'No released cable has this reference ID.');
    const page = cablePath(stored.canonicalId, stored.cable.created);
    if (citationPath(page, format) !== c.req.path) return redirect(c, citationPath(page, format));
    const versions = await store.versionFacts(stored.canonicalId, { releasedOnly: true });
    const facts = citationFacts({ id: stored.canonicalId, cable: stored.cable, currentVersion: stored.currentVersion, versions, url: `${ctx.options.baseUrl ?? ''}${page}`, now: new Date() });
    c.header('Cache-Control', PAGE_CACHE);
    c.header('Content-Type', CITATION_FILES[format].type);
    return c.body(citationFile(facts, format));
  });

  // Editorial articles at the 2010 site's addresses, their index and feed (article-pages.ts).
  app.get('/articles', (c) => redirect(c, ARTICLES_INDEX));
  app.get('/articles/', (c) => redirect(c, ARTICLES_INDEX));
  app.get('/articles/index.html', async (c) => respond(c, await loadArticleIndex(ctx), 'html'));
  app.get('/articles/index.json', async (c) => respond(c, await loadArticleIndex(ctx), 'json'));
  app.get('/articles/:year', (c) => (/^\d{4}$/.test(c.req.param('year')) ? redirect(c, ARTICLES_INDEX) : notFound(c)));
  app.get('/articles/:year/:file', async (c) => {
    const year = c.req.param('year');
    const m = /^(.+)\.(html|json)$/.exec(c.req.param('file'));
    if (!/^\d{4}$/.test(year) || !m) return notFound(c);
    if (m[1] === 'index') return redirect(c, ARTICLES_INDEX);
    const key = `${year}/${m[1]}`;
    if (!isArticleKey(key)) return notFound(c);
    const page = await loadArticle(ctx, key);
    return page ? respond(c, page, m[2] as Ext) : notFound(c, 'No published article has this address.');
  });
  app.get(ARTICLES_FEED, async (c) => {
    c.header('Cache-Control', PAGE_CACHE);
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    return c.body(await buildArticlesFeed(ctx, ctx.options.baseUrl));
  });

  // The JSON API, described once (api-description.ts): the page and the OpenAPI document.
  app.get('/api', (c) => redirect(c, API_PATH));
  app.get('/api/', (c) => redirect(c, API_PATH));
  app.get('/api/index.html', async (c) => respond(c, await loadApiPage(ctx), 'html'));
  app.get('/api/index.json', async (c) => respond(c, await loadApiPage(ctx), 'json'));
  app.get(OPENAPI_PATH, async (c) => {
    c.header('Cache-Control', PAGE_CACHE);
    return c.json(await loadOpenApi(ctx));
  });

  registerSearchRoutes(app, ctx, respond);
  registerBulkDataRoutes(app, store);
  registerReferenceGraphRoutes(app, store);

  registerReleaseRoutes(app, ctx, { respond, notFound, redirect });

  app.notFound((c) => notFound(c));

  app.onError((err, c) => {
    if (isCablegateError(err) && (err.code === 'E_NOT_FOUND' || err.code === 'E_INVALID_ID' || err.code === 'E_INVALID_DATE')) {
      return notFound(c);
    }
    if (isCablegateError(err) && err.code === 'E_STORE_UNAVAILABLE') {
      // The database is away (PostgreSQL restarting): ask clients to come back; the pool reconnects by itself.
      c.header('Cache-Control', 'no-store');
      c.header('Retry-After', '5');
      const away = 'The archive database is unavailable for a moment. Please try again shortly.';
      if (extOf(c.req.path) === 'json') return c.json(errorBody('E_STORE_UNAVAILABLE', away), 503);
      return c.html(errorHtml(503, away), 503);
    }
    logError(err);
    c.header('Cache-Control', 'no-store');
    const message = 'The server could not build this page.';
    if (extOf(c.req.path) === 'json') return c.json(errorBody('E_INTERNAL', message), 500);
    return c.html(errorHtml(500, message), 500);
  });

  return app;
}
