/** Security headers, escaping, errors and the embargo on the website, on every store. */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import type { Store } from '../../src/store/store.js';
import { createApp } from '../../src/web/app.js';
import { cleanupStores, storeFactories } from '../support/store-factories.js';
import { buildApp, buildArchive, get } from './web-fixture.js';

after(cleanupStores);

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    let app: Hono;
    let store: Store;
    before(async () => {
      ({ app, store } = await buildApp(factory));
    });

    test('security headers on pages, JSON, errors and the stylesheet', async () => {
      for (const path of ['/', '/index.json', '/no/such/page', '/x.json', '/static/cablegate.css', '/cable/2010/02/10ALPHAVILLE5.html']) {
        const res = await app.request(path);
        const csp = res.headers.get('content-security-policy') ?? '';
        assert.match(csp, /default-src 'self'/, path);
        assert.ok(!csp.includes('unsafe-inline'), path);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
        assert.ok(res.headers.get('cache-control'), path);
      }
      const css = await app.request('/static/cablegate.css');
      assert.equal(css.status, 200);
      assert.match(css.headers.get('content-type') ?? '', /text\/css/);
      assert.match(await css.text(), /@media print/);
    });

    test('pages carry no script and no inline style', async () => {
      for (const path of ['/', '/date/index.html', '/cable/2010/02/10ALPHAVILLE5.html', '/reldate/2010-11-28_0.html']) {
        const { text } = await get(app, path);
        assert.ok(!/<script/i.test(text), path);
        assert.ok(!/\sstyle=/i.test(text), path);
        assert.ok(!/\son[a-z]+=/i.test(text), path);
        assert.match(text, /<html lang="en">/);
        assert.match(text, /<a class="skip-link" href="#main">/);
      }
    });

    test('everything from a cable is escaped (subject, header, body, origin, tags, articles)', async () => {
      const { res, text } = await get(app, '/cable/2010/02/10EVILTOWN1.html');
      assert.equal(res.status, 200);
      assert.ok(!/<script/i.test(text));
      assert.ok(!text.includes('<img'));
      assert.ok(!text.includes('<i>Evil'));
      assert.ok(!text.includes('<b>BAD'));
      assert.ok(!text.includes('javascript:'), 'non-http article links are not links');
      assert.ok(text.includes('&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt; &amp; more'));
      assert.ok(text.includes('&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt; &quot;quoted&quot; &#39;single&#39; &amp; &lt;img src=x onerror=alert(1)&gt;'));
      assert.ok(text.includes('FM &lt;script&gt;alert(&quot;header&quot;)&lt;/script&gt;'));
      for (const path of ['/origin/index.html', '/tag/index.html', '/date/2010-02_0.html', '/reldate/2010-12-06_0.html']) {
        const page = await get(app, path);
        assert.ok(!/<script|<i>Evil|<b>BAD/i.test(page.text), path);
      }
      const data = JSON.parse((await get(app, '/cable/2010/02/10EVILTOWN1.json')).text);
      assert.equal(data.cable.subject, '<script>alert("subject")</script> & more', 'JSON keeps the text as it is');
    });

    test('query strings are escaped where shown', async () => {
      const { res, text } = await get(app, `/search?q=${encodeURIComponent('<script>alert(1)</script>"')}`);
      assert.equal(res.status, 200);
      assert.ok(!text.includes('<script>alert(1)'));
      assert.ok(text.includes('&lt;script&gt;alert(1)&lt;/script&gt;&quot;'));
      const browse = await get(app, `/reldate/2010-11-28_0.html?sort=${encodeURIComponent('"><script>')}&order=%3Cx%3E`);
      assert.equal(browse.res.status, 200);
      assert.ok(!browse.text.includes('<script>'));
      assert.ok(!browse.text.includes('<x>'));
    });

    test('unknown pages: 404 HTML page, JSON error for .json; never a stack trace', async () => {
      const html = await get(app, '/definitely/not/here.html');
      assert.equal(html.res.status, 404);
      assert.ok(html.text.includes('<h1>Page not found</h1>'));
      assert.ok(html.text.includes('<link rel="stylesheet" href="/static/cablegate.css">'));
      const json = await get(app, '/definitely/not/here.json');
      assert.equal(json.res.status, 404);
      assert.deepEqual(JSON.parse(json.text), { error: { code: 'E_NOT_FOUND', message: 'There is no page at this address.' } });
    });

    test('a failing store gives a 500 page without a stack trace', async () => {
      const base = await buildArchive(factory);
      const broken = new Proxy(base, {
        get(target, prop, receiver) {
          if (prop === 'countBy' || prop === 'stats' || prop === 'listCables') return async () => { throw new Error('secret internal detail at /some/path.ts:12'); };
          return Reflect.get(target, prop, receiver);
        },
      });
      const errors: unknown[] = [];
      const app2 = createApp(broken, { logError: (e) => errors.push(e), cacheTtlMs: 0 });
      const html = await get(app2, '/');
      assert.equal(html.res.status, 500);
      assert.ok(!html.text.includes('secret internal detail'));
      assert.ok(!html.text.includes('.ts:'));
      assert.ok(html.text.includes('Something went wrong'));
      assert.match(html.res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      const json = await get(app2, '/reldate/2010-11-28_0.json');
      assert.equal(json.res.status, 500);
      assert.equal(JSON.parse(json.text).error.code, 'E_INTERNAL');
      assert.equal(errors.length, 2);
    });

    test('embargo: an unreleased cable is a 404 identical to a never-existing id', async () => {
      const hidden = await get(app, '/cable/2009/05/09GAMMAVILLE3.html');
      const never = await get(app, '/cable/2009/05/09GAMMAVILLE4.html');
      assert.equal(hidden.res.status, 404);
      assert.equal(hidden.text, never.text);
      assert.equal((await get(app, '/cable/09GAMMAVILLE3')).res.status, 404);
      const hiddenJson = await get(app, '/cable/2009/05/09GAMMAVILLE3.json');
      assert.equal(hiddenJson.text, (await get(app, '/cable/2009/05/09GAMMAVILLE4.json')).text);
      assert.ok(await store.getCable('09GAMMAVILLE3'), 'the cable is in the store');
    });

    test('embargo: unreleased cables are absent from browse pages, indexes and counts', async () => {
      for (const path of ['/origin/embassy-gammaville_0.html', '/tag/EMBARGOTAG_0.html', '/classification/6_0.html', '/date/2009-05_0.html']) {
        const res = await app.request(path);
        if (path.startsWith('/date/')) {
          if (res.status === 200) assert.ok(!(await res.text()).includes('GAMMA'), path);
        } else {
          assert.equal(res.status, 404, path);
        }
      }
      for (const path of ['/origin/index.json', '/tag/index.json', '/classification/index.json', '/date/index.json', '/reldate/index.json', '/index.json']) {
        const { text } = await get(app, path);
        assert.ok(!/Gammaville|EMBARGOTAG|GAMMA EMBARGOED|FOR OFFICIAL USE ONLY/.test(text), path);
      }
      const released = (await store.stats({ releasedOnly: true })).released;
      const classes = JSON.parse((await get(app, '/classification/index.json')).text);
      assert.equal(classes.total, released);
      const origins = JSON.parse((await get(app, '/origin/index.json')).text);
      assert.equal(origins.total, released);
    });

    test('embargo: crawling every link from the home page finds no trace of an unreleased cable and no broken link', async () => {
      const seen = new Set<string>();
      const queue = ['/'];
      while (queue.length && seen.size < 1500) {
        const path = queue.shift()!;
        if (seen.has(path)) continue;
        seen.add(path);
        const res = await app.request(path);
        assert.equal(res.status, 200, `${path} -> ${res.status}`);
        const text = await res.text();
        assert.ok(!text.includes('GAMMA EMBARGOED'), path);
        assert.ok(!text.includes('09GAMMAVILLE3.html'), path);
        for (const m of text.matchAll(/href="(\/[^"#]*)/g)) {
          const href = m[1].replace(/&amp;/g, '&');
          if (!seen.has(href)) queue.push(href);
        }
      }
      assert.ok(seen.size > 150, `crawled ${seen.size} pages`);
    });

    test('releasing a cable makes it visible (no stale cache of the embargo)', async () => {
      const { app: app2, store: store2 } = await buildApp(factory);
      assert.equal((await app2.request('/cable/09GAMMAVILLE3')).status, 404);
      await store2.setReleased(['09GAMMAVILLE3'], '2010-12-07T10:00Z');
      const res = await app2.request('/cable/09GAMMAVILLE3');
      assert.equal(res.status, 301);
      assert.equal(res.headers.get('location'), '/cable/2009/05/09GAMMAVILLE3.html');
      assert.equal((await app2.request('/origin/embassy-gammaville_0.html')).status, 200);
      const beta = JSON.parse(await (await app2.request('/cable/2010/01/10BETAVILLE7.json')).text());
      assert.ok(beta.citedBy.some((c: { id: string }) => c.id === '09GAMMAVILLE3'));
    });
  });
}
