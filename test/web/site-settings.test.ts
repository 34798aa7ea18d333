/**
 * Site-wide behaviour set by the app's options: the home page's "released / total known"
 * counter (and the announced total), the demo archive's banner, and the CORS header of the
 * JSON answers; on every store.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import type { Store } from '../../src/store/store.js';
import { createApp } from '../../src/web/app.js';
import { cleanupStores, storeFactories } from '../support/store-factories.js';
import { buildApp, get } from './web-fixture.js';

after(cleanupStores);

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    let app: Hono;
    let store: Store;
    before(async () => {
      ({ app, store } = await buildApp(factory));
    });

    test('the counter reads released / total known; an announced total counts only when the archive holds fewer', async () => {
      const all = await store.stats();
      const released = (await store.stats({ releasedOnly: true })).released;
      const plain = JSON.parse((await get(app, '/index.json')).text);
      assert.deepEqual([plain.released, plain.total, plain.totalFrom], [released, all.total, 'archive']);

      const announced = createApp(store, { cacheTtlMs: 0, siteTotal: 251287 });
      const big = await get(announced, '/index.html');
      assert.match(big.text, new RegExp(`Currently released so far\\.\\.\\. ${released} / 251,287`));
      assert.ok(big.text.includes('announced by the publisher'));
      assert.equal(JSON.parse((await get(announced, '/index.json')).text).totalFrom, 'announced');

      // An announced total below what the archive holds would make "N / TOTAL" lie.
      const small = createApp(store, { cacheTtlMs: 0, siteTotal: 3 });
      const d = JSON.parse((await get(small, '/index.json')).text);
      assert.deepEqual([d.total, d.totalFrom], [all.total, 'archive']);
      assert.ok(!(await get(small, '/')).text.includes(`/ 3</strong>`));
    });

    test('the demo archive says so on every page, error pages included; other archives do not', async () => {
      const demo = createApp(store, { cacheTtlMs: 0, demo: true, logError: () => {} });
      const paths = ['/', '/cable/2010/02/10ALPHAVILLE5.html', '/tag/PREL_0.html', '/search?q=widget', '/understanding/faq.html', '/api/index.html', '/releases/index.html', '/no-such-page.html', '/cable/2009/05/09GAMMAVILLE3.html'];
      for (const path of paths) {
        const { res, text } = await get(demo, path);
        assert.ok(text.includes('<p class="site-banner" role="note"><strong>Demo archive.</strong>'), `${path} (${res.status})`);
        assert.equal(text.match(/site-banner/g)?.length, 1, path);
      }
      const json = await get(demo, '/index.json');
      assert.ok(!json.text.includes('site-banner'), 'JSON twins unchanged');
      assert.ok(!(await get(app, '/')).text.includes('site-banner'));
      // The banner survives the page cache (a cached page is replayed as rendered).
      const cached = createApp(store, { demo: true });
      await cached.request('/tag/PREL_0.html');
      assert.ok((await get(cached, '/tag/PREL_0.html')).text.includes('site-banner'));
    });

    test('JSON answers carry Access-Control-Allow-Origin: *; HTML pages do not need it', async () => {
      for (const path of ['/index.json', '/cable/2010/02/10ALPHAVILLE5.json', '/tag/PREL_0.json', '/search.json?q=widget', '/search.jsonl?q=widget', '/search.csv?q=widget', '/api/openapi.json', '/no-such-page.json', '/cable/2010/02/10ALPHAVILLE5/cite.csl.json']) {
        const res = await app.request(path);
        assert.equal(res.headers.get('access-control-allow-origin'), '*', `${path} (${res.status})`);
      }
      assert.equal((await app.request('/index.html')).headers.get('access-control-allow-origin'), null);
      // Cached answers keep the header.
      const cachedApp = createApp(store);
      await cachedApp.request('/index.json');
      assert.equal((await cachedApp.request('/index.json')).headers.get('access-control-allow-origin'), '*');
    });
  });
}
