/** The page shell: head, compact header with navigation and search form, footer. */
import { html, type SafeHtml } from './html.js';
import { aboutPath, indexPath, STYLESHEET_PATH } from './paths.js';

export interface LayoutInput {
  title: string;
  /** Path of the page's JSON twin, announced with `<link rel="alternate">`. */
  jsonPath: string | null;
  /** Canonical path of the HTML page, when there is one. */
  canonicalPath?: string | null;
  description?: string;
  /** Atom feeds of this page, announced with `<link rel="alternate" type="application/atom+xml">`. */
  feeds?: Array<{ title: string; href: string }>;
  body: SafeHtml;
}

/**
 * The site-wide banner of the demo archive (`npm start`): put before `<main>` of every HTML
 * answer, error pages included, by createApp's `demo` option.
 */
export const DEMO_BANNER_HTML = String(
  html`<p class="site-banner" role="note"><strong>Demo archive.</strong> Every cable on this site is fictional, made by the cablegate demo generator for trying the software: none is a real diplomatic cable.</p>
`,
);

export function layout(page: LayoutInput): string {
  return `<!DOCTYPE html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} — Cablegate</title>
${page.description ? html`<meta name="description" content="${page.description}">` : ''}
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${STYLESHEET_PATH}">
${page.jsonPath ? html`<link rel="alternate" type="application/json" href="${page.jsonPath}">` : ''}
${page.canonicalPath ? html`<link rel="canonical" href="${page.canonicalPath}">` : ''}
${(page.feeds ?? []).map((f) => html`<link rel="alternate" type="application/atom+xml" title="${f.title}" href="${f.href}">`)}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<a class="site-title" href="/">Cablegate</a>
<nav class="site-nav" aria-label="Browse">
<ul>
<li><a href="${indexPath.reldate()}">Releases</a></li>
<li><a href="${indexPath.date()}">Dates</a></li>
<li><a href="${indexPath.origin()}">Origins</a></li>
<li><a href="${indexPath.tag()}">Tags</a></li>
<li><a href="${indexPath.classification()}">Classifications</a></li>
<li><a href="${aboutPath.understanding()}">Understanding cables</a></li>
</ul>
</nav>
<form class="search-form" role="search" action="/search" method="get">
<label for="q">Search</label>
<input id="q" name="q" type="search" placeholder="words, &quot;phrase&quot;, tag:PTER, 10DAMASCUS159">
<button type="submit">Go</button>
</form>
</header>
<main id="main">
${page.body}
</main>
<footer>
<p>An archive of US diplomatic cables. ${page.jsonPath ? html`This page as <a href="${page.jsonPath}">JSON</a>.` : ''} <a href="${aboutPath.faq()}">FAQ</a> · <a href="/releases/index.html">Release days</a> · <a href="/changes/index.html">Change log</a> · <a href="/feeds/releases.atom">Atom feed</a> · <a href="/api/index.html">API</a></p>
</footer>
</body>
</html>
`}`;
}
