/**
 * The browse tables: 50 cables a page, numbered pages from 0, in order of release by
 * default (release time, then id), also sortable by creation or release time either way.
 * One loader and one renderer for the five kinds (reldate, date, origin, tag,
 * classification).
 *
 * In the default order a page is stable: a new release only adds rows after the last
 * ones, so `/tag/PREL_3.html` keeps listing the same cables (citable, cacheable, and a
 * mirror update rewrites only the last pages). For that, the totals (count of cables and
 * of pages) are shown on page 0 only, and the paginator of other pages names the first
 * page and the pages near them, not the last one.
 */
import { classificationByNumber, type Classification } from '../domain/classification.js';
import type { CableSummary, ListQuery } from '../store/store.js';
import { displayCount, displayDate, monthName } from './format.js';
import { html, type SafeHtml } from './html.js';
import type { Page, PageData, WebContext } from './page.js';
import { browsePath, cablePath, type BrowseKind, type Ext, indexPath } from './paths.js';
import { tagMeaning } from './tag-meanings.js';
import { timelineFigure } from './timeline-view.js';
import { placeOrigins, type Place } from './origin-places.js';
import { locatorMapSvg } from './world-map-svg.js';

export type SortField = 'created' | 'released';
export type SortOrder = 'asc' | 'desc';

export interface BrowseRow {
  id: string;
  referenceId: string | null;
  subject: string | null;
  created: string | null;
  released: string | null;
  classification: Classification | null;
  origin: string | null;
  url: string;
}

export interface BrowsePageLink {
  /** Page number, from 0. */
  page: number;
  url: string;
  json: string;
}

export interface BrowseData extends PageData {
  kind: BrowseKind;
  /** The value browsed: `2010-12-06`, `2010-02`, the origin name, the tag, the classification. */
  key: string;
  /** Short human label of the key (`February 2010`, `Embassy Damascus`...). */
  label: string;
  /** What the key means (tags), or null. */
  meaning: string | null;
  page: number;
  /** Page 0 only (null on other pages, which stay the same as the archive grows). */
  pageCount: number | null;
  pageSize: number;
  /** Page 0 only. */
  total: number | null;
  sort: SortField;
  order: SortOrder;
  rows: BrowseRow[];
  prev: BrowsePageLink | null;
  next: BrowsePageLink | null;
  pages: BrowsePageLink[];
  index: string;
  /**
   * Page 0 of an origin, tag or classification: its released cables by creation month
   * (`YYYY-MM`), for the timeline; null elsewhere (other pages stay the same as the archive grows).
   */
  timeline: Array<{ month: string; count: number }> | null;
  /** Page 0 of an origin: where the post is (origin-places.ts), for the locator map; null elsewhere or when it has no fixed place. */
  place: Place | null;
}

export interface BrowseRequest {
  kind: BrowseKind;
  /** Path segment before `_N`: `2010-12-06`, `2010-02`, `embassy-damascus`, `PTER`, `3`. */
  name: string;
  page: number;
  ext: Ext;
  sort: string | undefined;
  order: string | undefined;
}

const DEFAULT_SORT: SortField = 'released';
const DEFAULT_ORDER: SortOrder = 'asc';

/** Parse `2010-12-06_0.html` into its name, page number and extension; null when malformed. */
export function parseBrowseFile(file: string): { name: string; page: number; ext: Ext } | null {
  const m = /^(.+)_(0|[1-9]\d{0,5})\.(html|json)$/.exec(file);
  return m ? { name: m[1], page: Number(m[2]), ext: m[3] as Ext } : null;
}

interface Resolved {
  key: string;
  label: string;
  meaning: string | null;
  filter: ListQuery;
  path: (page: number, ext: Ext) => string;
}

async function resolveKey(ctx: WebContext, kind: BrowseKind, name: string): Promise<Resolved | null> {
  switch (kind) {
    case 'reldate': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(name)) return null;
      return { key: name, label: name, meaning: null, filter: { releasedDay: name }, path: (p, e) => browsePath.reldate(name, p, e) };
    }
    case 'date': {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(name)) return null;
      return { key: name, label: monthName(name), meaning: null, filter: { createdPrefix: name }, path: (p, e) => browsePath.date(name, p, e) };
    }
    case 'origin': {
      const origin = (await ctx.originsBySlug()).get(name);
      if (origin === undefined) return null;
      return { key: origin, label: origin, meaning: null, filter: { origin }, path: (p, e) => browsePath.origin(origin, p, e) };
    }
    case 'tag': {
      if (name.length === 0 || name.length > 80 || /[\u0000-\u001f]/.test(name)) return null;
      return { key: name, label: name, meaning: tagMeaning(name), filter: { tag: name }, path: (p, e) => browsePath.tag(name, p, e) };
    }
    case 'classification': {
      const c = /^[1-6]$/.test(name) ? classificationByNumber(Number(name)) : null;
      if (!c) return null;
      return { key: c, label: c, meaning: null, filter: { classification: c }, path: (p, e) => browsePath.classification(c, p, e) };
    }
  }
}

