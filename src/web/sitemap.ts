/**
 * `/sitemap.xml`: every page a reader can reach (home, indexes, browse pages, release
 * days, cable pages of visible cables). Up to 50,000 URLs it is one `<urlset>`; beyond,
 * it is a `<sitemapindex>` of `/sitemap-0.xml`, `/sitemap-1.xml`... of 50,000 URLs each
 * (the sitemaps.org limit). Hidden cables never appear.
 */
import { isClassification } from '../domain/classification.js';
import { escapeHtml } from './html.js';
import type { WebContext } from './page.js';
import { aboutPath, browsePath, cablePath, indexPath } from './paths.js';
import { releaseDays, releasePath } from './release-pages.js';

export const SITEMAP_LIMIT = 50_000;

/** Every URL except cable pages (a few thousand at most), in a stable order. */
async function pageUrls(ctx: WebContext): Promise<string[]> {
  const size = ctx.options.pageSize;
  const pages = (count: number) => Math.max(1, Math.ceil(count / size));
  const [days, months, origins, tags, classes, relDays] = await Promise.all([
    ctx.store.countBy('releasedDay', { releasedOnly: true }),
    ctx.store.countBy('createdMonth', { releasedOnly: true }),
    ctx.store.countBy('origin', { releasedOnly: true }),
    ctx.store.countBy('tag', { releasedOnly: true }),
    ctx.store.countBy('classification', { releasedOnly: true }),
    releaseDays(ctx),
  ]);
  const urls = [
    indexPath.home(),
    indexPath.reldate(),
    indexPath.date(),
    indexPath.origin(),
    indexPath.tag(),
    indexPath.classification(),
    aboutPath.understanding(),
    aboutPath.faq(),
    aboutPath.glossary(),
    releasePath.index(),
  ];
  const add = (rows: Array<{ key: string; count: number }>, path: (key: string, page: number) => string | null) => {
    for (const r of rows) for (let p = 0; p < pages(r.count); p++) {
      const u = path(r.key, p);
      if (u) urls.push(u);
    }
  };
  add(days, (k, p) => (/^\d{4}-\d{2}-\d{2}$/.test(k) ? browsePath.reldate(k, p) : null));
  add(months, (k, p) => (/^\d{4}-\d{2}$/.test(k) ? browsePath.date(k, p) : null));
  add(origins, (k, p) => browsePath.origin(k, p));
  add(tags, (k, p) => browsePath.tag(k, p));
  add(classes, (k, p) => (isClassification(k) ? browsePath.classification(k, p) : null));
  for (const d of relDays) urls.push(d.url);
  return urls;
}

function urlset(base: string, paths: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${paths.map((p) => `<url><loc>${escapeHtml(base + p)}</loc></url>`).join('\n')}
</urlset>
`;
}

async function cableUrls(ctx: WebContext, offset: number, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const rows = await ctx.store.publicCablePaths({ offset, limit });
  return rows.map((r) => cablePath(r.canonicalId, r.created));
}

/** `/sitemap.xml` (`part` null) or `/sitemap-N.xml`; null when that part does not exist. */
export async function buildSitemap(ctx: WebContext, base: string, part: number | null, limit = SITEMAP_LIMIT): Promise<string | null> {
  const pages = await pageUrls(ctx);
  const cables = (await ctx.store.stats({ releasedOnly: true })).released;
  const total = pages.length + cables;
  const parts = Math.max(1, Math.ceil(total / limit));
  if (part === null) {
    if (parts === 1) return urlset(base, [...pages, ...(await cableUrls(ctx, 0, cables))]);
    return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${Array.from({ length: parts }, (_, i) => `<sitemap><loc>${escapeHtml(`${base}/sitemap-${i}.xml`)}</loc></sitemap>`).join('\n')}
</sitemapindex>
`;
  }
  if (parts === 1 || part >= parts) return null;
  const start = part * limit;
  const end = Math.min(total, start + limit);
  const fromPages = pages.slice(start, end);
  const cableStart = Math.max(0, start - pages.length);
  const fromCables = await cableUrls(ctx, cableStart, end - Math.max(start, pages.length));
  return urlset(base, [...fromPages, ...fromCables]);
}

