/** Scheduled releases, feeds, withdrawals, versions and the sitemap on the website, on every store. */
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../src/web/app.js';
import { buildSitemap } from '../../src/web/sitemap.js';
import type { WebContext } from '../../src/web/page.js';
import { cleanupStores, storeFactories, type StoreFactory } from '../support/store-factories.js';
import { buildArchive, get, input, parsedCable } from '../web/web-fixture.js';

after(cleanupStores);

async function clockedApp(factory: StoreFactory, start: string) {
  let now = new Date(start);
  const store = await factory.open({ label: 'release', now: () => now });
  await store.putCables([
    input(parsedCable({ canonicalId: '10ALPHAVILLE1', created: '2010-01-05T00:00Z', origin: 'Embassy Alphaville', tags: ['PREL'], subject: 'ALPHA ONE', body: 'REF: A) 09ZETAVILLE4\n1. (C) Alpha text naming XXXXXXXXXXXX here.', redactions: [{ start: 30, end: 42 }] as never }), null),
    input(parsedCable({ canonicalId: '09ZETAVILLE4', created: '2009-03-05T00:00Z', origin: 'Embassy Zetaville', tags: ['PTER'], subject: 'ZETA SECRETS', body: '1. (S) Zeta hidden text.' }), null),
    input(parsedCable({ canonicalId: '10EVILTOWN1', created: '2010-02-01T00:00Z', origin: 'Embassy Eviltown', tags: ['PREL'], subject: '<script>alert("x")</script> & more', body: '1. (U) text' }), null),
  ]);
  const app = createApp(store, { cacheTtlMs: 0, logError: () => {}, baseUrl: 'https://cables.example.org' });
  return { store, app, setNow: (iso: string) => (now = new Date(iso)) };
}

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    test('a scheduled release appears at its time on pages, feeds and sitemap, with the server running', async () => {
      const { store, app, setNow } = await clockedApp(factory, '2012-05-01T09:00:00Z');
      await store.applyRelease({ action: 'release', items: [{ canonicalId: '10ALPHAVILLE1' }, { canonicalId: '10EVILTOWN1' }], at: '2012-05-01T08:00Z' });
      await store.applyRelease({ action: 'release', items: [{ canonicalId: '09ZETAVILLE4' }], at: '2012-05-01T10:00Z' });
      const before = await Promise.all(['/cable/09ZETAVILLE4', '/feeds/releases.atom', '/sitemap.xml', '/feeds/tag/PTER.atom', '/index.json'].map((p) => get(app, p)));
      assert.equal(before[0].res.status, 404);
      assert.doesNotMatch(before[1].text, /ZETA/);
      assert.doesNotMatch(before[2].text, /ZETAVILLE/);
      assert.equal(before[3].res.status, 404, 'a tag with no visible cable has no feed');
      assert.equal(JSON.parse(before[4].text).released, 2);
      assert.equal(JSON.parse(before[4].text).total, 3);
      setNow('2012-05-01T10:00:30Z');
      assert.equal((await app.request('/cable/09ZETAVILLE4')).status, 301);
      assert.match((await get(app, '/feeds/releases.atom')).text, /09ZETAVILLE4: ZETA SECRETS/);
      assert.match((await get(app, '/feeds/tag/PTER.atom')).text, /ZETA SECRETS/);
      assert.match((await get(app, '/sitemap.xml')).text, /<loc>https:\/\/cables\.example\.org\/cable\/2009\/03\/09ZETAVILLE4\.html<\/loc>/);
      assert.equal(JSON.parse((await get(app, '/index.json')).text).released, 3);
      assert.equal((await app.request('/sitemap-0.xml')).status, 404, 'a small site has no sitemap parts');
      assert.match((await get(app, '/sitemap.xml')).res.headers.get('content-type')!, /application\/xml/);
    });

    test('feeds: Atom, escaped, per tag/origin/classification, linked from pages; unknown keys 404', async () => {
      const { store, app } = await clockedApp(factory, '2012-05-01T09:00:00Z');
      await store.applyRelease({ action: 'release', items: [{ canonicalId: '10ALPHAVILLE1' }, { canonicalId: '10EVILTOWN1' }], at: '2012-05-01T08:00Z' });
      const all = await get(app, '/feeds/releases.atom');
      assert.equal(all.res.status, 200);
      assert.match(all.res.headers.get('content-type')!, /application\/atom\+xml/);
      assert.match(all.text, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
      assert.ok(!all.text.includes('<script>'), 'subjects are escaped');
      assert.match(all.text, /&lt;script&gt;/);
      assert.equal((await app.request('/feeds/origin/embassy-alphaville.atom')).status, 200);
      assert.equal((await app.request('/feeds/origin/embassy-zetaville.atom')).status, 404, 'no visible cable from there');
      assert.equal((await app.request('/feeds/classification/2.atom')).status, 404);
      assert.equal((await app.request('/feeds/nonsense/x.atom')).status, 404);
      const tagPage = await get(app, '/tag/PREL_0.html');
      assert.match(tagPage.text, /<link rel="alternate" type="application\/atom\+xml" title="[^"]*" href="\/feeds\/releases.atom">/);
      assert.match(tagPage.text, /href="\/feeds\/tag\/PREL.atom"/);
      assert.equal((await app.request('/feeds/tag/PREL.atom')).status, 200);
    });

    test('withdrawn: 410 with the reason and no subject; hidden and unknown ids answer the same 404', async () => {
      const { store, app } = await clockedApp(factory, '2012-05-01T09:00:00Z');
      await store.applyRelease({ action: 'release', items: [{ canonicalId: '10ALPHAVILLE1' }], at: '2012-05-01T08:00Z' });
      await store.applyRelease({ action: 'withdraw', items: [{ canonicalId: '10ALPHAVILLE1' }], reason: 'endangers a source' });
      for (const p of ['/cable/2010/01/10ALPHAVILLE1.html', '/cable/2010/01/10ALPHAVILLE1.json', '/cable/10ALPHAVILLE1']) {
        const r = await get(app, p);
        assert.equal(r.res.status, 410, p);
        assert.match(r.text, /endangers a source/);
        assert.doesNotMatch(r.text, /ALPHA ONE/);
      }
      // The page says what happened (not "Something went wrong"): withdrawn, when, why.
      const page = await get(app, '/cable/2010/01/10ALPHAVILLE1.html');
      assert.match(page.text, /<title>Cable withdrawn/);
      assert.match(page.text, /<h1>Cable withdrawn<\/h1>/);
      assert.doesNotMatch(page.text, /Something went wrong/);
      assert.match(page.text, /<strong>10ALPHAVILLE1<\/strong> on <time datetime="2012-05-01T09:00/);
      // A search for its id says so too (HTML and JSON), with nothing of its text.
      for (const q of ['10ALPHAVILLE1', '10alphaville1', '/cable/2010/01/10ALPHAVILLE1.html']) {
        const search = await get(app, `/search?q=${encodeURIComponent(q)}`);
        assert.equal(search.res.status, 200, q);
        assert.match(search.text, /Cable 10ALPHAVILLE1 was withdrawn on .*Reason given: endangers a source/, q);
        assert.doesNotMatch(search.text, /ALPHA ONE/);
      }
      const json = JSON.parse((await get(app, '/search.json?q=10ALPHAVILLE1')).text);
      assert.deepEqual({ ...json.withdrawn, at: json.withdrawn.at.slice(0, 10) }, { id: '10ALPHAVILLE1', at: '2012-05-01', reason: 'endangers a source' });
      assert.equal(JSON.parse((await get(app, '/search.json?q=10ZETAVILLE4')).text).withdrawn, null, 'a hidden cable is not named');
      const hidden = await get(app, '/cable/2009/03/09ZETAVILLE4.json');
      const never = await get(app, '/cable/2009/03/09ZETAVILLE5.json');
      assert.equal(hidden.res.status, 404);
      assert.equal(hidden.text, never.text);
      const day = JSON.parse((await get(app, '/releases/2012-05-01.json')).text);
      assert.equal(day.withdrawn, 1);
      assert.doesNotMatch(JSON.stringify(day), /ALPHAVILLE/, 'the day page counts withdrawals without naming them');
    });

    test('versions: history of public versions, diff page and JSON twin; non-public versions have no diff', async () => {
      const { store, app } = await clockedApp(factory, '2012-05-01T09:00:00Z');
      await store.applyRelease({ action: 'release', items: [{ canonicalId: '10ALPHAVILLE1' }], at: '2012-05-01T08:00Z' });
      const v1 = (await store.getCable('10ALPHAVILLE1'))!.cable;
      await store.putCables([{ parsed: { ...v1, subject: 'ALPHA ONE CORRECTED', body: '1. (C) Alpha text naming Mr. Someone here.', redactions: [] }, raw: 'second text', source: 'second.txt', format: 'text', releasedAt: null }]);
      assert.equal((await app.request('/cable/2010/01/10ALPHAVILLE1/diff-1-2.json')).status, 404, 'version 2 is not public yet');
      let page = JSON.parse((await get(app, '/cable/2010/01/10ALPHAVILLE1.json')).text);
      assert.deepEqual(page.versions.map((v: { number: number }) => v.number), [1]);
      assert.equal(page.cable.subject, 'ALPHA ONE');

      await store.applyRelease({ action: 'release', items: [{ canonicalId: '10ALPHAVILLE1', version: 2 }] });
      page = JSON.parse((await get(app, '/cable/2010/01/10ALPHAVILLE1.json')).text);
      assert.deepEqual(page.versions.map((v: { number: number; current: boolean }) => [v.number, v.current]), [[1, false], [2, true]]);
      assert.equal(page.versions[1].diffFromPrevious, '/cable/2010/01/10ALPHAVILLE1/diff-1-2.html');
      assert.match((await get(app, '/cable/2010/01/10ALPHAVILLE1.html')).text, /href="\/cable\/2010\/01\/10ALPHAVILLE1\/diff-1-2.html"/);
      const diff = JSON.parse((await get(app, '/cable/2010/01/10ALPHAVILLE1/diff-1-2.json')).text);
      assert.equal(diff.redactions.lifted, 1);
      assert.deepEqual(diff.changedFields.map((f: { field: string }) => f.field), ['subject']);
      assert.ok(diff.body.some((p: { op: string; text: string }) => p.op === 'added' && /Someone/.test(p.text)));
      assert.ok(diff.body.some((p: { op: string; text: string }) => p.op === 'removed' && /XXXXXXXXXXXX/.test(p.text)));
      const diffHtml = await get(app, '/cable/2010/01/10ALPHAVILLE1/diff-1-2.html');
      assert.equal(diffHtml.res.status, 200);
      assert.match(diffHtml.text, /<ins>[^<]*Someone/);
      assert.equal((await app.request('/cable/2010/01/10ALPHAVILLE1/diff-1-3.html')).status, 404);
      assert.equal((await app.request('/cable/2010/01/10ALPHAVILLE1/diff-1-1.html')).status, 404);
      assert.equal((await app.request('/cable/2009/01/10alphaville1/diff-1-2.html')).status, 301);
      const day = JSON.parse((await get(app, `/releases/2012-05-01.json`)).text);
      assert.deepEqual(day.changed.map((c: { id: string; from: number; to: number }) => [c.id, c.from, c.to]), [['10ALPHAVILLE1', 1, 2]]);
      const index = JSON.parse((await get(app, '/releases/index.json')).text);
      assert.deepEqual(index.days, [{ day: '2012-05-01', published: 1, changed: 1, withdrawn: 0, url: '/releases/2012-05-01.html' }]);
      assert.equal((await app.request('/releases/2012-05-02.html')).status, 404);
    });

    test('sitemap: one urlset when small; an index of parts over the limit, covering every URL once', async () => {
      const store = await buildArchive(factory);
      const ctx: WebContext = { store, options: { pageSize: 50, siteTotal: null, baseUrl: 'https://x.test' }, originsBySlug: async () => new Map() };
      const whole = (await buildSitemap(ctx, 'https://x.test', null))!;
      const urls = [...whole.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
      assert.ok(urls.includes('https://x.test/cable/2010/02/10ALPHAVILLE5.html'));
      assert.ok(!urls.some((u) => u.includes('GAMMAVILLE')), 'unreleased cable not listed');
      assert.ok(urls.includes('https://x.test/tag/PREL_1.html'), 'every page of a browse list');
      const index = (await buildSitemap(ctx, 'https://x.test', null, 100))!;
      assert.match(index, /<sitemapindex/);
      const parts = [...index.matchAll(/<loc>https:\/\/x.test\/sitemap-(\d+)\.xml<\/loc>/g)].map((m) => Number(m[1]));
      assert.deepEqual(parts, Array.from({ length: Math.ceil(urls.length / 100) }, (_, i) => i));
      const fromParts: string[] = [];
      for (const p of parts) fromParts.push(...[...(await buildSitemap(ctx, 'https://x.test', p, 100))!.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
      assert.deepEqual(fromParts, urls);
      assert.equal(await buildSitemap(ctx, 'https://x.test', parts.length, 100), null);
    });
  });
}
