/**
 * Editorial articles: `/articles/YYYY/<slug>.html` (the 2010 site's addresses), the index
 * `/articles/index.html` and the Atom feed `/feeds/articles.atom`.
 *
 * The embargo: an article is public only while every cable it cites is visible (released,
 * not withdrawn); until then its page is the same 404 as an article that does not exist,
 * and it is in no list, feed, sitemap or cable page. So no page ever links or names an
 * unreleased cable through an article (see docs/urls.md, "Articles").
 */
import { Feed } from 'feed';
import type { ArticleBlock, ArticleRun, SiteArticle } from '../domain/site-article.js';
import { cableIdOfLink } from '../parse/article-text.js';
import type { StoredArticle } from '../store/store.js';
import { displayDate } from './format.js';
import { feedAddresses } from './feed-atom.js';
import { escapeHtml, html, raw, type SafeHtml } from './html.js';
import type { Page, PageData, WebContext } from './page.js';
import { cablePath, type Ext } from './paths.js';

export const ARTICLES_INDEX = '/articles/index.html';
export const ARTICLES_FEED = '/feeds/articles.atom';
const FEED_SIZE = 50;

export function articlePath(key: string, ext: Ext = 'html'): string {
  const [year, slug] = [key.slice(0, 4), key.slice(5)];
  return `/articles/${year}/${encodeURIComponent(slug)}.${ext}`;
}

export interface ArticleRunView {
  text: string;
  /** A site path (cables, articles) or an http(s) URL; absent when the run is not a link. */
  href?: string;
  emphasis?: boolean;
  strong?: boolean;
}

export interface ArticleListItem {
  key: string;
  title: string;
  section: string | null;
  byline: string | null;
  published: string | null;
  lang: string | null;
  url: string;
}

export interface ArticleData extends PageData {
  key: string;
  section: string | null;
  byline: string | null;
  published: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl';
  blocks: Array<{ kind: ArticleBlock['kind']; runs: ArticleRunView[] }>;
  /** The cables the article cites (all released: otherwise the article is not public). */
  cables: Array<{ id: string; subject: string | null; created: string | null; url: string }>;
  translations: Array<{ lang: string; title: string; url: string }>;
}

export interface ArticleIndexData extends PageData {
  feed: string;
  articles: ArticleListItem[];
}

function listItem(a: SiteArticle): ArticleListItem {
  return { key: a.key, title: a.title, section: a.section, byline: a.byline, published: a.published, lang: a.lang, url: articlePath(a.key) };
}

