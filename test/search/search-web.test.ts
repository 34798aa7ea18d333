/** The search page, its JSON twin and exports, on every store (test/support/store-factories.ts). */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { createApp } from '../../src/web/app.js';
import { guessReference } from '../../src/web/search-reference.js';
import { csvCell } from '../../src/web/search-export.js';
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

    test('/search.json returns the documented shape', async () => {
      const { res, text } = await get('/search.json?q=widget');
      assert.equal(res.status, 200);
      const d = JSON.parse(text);
      assert.equal(d.total, 3);
      assert.deepEqual(Object.keys(d.results[0]).sort(), ['classification', 'created', 'origin', 'referenceId', 'released', 'snippet', 'subject', 'url']);
      for (const k of ['classification', 'origin', 'tag', 'year']) assert.ok(Array.isArray(d.facets[k]), k);
      assert.equal(d.results.filter((r: { snippet: string }) => /<mark>widget<\/mark>/i.test(r.snippet)).length, 2);
      assert.ok(d.histogram.length > 0);
    });

    test('the page shows results, marks, facets narrowing, histogram and help; escapes the query', async () => {
      const { res, text } = await get('/search?q=widget+%3Cscript%3Ealert(1)%3C%2Fscript%3E');
      assert.equal(res.status, 200);
      assert.ok(!text.includes('<script>alert(1)'));
      assert.ok(text.includes('&lt;script&gt;'));
      const page = await get('/search?q=widget');
      assert.match(page.text, /<mark>widget<\/mark>/i);
      assert.match(page.text, /href="\/search\?q=widget%20origin%3A%22Embassy%20Alphaville%22"/);
      assert.match(page.text, /<svg class="timeline search-histogram"/);
      assert.match(page.text, /How to search/);
      assert.match(page.text, /href="\/cable\/2009\/03\/09ALPHAVILLE159\.html\?hl=widget"/);
      const narrowed = JSON.parse((await get('/search.json?q=widget%20origin%3A%22Embassy%20Alphaville%22')).text);
      assert.equal(narrowed.total, 2);
    });

    test('embargoed cables never appear on the page, in JSON or exports', async () => {
      for (const path of ['/search.json?q=zanzibarite', '/search.json?q=tag:EMBARGOTAG', '/search.csv?q=widget', '/search.jsonl?q=widget', '/search.json?q=widget']) {
        const { text } = await get(path);
        assert.ok(!text.includes('GAMMAVILLE'), path);
      }
    });

    test('malformed queries get a helpful message (400), never a server error', async () => {
      const { res, text } = await get('/search?q=created%3A2009-13');
      assert.equal(res.status, 400);
      assert.match(text, /not a date/);
      for (const q of ['"', '((', 'NEAR(', '%22open', 'AND', '-', '*', encodeURIComponent("'; DROP TABLE x --"), encodeURIComponent('日本語'), 'x'.repeat(4000)]) {
        const r = await get(`/search?q=${q}`);
        assert.ok(r.res.status === 200 || r.res.status === 400, q);
        const j = await get(`/search.json?q=${q}`);
        assert.ok(j.res.status === 200 || j.res.status === 400, q);
      }
    });

    test('pages of 50 with stable URLs', async () => {
      const p1 = JSON.parse((await get('/search.json?q=routine&sort=created&order=asc')).text);
      assert.equal(p1.total, BULK);
      assert.equal(p1.results.length, 50);
      assert.equal(p1.links.next, '/search?q=routine&sort=created&order=asc&page=2');
      const p3 = JSON.parse((await get('/search.json?q=routine&sort=created&order=asc&page=3')).text);
      assert.equal(p3.results.length, BULK - 100);
      assert.equal(p3.links.next, null);
      const ids = new Set([...p1.results, ...p3.results].map((r: { referenceId: string }) => r.referenceId));
      assert.equal(ids.size, 50 + BULK - 100);
      const bad = await get('/search.json?q=routine&page=abc&sort=nonsense');
      assert.equal(bad.res.status, 200);
    });

    test('exports stream every hit as CSV and JSON Lines', async () => {
      const csv = await get('/search.csv?q=routine');
      assert.equal(csv.res.status, 200);
      assert.match(csv.res.headers.get('content-type') ?? '', /text\/csv/);
      const lines = csv.text.trim().split('\r\n');
      assert.equal(lines[0], 'referenceId,subject,created,released,classification,origin,url');
      assert.equal(lines.length, BULK + 1);
      const jl = await get('/search.jsonl?q=routine');
      const rows = jl.text.trim().split('\n').map((l) => JSON.parse(l));
      assert.equal(rows.length, BULK);
      assert.ok(rows.every((r) => r.subject.startsWith('ROUTINE REPORT')));
      assert.equal(csvCell('=1+1'), "'=1+1");
      assert.equal(csvCell('a,"b"'), '"a,""b"""');
    });

    test('reference lookup redirects to the cable or lists the nearest', async () => {
      for (const q of ['09ALPHAVILLE159', '09alphaville000159', 'ALPHAVILLE 159', '09 ALPHAVILLE 159']) {
        const { res } = await get(`/search?q=${encodeURIComponent(q)}`);
        assert.equal(res.status, 302, q);
        assert.equal(res.headers.get('location'), '/cable/2009/03/09ALPHAVILLE159.html', q);
      }
      const state = await get('/search?q=STATE%20000284');
      assert.equal(state.res.headers.get('location'), '/cable/2008/11/08STATE284.html');
      const url = await get(`/search?q=${encodeURIComponent('http://cablegate.wikileaks.org/cable/2009/03/09ALPHAVILLE159.html')}`);
      assert.equal(url.res.status, 301);
      const near = await get('/search?q=ALPHAVILLE%20161');
      assert.equal(near.res.status, 200);
      assert.match(near.text, /09ALPHAVILLE160/);
      const embargoed = await get('/search?q=10GAMMAVILLE3');
      assert.equal(embargoed.res.status, 200);
      assert.ok(!embargoed.text.includes('GAMMAVILLE3<'));
    });

    test('cable page highlights words from ?hl=', async () => {
      const { text } = await get('/cable/2009/03/09ALPHAVILLE159.html?hl=widget+cafe');
      assert.match(text, /<mark>widget<\/mark>/);
      assert.match(text, /<mark>café<\/mark>/);
      const hostile = await get('/cable/2009/03/09ALPHAVILLE159.html?hl=%3Cscript%3E');
      assert.ok(!hostile.text.includes('<script>'));
    });

    test('every facet link narrows to exactly its count', async () => {
      const d = JSON.parse((await get('/search.json?q=widget')).text);
      for (const kind of ['classification', 'origin', 'tag', 'year']) {
        for (const f of d.facets[kind]) {
          const narrowed = JSON.parse((await get(f.url.replace('/search?', '/search.json?'))).text);
          assert.equal(narrowed.total, f.count, `${kind} ${f.key}`);
        }
      }
    });
  });
}

test('guessReference reads ids in many forms', () => {
  assert.deepEqual(guessReference('10DAMASCUS159'), { station: 'DAMASCUS', serial: 159, year: '10', fromUrl: false });
  assert.deepEqual(guessReference('DAMASCUS 159'), { station: 'DAMASCUS', serial: 159, year: null, fromUrl: false });
  assert.deepEqual(guessReference('STATE 000284'), { station: 'STATE', serial: 284, year: null, fromUrl: false });
  assert.equal(guessReference('https://cablegate.wikileaks.org/cable/2010/02/10DAMASCUS159.html')?.fromUrl, true);
  assert.equal(guessReference('widget'), null);
  assert.equal(guessReference('terrorism finance'), null);
});
