/**
 * The cable page `/cable/YYYY/MM/<ID>.html`: the three boxes (metadata, routing header,
 * body), references, cited-by, press articles, versions, and the sharing hint.
 */
import type { ParsedCable } from '../domain/cable.js';
import type { SourceFormat } from '../domain/source-record.js';
import type { StoredCable } from '../store/store.js';
import { citationFacts, citationLine, citationPath, CITATION_FILES, type CitationFacts, type CitationFormat } from './cable-citation.js';
import { bodyMarkup, headerMarkup } from './cable-text.js';
import { articlesAbout, type ArticleListItem } from './article-pages.js';
import { displayDate, displayDateTime } from './format.js';
import { html, type SafeHtml } from './html.js';
import type { Page, PageData, WebContext } from './page.js';
import { aboutPath, browsePath, cablePath } from './paths.js';
import { publicSourceLabel } from './source-label.js';
import { loadReferenceGraph, referenceGraphSvg, type ReferenceGraph } from './reference-graph.js';
import { REFERENCE_GRAPH_FILES } from './reference-graph-files.js';
import { tagMeaning } from './tag-meanings.js';
import { diffPath } from './version-diff-page.js';

export interface CableReferenceView {
  /** Canonical id (cables) or the raw text (other kinds). */
  value: string;
  kind: string;
  bullet: string | null;
  title: string | null;
  /** Link to the cited cable when it is in the archive and released, else null. */
  url: string | null;
}

export interface CitingCableView {
  id: string;
  subject: string | null;
  created: string | null;
  url: string;
}

export interface CableVersionView {
  number: number;
  current: boolean;
  /** The kind of source (`site page`, `cables.csv`, `plain text`...), never the path it was imported from. */
  source: string;
  format: SourceFormat;
  importedAt: string;
  contentHash: string;
  /** When this version became public. */
  publishedAt: string | null;
  /** Diff with the previous public version, null for the first. */
  diffFromPrevious: string | null;
}

export interface CableData extends PageData {
  id: string;
  released: string | null;
  links: {
    created: string | null;
    released: string | null;
    classification: string | null;
    origin: string | null;
    tags: Array<{ tag: string; url: string; meaning: string | null }>;
  };
  /** Everything the parser understood (header and body text included). */
  cable: ParsedCable;
  references: CableReferenceView[];
  citedBy: CitingCableView[];
  /** Articles of this site that cite the cable (public ones only). */
  siteArticles: ArticleListItem[];
  /** The public cables it cites and that cite it, two steps out, laid out (reference-graph.ts); null without any. */
  graph: ReferenceGraph | null;
  versions: CableVersionView[];
  share: string;
  /** "Cite this cable": the facts, the line shown, and the downloads (BibTeX, RIS, CSL-JSON). */
  citation: CitationFacts & { text: string; downloads: Array<{ format: CitationFormat; label: string; url: string }> };
  /** Words highlighted in the body (`?hl=` when opened from a search result), or absent. */
  highlight?: string;
}

export interface CablePageOptions {
  highlight?: string;
  /** The configured public base URL (`serve --base-url`), for the citation's absolute URL; without it the URL is root-relative. */
  base?: string;
  /** The clock of the citation's "accessed" date (default: now). */
  now?: Date;
}

