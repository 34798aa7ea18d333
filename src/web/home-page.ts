/** The home page: what the archive is, how much is released, latest releases, entry points. */
import { displayCount } from './format.js';
import { html } from './html.js';
import type { Page, PageData, WebContext } from './page.js';
import { aboutPath, browsePath, indexPath } from './paths.js';

export interface HomeData extends PageData {
  released: number;
  /** Every cable known: the archive's count (released or not), or the publisher's announced total when the archive holds fewer. */
  total: number;
  /** Where `total` comes from: the archive's count, or the total the publisher announced (`--announced-total`). */
  totalFrom: 'archive' | 'announced';
  latestReleases: Array<{ day: string; count: number; url: string }>;
  figures: { origins: number; tags: number; firstCreated: string | null; lastCreated: string | null; releaseDays: number };
  browse: Array<{ name: string; url: string; json: string }>;
  understanding: Array<{ name: string; url: string }>;
}

export async function loadHome(ctx: WebContext): Promise<Page<HomeData>> {
  // Counts only: every released cable has a release day, so the days add up to the released
  // count (stats({ releasedOnly }) would also count public versions, which the home page does not show).
  const [days, months, tags, origins] = await Promise.all([
    ctx.store.countBy('releasedDay', { releasedOnly: true }),
    ctx.store.countBy('createdMonth', { releasedOnly: true }),
    ctx.store.countBy('tag', { releasedOnly: true }),
    ctx.store.countBy('origin', { releasedOnly: true }),
  ]);
  // The total is read after the released counts, never beside them: another process may
  // import meanwhile, and cables are never deleted, so a later total is never below the
  // released count read before it (read in parallel, "released" could exceed "total").
  const inArchive = (await ctx.store.stats()).total;
  const announced = ctx.options.siteTotal;
  const released = days.reduce((n, d) => n + d.count, 0);
  const latest = days
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.key))
    .sort((a, b) => b.key.localeCompare(a.key))
    .slice(0, 10)
    .map((d) => ({ day: d.key, count: d.count, url: browsePath.reldate(d.key) }));
  const monthKeys = months.map((m) => m.key).filter((k) => /^\d{4}-\d{2}$/.test(k)).sort();
  const data: HomeData = {
    title: 'Secret US Embassy Cables',
    url: indexPath.home(),
    json: indexPath.home('json'),
    released,
    total: Math.max(inArchive, announced ?? 0, released),
    totalFrom: announced !== null && announced > inArchive ? 'announced' : 'archive',
    latestReleases: latest,
    figures: {
      origins: origins.length,
      tags: tags.length,
      firstCreated: monthKeys[0] ?? null,
      lastCreated: monthKeys[monthKeys.length - 1] ?? null,
      releaseDays: days.length,
    },
    browse: [
      { name: 'Latest releases', url: indexPath.reldate(), json: indexPath.reldate('json') },
      { name: 'Creation date', url: indexPath.date(), json: indexPath.date('json') },
      { name: 'Origin', url: indexPath.origin(), json: indexPath.origin('json') },
      { name: 'Tag', url: indexPath.tag(), json: indexPath.tag('json') },
      { name: 'Classification', url: indexPath.classification(), json: indexPath.classification('json') },
    ],
    understanding: [
      { name: 'How to read a cable', url: aboutPath.understanding() },
      { name: 'Frequently asked questions', url: aboutPath.faq() },
      { name: 'Glossary of TAGS', url: aboutPath.glossary() },
      { name: 'How to search: the query language', url: '/understanding/search.html' },
    ],
  };
  return {
    data,
    description: 'An archive of US diplomatic cables: browse by release date, creation date, origin, tag and classification.',
    render: (d) => html`<h1>${d.title}</h1>
<p class="lede">An archive of US State Department diplomatic cables: messages between embassies, consulates and Washington, published in stages. Every page here is also available as JSON.</p>
<p class="counter"><strong>Currently released so far... ${displayCount(d.released)} / ${displayCount(d.total)}</strong><br><span class="counter-note">${displayCount(d.released)} cables released of ${displayCount(d.total)} ${d.totalFrom === 'announced' ? 'announced by the publisher' : 'known to this archive'}.</span></p>
<ul class="figures" aria-label="Key figures">
<li><strong>${displayCount(d.released)}</strong> cables released</li>
<li><strong>${displayCount(d.figures.origins)}</strong> origins</li>
<li><strong>${displayCount(d.figures.tags)}</strong> tags</li>
<li><strong>${d.figures.firstCreated ?? '–'} – ${d.figures.lastCreated ?? '–'}</strong> written</li>
<li><strong>${displayCount(d.figures.releaseDays)}</strong> release days</li>
</ul>
<section><h2>Latest releases</h2>
${d.latestReleases.length
  ? html`<ul>${d.latestReleases.map((r) => html`<li><a href="${r.url}">${r.day.replace(/-/g, '/')}</a> (${displayCount(r.count)})</li>`)}</ul>`
  : html`<p>Nothing has been released yet.</p>`}
</section>
<section><h2>Browse</h2>
<ul>${d.browse.map((b) => html`<li><a href="${b.url}">By ${b.name.toLowerCase()}</a></li>`)}</ul>
</section>
<section><h2>Articles</h2>
<p><a href="/articles/index.html">Articles about the cables</a> (and their <a href="/feeds/articles.atom">Atom feed</a>) · <a href="/api/index.html">The JSON API</a> of every page.</p>
</section>
<section><h2>Understanding cables</h2>
<ul>${d.understanding.map((u) => html`<li><a href="${u.url}">${u.name}</a></li>`)}</ul>
</section>
<section><h2>Bulk data</h2>
<p>Static mirrors of this archive carry every released cable in two files for researchers: <a href="/cables.csv.gz">cables.csv.gz</a> (the 2011 cables.csv format) and <a href="/cables.jsonl.gz">cables.jsonl.gz</a> (one JSON object per cable), listed with their SHA-256 in the mirror's SHA256SUMS.</p>
</section>`,
  };
}