/** The kinds whose page 0 shows a timeline (a day or a month is already one point in time). */
const TIMELINE_KINDS = new Set<BrowseKind>(['origin', 'tag', 'classification']);

const TITLES: Record<BrowseKind, (label: string) => string> = {
  reldate: (l) => `Cables released on ${l}`,
  date: (l) => `Cables created in ${l}`,
  origin: (l) => `Cables from ${l}`,
  tag: (l) => `Cables tagged ${l}`,
  classification: (l) => `Cables classified ${l}`,
};

function withQuery(path: string, sort: SortField, order: SortOrder): string {
  if (sort === DEFAULT_SORT && order === DEFAULT_ORDER) return path;
  return `${path}?sort=${sort}&order=${order}`;
}

/**
 * Pages listed by the paginator: the first, PAGE_WINDOW either side of the current one,
 * and on page 0 the last (other pages do not name it, so they do not change when the
 * key grows by a page).
 */
export const PAGE_WINDOW = 4;

export function pageWindow(page: number, pageCount: number): number[] {
  const out = [0];
  for (let i = Math.max(1, page - PAGE_WINDOW); i <= Math.min(pageCount - 1, page + PAGE_WINDOW); i++) out.push(i);
  if (page === 0 && pageCount > 1 && out[out.length - 1] !== pageCount - 1) out.push(pageCount - 1);
  return out;
}

function toRow(s: CableSummary): BrowseRow {
  return {
    id: s.canonicalId,
    referenceId: s.referenceId,
    subject: s.subject,
    created: s.created,
    released: s.releasedAt,
    classification: s.classification,
    origin: s.origin,
    url: cablePath(s.canonicalId, s.created),
  };
}

export async function loadBrowsePage(ctx: WebContext, req: BrowseRequest): Promise<Page<BrowseData> | null> {
  const resolved = await resolveKey(ctx, req.kind, req.name);
  if (!resolved) return null;
  const sort: SortField = req.sort === 'released' || req.sort === 'created' ? req.sort : DEFAULT_SORT;
  const order: SortOrder = req.order === 'desc' ? 'desc' : req.order === 'asc' ? 'asc' : DEFAULT_ORDER;
  const pageSize = ctx.options.pageSize;
  const { total, rows } = await ctx.store.listCables({
    ...resolved.filter,
    releasedOnly: true,
    sort,
    order,
    limit: pageSize,
    offset: req.page * pageSize,
  });
  const pageCount = Math.ceil(total / pageSize);
  if (total === 0 || req.page >= pageCount) return null;
  const timelineOf = TIMELINE_KINDS.has(req.kind) && req.page === 0 ? resolved.filter : null;
  const timeline = timelineOf
    ? (await ctx.store.countBy('createdMonth', { releasedOnly: true, where: { origin: timelineOf.origin, tag: timelineOf.tag, classification: timelineOf.classification } })).map((r) => ({ month: r.key, count: r.count }))
    : null;
  const place = req.kind === 'origin' && req.page === 0 ? ((await placeOrigins([resolved.key])).placed.get(resolved.key) ?? null) : null;
  const link = (page: number): BrowsePageLink => ({
    page,
    url: withQuery(resolved.path(page, 'html'), sort, order),
    json: withQuery(resolved.path(page, 'json'), sort, order),
  });
  const pages = pageWindow(req.page, pageCount).map(link);
  const data: BrowseData = {
    title: TITLES[req.kind](resolved.label),
    url: link(req.page).url,
    json: link(req.page).json,
    kind: req.kind,
    key: resolved.key,
    label: resolved.label,
    meaning: resolved.meaning,
    page: req.page,
    pageCount: req.page === 0 ? pageCount : null,
    pageSize,
    total: req.page === 0 ? total : null,
    sort,
    order,
    rows: rows.map(toRow),
    prev: req.page > 0 ? link(req.page - 1) : null,
    next: req.page + 1 < pageCount ? link(req.page + 1) : null,
    pages,
    index: indexPath[req.kind](),
    timeline,
    place,
  };
  const description = req.page === 0 ? `${data.title}: ${total} cables.` : `${data.title}, page ${req.page + 1}.`;
  return { data, render: (d) => renderBrowse(d, resolved.path), description };
}

