/**
 * A search a person can steer: active filters removed with one click, a page past the end
 * that says so, exports that refuse a query that cannot run, results before facets (phone),
 * and help that runs real examples and links the query-language page; on every store.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { createApp } from '../../src/web/app.js';
import { cleanupStores, storeFactories } from '../support/store-factories.js';
import { buildSearchArchive, BULK } from './search-fixture.js';

after(cleanupStores);

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    let app: Hono;
    before(async () => {
      app = createApp(await buildSearchArchive(factory), { cacheTtlMs: 0, logError: () => {} });
    });

    async function get(path: string) {
      const res = await app.request(path);
      return { res, text: await res.text() };
    }

    test('each active filter has a one-click link to the search without it', async () => {
      const { text } = await get(`/search?q=${encodeURIComponent('widget tag:PREL origin:"Embassy Alphaville"')}`);
      assert.ok(text.includes('<ul class="active-filters" aria-label="Active filters">'));
      const links = [...text.matchAll(/<li><span class="filter">([^<]*)<\/span> <a href="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&')]);
      assert.deepEqual(links, [
        ['tag:PREL', `/search?q=${encodeURIComponent('widget origin:"Embassy Alphaville"')}`],
        ['origin:&quot;Embassy Alphaville&quot;', `/search?q=${encodeURIComponent('widget tag:PREL')}`],
      ]);
      // Following a removal link widens the search.
      const narrowed = JSON.parse((await get(`/search.json?q=${encodeURIComponent('widget tag:PREL')}`)).text);
      const widened = JSON.parse((await get(narrowed.filters[0].removeUrl.replace('/search?', '/search.json?'))).text);
      assert.equal(widened.query, 'widget');
      assert.ok(widened.total > narrowed.total, `${widened.total} > ${narrowed.total}`);
      // A sort chosen is kept.
      const sorted = JSON.parse((await get('/search.json?q=widget+tag:PREL&sort=created&order=asc')).text);
      assert.equal(sorted.filters[0].removeUrl, '/search?q=widget&sort=created&order=asc');
      assert.ok(!(await get('/search?q=widget')).text.includes('active-filters'));
    });

    test('a page past the end says so and links back, with no impossible range', async () => {
      const { res, text } = await get('/search?q=routine&page=99');
      assert.equal(res.status, 200);
      assert.ok(!/\d–\d/.test(text.slice(text.indexOf('<main'))), 'no "4,901–4,950 shown" range');
      assert.match(text, new RegExp(`Page 99 is past the end: the ${BULK} matching cables fill 3 pages`));
      assert.ok(text.includes('href="/search?q=routine&amp;page=3"'), 'link to the last page');
      const data = JSON.parse((await get('/search.json?q=routine&page=99')).text);
      assert.deepEqual([data.pastEnd, data.lastPage, data.results.length], [true, 3, 0]);
      const last = JSON.parse((await get('/search.json?q=routine&page=3')).text);
      assert.deepEqual([last.pastEnd, last.results.length], [false, BULK - 100]);
      assert.match((await get('/search?q=routine&page=3')).text, /101–120 shown/);
    });

    test('an export of a query that cannot run is a 400 with the reason, not an empty file', async () => {
      for (const path of ['/search.csv?q=created:2009-13', '/search.jsonl?q=created:2009-13', '/search.csv?q=', '/search.jsonl']) {
        const { res, text } = await get(path);
        assert.equal(res.status, 400, path);
        assert.match(res.headers.get('content-type') ?? '', /application\/json/);
        const body = JSON.parse(text);
        assert.equal(body.error.code, 'E_BAD_QUERY');
        assert.ok(body.error.message.length > 10, body.error.message);
      }
      assert.match(JSON.parse((await get('/search.csv?q=created:2009-13')).text).error.message, /2009-13|month|date/i);
      // A query that runs and finds nothing is still a file (with its header row).
      const none = await get('/search.csv?q=zzzznothing');
      assert.equal(none.res.status, 200);
      assert.equal(none.text, 'referenceId,subject,created,released,classification,origin,url\r\n');
    });

    test('results come before the facets, which fold under a heading', async () => {
      const { text } = await get('/search?q=widget');
      const results = text.indexOf('<ol class="search-results"');
      const facets = text.indexOf('<aside class="facets"');
      assert.ok(results > 0 && facets > results, 'results first in the page');
      assert.ok(text.includes('<h2 id="facets-title" class="facets-title"><label for="facets-open">Narrow the search</label></h2>'));
      assert.ok(text.includes('<input type="checkbox" id="facets-open" class="fold-toggle">'));
    });

    test('the help runs real examples and links the query-language page, which the site serves', async () => {
      const { text } = await get('/search?q=widget');
      assert.ok(text.includes('<a href="/search?q=tag%3APTER%20created%3A2009%20%22hizballah%22"><code>tag:PTER created:2009 &quot;hizballah&quot;</code></a>'));
      assert.ok(text.includes('href="/understanding/search.html"'));
      const lang = await get('/understanding/search.html');
      assert.equal(lang.res.status, 200);
      assert.ok(lang.text.includes('<h1>Search: the query language</h1>'));
      assert.ok(lang.text.includes('<h2>Field filters</h2>'));
      assert.match(lang.text, /<table>[\s\S]*<code>tag:PTER<\/code>/);
      assert.ok(!lang.text.includes('href="json.md"'), 'links to docs the site does not serve are text');
      const json = JSON.parse((await get('/understanding/search.json')).text);
      assert.match(json.markdown, /^# Search: the query language/);
    });
  });
}
