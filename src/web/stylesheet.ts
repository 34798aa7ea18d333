/** The site's one stylesheet, served from the app at /static/cablegate.css (no file copying). */
export const STYLESHEET = `
:root { --ink:#1b1b1b; --muted:#5a5a5a; --line:#c9c9c9; --paper:#fff; --box:#f6f6f4; --accent:#0b4f8a; --redact:#1b1b1b; }
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: var(--paper); font: 1rem/1.5 Georgia, "Times New Roman", serif; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #f0a400; outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--paper); padding: .5rem 1rem; z-index: 10; }
.skip-link:focus { left: .5rem; }
.site-header { border-bottom: 1px solid var(--line); padding: .75rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; font-family: system-ui, sans-serif; }
.site-title { font-weight: bold; font-size: 1.25rem; text-decoration: none; color: var(--ink); }
.site-nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.search-form { display: flex; align-items: center; gap: .25rem .5rem; margin-left: auto; }
.search-form input { font: inherit; padding: .25rem .5rem; min-width: 10rem; }
.search-form button { font: inherit; padding: .25rem .75rem; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; overflow-wrap: break-word; }
.articles a, .references li, .cited-by li { overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; line-height: 1.25; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin-top: 2rem; }
.lede { font-size: 1.1rem; max-width: 48rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .75rem; padding: 0; list-style: none; }
.figures li { border: 1px solid var(--line); background: var(--box); padding: .75rem; }
.figures strong { display: block; font-size: 1.4rem; }
.notice { border-left: 4px solid #b36b00; background: #fff6e5; padding: .5rem .75rem; }
.table-wrap { overflow-x: auto; position: relative; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--box); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.browse td[data-label="Reference ID"], table.browse td[data-label="Created"], table.browse td[data-label="Released"], table.browse th { white-space: nowrap; }
.cable-meta th { width: 1%; white-space: nowrap; }
.box { border: 1px solid var(--line); background: var(--box); margin: 1rem 0; }
.box pre { margin: 0; padding: .75rem; white-space: pre-wrap; overflow-wrap: anywhere; font: .9rem/1.45 "DejaVu Sans Mono", Menlo, Consolas, monospace; }
.par { color: var(--accent); text-decoration: underline dotted; text-underline-offset: .15em; }
.par:hover, .par:target { text-decoration-style: solid; }
:target { scroll-margin-top: 2.5rem; }
:target { background: #fff3b0; }
.redaction { background: var(--redact); color: var(--redact); border-radius: 2px; padding: 0 .1em; }
.redaction::after { content: " (redacted)"; position: absolute; left: -9999px; }
.paginator { margin: 1rem 0; font-family: system-ui, sans-serif; }
.paginator ol { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem; }
.paginator a, .paginator span { display: inline-block; min-width: 2.2rem; padding: .2rem .4rem; border: 1px solid var(--line); text-align: center; }
.paginator [aria-current] { font-weight: bold; background: var(--box); }
.az { columns: 16rem; column-gap: 2rem; padding: 0; list-style: none; }
.az li { break-inside: avoid; }
.letters { display: flex; flex-wrap: wrap; gap: .25rem .75rem; padding: 0; list-style: none; font-family: system-ui, sans-serif; }
.timeline { width: 100%; height: auto; max-height: 16rem; }
.timeline .bar { fill: var(--accent); }
.timeline .axis { stroke: var(--muted); }
.timeline text { font: 10px system-ui, sans-serif; fill: var(--muted); }
.timeline-figure { margin: 1rem 0; }
.timeline-figure .timeline { max-height: 10rem; }
.timeline-figure figcaption, .timeline-figure summary { font-family: system-ui, sans-serif; color: var(--muted); font-size: .9rem; }
.timeline-table th, .timeline-table td { text-align: right; padding: .15rem .35rem; font-variant-numeric: tabular-nums; font-size: .85rem; }
.origin-map, .origin-locator { margin: 1rem 0; }
.origin-map figcaption, .origin-locator figcaption { font-family: system-ui, sans-serif; color: var(--muted); font-size: .9rem; }
.world-map { width: 100%; height: auto; background: #eef3f8; }
.locator-map { width: 100%; max-width: 20rem; height: auto; }
.world-map .land, .locator-map .land { fill: #d9d6cc; }
.locator-map .sea { fill: #eef3f8; }
.world-map circle, .locator-map circle { fill: var(--accent); fill-opacity: .6; stroke: #fff; stroke-width: .75; }
.world-map a:focus circle, .world-map a:hover circle { fill: #b36b00; fill-opacity: .9; }
.reference-graph { width: 100%; max-width: 48rem; height: auto; border: 1px solid var(--line); background: var(--box); }
.reference-graph line { stroke: var(--muted); stroke-width: 1; }
.reference-graph marker path { fill: var(--muted); }
.reference-graph circle { fill: var(--accent); stroke: #fff; stroke-width: 1; }
.reference-graph .step0 circle { fill: #b36b00; }
.reference-graph .step2 circle { fill-opacity: .6; }
.reference-graph text { font: 10px system-ui, sans-serif; fill: var(--ink); paint-order: stroke; stroke: var(--box); stroke-width: 3px; }
.reference-graph a:focus circle, .reference-graph a:hover circle { fill: #f0a400; }
.months { padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.share { font-family: system-ui, sans-serif; color: var(--muted); }
footer { border-top: 1px solid var(--line); margin-top: 3rem; padding: 1rem; color: var(--muted); font-size: .9rem; text-align: center; }
dl.glossary dt { font-weight: bold; margin-top: .5rem; }
dl.glossary dd { margin-left: 1.5rem; }
.search-layout { display: grid; grid-template-columns: minmax(12rem, 16rem) 1fr; gap: 0 2rem; align-items: start; }
.search-layout .facets { grid-column: 1; grid-row: 1; font-size: .9rem; }
.search-layout .search-results { grid-column: 2; grid-row: 1; margin-top: 0; }
.facets-title { font-size: 1.05rem; margin: 0 0 .25rem; }
.fold-toggle { position: absolute; opacity: 0; width: 1px; height: 1px; }
.fold-toggle:focus-visible + .facets-title label { outline: 3px solid #f0a400; outline-offset: 2px; }
.facet h3 { font-size: 1rem; margin: .75rem 0 .25rem; }
.active-filters { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; font-family: system-ui, sans-serif; }
.active-filters li { border: 1px solid var(--line); background: var(--box); border-radius: 1rem; padding: .1rem .6rem; }
.active-filters a { margin-left: .25rem; }
.site-banner { margin: 0; padding: .5rem 1rem; background: #fff6e5; border-bottom: 2px solid #b36b00; font-family: system-ui, sans-serif; }
.cite .citation { font-family: system-ui, sans-serif; background: var(--box); border: 1px solid var(--line); padding: .5rem .75rem; overflow-wrap: anywhere; }
.print-only { display: none; }
.article-body { max-width: 48rem; }
.article-meta { color: var(--muted); font-family: system-ui, sans-serif; }
.doc-page { max-width: 52rem; }
.doc-page pre, .doc-page code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; }
.doc-page pre { background: var(--box); border: 1px solid var(--line); padding: .5rem; overflow-x: auto; }
.facet ul { list-style: none; padding: 0; margin: 0; max-height: 14rem; overflow-y: auto; }
.facet .count, .search-result .meta { color: var(--muted); }
.search-result { margin-bottom: 1rem; }
mark { background: #ffe58a; color: inherit; }
@media (max-width: 40rem) {
  .search-layout { display: block; }
  .search-layout .facets { border-top: 1px solid var(--line); margin-top: 1rem; padding-top: .5rem; }
  .facets-title label { cursor: pointer; display: block; padding: .35rem 0; }
  .facets-title label::before { content: "▸ "; }
  .fold-toggle:checked + .facets-title label::before { content: "▾ "; }
  .fold-toggle:not(:checked) ~ .fold-body { display: none; }
  body { font-size: .95rem; }
  h1 { font-size: 1.25rem; }
  .site-header { padding: .5rem .75rem; }
  .site-nav ul { gap: .25rem .75rem; }
  .search-form { margin-left: 0; width: 100%; }
  .search-form input { flex: 1; min-width: 0; }
  table.browse thead, table.cable-meta thead { display: none; }
  table.browse tr, table.cable-meta tr { display: block; border-bottom: 2px solid var(--line); padding: .25rem 0; }
  table.browse td, table.cable-meta td { display: block; border: 0; padding: .1rem .25rem; white-space: normal; }
  table.browse td::before, table.cable-meta td::before { content: attr(data-label) ": "; font-weight: bold; }
  .box pre { font-size: .8rem; padding: .5rem; }
}
@media print {
  .site-header, .site-nav, .search-form, .paginator, .skip-link, footer, .share, .cite-downloads { display: none !important; }
  .print-only { display: block; font-size: 9pt; border-top: 1px solid #000; padding-top: .25rem; }
  body { font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  .box { border: 1px solid #000; background: none; break-inside: auto; }
  .box pre { font-size: 9pt; }
  .redaction { background: #000; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
}
`;
