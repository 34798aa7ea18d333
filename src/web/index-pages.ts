/**
 * The entry points of each browse dimension: release days, creation months (years then
 * months, with a timeline), origins A-Z, tags A-Z with meanings, classifications.
 */
import { CLASSIFICATIONS, classificationNumber, isClassification } from '../domain/classification.js';
import { displayCount, monthName } from './format.js';
import { html, type SafeHtml } from './html.js';
import type { Page, PageData, WebContext } from './page.js';
import { browsePath, indexPath } from './paths.js';
import { tagMeaning } from './tag-meanings.js';
import { timelineSvg } from './timeline-svg.js';
import { placeOrigins } from './origin-places.js';
import { worldMapSvg } from './world-map-svg.js';

export interface KeyCount {
  key: string;
  label: string;
  count: number;
  url: string;
}

export interface LetterGroup {
  letter: string;
  items: Array<KeyCount & { meaning?: string | null }>;
}

export interface ReldateIndexData extends PageData {
  total: number;
  days: KeyCount[];
}

export interface DateIndexData extends PageData {
  total: number;
  years: Array<{ year: string; count: number; months: KeyCount[] }>;
  /** Cables per creation month (months with cables only). */
  timeline: Array<{ month: string; count: number }>;
}

export interface GroupedIndexData extends PageData {
  total: number;
  groups: LetterGroup[];
}

/** The origin index: the A-Z groups and the map of origins. */
export interface OriginIndexData extends GroupedIndexData {
  map: {
    /** Origins placed on the map (origin-places.ts), busiest first. */
    placed: Array<KeyCount & { city: string; country: string; lat: number; lon: number }>;
    /** Origins the rules and tables cannot place: listed beside the map, never dropped. */
    unplaced: KeyCount[];
  };
}

export interface ClassificationIndexData extends PageData {
  total: number;
  classifications: Array<KeyCount & { number: number }>;
}

const PLACE_PREFIX = /^(?:embassy|consulate general|consulate|mission|us mission|usun|us office|american institute|secretary of|us delegation|usdel)\s+(?:to\s+|of\s+)?/i;

/** The letter an origin is filed under: the place, not the kind of post (`Embassy Damascus` -> D). */
export function originLetter(origin: string): string {
  const place = origin.replace(PLACE_PREFIX, '').trim() || origin;
  const ch = place.normalize('NFKD').charAt(0).toUpperCase();
  return /[A-Z]/.test(ch) ? ch : '#';
}

function groupBy<T extends { key: string }>(items: T[], letterOf: (key: string) => string): Array<{ letter: string; items: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const letter = letterOf(item.key);
    if (!groups.has(letter)) groups.set(letter, []);
    groups.get(letter)!.push(item);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([letter, list]) => ({ letter, items: list }));
}

const sum = (rows: Array<{ count: number }>) => rows.reduce((s, r) => s + r.count, 0);

export async function loadReldateIndex(ctx: WebContext): Promise<Page<ReldateIndexData>> {
  const rows = await ctx.store.countBy('releasedDay', { releasedOnly: true });
  const days = rows
    .filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.key))
    .sort((a, b) => b.key.localeCompare(a.key))
    .map((r) => ({ key: r.key, label: r.key, count: r.count, url: browsePath.reldate(r.key) }));
  return {
    data: { title: 'Browse by release date', url: indexPath.reldate(), json: indexPath.reldate('json'), total: sum(days), days },
    render: (d) => html`<h1>${d.title}</h1>
<p>${displayCount(d.total)} cables released so far, on ${d.days.length} days (latest first).</p>
${countTable('Release day', d.days)}`,
  };
}

function countTable(keyHeader: string, rows: KeyCount[]): SafeHtml {
  return html`<div class="table-wrap"><table>
<thead><tr><th scope="col">${keyHeader}</th><th scope="col" class="num">Cables</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><td><a href="${r.url}">${r.label}</a></td><td class="num">${displayCount(r.count)}</td></tr>`)}</tbody>
</table></div>`;
}

export async function loadDateIndex(ctx: WebContext): Promise<Page<DateIndexData>> {
  const rows = (await ctx.store.countBy('createdMonth', { releasedOnly: true })).filter((r) => /^\d{4}-\d{2}$/.test(r.key));
  const years = new Map<string, KeyCount[]>();
  for (const r of [...rows].sort((a, b) => a.key.localeCompare(b.key))) {
    const y = r.key.slice(0, 4);
    if (!years.has(y)) years.set(y, []);
    years.get(y)!.push({ key: r.key, label: monthName(r.key), count: r.count, url: browsePath.date(r.key) });
  }
  const data: DateIndexData = {
    title: 'Browse by creation date',
    url: indexPath.date(),
    json: indexPath.date('json'),
    total: sum(rows),
    years: [...years].map(([year, months]) => ({ year, count: sum(months), months })),
    timeline: rows.map((r) => ({ month: r.key, count: r.count })),
  };
  return {
    data,
    render: (d) => html`<h1>${d.title}</h1>