export async function loadCablePage(ctx: WebContext, stored: StoredCable, options: CablePageOptions = {}): Promise<Page<CableData>> {
  const { cable, canonicalId: id } = stored;
  const refs = cable.referencesDetailed.length
    ? cable.referencesDetailed
    : cable.references.map((value) => ({ value, kind: 'cable' as const, bullet: null, title: null }));
  const cableRefIds = [...new Set(refs.filter((r) => r.kind === 'cable').map((r) => r.value))];
  // Where a cited cable lives depends on its creation month: the summaries of those that are public.
  const [cited, citing, versions, siteArticles, graph] = await Promise.all([
    cableRefIds.length ? ctx.store.listCables({ ids: cableRefIds, releasedOnly: true }).then((r) => r.rows) : Promise.resolve([]),
    ctx.store.citedBy(id, { releasedOnly: true }),
    ctx.store.versionFacts(id, { releasedOnly: true }),
    articlesAbout(ctx, id),
    loadReferenceGraph(ctx.store, id),
  ]);
  const refUrls = new Map(cited.map((s) => [s.canonicalId, cablePath(s.canonicalId, s.created)]));
  const subject = cable.subject ?? '';
  const url = cablePath(id, cable.created);
  const data: CableData = {
    title: subject ? `Viewing cable ${id}, ${subject}` : `Viewing cable ${id}`,
    url,
    json: cablePath(id, cable.created, 'json'),
    id,
    released: stored.releasedAt,
    links: {
      created: cable.created ? browsePath.date(cable.created.slice(0, 7)) : null,
      released: stored.releasedAt ? browsePath.reldate(stored.releasedAt.slice(0, 10)) : null,
      classification: cable.classification ? browsePath.classification(cable.classification) : null,
      origin: cable.origin ? browsePath.origin(cable.origin) : null,
      tags: cable.tags.map((tag) => ({ tag, url: browsePath.tag(tag), meaning: tagMeaning(tag) })),
    },
    cable,
    references: refs.map((r) => ({
      value: r.value,
      kind: r.kind,
      bullet: r.bullet,
      title: r.title,
      url: r.kind === 'cable' ? refUrls.get(r.value) ?? null : null,
    })),
    siteArticles,
    citedBy: citing.map((s) => ({ id: s.canonicalId, subject: s.subject, created: s.created, url: cablePath(s.canonicalId, s.created) })),
    graph,
    versions: versions.map((v, i) => ({
      number: v.number,
      current: v.number === stored.currentVersion,
      source: publicSourceLabel(v.format),
      format: v.format,
      importedAt: v.importedAt,
      contentHash: v.contentHash,
      publishedAt: v.publishedAt ?? null,
      diffFromPrevious: i > 0 ? diffPath(id, cable.created, versions[i - 1].number, v.number) : null,
    })),
    share: `#cablegate #${id}`,
    citation: citationView(citationFacts({ id, cable, currentVersion: stored.currentVersion, versions, url: `${options.base ?? ''}${url}`, now: options.now ?? new Date() }), url),
    ...(options.highlight ? { highlight: options.highlight.slice(0, 200) } : {}),
  };
  return { data, render: renderCable, description: `${id}: ${subject}`.slice(0, 300) };
}

function citationView(facts: CitationFacts, pagePath: string): CableData['citation'] {
  return {
    ...facts,
    text: citationLine(facts),
    downloads: (Object.keys(CITATION_FILES) as CitationFormat[]).map((format) => ({ format, label: CITATION_FILES[format].label, url: citationPath(pagePath, format) })),
  };
}

function renderGraphSection(g: ReferenceGraph, id: string): SafeHtml {
  return html`<section class="graph"><h2>Reference graph</h2>
<figure>${referenceGraphSvg(g, id)}
<figcaption>The public cables ${id} cites and that cite it, and theirs: an arrow points from the citing cable to the cited one; select a circle for its cable.${g.omitted ? html` ${g.omitted} more cables two steps out are not drawn.` : ''} The whole graph: <a href="${REFERENCE_GRAPH_FILES.gexf}">GEXF</a>, <a href="${REFERENCE_GRAPH_FILES.graphml}">GraphML</a>.</figcaption></figure></section>`;
}

function link(href: string | null, text: string): SafeHtml {
  return href ? html`<a href="${href}">${text}</a>` : html`${text}`;
}

function safeArticleUrl(u: string): string | null {
  return /^https?:\/\//i.test(u) ? u : null;
}