/** A link of an article, made safe and local: cable pages and other articles of the site, or http(s) elsewhere. */
export function resolveHref(href: string, year: string, cableUrls: Map<string, string>): string | undefined {
  const id = cableIdOfLink(href);
  if (id) return cableUrls.get(id);
  if (/^https?:\/\//i.test(href)) return href;
  const sibling = /^([^/:?#]+)\.html?$/i.exec(href);
  if (sibling) return articlePath(`${year}/${decodeSafe(sibling[1])}`);
  const local = /^\/articles\/(\d{4})\/([^/?#]+)\.html?$/i.exec(href);
  if (local) return articlePath(`${local[1]}/${decodeSafe(local[2])}`);
  return undefined;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export async function loadArticle(ctx: WebContext, key: string): Promise<Page<ArticleData> | null> {
  const stored = await ctx.store.getArticle(key, { publicOnly: true });
  if (!stored) return null;
  const a = stored.article;
  const cited = a.cables.length ? (await ctx.store.listCables({ ids: a.cables, releasedOnly: true, limit: a.cables.length })).rows : [];
  const cableUrls = new Map(cited.map((c) => [c.canonicalId, cablePath(c.canonicalId, c.created)]));
  const translations: ArticleData['translations'] = [];
  for (const t of a.translations) {
    const other = await ctx.store.getArticle(t.key, { publicOnly: true });
    if (other) translations.push({ lang: t.lang, title: other.article.title, url: articlePath(t.key) });
  }
  const data: ArticleData = {
    title: a.title,
    url: articlePath(a.key),
    json: articlePath(a.key, 'json'),
    key: a.key,
    section: a.section,
    byline: a.byline,
    published: a.published,
    lang: a.lang,
    dir: a.dir,
    blocks: a.blocks.map((b) => ({
      kind: b.kind,
      runs: b.runs.map((r: ArticleRun) => {
        const href = r.href ? resolveHref(r.href, a.year, cableUrls) : undefined;
        return { text: r.text, ...(href ? { href } : {}), ...(r.emphasis ? { emphasis: true } : {}), ...(r.strong ? { strong: true } : {}) };
      }),
    })),
    cables: cited.map((c) => ({ id: c.canonicalId, subject: c.subject, created: c.created, url: cableUrls.get(c.canonicalId)! })),
    translations,
  };
  return { data, render: renderArticle, description: `${a.section ? `${a.section}: ` : ''}${a.title}`.slice(0, 300) };
}

function runHtml(r: ArticleRunView): SafeHtml {
  let inner: SafeHtml = html`${r.text}`;
  if (r.emphasis) inner = html`<em>${inner}</em>`;
  if (r.strong) inner = html`<strong>${inner}</strong>`;
  if (!r.href) return inner;
  return /^https?:/i.test(r.href) ? html`<a href="${r.href}" rel="noopener noreferrer">${inner}</a>` : html`<a href="${r.href}">${inner}</a>`;
}

function renderArticle(d: ArticleData): SafeHtml {
  const tag = { p: 'p', h: 'h2', li: 'li', quote: 'blockquote' } as const;
  return html`<article class="article-body" dir="${d.dir}"${d.lang ? html` lang="${d.lang.replace('_', '-')}"` : ''}>
<p class="article-meta">${d.section ? html`${d.section} · ` : ''}<a href="${ARTICLES_INDEX}">Articles</a></p>
<h1>${d.title}</h1>
${d.byline ? html`<p class="article-meta"><em>${d.byline}</em></p>` : ''}
${d.blocks.map((b) => {
  const runs = b.runs.map(runHtml);
  // raw(): only the fixed tag names above, never text from an article.
  return html`${raw(`<${tag[b.kind]}>`)}${runs}${raw(`</${tag[b.kind]}>`)}\n`;
})}
</article>
${d.cables.length
  ? html`<section><h2>Cables in this article</h2><ul class="cited-by">${d.cables.map((c) => html`<li><a href="${c.url}">${c.id}</a>${c.subject ? html`, ${c.subject}` : ''}${c.created ? html` (${displayDate(c.created)})` : ''}</li>`)}</ul></section>`
  : ''}
${d.translations.length
  ? html`<section><h2>Translations</h2><ul>${d.translations.map((t) => html`<li>[${t.lang}] <a href="${t.url}">${t.title}</a></li>`)}</ul></section>`
  : ''}`;
}

export async function loadArticleIndex(ctx: WebContext): Promise<Page<ArticleIndexData>> {
  const articles = (await ctx.store.listArticles({ publicOnly: true })).map((s: StoredArticle) => listItem(s.article));
  return {
    data: { title: 'Articles', url: ARTICLES_INDEX, json: '/articles/index.json', feed: ARTICLES_FEED, articles },
    description: 'Articles about the cables, newest first.',
    render: (d) => html`<h1>${d.title}</h1>
<p>Articles about the released cables, newest first. <a href="${d.feed}">Atom feed</a>.</p>
${d.articles.length
  ? html`<ul class="article-list">${d.articles.map((a) => html`<li><a href="${a.url}"${a.lang ? html` lang="${a.lang.replace('_', '-')}"` : ''}>${a.title}</a>${a.section ? html` — ${a.section}` : ''}${a.published ? html` <span class="count">(${a.published})</span>` : ''}</li>`)}</ul>`
  : html`<p>No article has been published yet.</p>`}`,
  };
}

/** The articles feed (Atom): the latest public articles, on the configured base URL (feedAddresses). */
export async function buildArticlesFeed(ctx: WebContext, base: string | null): Promise<string> {
  const { href, id, finish } = feedAddresses(base);
  const rows = (await ctx.store.listArticles({ publicOnly: true })).slice(0, FEED_SIZE);
  const dated = (s: StoredArticle) => new Date(s.article.published ? `${s.article.published}T00:00:00Z` : s.importedAt);
  const feed = new Feed({
    title: 'Cablegate: articles',
    id: id(ARTICLES_FEED),
    link: href(ARTICLES_INDEX),
    updated: rows.length ? new Date(Math.max(...rows.map((r) => dated(r).getTime()))) : new Date(0),
    generator: 'cablegate',
    feedLinks: { atom: href(ARTICLES_FEED) },
    copyright: 'Articles published with the archive',
  });
  for (const s of rows) {
    const path = articlePath(s.article.key);
    feed.addItem({
      // Written as type="html" by the feed package: escaped so that readers show text.
      title: escapeHtml(s.article.title),
      id: id(path),
      link: href(path),
      date: dated(s),
      description: escapeHtml([s.article.section, s.article.byline].filter(Boolean).join(' — ')),
    });
  }
  return finish(feed.atom1());
}

/** The public articles that cite a cable (for its page). */
export async function articlesAbout(ctx: WebContext, canonicalId: string): Promise<ArticleListItem[]> {
  return (await ctx.store.articlesCiting(canonicalId, { publicOnly: true })).map((s) => listItem(s.article));
}
