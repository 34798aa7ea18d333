/**
 * Release days: `/releases/index.html` (every day something was published, changed or
 * withdrawn) and `/releases/YYYY-MM-DD.html` (what was published that day, which public
 * versions changed, how many cables were withdrawn: never which, see docs/releases.md).
 * Both with JSON twins. Only what is visible now is listed.
 */
import type { CableSummary } from '../store/store.js';
import { displayCount, displayDateTime } from './format.js';
import { html } from './html.js';
import type { Page, PageData, WebContext } from './page.js';
import { browsePath, cablePath, type Ext } from './paths.js';
import { diffPath } from './version-diff-page.js';

export const releasePath = {
  index: (ext: Ext = 'html') => `/releases/index.${ext}`,
  day: (day: string, ext: Ext = 'html') => `/releases/${day}.${ext}`,
};

/** Cables listed on a release day page; the full list is the paged `/reldate/` browse page. */
const DAY_LIST_SIZE = 100;

export interface ReleaseDayRow {
  day: string;
  published: number;
  changed: number;
  withdrawn: number;
  url: string;
}

export interface ReleasesIndexData extends PageData {
  days: ReleaseDayRow[];
}

export async function releaseDays(ctx: WebContext): Promise<ReleaseDayRow[]> {
  const [published, log] = await Promise.all([ctx.store.countBy('releasedDay', { releasedOnly: true }), ctx.store.releaseLogDays()]);
  const byDay = new Map<string, ReleaseDayRow>();
  const row = (day: string) => {
    let r = byDay.get(day);
    if (!r) byDay.set(day, (r = { day, published: 0, changed: 0, withdrawn: 0, url: releasePath.day(day) }));
    return r;
  };
  for (const p of published) if (/^\d{4}-\d{2}-\d{2}$/.test(p.key)) row(p.key).published = p.count;
  for (const l of log) {
    const r = row(l.day);
    r.changed = l.changed;
    r.withdrawn = l.withdrawn;
  }
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? 1 : -1));
}

export async function loadReleasesIndex(ctx: WebContext): Promise<Page<ReleasesIndexData>> {
  const days = await releaseDays(ctx);
  return {
    data: { title: 'Release days', url: releasePath.index(), json: releasePath.index('json'), days },
    description: 'Every day cables were published, corrected or withdrawn.',
    render: (d) => html`<h1>${d.title}</h1>
<p>What was published each day, which cables got a new public version, and how many were withdrawn. Also as an <a href="/feeds/releases.atom">Atom feed</a>.</p>
${d.days.length
  ? html`<div class="table-wrap"><table>
<thead><tr><th scope="col">Day</th><th scope="col">Published</th><th scope="col">Changed</th><th scope="col">Withdrawn</th></tr></thead>
<tbody>${d.days.map((r) => html`<tr><td><a href="${r.url}">${r.day}</a></td><td>${displayCount(r.published)}</td><td>${displayCount(r.changed)}</td><td>${displayCount(r.withdrawn)}</td></tr>`)}</tbody>
</table></div>`
  : html`<p>Nothing has been released yet.</p>`}`,
  };
}

interface ListedCable {
  id: string;
  subject: string | null;
  created: string | null;
  url: string;
}

export interface ReleaseDayData extends PageData {
  day: string;
  published: { total: number; cables: ListedCable[]; all: string };
  changed: Array<ListedCable & { from: number | null; to: number; at: string; diff: string | null }>;
  withdrawn: number;
}

function listed(s: CableSummary): ListedCable {
  return { id: s.canonicalId, subject: s.subject, created: s.created, url: cablePath(s.canonicalId, s.created) };
}

/** The day page, or null (404) when nothing visible happened that day. */
export async function loadReleaseDay(ctx: WebContext, day: string): Promise<Page<ReleaseDayData> | null> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const [published, log] = await Promise.all([
    ctx.store.listCables({ releasedOnly: true, releasedDay: day, sort: 'released', order: 'asc', limit: DAY_LIST_SIZE }),
    ctx.store.releaseDay(day),
  ]);
  if (published.total === 0 && log.changed.length === 0 && log.withdrawn === 0) return null;
  const data: ReleaseDayData = {
    title: `Released on ${day}`,
    url: releasePath.day(day),
    json: releasePath.day(day, 'json'),
    day,
    published: { total: published.total, cables: published.rows.map(listed), all: browsePath.reldate(day) },
    changed: log.changed.map((c) => ({
      ...listed(c),
      from: c.from,
      to: c.to,
      at: c.at,
      diff: c.from !== null ? diffPath(c.canonicalId, c.created, c.from, c.to) : null,
    })),
    withdrawn: log.withdrawn,
  };
  return {
    data,
    description: `Cables published, corrected and withdrawn on ${day}.`,
    render: (d) => html`<h1>${d.title}</h1>
<p><a href="${releasePath.index()}">All release days</a></p>
<section><h2>Published (${displayCount(d.published.total)})</h2>
${d.published.total
  ? html`<ul>${d.published.cables.map((c) => html`<li><a href="${c.url}">${c.id}</a>${c.subject ? html`, ${c.subject}` : ''}</li>`)}</ul>
${d.published.total > d.published.cables.length ? html`<p><a href="${d.published.all}">All ${displayCount(d.published.total)} cables released this day</a></p>` : ''}`
  : html`<p>No new cables this day.</p>`}
</section>
<section><h2>New public versions (${displayCount(d.changed.length)})</h2>
${d.changed.length
  ? html`<ul>${d.changed.map((c) => html`<li><a href="${c.url}">${c.id}</a>${c.subject ? html`, ${c.subject}` : ''}: version ${c.from ?? '?'} → ${c.to} at ${displayDateTime(c.at)}${c.diff ? html` (<a href="${c.diff}">changes</a>)` : ''}</li>`)}</ul>`
  : html`<p>No corrections this day.</p>`}
</section>
<section><h2>Withdrawn</h2><p>${d.withdrawn ? `${displayCount(d.withdrawn)} cable${d.withdrawn === 1 ? ' was' : 's were'} withdrawn this day.` : 'None.'}</p></section>`,
  };
}
