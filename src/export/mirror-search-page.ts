/**
 * The mirror's search page (`/search.html`, also `/search/index.html` so the header's
 * search form, which targets `/search`, lands on it): the site layout with a form and
 * the static search script. The app's own /search needs a server; this page does not.
 */
import { html } from '../web/html.js';
import { layout } from '../web/layout.js';
import { MIRROR_SEARCH_SCRIPT_PATH } from './mirror-search-script.js';

export const MIRROR_SEARCH_PAGES = ['search.html', 'search/index.html'];

export function mirrorSearchPage(): string {
  return layout({
    title: 'Search',
    jsonPath: null,
    canonicalPath: '/search.html',
    description: 'Search the cables of this mirror (runs in your browser, no server needed).',
    body: html`<h1>Search</h1>
<form class="mirror-search" role="search" action="/search.html" method="get">
<label for="mirror-q">Words to find</label>
<input id="mirror-q" name="q" type="search">
<button type="submit">Search</button>
</form>
<p>This mirror searches in your browser: the cables containing every word you type are listed, newest release first (a phrase is matched as its words), with counts by classification, origin, tag and year. The search needs JavaScript; without it, browse by <a href="/reldate/index.html">release date</a>, <a href="/date/index.html">creation date</a>, <a href="/origin/index.html">origin</a> or <a href="/tag/index.html">tag</a>.</p>
<div id="mirror-search-results" aria-live="polite"></div>
<script src="${MIRROR_SEARCH_SCRIPT_PATH}" defer></script>`,
  });
}
