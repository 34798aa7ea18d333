/**
 * The search page `/search?q=...` and its JSON twin `/search.json?q=...`: results with
 * highlighted snippets, facets that narrow the search, a histogram of hits per month,
 * pages of 50, the query language help, and reference lookup (nearest ids).
 */
import { activeFilters, withFilter } from '../query/format-query.js';
import { highlightTerms, type Snippet } from '../query/highlight.js';
import { parseQuery } from '../query/parse-query.js';
import { hasErrors, type QueryProblem } from '../query/query-ast.js';
import type { CableSummary, CountRow, SearchResult } from '../store/store.js';
import { displayCount, displayDate, displayDateTime } from './format.js';
import { escapeHtml, html, isolateBidi, raw, type SafeHtml } from './html.js';
import { feedPath } from './feed-atom.js';
import type { Page, PageData, WebContext } from './page.js';
import { cablePath } from './paths.js';
import { searchHistogramSvg } from './search-histogram-svg.js';
import { SEARCH_LANGUAGE_URL } from './search-language-page.js';
import type { ReferenceGuess } from './search-reference.js';
import { searchUrl, type SearchParams } from './search-url.js';

export interface SearchResultView {
  referenceId: string;
  subject: string | null;
  created: string | null;
  released: string | null;
  classification: string | null;
  origin: string | null;
  /** HTML: escaped body text around the hits, hits in `<mark>`. */
  snippet: string;
  url: string;
}

export interface FacetView {
  key: string;
  count: number;
  /** The search narrowed to this value. */
  url: string;
}

export interface SearchData extends PageData {
  query: string;
  sort: SearchParams['sort'];
  order: SearchParams['order'];
  page: number;
  pageSize: number;
  total: number;
  results: SearchResultView[];
  facets: { classification: FacetView[]; origin: FacetView[]; tag: FacetView[]; year: FacetView[] };
  /** Hits per creation month (`YYYY-MM`). */
  histogram: CountRow[];
  problems: Array<Pick<QueryProblem, 'severity' | 'message' | 'hint'>>;
  /** Reference lookup: cables with the id typed (several years) or the nearest serials. */
  reference: { asked: string; exact: Array<{ id: string; subject: string | null; url: string }>; nearest: Array<{ id: string; subject: string | null; url: string }> } | null;
  links: { prev: string | null; next: string | null; csv: string | null; jsonl: string | null; /** The search's Atom feed (a saved search), null when the query cannot run. */ feed: string | null };
  /** The query is the id of a withdrawn cable: when and why it was withdrawn (else null). */
  withdrawn: { id: string; at: string; reason: string } | null;
  /** The filters of the query, each with the search without it (one click removes it). */
  filters: Array<{ filter: string; removeUrl: string }>;
  /** The last page with results (1 when there are none). */
  lastPage: number;
  /** The page asked for is after the last page of results. */
  pastEnd: boolean;
}


/** Snippet text escaped, hit ranges wrapped in `<mark>`. */
export function snippetHtml(s: Snippet | null): string {
  if (!s) return '';
  let out = s.cutStart ? '… ' : '';
  let at = 0;
  for (const h of s.hits) {
    if (h.start < at || h.end > s.text.length) continue;
    out += isolateBidi(escapeHtml(s.text.slice(at, h.start))) + '<mark>' + isolateBidi(escapeHtml(s.text.slice(h.start, h.end))) + '</mark>';
    at = h.end;
  }
  out += isolateBidi(escapeHtml(s.text.slice(at)));
  return s.cutEnd ? out + ' …' : out;
}

/** The words to highlight on the cable page (`?hl=`): the positive words and phrases of the query. */
export function highlightParam(q: string): string {
  const t = highlightTerms(parseQuery(q).root);
  return [...t.words, ...t.prefixes.map((p) => `${p}*`), ...t.phrases.flat()].join(' ').slice(0, 200);
}

function summaryLink(r: CableSummary) {
  return { id: r.canonicalId, subject: r.subject, url: cablePath(r.canonicalId, r.created) };
}

