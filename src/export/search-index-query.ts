/**
 * How a query is evaluated over the static search index, as plain browser JavaScript
 * (no modules, no eval): the mirror's search script embeds this text, and Node runs the
 * very same text (search-index-reader.ts) so tests check what browsers do.
 *
 * `cablegateSearchIndex()` returns pure functions:
 * - `tokens(text)`: the words of a query (the rule of search-tokens.ts), without repeats;
 * - `files(meta, words)`: the index files a search for these words needs (relative to
 *   search-index/): each segment's facets and the term shards of the words;
 * - `search(meta, words, filters, load)`: with `load(path)` giving each of those files'
 *   parsed JSON (or null), the hits: documents of every segment containing every word,
 *   less the deleted ones, matching the facet filters (`classification`, `origin`, `tag`,
 *   `year`), newest release first (then the higher document number first); with
 *   `values(n, facet)` (the facet's values of a hit) and `counts(facet)` (value and count
 *   over the hits, most frequent first);
 * - `docFile(meta, n)` / `docIndex(meta, n)`: where document n's `[id, url, subject,
 *   created]` is.
 */
export const SEARCH_QUERY_SOURCE = String.raw`function cablegateSearchIndex() {
  'use strict';
  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var VALUE = [];
  var i;
  for (i = 0; i < 128; i++) VALUE.push(-1);
  for (i = 0; i < 64; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
  var FACETS = ['classification', 'origin', 'tag', 'year'];
  var has = Object.prototype.hasOwnProperty;

  function tokens(text) {
    var norm = String(text).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    var out = [];
    var re = /[a-z0-9]+/g;
    var m;
    while ((m = re.exec(norm))) if (m[0].length >= 2 && m[0].length <= 24 && out.indexOf(m[0]) < 0) out.push(m[0]);
    return out;
  }

  function numbers(s) {
    var out = [];
    var v = 0;
    var mult = 1;
    for (var i = 0; i < s.length; i++) {
      var d = VALUE[s.charCodeAt(i)];
      if (d >= 32) { v += (d - 32) * mult; mult *= 32; }
      else { out.push(v + d * mult); v = 0; mult = 1; }
    }
    return out;
  }

  function postings(s, first) {
    var out = [];
    var i;
    if (s.charAt(0) === '~') {
      for (i = 1; i < s.length; i++) {
        var bits = VALUE[s.charCodeAt(i)];
        for (var b = 0; b < 6; b++) if (bits & (1 << b)) out.push(first + (i - 1) * 6 + b);
      }
      return out;
    }
    var gaps = numbers(s);
    var prev = first - 1;
    for (i = 0; i < gaps.length; i++) { prev += gaps[i]; out.push(prev); }
    return out;
  }

  function ascending(s) {
    var gaps = numbers(s);
    var prev = -1;
    for (var i = 0; i < gaps.length; i++) gaps[i] = prev += gaps[i];
    return gaps;
  }

  function zigzagSeries(s) {
    var z = numbers(s);
    var prev = 0;
    for (var i = 0; i < z.length; i++) z[i] = prev += (z[i] % 2 ? -(z[i] + 1) / 2 : z[i] / 2);
    return z;
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

  function shardFile(meta, seg, word) {
    var key = word.slice(0, meta.shardPrefix);
    return seg.shards.indexOf(key) < 0 ? null : seg.name + '/terms/' + key + '.json';
  }

  function files(meta, words) {
    var out = [];
    meta.segments.forEach(function (seg) {
      out.push(seg.name + '/facets.json');
      words.forEach(function (w) {
        var f = shardFile(meta, seg, w);
        if (f && out.indexOf(f) < 0) out.push(f);
      });
    });
    return out;
  }

  function facets(seg, data) {
    var tags = numbers(data.tags);
    var tagStart = [];
    var p = 0;
    for (var d = 0; d < seg.count; d++) { tagStart.push(p); p += tags[p] + 1; }
    return {
      classification: numbers(data.classification),
      origin: numbers(data.origin),
      year: numbers(data.year),
      tags: tags,
      tagStart: tagStart,
      released: zigzagSeries(data.released)
    };
  }

  function tableOf(name) { return name === 'tag' ? 'tags' : name; }

  function search(meta, words, filters, load) {
    var want = {};
    var impossible = false;
    FACETS.forEach(function (f) {
      if (!filters || filters[f] === undefined || filters[f] === null) return;
      var ix = meta.values[tableOf(f)].indexOf(String(filters[f]));
      if (ix < 0) impossible = true;
      want[f] = ix;
    });
    var deleted = {};
    ascending(meta.deleted).forEach(function (n) { deleted[n] = true; });
    var found = [];
    var rel = [];
    var segFacets = [];
    function segmentOf(n) {
      for (var s = 0; s < meta.segments.length; s++) if (n >= meta.segments[s].first && n < meta.segments[s].first + meta.segments[s].count) return s;
      return -1;
    }
    if (words.length && !impossible) {
      meta.segments.forEach(function (seg, s) {
        var lists = words.map(function (w) {
          var f = shardFile(meta, seg, w);
          var shard = f ? load(f) : null;
          return shard && has.call(shard, w) ? postings(shard[w], seg.first) : [];
        });
        lists.sort(function (a, b) { return a.length - b.length; });
        var docs = lists.reduce(intersect);
        if (!docs.length) return;
        var fc = facets(seg, load(seg.name + '/facets.json'));
        segFacets[s] = fc;
        docs.forEach(function (n) {
          if (deleted[n]) return;
          var i = n - seg.first;
          for (var f in want) {
            if (f === 'tag') {
              var ok = false;
              var at = fc.tagStart[i];
              for (var t = 0; t < fc.tags[at]; t++) if (fc.tags[at + 1 + t] === want.tag) ok = true;
              if (!ok) return;
            } else if (fc[f][i] !== want[f] + 1) return;
          }
          found.push(n);
          rel.push(fc.released[i]);
        });
      });
    }
    var order = [];
    for (var k = 0; k < found.length; k++) order.push(k);
    order.sort(function (a, b) { return rel[b] - rel[a] || found[b] - found[a]; });
    var hits = order.map(function (k) { return found[k]; });
    function values(n, name) {
      var s = segmentOf(n);
      var fc = segFacets[s];
      if (!fc) return [];
      var i = n - meta.segments[s].first;
      if (name === 'tag') {
        var at = fc.tagStart[i];
        var out = [];
        for (var t = 0; t < fc.tags[at]; t++) out.push(meta.values.tags[fc.tags[at + 1 + t]]);
        return out;
      }
      var v = fc[name][i];
      return v > 0 ? [meta.values[name][v - 1]] : [];
    }
    function counts(name) {
      var c = Object.create(null);
      hits.forEach(function (n) { values(n, name).forEach(function (v) { c[v] = (c[v] || 0) + 1; }); });
      return Object.keys(c).map(function (k) { return [k, c[k]]; }).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0); });
    }
    return { hits: hits, values: values, counts: counts };
  }

  function docFile(meta, n) { return 'docs/' + Math.floor(n / meta.docsPerChunk) + '.json'; }
  function docIndex(meta, n) { return n % meta.docsPerChunk; }

  return { FACETS: FACETS, tokens: tokens, numbers: numbers, postings: postings, files: files, search: search, docFile: docFile, docIndex: docIndex };
}`;
