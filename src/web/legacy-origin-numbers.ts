/**
 * The numeric origin pages of the 2010-2011 site (`/origin/N_P.html`). Every build numbered
 * its origins anew: `/origin/109_0.html` is Embassy Damascus in the April 2011 build and
 * another origin in the 2010-12-10 build. A link does not say which build it came from, so
 * a number is redirected (301) only when it is known for certain: it names one origin in
 * both builds whose whole table the corpus holds (2010-12-10 and April 2011) and no other
 * known build names another. Any other known number answers a page that says the number is
 * ambiguous and lists its candidates, with the builds that used each. The tables are data
 * read off the corpus (legacy-origin-tables.ts). Classification numbers (1-6) were the same
 * in every build and tags are named, so only origins need this.
 */
import { html, type SafeHtml } from './html.js';
import { ORIGIN_NUMBERS_BY_BUILD } from './legacy-origin-tables.js';
import type { Page, PageData, WebContext } from './page.js';
import { aboutPath, browsePath, indexPath, originSlug, type Ext } from './paths.js';

/** The builds whose every origin number the corpus shows (the complete 2010-12-10 site, the 5,712 pages of April 2011). */
export const COMPLETE_BUILDS = ['1295', '6693'] as const;

/** Dates of the builds as the corpus README states them, for the reader. */
const BUILD_DATES: Readonly<Record<string, string>> = {
  '278': 'late November 2010',
  '471': 'late November 2010',
  '597': 'early December 2010',
  '1295': '2010-12-10',
  '6693': 'April 2011',
};

/** The 2010-12-10 reference build's numbers (N -> origin name). */
export const LEGACY_ORIGIN_NUMBERS: Readonly<Record<number, string>> = ORIGIN_NUMBERS_BY_BUILD['1295'];

export interface OriginCandidate {
  origin: string;
  /** Build counters that gave the number this meaning, e.g. `['1295']`. */
  builds: string[];
}

export type LegacyOrigin = { certain: true; origin: string } | { certain: false; candidates: OriginCandidate[] };

/** What an old origin number means: one origin for certain, candidates, or null when no known build used it. */
export function resolveLegacyOrigin(n: number): LegacyOrigin | null {
  const byOrigin = new Map<string, string[]>();
  for (const [build, table] of Object.entries(ORIGIN_NUMBERS_BY_BUILD)) {
    const origin = table[n];
    if (origin === undefined) continue;
    const list = byOrigin.get(origin);
    if (list) list.push(build);
    else byOrigin.set(origin, [build]);
  }
  if (byOrigin.size === 0) return null;
  const inEveryComplete = COMPLETE_BUILDS.every((b) => ORIGIN_NUMBERS_BY_BUILD[b]?.[n] !== undefined);
  if (byOrigin.size === 1 && inEveryComplete) return { certain: true, origin: [...byOrigin.keys()][0] };
  const candidates = [...byOrigin].map(([origin, builds]) => ({ origin, builds: builds.sort((a, b) => Number(a) - Number(b)) }));
  candidates.sort((a, b) => Number(b.builds[b.builds.length - 1]) - Number(a.builds[a.builds.length - 1]) || a.origin.localeCompare(b.origin));
  return { certain: false, candidates };
}

export function buildLabel(build: string): string {
  const date = BUILD_DATES[build];
  return `build ${Number(build).toLocaleString('en-US')} / 251,287${date ? ` (${date})` : ''}`;
}

export interface LegacyOriginData extends PageData {
  number: number;
  candidates: Array<{ origin: string; builds: string[]; buildLabels: string[]; url: string | null }>;
}

/** The page of an ambiguous old origin number. */
export async function loadLegacyOriginPage(ctx: WebContext, n: number, candidates: OriginCandidate[]): Promise<Page<LegacyOriginData>> {
  // The archive may spell an origin differently (`Rio De Janeiro`, `Rio de Janeiro`): matched by slug.
  const known = await ctx.originsBySlug();
  const path = (ext: Ext) => `/origin/${n}_0.${ext}`;
  const data: LegacyOriginData = {
    title: `Origin number ${n} of the old site is ambiguous`,
    url: path('html'),
    json: path('json'),
    number: n,
    candidates: candidates.map((c) => ({
      origin: c.origin,
      builds: c.builds,
      buildLabels: c.builds.map(buildLabel),
      url: known.has(originSlug(c.origin)) ? browsePath.origin(known.get(originSlug(c.origin))!) : null,
    })),
  };
  return { data, render: renderLegacyOrigin, description: `Which origin the number ${n} of the 2010-2011 site meant, by build.` };
}

export function renderLegacyOrigin(d: LegacyOriginData): SafeHtml {
  return html`<h1>${d.title}</h1>
<p>The 2010-2011 site numbered its origin pages anew in each build, so a link to <code>/origin/${String(d.number)}_…</code> meant different origins depending on the build it was made on. It may have meant:</p>
<ul class="legacy-candidates">${d.candidates.map(
    (c) => html`<li>${c.url ? html`<a href="${c.url}">${c.origin}</a>` : html`${c.origin} <span class="hint">(no released cable from this origin here)</span>`} — in ${c.buildLabels.join(', ')}</li>`,
  )}</ul>
<p>Links whose number meant the same origin in every known build lead straight to that origin. See the <a href="${aboutPath.faq()}">FAQ</a> on old links, or the <a href="${indexPath.origin()}">list of origins</a>.</p>`;
}