function sortHeader(label: string, field: SortField, d: BrowseData, path: (page: number, ext: Ext) => string): SafeHtml {
  const active = d.sort === field;
  const nextOrder: SortOrder = active && d.order === 'asc' ? 'desc' : 'asc';
  const ariaSort = active ? (d.order === 'asc' ? 'ascending' : 'descending') : null;
  const arrow = active ? (d.order === 'asc' ? ' ▲' : ' ▼') : '';
  const href = `${path(0, 'html')}?sort=${field}&order=${nextOrder}`;
  return html`<th scope="col"${ariaSort ? html` aria-sort="${ariaSort}"` : ''}><a href="${href}">${label}${arrow}<span class="visually-hidden"> (sort ${nextOrder === 'asc' ? 'ascending' : 'descending'})</span></a></th>`;
}

export function renderBrowseRows(rows: BrowseRow[]): SafeHtml {
  return html`${rows.map(
    (r) => html`<tr>
<td data-label="Reference ID"><a href="${r.url}">${r.id}</a></td>
<td data-label="Subject">${r.subject ?? ''}</td>
<td data-label="Created">${r.created ? html`<a href="${browsePath.date(r.created.slice(0, 7))}">${displayDate(r.created)}</a>` : ''}</td>
<td data-label="Released">${r.released ? html`<a href="${browsePath.reldate(r.released.slice(0, 10))}">${displayDate(r.released)}</a>` : ''}</td>
<td data-label="Classification">${r.classification ? html`<a href="${browsePath.classification(r.classification)}">${r.classification}</a>` : ''}</td>
<td data-label="Origin">${r.origin ? html`<a href="${browsePath.origin(r.origin)}">${r.origin}</a>` : ''}</td>
</tr>
`,
  )}`;
}

function renderPaginator(d: BrowseData): SafeHtml {
  if (d.pages.length <= 1) return html``;
  return html`<nav class="paginator" aria-label="Pages">
<ol>
${d.prev ? html`<li><a href="${d.prev.url}" rel="prev">« Previous</a></li>` : ''}
${d.pages.map((p, i) => {
  const gap = i > 0 && p.page > d.pages[i - 1].page + 1 ? html`<li class="gap" aria-hidden="true">…</li>` : html``;
  return p.page === d.page
    ? html`${gap}<li><span aria-current="page">${p.page + 1}</span></li>`
    : html`${gap}<li><a href="${p.url}">${p.page + 1}</a></li>`;
})}
${d.next ? html`<li><a href="${d.next.url}" rel="next">Next »</a></li>` : ''}
</ol>
</nav>`;
}

function renderBrowse(d: BrowseData, path: (page: number, ext: Ext) => string): SafeHtml {
  const first = d.page * d.pageSize + 1;
  const last = d.page * d.pageSize + d.rows.length;
  return html`<h1>${d.title}</h1>
${d.meaning ? html`<p class="lede">${d.label}: ${d.meaning}</p>` : ''}
<p>${
    d.total !== null
      ? html`${displayCount(d.total)} released cable${d.total === 1 ? '' : 's'}, ${ORDER_NAMES[d.sort][d.order]}; showing ${first}–${last}, page 1 of ${d.pageCount}.`
      : html`Cables ${displayCount(first)}–${displayCount(last)}, ${ORDER_NAMES[d.sort][d.order]}; page ${d.page + 1}.`
  } <a href="${d.index}">All ${INDEX_NAMES[d.kind]}</a>.</p>
${d.place ? html`<figure class="origin-locator">${locatorMapSvg({ label: d.label, lat: d.place.lat, lon: d.place.lon })}<figcaption>${d.label} is in ${d.place.city} (${d.place.country}). <a href="${indexPath.origin()}">Map of all origins</a>.</figcaption></figure>` : ''}
${d.timeline ? timelineFigure(d.timeline, d.label) : ''}
${renderPaginator(d)}
<div class="table-wrap">
<table class="browse">
<caption class="visually-hidden">${d.title}, page ${d.page + 1}</caption>
<thead><tr>
<th scope="col">Reference ID</th>
<th scope="col">Subject</th>
${sortHeader('Created', 'created', d, path)}
${sortHeader('Released', 'released', d, path)}
<th scope="col">Classification</th>
<th scope="col">Origin</th>
</tr></thead>
<tbody>
${renderBrowseRows(d.rows)}
</tbody>
</table>
</div>
${renderPaginator(d)}`;
}

const ORDER_NAMES: Record<SortField, Record<SortOrder, string>> = {
  released: { asc: 'in order of release', desc: 'latest released first' },
  created: { asc: 'oldest first', desc: 'newest first' },
};

const INDEX_NAMES: Record<BrowseKind, string> = {
  reldate: 'release days',
  date: 'creation months',
  origin: 'origins',
  tag: 'tags',
  classification: 'classifications',
};
