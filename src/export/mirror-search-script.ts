/**
 * The browser script of the mirror's search page, served as `/static/mirror-search.js`
 * (a file, not inline: the site's Content-Security-Policy allows scripts only from the
 * site itself; no eval). It reads `?q=` (and facet filters), loads meta.json, then the
 * term shards of the typed words and the facets of every segment of the index, and lets
 * the query code shared with Node (search-index-query.ts) find the cables containing
 * every word (a phrase is matched as its words) less the deleted ones, newest release
 * first; it shows counts by classification, origin, tag and year over the hits and 50
 * hits a page.
 */
import { SEARCH_QUERY_SOURCE } from './search-index-query.js';

export const MIRROR_SEARCH_SCRIPT_PATH = '/static/mirror-search.js';

export const MIRROR_SEARCH_SCRIPT = `// Static search of a Cablegate mirror. See docs/mirrors.md.
(function () {
  'use strict';
  var INDEX = '/search-index/';
  var FORMAT = 'cablegate-search/2';
  var PER_PAGE = 50;
  var cache = {};
  var Q = (${SEARCH_QUERY_SOURCE})();
  var FACETS = Q.FACETS;

  function getJson(path) {
    if (!cache[path]) {
      cache[path] = fetch(INDEX + path).then(function (r) {
        if (r.status === 404) return null;
        if (!r.ok) throw new Error('HTTP ' + r.status + ' for ' + INDEX + path);
        return r.json();
      });
    }
    return cache[path];
  }

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (attrs) for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  function searchUrl(params, change) {
    var p = new URLSearchParams(params);
    for (var k in change) {
      if (change[k] === null) p.delete(k);
      else p.set(k, change[k]);
    }
    if (!('page' in change)) p.delete('page');
    return '/search.html?' + p.toString();
  }

  async function run(out, params) {
    var q = (params.get('q') || '').slice(0, 500);
    var page = Math.max(0, parseInt(params.get('page') || '0', 10) || 0);
    var filters = {};
    FACETS.forEach(function (f) { if (params.get(f)) filters[f] = params.get(f); });
    var words = Q.tokens(q);
    out.textContent = '';
    if (!words.length) {
      out.appendChild(el('p', q.trim() ? 'Type words of two letters or more.' : 'Type one or more words: the cables containing all of them are listed.'));
      return;
    }
    out.appendChild(el('p', 'Searching…', { class: 'notice' }));
    var meta = await getJson('meta.json');
    if (!meta || meta.format !== FORMAT) throw new Error('meta.json is missing or not in format ' + FORMAT);
    var loaded = {};
    await Promise.all(Q.files(meta, words).map(async function (f) { loaded[f] = await getJson(f); }));
    var result = Q.search(meta, words, filters, function (f) { return loaded[f]; });
    var hits = result.hits;
    // The answer replaces the notice whole, once its result rows are loaded: the count never
    // shows without its results.
    var answer = document.createDocumentFragment();
    function show() {
      out.textContent = '';
      out.appendChild(answer);
    }
    var summary = el('p', hits.length.toLocaleString('en-US') + ' cable' + (hits.length === 1 ? '' : 's') + ' contain' + (hits.length === 1 ? 's' : '') + ' ' + (words.length > 1 ? 'all of: ' : '') + words.join(' '), { id: 'mirror-search-count' });
    answer.appendChild(summary);
    Object.keys(filters).forEach(function (f) {
      var p = el('p', 'Only ' + f + ' ' + filters[f] + '. ');
      p.appendChild(el('a', 'Remove this filter', { href: searchUrl(params, (function () { var c = {}; c[f] = null; return c; })()) }));
      answer.appendChild(p);
    });
    if (!hits.length) return show();
    var aside = el('div', null, { class: 'facets' });
    FACETS.forEach(function (f) {
      if (filters[f]) return;
      var rows = result.counts(f).slice(0, 15);
      if (!rows.length) return;
      var sec = el('section');
      sec.appendChild(el('h2', f.charAt(0).toUpperCase() + f.slice(1)));
      var ul = el('ul');
      rows.forEach(function (r) {
        var li = el('li');
        var change = {};
        change[f] = r[0];
        li.appendChild(el('a', r[0], { href: searchUrl(params, change) }));
        li.appendChild(document.createTextNode(' (' + r[1].toLocaleString('en-US') + ')'));
        ul.appendChild(li);
      });
      sec.appendChild(ul);
      aside.appendChild(sec);
    });
    var shown = hits.slice(page * PER_PAGE, page * PER_PAGE + PER_PAGE);
    var chunks = {};
    shown.forEach(function (n) { chunks[Q.docFile(meta, n)] = true; });
    var docs = {};
    await Promise.all(Object.keys(chunks).map(async function (c) { docs[c] = await getJson(c); }));
    var ol = el('ol', null, { class: 'search-results', start: String(page * PER_PAGE + 1) });
    shown.forEach(function (n) {
      var d = (docs[Q.docFile(meta, n)] || [])[Q.docIndex(meta, n)];
      if (!d) return;
      var li = el('li');
      li.appendChild(el('a', d[0], { href: d[1] }));
      if (d[2]) li.appendChild(document.createTextNode(', ' + d[2]));
      if (d[3]) li.appendChild(document.createTextNode(' (' + d[3].slice(0, 10) + ')'));
      ol.appendChild(li);
    });
    answer.appendChild(ol);
    var pages = Math.ceil(hits.length / PER_PAGE);
    if (pages > 1) {
      var nav = el('nav', null, { class: 'paginator', 'aria-label': 'Pages' });
      if (page > 0) nav.appendChild(el('a', '« Previous', { href: searchUrl(params, { page: String(page - 1) }), rel: 'prev' }));
      nav.appendChild(document.createTextNode(' Page ' + (page + 1) + ' of ' + pages + ' '));
      if (page + 1 < pages) nav.appendChild(el('a', 'Next »', { href: searchUrl(params, { page: String(page + 1) }), rel: 'next' }));
      answer.appendChild(nav);
    }
    answer.appendChild(aside);
    show();
  }

  function start() {
    var out = document.getElementById('mirror-search-results');
    if (!out) return;
    var params = new URLSearchParams(location.search);
    var input = document.getElementById('mirror-q');
    if (input) input.value = params.get('q') || '';
    run(out, params).catch(function (e) {
      out.textContent = '';
      out.appendChild(el('p', 'The search index could not be loaded: ' + e.message, { class: 'notice', role: 'alert' }));
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
`;