export async function loadSearchPage(ctx: WebContext, p: SearchParams, reference: ReferenceGuess | null): Promise<Page<SearchData>> {
  const pageSize = ctx.options.pageSize;
  const parsed = parseQuery(p.q);
  let result: SearchResult = { total: 0, hits: [], facets: null, problems: parsed.problems };
  if (parsed.root && !hasErrors(parsed)) {
    result = await ctx.store.search({ query: parsed, sort: p.sort, order: p.order, limit: pageSize, offset: (p.page - 1) * pageSize, facets: true, facetLimit: 25 });
  }
  let ref: SearchData['reference'] = null;
  if (reference) {
    const found = await ctx.store.lookupReference(reference, { limit: 10 });
    if (found.exact.length > 0 || found.nearest.length > 0) {
      ref = { asked: `${reference.year ?? ''}${reference.station} ${reference.serial}`.trim(), exact: found.exact.map(summaryLink), nearest: found.nearest.map(summaryLink) };
    }
  }
  // A search for a withdrawn cable's id says it was withdrawn (as its page does), rather
  // than "no released cable matches" as if it had never been published.
  const w = reference?.year ? await ctx.store.getWithdrawal(`${reference.year}${reference.station}${reference.serial}`) : null;
  const withdrawn = w ? { id: w.canonicalId, at: w.withdrawnAt, reason: w.reason } : null;
  const hl = highlightParam(p.q);
  const facet = (rows: CountRow[] | undefined, field: string, value = (k: string) => k): FacetView[] =>
    (rows ?? []).map((r) => ({ key: r.key, count: r.count, url: searchUrl({ q: withFilter(p.q, field, value(r.key)), sort: p.sort, order: p.order }) }));
  const lastPage = Math.max(1, Math.ceil(result.total / pageSize));
  const hasResults = result.total > 0;
  const data: SearchData = {
    title: p.q ? `Search: ${p.q.slice(0, 80)}` : 'Search',
    url: searchUrl(p),
    json: searchUrl(p, 'json'),
    query: p.q,
    sort: p.sort,
    order: p.order,
    page: p.page,
    pageSize,
    total: result.total,
    results: result.hits.map((h) => ({
      referenceId: h.canonicalId,
      subject: h.subject,
      created: h.created,
      released: h.releasedAt,
      classification: h.classification,
      origin: h.origin,
      snippet: snippetHtml(h.snippet),
      url: cablePath(h.canonicalId, h.created) + (hl ? `?hl=${encodeURIComponent(hl)}` : ''),
    })),
    facets: {
      classification: facet(result.facets?.classification, 'classification'),
      origin: facet(result.facets?.origin, 'origin'),
      tag: facet(result.facets?.tag, 'tag'),
      year: facet(result.facets?.year, 'created'),
    },
    histogram: result.facets?.month ?? [],
    problems: result.problems.map((x) => ({ severity: x.severity, message: x.message, hint: x.hint })),
    reference: ref,
    links: {
      prev: p.page > 1 && hasResults ? searchUrl({ ...p, page: Math.min(p.page - 1, lastPage) }) : null,
      next: p.page < lastPage ? searchUrl({ ...p, page: p.page + 1 }) : null,
      csv: hasResults ? searchUrl(p, 'csv') : null,
      jsonl: hasResults ? searchUrl(p, 'jsonl') : null,
      feed: p.q.trim() && parsed.root && !hasErrors(parsed) ? feedPath.search(p.q) : null,
    },
    withdrawn,
    filters: activeFilters(p.q).map((f) => ({ filter: f.text, removeUrl: searchUrl({ q: f.without, sort: p.sort, order: p.order }) })),
    lastPage,
    pastEnd: hasResults && p.page > lastPage,
  };
  return { data, render: renderSearch, description: 'Full-text search of the released cables.' };
}

