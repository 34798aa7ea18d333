/**
 * Absolute URLs (feeds, sitemaps) come from the configured base URL, never from a request
 * header: a request with `Host: evil.example` cannot poison what the cache serves to others.
 */
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../src/web/app.js';
import { cleanupStores, storeFactories } from '../support/store-factories.js';
import { buildArchive } from './web-fixture.js';

after(cleanupStores);

const XML_PATHS = ['/feeds/releases.atom', '/feeds/tag/PREL.atom', '/sitemap.xml'];

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    test('a request with Host: evil.example, then a normal one: evil.example nowhere, the base URL everywhere', async () => {
      const store = await buildArchive(factory);
      // The page cache on, as in production.
      const app = createApp(store, { baseUrl: 'https://cables.example.org/', logError: (e) => { throw e; } });
      for (const path of XML_PATHS) {
        const evil = await app.request(`http://evil.example${path}`, { headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' } });
        assert.equal(evil.status, 200, path);
        assert.doesNotMatch(await evil.text(), /evil\.example/, `${path} answered to the evil host`);
        const normal = await app.request(path);
        const text = await normal.text();
        assert.doesNotMatch(text, /evil\.example|localhost/, path);
        assert.match(text, /https:\/\/cables\.example\.org\/cable\/2010\/02\/10ALPHAVILLE5\.html/, path);
        assert.doesNotMatch(text, /cables\.example\.org\/\//, `${path}: no double slash after the base URL`);
      }
    });

    test('without a base URL: feeds have root-relative links, the sitemap says it needs one; no host from the request', async () => {
      const store = await buildArchive(factory);
      const app = createApp(store, { logError: (e) => { throw e; } });
      const feed = await app.request('http://evil.example/feeds/releases.atom', { headers: { Host: 'evil.example' } });
      assert.equal(feed.status, 200);
      const text = await feed.text();
      assert.doesNotMatch(text, /evil\.example|localhost|https?:\/\/[^"<]*\/cable\//);
      assert.match(text, /href="\/cable\/2010\/02\/10ALPHAVILLE5\.html"/);
      const sitemap = await app.request('http://evil.example/sitemap.xml', { headers: { Host: 'evil.example' } });
      assert.equal(sitemap.status, 404);
      const body = await sitemap.text();
      assert.match(body, /--base-url/);
      assert.doesNotMatch(body, /evil\.example/);
      assert.equal((await app.request('/sitemap.json')).status, 404);
    });
  });
}

test('a base URL that is not an http(s) address is refused', () => {
  assert.throws(() => createApp({} as never, { baseUrl: 'javascript:alert(1)' }), /E_USAGE|base URL/);
  assert.throws(() => createApp({} as never, { baseUrl: 'not a url' }), /not a URL/);
});