export function renderCable(d: CableData): SafeHtml {
  const c = d.cable;
  const referenceLinks = d.references.filter((r) => r.url).map((r) => ({ id: r.value, url: r.url! }));
  return html`<article class="cable">
<h1>${d.title}</h1>
<p>New to cables? Read <a href="${aboutPath.understanding()}">how to read a cable</a> (the three boxes below, the routing header, classification markings) and the <a href="${aboutPath.faq()}">FAQ</a>.</p>
${c.partial ? html`<p class="notice" role="note">This record is a partial extract of the original cable. The full text of the original cable is not available.</p>` : ''}
<div class="table-wrap">
<table class="cable-meta">
<caption class="visually-hidden">Cable metadata</caption>
<thead><tr><th scope="col">Reference ID</th><th scope="col">Created</th><th scope="col">Released</th><th scope="col">Classification</th><th scope="col">Origin</th></tr></thead>
<tbody><tr>
<td data-label="Reference ID"><a href="${d.url}">${d.id}</a></td>
<td data-label="Created">${link(d.links.created, displayDateTime(c.created))}</td>
<td data-label="Released">${link(d.links.released, displayDateTime(d.released))}</td>
<td data-label="Classification">${link(d.links.classification, c.classification ?? '')}</td>
<td data-label="Origin">${link(d.links.origin, c.origin ?? '')}</td>
</tr></tbody>
</table>
</div>
${c.header !== null ? html`<section class="box header-box" aria-label="Routing header"><pre>${headerMarkup(c.header)}</pre></section>` : ''}
<section class="box body-box" aria-label="Cable text"><pre>${bodyMarkup({ body: c.body, redactions: c.redactions, tags: c.tags, referenceLinks, highlight: d.highlight })}</pre></section>
${d.links.tags.length
  ? html`<section><h2>Tags</h2><ul class="tags">${d.links.tags.map((t) => html`<li><a href="${t.url}">${t.tag}</a>${t.meaning ? html` — ${t.meaning}` : ''}</li>`)}</ul></section>`
  : ''}
${d.references.length
  ? html`<section><h2>References</h2><ul class="references">${d.references.map(
      (r) => html`<li>${r.bullet ? html`${r.bullet}. ` : ''}${r.url ? html`<a href="${r.url}">${r.value}</a>` : r.value}${r.title ? html` (${r.title})` : ''}</li>`,
    )}</ul></section>`
  : ''}
${d.citedBy.length
  ? html`<section><h2>Cited by</h2><ul class="cited-by">${d.citedBy.map(
      (s) => html`<li><a href="${s.url}">${s.id}</a>${s.subject ? html`, ${s.subject}` : ''}${s.created ? html` (${displayDate(s.created)})` : ''}</li>`,
    )}</ul></section>`
  : ''}
${d.graph ? renderGraphSection(d.graph, d.id) : ''}
${c.articles.length || d.siteArticles.length
  ? html`<section><h2>Appears in these articles</h2><ul class="articles">${d.siteArticles.map(
      (a) => html`<li><a href="${a.url}">${a.title}</a>${a.section ? html` — ${a.section}` : ''}${a.published ? html` (${a.published})` : ''}</li>`,
    )}${c.articles.map((a) => {
      const href = safeArticleUrl(a.url);
      return html`<li>${href ? html`<a href="${href}" rel="noopener noreferrer">${a.title || a.url}</a>` : a.title || a.url}</li>`;
    })}</ul></section>`
  : ''}
<section class="cite" aria-labelledby="cite-title"><h2 id="cite-title">Cite this cable</h2>
<p class="citation">${d.citation.text}</p>
<p class="cite-downloads">Download the citation: ${d.citation.downloads.map((f, i) => html`${i > 0 ? ' · ' : ''}<a href="${f.url}" download>${f.label}</a>`)}</p>
<p class="print-only">Printed from ${d.citation.url}, version ${d.citation.version} (SHA-256 ${d.citation.contentHash}).</p>
</section>
<section class="share"><h2>Discussing this cable</h2><p>Link to this page or to a paragraph (the ¶ sign is a permalink). On social networks, mark messages with <strong>${d.share}</strong>.</p></section>
${d.versions.length
  ? html`<section><h2>Versions</h2>
<div class="table-wrap"><table class="versions">
<thead><tr><th scope="col">Version</th><th scope="col">Imported</th><th scope="col">Public since</th><th scope="col">Format</th><th scope="col">Source</th><th scope="col">Content hash</th><th scope="col">Changes</th></tr></thead>
<tbody>${d.versions.map(
      (v) => html`<tr><td>${v.number}${v.current ? ' (shown)' : ''}</td><td>${displayDateTime(v.importedAt)}</td><td>${displayDateTime(v.publishedAt)}</td><td>${v.format}</td><td>${v.source}</td><td><code>${v.contentHash.slice(0, 12)}</code></td><td>${v.diffFromPrevious ? html`<a href="${v.diffFromPrevious}">changes from the previous version</a>` : ''}</td></tr>`,
    )}</tbody>
</table></div></section>`
  : ''}
</article>`;
}