function sortLinks(d: SearchData): SafeHtml {
  const opts: Array<[string, SearchParams['sort'], SearchParams['order']]> = [
    ['relevance', 'relevance', 'desc'],
    ['newest created', 'created', 'desc'],
    ['oldest created', 'created', 'asc'],
    ['newest released', 'released', 'desc'],
    ['oldest released', 'released', 'asc'],
  ];
  return html`<p class="sort">Sort by: ${opts.map(([label, sort, order], i) => {
    const current = d.sort === sort && (sort === 'relevance' || d.order === order);
    return html`${i > 0 ? ' · ' : ''}${current ? html`<strong>${label}</strong>` : html`<a href="${searchUrl({ q: d.query, sort, order })}">${label}</a>`}`;
  })}</p>`;
}

function facetList(title: string, rows: FacetView[]): SafeHtml {
  if (rows.length === 0) return html``;
  return html`<section class="facet"><h3>${title}</h3><ul>${rows.map((r) => html`<li><a href="${r.url}">${r.key}</a> <span class="count">${displayCount(r.count)}</span></li>`)}</ul></section>`;
}

/** A query of the help, as a link that runs it. */
function example(q: string): SafeHtml {
  return html`<a href="${searchUrl({ q })}"><code>${q}</code></a>`;
}

export const QUERY_HELP = html`<details class="query-help"><summary>How to search</summary>
<p>For example, ${example('tag:PTER created:2009 "hizballah"')} finds the cables of 2009 tagged PTER (terrorism) that name Hizballah; select an example to run it.</p>
<ul>
<li>${example('prime minister visit')} — all the words (any case, accents optional; <code>000159</code> and <code>159</code> are the same number)</li>
<li>${example('"human rights"')} — the words next to each other</li>
<li>${example('terror*')} — words starting with <code>terror</code></li>
<li><code>-word</code> or <code>NOT word</code> — without that word: ${example('sanctions -iran')}</li>
<li>${example('iran OR syria')} — either word (OR binds tighter than the space: <code>a b OR c</code> is a and (b or c)); parentheses group</li>
<li>${example('tag:PTER')}, ${example('origin:"Embassy Damascus"')}, ${example('classification:secret')} (also <code>noforn</code>, <code>fouo</code>)</li>
<li>${example('created:2009')}, ${example('created:2009-01..2009-06')}, ${example('released:2010-12-01..')} — dates and ranges</li>
<li>${example('from:damascus')} (sending station), ${example('to:"secstate washdc"')} (recipients), ${example('subject:visit')}, ${example('id:10DAMASCUS159')}</li>
<li>A reference id alone (${example('10DAMASCUS159')}, <code>DAMASCUS 159</code>) opens the cable.</li>
</ul>
<p>Every rule: <a href="${SEARCH_LANGUAGE_URL}">the query language</a>.</p>
</details>`;