<p>${displayCount(d.total)} released cables, by the month they were written.</p>
<figure>
${timelineSvg(d.timeline)}
<figcaption>Released cables per month of creation.</figcaption>
</figure>
<ul class="letters" aria-label="Years">${d.years.map((y) => html`<li><a href="#y${y.year}">${y.year}</a></li>`)}</ul>
${d.years.map(
  (y) => html`<section id="y${y.year}"><h2>${y.year} <small>(${displayCount(y.count)})</small></h2>
<ul class="months">${y.months.map((m) => html`<li><a href="${m.url}">${m.label}</a> (${displayCount(m.count)})</li>`)}</ul></section>`,
)}`,
  };
}

function renderGrouped(d: GroupedIndexData, intro: SafeHtml): SafeHtml {
  return html`<h1>${d.title}</h1>
${intro}
<ul class="letters" aria-label="Jump to letter">${d.groups.map((g) => html`<li><a href="#by_${g.letter}">${g.letter}</a></li>`)}</ul>
${d.groups.map(
  (g) => html`<section id="by_${g.letter}"><h2>${g.letter}</h2>
<ul class="az">${g.items.map(
    (i) => html`<li><a href="${i.url}">${i.label}</a> (${displayCount(i.count)})${i.meaning ? html` — ${i.meaning}` : ''}</li>`,
  )}</ul></section>`,
)}`;
}

export async function loadOriginIndex(ctx: WebContext): Promise<Page<OriginIndexData>> {
  const rows = await ctx.store.countBy('origin', { releasedOnly: true });
  const items = rows
    .filter((r) => r.key)
    .map((r) => ({ key: r.key, label: r.key, count: r.count, url: browsePath.origin(r.key) }))
    .sort((a, b) => originLetter(a.key).localeCompare(originLetter(b.key)) || a.key.replace(PLACE_PREFIX, '').localeCompare(b.key.replace(PLACE_PREFIX, '')));
  const { placed, unplaced } = await placeOrigins(items.map((i) => i.key));
  const data: OriginIndexData = {
    title: 'Browse by origin',
    url: indexPath.origin(),
    json: indexPath.origin('json'),
    total: sum(items),
    groups: groupBy(items, originLetter),
    map: {
      placed: items
        .filter((i) => placed.has(i.key))
        .map((i) => ({ ...i, ...placed.get(i.key)! }))
        .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
      unplaced: items.filter((i) => !placed.has(i.key)),
    },
  };
  return {
    data,
    render: (d) =>
      renderGrouped(
        d,
        html`<p>${d.groups.reduce((s, g) => s + g.items.length, 0)} embassies, consulates, missions and offices sent the ${displayCount(d.total)} released cables. They are filed under the place (Embassy Damascus under D).</p>
${renderOriginMap(d)}`,
      ),
  };
}

function renderOriginMap(d: OriginIndexData): SafeHtml {
  if (d.map.placed.length === 0 && d.map.unplaced.length === 0) return html``;
  return html`<figure class="origin-map">
${worldMapSvg(d.map.placed.map((p) => ({ label: p.label, url: p.url, count: p.count, lat: p.lat, lon: p.lon })))}
<figcaption>Where the cables came from: one circle per post, its area by its released cables; select one for its cables. Every origin is also listed A-Z below.${
    d.map.unplaced.length
      ? html` Not on the map (no fixed place): ${d.map.unplaced.map((u, i) => html`${i > 0 ? ', ' : ''}<a href="${u.url}">${u.label}</a> (${displayCount(u.count)})`)}.`
      : ''
  }</figcaption>
</figure>`;
}

export async function loadTagIndex(ctx: WebContext): Promise<Page<GroupedIndexData>> {
  const rows = await ctx.store.countBy('tag', { releasedOnly: true });
  const items = rows
    .filter((r) => r.key)
    .map((r) => ({ key: r.key, label: r.key, count: r.count, url: browsePath.tag(r.key), meaning: tagMeaning(r.key) }))
    .sort((a, b) => a.key.localeCompare(b.key));
  const data: GroupedIndexData = {
    title: 'Browse by tag',
    url: indexPath.tag(),
    json: indexPath.tag('json'),
    total: rows.length,
    groups: groupBy(items, (k) => (/^[A-Za-z]/.test(k) ? k[0].toUpperCase() : '#')),
  };
  return {
    data,
    render: (d) => renderGrouped(d, html`<p>${displayCount(d.total)} TAGS (subject and country codes) appear in released cables. See the <a href="/understanding/tags.html">glossary of TAGS</a>.</p>`),
  };
}

export async function loadClassificationIndex(ctx: WebContext): Promise<Page<ClassificationIndexData>> {
  const rows = await ctx.store.countBy('classification', { releasedOnly: true });
  const counts = new Map(rows.filter((r) => isClassification(r.key)).map((r) => [r.key, r.count]));
  const classifications = CLASSIFICATIONS.filter((c) => counts.has(c)).map((c) => ({
    key: c,
    label: c,
    number: classificationNumber(c),
    count: counts.get(c) ?? 0,
    url: browsePath.classification(c),
  }));
  return {
    data: { title: 'Browse by classification', url: indexPath.classification(), json: indexPath.classification('json'), total: sum(classifications), classifications },
    render: (d) => html`<h1>${d.title}</h1>
<p>How secret the cables were when sent. NOFORN: not for foreign nationals; FOR OFFICIAL USE ONLY: unclassified but not public.</p>
${countTable('Classification', d.classifications)}`,
  };
}
