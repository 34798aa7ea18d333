/** The rendered-page cache: LRU within a byte budget, expiry, one rendering per page at a time. */
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { PageCache, type CachedResponse } from '../../src/web/page-cache.js';
import { createApp } from '../../src/web/app.js';
import { cleanupStores, storeFactories } from '../support/store-factories.js';
import { buildArchive } from './web-fixture.js';

after(cleanupStores);

const page = (size: number, tag = 'x'): CachedResponse => ({ status: 200, headers: { 'content-type': 'text/html', 'x-tag': tag }, body: new TextEncoder().encode(tag.repeat(size)).buffer as ArrayBuffer });

test('least recently used pages go first when the byte budget is spent', () => {
  const cache = new PageCache(10_000, 60_000);
  cache.set('/a', page(1000, 'a'));
  cache.set('/b', page(1000, 'b'));
  cache.set('/c', page(1000, 'c'));
  assert.ok(cache.get('/a')); // /a is now the most recently used
  for (let i = 0; i < 6; i++) cache.set(`/n${i}`, page(1000));
  assert.ok(cache.usedBytes <= 10_000);
  assert.equal(cache.get('/b'), undefined);
  assert.ok(cache.get('/c'));
  assert.equal(cache.get('/a')?.headers['x-tag'], 'a');
  assert.equal(cache.get('/n5')?.body.byteLength, 1000);
});

test('pages expire after the time to live; a disabled cache keeps nothing', () => {
  let now = 1000;
  const cache = new PageCache(1 << 20, 500, () => now);
  cache.set('/a', page(10));
  now += 499;
  assert.ok(cache.get('/a'));
  now += 1;
  assert.equal(cache.get('/a'), undefined);
  assert.equal(cache.usedBytes, 0);
  const off = new PageCache(1 << 20, 0);
  off.set('/a', page(10));
  assert.equal(off.get('/a'), undefined);
});

test('requests for a page being rendered wait for that rendering', async () => {
  const cache = new PageCache(1 << 20, 60_000);
  const done = cache.begin('/a');
  const waiting = cache.inFlight('/a');
  assert.ok(waiting);
  done(page(5, 'a'));
  assert.equal((await waiting)?.headers['x-tag'], 'a');
  assert.equal(cache.inFlight('/a'), undefined);
  assert.ok(cache.get('/a'));
});

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    test('the app answers a repeated page from the cache with the same bytes and headers', async () => {
      const store = await buildArchive(factory);
      // Calls that read archive data. The change check (changeToken) is left out: the app
      // makes it at most every 250 ms whatever the cache holds, so counting it would make
      // the test depend on how long a store takes to render the first page.
      let calls = 0;
      const counting = new Proxy(store, {
        get(target, prop, receiver) {
          const v = Reflect.get(target, prop, receiver);
          return typeof v === 'function' ? (...args: unknown[]) => (prop !== 'changeToken' && calls++, v.apply(target, args)) : v;
        },
      });
      const app = createApp(counting, { logError: (e) => { throw e; } });
      const first = await app.request('/classification/index.html');
      const body = await first.text();
      const before = calls;
      assert.ok(before > 0);
      const again = await Promise.all([app.request('/classification/index.html'), app.request('/classification/index.html')]);
      for (const r of again) {
        assert.equal(await r.text(), body);
        assert.equal(r.headers.get('content-security-policy'), first.headers.get('content-security-policy'));
        assert.equal(r.headers.get('content-type'), first.headers.get('content-type'));
      }
      assert.equal(calls, before, 'no store call for a cached page');
      // A parameter no page reads is the same page: served from the cache (a junk
      // parameter per request must not miss the cache every time).
      for (const junk of ['?x=1', '?x=2&utm_source=feed', '?cachebust=' + Date.now()]) {
        const r = await app.request(`/classification/index.html${junk}`);
        assert.equal(await r.text(), body, junk);
      }
      assert.equal(calls, before, 'a junk query parameter is answered from the cache');
      // A parameter a page reads makes another page.
      await app.request('/tag/PREL_0.html');
      const tagCalls = calls;
      await app.request('/tag/PREL_0.html?x=1');
      assert.equal(calls, tagCalls, 'junk parameter on a browse page: cached');
      await app.request('/tag/PREL_0.html?sort=created&order=desc');
      assert.ok(calls > tagCalls, 'sort and order are read by a browse page: another page');
      await store.close();
    });
  });
}