export function renderSearch(d: SearchData): SafeHtml {
  const from = (d.page - 1) * d.pageSize + 1;
  const to = Math.min(d.total, d.page * d.pageSize);
  const monthUrl = (m: string) => searchUrl({ q: withFilter(d.query, 'created', m), sort: d.sort, order: d.order });
  return html`<h1>Search</h1>
<form class="search-page-form" role="search" action="/search" method="get">
<label for="search-q">Query</label>
<input id="search-q" name="q" type="search" value="${d.query}">
${d.sort !== 'relevance' ? html`<input type="hidden" name="sort" value="${d.sort}">` : ''}
${d.order === 'asc' ? html`<input type="hidden" name="order" value="asc">` : ''}
<button type="submit">Search</button>
</form>
${QUERY_HELP}
${d.problems.map((x) => html`<p class="notice ${x.severity}" role="${x.severity === 'error' ? 'alert' : 'status'}">${x.severity === 'error' ? 'This query cannot run: ' : 'Note: '}${x.message}.${x.hint ? html` <span class="hint">${x.hint.endsWith('.') ? x.hint : `${x.hint}.`}</span>` : ''}</p>`)}
${d.withdrawn
  ? html`<p class="notice withdrawn" role="status">Cable ${d.withdrawn.id} was withdrawn on ${displayDate(d.withdrawn.at)}. Reason given: ${d.withdrawn.reason}</p>`
  : ''}
${d.reference
  ? html`<section class="reference-lookup"><h2>Reference ${d.reference.asked}</h2>
${d.reference.exact.length ? html`<p>Cables with this reference:</p><ul>${d.reference.exact.map((r) => html`<li><a href="${r.url}">${r.id}</a> ${r.subject ?? ''}</li>`)}</ul>` : html`<p>No released cable has exactly this reference. The nearest from this station:</p>`}
${d.reference.nearest.length ? html`${d.reference.exact.length ? html`<p>Nearby references:</p>` : ''}<ul>${d.reference.nearest.map((r) => html`<li><a href="${r.url}">${r.id}</a> ${r.subject ?? ''}</li>`)}</ul>` : ''}
</section>`
  : ''}
${d.filters.length
  ? html`<ul class="active-filters" aria-label="Active filters">${d.filters.map((f) => html`<li><span class="filter">${f.filter}</span> <a href="${f.removeUrl}" aria-label="Remove the filter ${f.filter}" title="Remove this filter">×&#xFE0E; remove</a></li>`)}</ul>`
  : ''}
${d.pastEnd
  ? html`<p class="notice" role="status">Page ${displayCount(d.page)} is past the end: the ${displayCount(d.total)} matching cable${d.total === 1 ? '' : 's'} fill${d.total === 1 ? 's' : ''} ${displayCount(d.lastPage)} page${d.lastPage === 1 ? '' : 's'}. <a href="${searchUrl({ q: d.query, sort: d.sort, order: d.order, page: d.lastPage })}">Go to the last page</a> or <a href="${searchUrl({ q: d.query, sort: d.sort, order: d.order })}">the first</a>.</p>`
  : ''}
${d.query && !d.problems.some((x) => x.severity === 'error') && !d.pastEnd
  ? html`<p class="search-total" role="status">${d.total === 0 ? 'No released cable matches.' : html`${displayCount(d.total)} released cable${d.total === 1 ? '' : 's'} match${d.total === 1 ? 'es' : ''}${d.total > d.pageSize ? html`; ${displayCount(from)}–${displayCount(to)} shown` : ''}.`}
${d.links.csv ? html` Download all: <a href="${d.links.csv}">CSV</a>, <a href="${d.links.jsonl}">JSON Lines</a>.` : ''}
${d.links.feed ? html` Follow new releases matching this search: <a href="${d.links.feed}" type="application/atom+xml">Atom feed</a>.` : ''}</p>`
  : ''}
${d.total > 0 ? sortLinks(d) : ''}
${d.histogram.length > 0 ? html`<figure class="histogram">${searchHistogramSvg(d.histogram.map((r) => ({ month: r.key, count: r.count })), monthUrl)}<figcaption>Hits per creation month (select a bar to narrow)</figcaption></figure>` : ''}
<div class="search-layout">
<ol class="search-results" start="${from}">
${d.results.map(
  (r) => html`<li class="search-result">
<h2><a href="${r.url}">${r.subject || r.referenceId}</a></h2>
<p class="meta"><span class="id">${r.referenceId}</span> · created ${displayDateTime(r.created)} · released ${displayDate(r.released)} · ${r.classification ?? ''} · ${r.origin ?? ''}</p>
${r.snippet ? html`<p class="snippet">${raw(r.snippet)}</p>` : ''}
</li>`,
)}
</ol>
${d.total > 0
  ? html`<aside class="facets" aria-labelledby="facets-title">
<input type="checkbox" id="facets-open" class="fold-toggle">
<h2 id="facets-title" class="facets-title"><label for="facets-open">Narrow the search</label></h2>
<div class="fold-body">
${facetList('Classification', d.facets.classification)}
${facetList('Year', d.facets.year)}
${facetList('Origin', d.facets.origin)}
${facetList('Tag', d.facets.tag)}
</div>
</aside>`
  : ''}
</div>
${d.links.prev || d.links.next
  ? html`<nav class="paginator" aria-label="Result pages">${d.links.prev ? html`<a rel="prev" href="${d.links.prev}">Previous page</a>` : ''} <span>Page ${d.page} of ${Math.max(1, Math.ceil(d.total / d.pageSize))}</span> ${d.links.next ? html`<a rel="next" href="${d.links.next}">Next page</a>` : ''}</nav>`
  : ''}`;
}
