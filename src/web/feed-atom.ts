/**
 * Atom feeds of releases: everything (`/feeds/releases.atom`), per tag
 * (`/feeds/tag/<TAG>.atom`), per origin (`/feeds/origin/<slug>.atom`) and per
 * classification (`/feeds/classification/<N>.atom`). The latest visible cables by release
 * time; hidden cables never appear (the store's embargo predicate).
 */
import { Feed } from 'feed';
import { parseQuery } from '../query/parse-query.js';
import { hasErrors } from '../query/query-ast.js';
import { classificationByNumber, classificationNumber, type Classification } from '../domain/classification.js';
import type { CableSummary, ListQuery } from '../store/store.js';
import { escapeHtml } from './html.js';
import type { WebContext } from './page.js';
import { cablePath, originSlug } from './paths.js';

export const FEED_SIZE = 50;

/** A host that never exists (RFC 2606 `.invalid`), replaced in hrefs when there is no base URL. */
const RELATIVE_PLACEHOLDER = 'https://no-base-url.invalid';

export type FeedKind = 'all' | 'tag' | 'origin' | 'classification';

export const feedPath = {
  all: () => '/feeds/releases.atom',
  tag: (tag: string) => `/feeds/tag/${encodeURIComponent(tag)}.atom`,
  origin: (origin: string) => `/feeds/origin/${originSlug(origin)}.atom`,
  classification: (c: Classification) => `/feeds/classification/${classificationNumber(c)}.atom`,
  /** A saved search (search-feed.ts): one spelling per query. */
  search: (q: string) => `/search.atom?q=${encodeURIComponent(q.trim())}`,
};

/**
 * Links and ids of a feed on the configured base URL. The feed package accepts absolute
 * URLs only: without a base URL, links are written against a placeholder host that
 * `finish` cuts from every href (root-relative links; Atom resolves them against the
 * feed's own address), and ids are `tag:` URIs, which need no host.
 */
export function feedAddresses(base: string | null): { href(path: string): string; id(path: string): string; finish(xml: string): string } {
  return {
    href: (path) => `${base ?? RELATIVE_PLACEHOLDER}${path}`,
    id: (path) => (base === null ? `tag:cablegate,2010:${path}` : `${base}${path}`),
    finish: (xml) => (base === null ? xml.replaceAll(`href="${RELATIVE_PLACEHOLDER}`, 'href="') : xml),
  };
}

/**
 * The feed XML, or null when the tag/origin/classification has no visible cable (404,
 * like a page that does not exist). `base` is the configured public base URL
 * (`https://example.org`); without one (null) links are root-relative (Atom resolves them
 * against the feed's own address) and ids are `tag:` URIs, which need no host.
 */
export async function buildFeed(ctx: WebContext, kind: FeedKind, key: string | null, base: string | null): Promise<string | null> {
  const { href, id, finish } = feedAddresses(base);
  const query: ListQuery = { releasedOnly: true, sort: 'released', order: 'desc', limit: FEED_SIZE };
  let title = 'Cablegate: latest released cables';
  let self = feedPath.all();
  if (kind === 'tag') {
    if (!key || key.length > 60) return null;
    query.tag = key;
    title = `Cablegate: released cables tagged ${key}`;
    self = feedPath.tag(key);
  } else if (kind === 'origin') {
    const origin = key ? (await ctx.originsBySlug()).get(key) : undefined;
    if (!origin) return null;
    query.origin = origin;
    title = `Cablegate: released cables from ${origin}`;
    self = feedPath.origin(origin);
  } else if (kind === 'classification') {
    const c = key && /^\d{1,2}$/.test(key) ? classificationByNumber(Number(key)) : null;
    if (!c) return null;
    query.classification = c;
    title = `Cablegate: released ${c} cables`;
    self = feedPath.classification(c);
  }
  const { rows } = await ctx.store.listCables(query);
  if (rows.length === 0 && kind !== 'all') return null;
  return atomOfCables({ title, self, base, rows });
}

export interface AtomInput {
  title: string;
  /** Path (and query) of the feed itself: its id and rel=self link. */
  self: string;
  /** The configured public base URL (`https://example.org`), or null (feedAddresses). */
  base: string | null;
  /** Newest release first. */
  rows: CableSummary[];
  /** Path of the HTML page the feed follows (default: the home page). */
  alternate?: string;
}

/** An Atom document of these cables (one entry each, linking to its page); shared by every cable feed. */
export function atomOfCables({ title, self, base, rows, alternate = '/' }: AtomInput): string {
  const { href, id, finish } = feedAddresses(base);
  const updated = rows[0]?.releasedAt ? new Date(rows[0].releasedAt) : new Date(0);
  const feed = new Feed({
    title,
    id: id(self),
    link: href(alternate),
    updated,
    // RFC 4287 4.1.1: a feed whose entries have no author has one itself.
    author: { name: 'Cablegate' },
    generator: 'cablegate',
    feedLinks: { atom: href(self) },
    copyright: 'Public material published by WikiLeaks',
  });
  for (const r of rows) {
    const path = cablePath(r.canonicalId, r.created);
    // The feed package writes entry titles and summaries as type="html" (CDATA): escape
    // them so a feed reader shows the text and never runs markup from a cable.
    feed.addItem({
      title: escapeHtml(r.subject ? `${r.canonicalId}: ${r.subject}` : r.canonicalId),
      id: id(path),
      link: href(path),
      date: r.releasedAt ? new Date(r.releasedAt) : updated,
      description: escapeHtml([r.classification, r.origin, r.created ? `created ${r.created}` : null].filter(Boolean).join(', ')),
    });
  }
  return finish(feed.atom1());
}

/** Feeds that belong to a page (by its path), for `<link rel="alternate" type="application/atom+xml">`. */
export function feedLinksFor(pagePath: string): Array<{ title: string; href: string }> {
  const links = [{ title: 'Latest released cables (Atom)', href: feedPath.all() }];
  const tag = /^\/tag\/([^/]+)_\d+\.(?:html|json)$/.exec(pagePath);
  if (tag) links.push({ title: `Cables tagged ${decodeURIComponent(tag[1])} (Atom)`, href: `/feeds/tag/${tag[1]}.atom` });
  const origin = /^\/origin\/([a-z0-9-]+)_\d+\.(?:html|json)$/.exec(pagePath);
  if (origin) links.push({ title: 'Cables from this origin (Atom)', href: `/feeds/origin/${origin[1]}.atom` });
  if (pagePath.startsWith('/search?')) {
    const q = new URLSearchParams(pagePath.slice('/search?'.length)).get('q')?.trim();
    // Only a query that can run has a feed (a query with errors gets a 400).
    if (q && !hasErrors(parseQuery(q))) links.push({ title: `Released cables matching ${q} (Atom)`, href: feedPath.search(q) });
  }
  const cls = /^\/classification\/(\d+)_\d+\.(?:html|json)$/.exec(pagePath);
  if (cls) links.push({ title: 'Cables of this classification (Atom)', href: `/feeds/classification/${cls[1]}.atom` });
  return links;
}
