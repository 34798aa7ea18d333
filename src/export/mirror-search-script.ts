/**
 * The browser script of the mirror's search page, served as `/static/mirror-search.js`
 * (a file, not inline: the site's Content-Security-Policy allows scripts only from the
 * site itself). It reads `?q=` (and facet filters), loads the index shards of the typed
 * words, intersects their cable lists (every word must occur; a phrase is matched as its
 * words), counts classification, origin, tag and year over the hits, and shows 50 hits a
 * page. Its word rule is the one of search-tokens.ts.
 */
export const MIRROR_SEARCH_SCRIPT_PATH = '/static/mirror-search.js';

export const MIRROR_SEARCH_SCRIPT = `// Static search of a Cablegate mirror. See docs/mirrors.md.
(function () {
  'use strict';
  var INDEX = '/search-index/';
  var PER_PAGE = 50;
  var FACETS = ['classification', 'origin', 'tag', 'year'];
  var cache = {};

  function tokens(text) {
    var norm = text.normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
    var out = [];
    var re = /[a-z0-9]+/g;
    var m;
    while ((m = re.exec(norm))) if (m[0].length >= 2 && m[0].length <= 24 && out.indexOf(m[0]) < 0) out.push(m[0]);
    return out;
  }

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

  function decode(gaps) {
    var out = [];
    var prev = -1;
    var parts = gaps.split(',');
    for (var i = 0; i < parts.length; i++) {
      prev += parseInt(parts[i], 36);
      out.push(prev);
    }
    return out;
  }

  function intersect(a, b) {
    var out = [];
    var i = 0;
    var j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; }
      else if (a[i] < b[j]) i++;
      else j++;
    }
    return out;
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

  function facetValue(meta, facets, name, n) {
    if (name === 'year') return facets.year[n] ? String(facets.year[n]) : null;
    if (name === 'tag') return null;
    var v = facets[name][n];
    return v >= 0 ? meta.values[name][v] : null;
  }

  function matches(meta, facets, filters, n) {
    for (var f in filters) {
      var want = filters[f];
      if (f === 'tag') {
        var ts = facets.tags[n];
        var ok = false;
        for (var i = 0; i < ts.length; i++) if (meta.values.tags[ts[i]] === want) ok = true;
        if (!ok) return false;
      } else if (facetValue(meta, facets, f, n) !== want) return false;
    }
    return true;
  }

  function count(meta, facets, hits, name) {
    var counts = {};
    hits.forEach(function (n) {
      var vals = name === 'tag' ? facets.tags[n].map(function (t) { return meta.values.tags[t]; }) : [facetValue(meta, facets, name, n)];
      vals.forEach(function (v) { if (v !== null) counts[v] = (counts[v] || 0) + 1; });
    });
    return Object.keys(counts).map(function (k) { return [k, counts[k]]; }).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
  }

  async function run(out, params) {
    var q = (params.get('q') || '').slice(0, 500);
    var page = Math.max(0, parseInt(params.get('page') || '0', 10) || 0);
    var filters = {};
    FACETS.forEach(function (f) { if (params.get(f)) filters[f] = params.get(f); });
    var words = tokens(q);
    out.textContent = '';
    if (!words.length) {
      out.appendChild(el('p', q.trim() ? 'Type words of two letters or more.' : 'Type one or more words: the cables containing all of them are listed.'));
      return;
    }
    out.appendChild(el('p', 'Searching…', { class: 'notice' }));
    var meta = await getJson('meta.json');
    var lists = await Promise.all(words.map(async function (w) {
      var key = w.slice(0, meta.shardPrefix);
      if (meta.shards.indexOf(key) < 0) return [];
      var shard = await getJson('terms/' + key + '.json');
      return shard && Object.prototype.hasOwnProperty.call(shard, w) ? decode(shard[w]) : [];
    }));
    lists.sort(function (a, b) { return a.length - b.length; });
    var hits = lists.reduce(intersect);
    var facets = await getJson('facets.json');
    hits = hits.filter(function (n) { return matches(meta, facets, filters, n); });
    out.textContent = '';
    var summary = el('p', hits.length.toLocaleString('en-US') + ' cable' + (hits.length === 1 ? '' : 's') + ' contain' + (hits.length === 1 ? 's' : '') + ' ' + (words.length > 1 ? 'all of: ' : '') + words.join(' '), { id: 'mirror-search-count' });
    out.appendChild(summary);
    Object.keys(filters).forEach(function (f) {
      var p = el('p', 'Only ' + f + ' ' + filters[f] + '. ');
      p.appendChild(el('a', 'Remove this filter', { href: searchUrl(params, (function () { var c = {}; c[f] = null; return c; })()) }));
      out.appendChild(p);
    });
    if (!hits.length) return;
    var aside = el('div', null, { class: 'facets' });
    FACETS.forEach(function (f) {
      if (filters[f]) return;
      var rows = count(meta, facets, hits, f).slice(0, 15);
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
    shown.forEach(function (n) { chunks[Math.floor(n / meta.docsPerChunk)] = true; });
    var loaded = {};
    await Promise.all(Object.keys(chunks).map(async function (c) { loaded[c] = await getJson('docs/' + c + '.json'); }));
    var ol = el('ol', null, { class: 'search-results', start: String(page * PER_PAGE + 1) });
    shown.forEach(function (n) {
      var d = loaded[Math.floor(n / meta.docsPerChunk)][n % meta.docsPerChunk];
      var li = el('li');
      li.appendChild(el('a', d[0], { href: d[1] }));
      if (d[2]) li.appendChild(document.createTextNode(', ' + d[2]));
      if (d[3]) li.appendChild(document.createTextNode(' (' + d[3].slice(0, 10) + ')'));
      ol.appendChild(li);
    });
    out.appendChild(ol);
    var pages = Math.ceil(hits.length / PER_PAGE);
    if (pages > 1) {
      var nav = el('nav', null, { class: 'paginator', 'aria-label': 'Pages' });
      if (page > 0) nav.appendChild(el('a', '« Previous', { href: searchUrl(params, { page: String(page - 1) }), rel: 'prev' }));
      nav.appendChild(document.createTextNode(' Page ' + (page + 1) + ' of ' + pages + ' '));
      if (page + 1 < pages) nav.appendChild(el('a', 'Next »', { href: searchUrl(params, { page: String(page + 1) }), rel: 'next' }));
      out.appendChild(nav);
    }
    out.appendChild(aside);
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
