/** Cable pages and their JSON twins, on every store. */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { cleanupStores, storeFactories } from '../support/store-factories.js';
import { buildApp, get } from './web-fixture.js';

const ALPHA = '/cable/2010/02/10ALPHAVILLE5';

after(cleanupStores);

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    let app: Hono;
    before(async () => {
      ({ app } = await buildApp(factory));
    });

    test('cable page: title, the three boxes, links of the top box', async () => {
      const { res, text } = await get(app, `${ALPHA}.html`);
      assert.equal(res.status, 200);
      assert.ok(text.includes('<h1>Viewing cable 10ALPHAVILLE5, FICTIONAL MEETING ON WIDGETS</h1>'));
      assert.ok(text.includes('<table class="cable-meta">'));
      for (const href of ['/date/2010-02_0.html', '/reldate/2010-12-06_0.html', '/classification/1_0.html', '/origin/embassy-alphaville_0.html']) {
        assert.ok(text.includes(`href="${href}"`), href);
      }
      assert.match(text, /<section class="box header-box"[^>]*><pre>VZCZCXYZ0000\nPP RUEHWEB/);
      assert.match(text, /<section class="box body-box"[^>]*><pre>C O N F I D E N T I A L/);
      assert.ok(text.includes('#cablegate #10ALPHAVILLE5'));
      assert.ok(text.includes('href="https://news.example.org/story"'));
    });

    test('cable page: paragraph permalinks at the pilcrow, tags linked, redactions styled', async () => {
      const { text } = await get(app, `${ALPHA}.html`);
      assert.ok(text.includes('<a class="par" id="par1" href="#par1" title="Link to paragraph 1">¶</a>1. (C)'));
      assert.ok(text.includes('<a class="par" id="par2" href="#par2" title="Link to paragraph 2">¶</a>2. (C)'));
      assert.equal((text.match(/¶/g) ?? []).filter(Boolean).length >= 2, true);
      assert.ok(!text.includes('¶¶'), 'the source pilcrow is replaced, not doubled');
      assert.ok(text.includes('TAGS: <a href="/tag/PREL_0.html">PREL</a>, <a href="/tag/PGOV_0.html">PGOV</a>, <a href="/tag/XQ_0.html">XQ</a>'));
      assert.ok(text.includes('<span class="redaction" title="redacted">XXXXXXXXXXXX</span>'));
    });

    test('cable page: REFs link only to released cables in the archive', async () => {
      const { text } = await get(app, `${ALPHA}.html`);
      assert.ok(text.includes('<a href="/cable/2010/01/10BETAVILLE7.html">BETAVILLE 7</a>'), 'released reference linked in the text');
      assert.ok(!text.includes('href="/cable/2009/05/09GAMMAVILLE3.html"'), 'unreleased reference not linked');
      assert.ok(!/<a [^>]*>[^<]*GAMMAVILLE/.test(text));
      assert.ok(!/<a [^>]*>[^<]*DELTAVILLE/.test(text), 'missing reference not linked');
      const data = JSON.parse((await get(app, `${ALPHA}.json`)).text);
      const urls = Object.fromEntries(data.references.map((r: { value: string; url: string | null }) => [r.value, r.url]));
      assert.deepEqual(urls, { '10BETAVILLE7': '/cable/2010/01/10BETAVILLE7.html', '09GAMMAVILLE3': null, '08DELTAVILLE9': null });
    });

    test('cable page: cited by released cables only; partial-extract notice', async () => {
      const { text } = await get(app, '/cable/2010/01/10BETAVILLE7.html');
      assert.ok(text.includes('<h2>Cited by</h2>'));
      assert.ok(text.includes('<a href="/cable/2010/02/10ALPHAVILLE5.html">10ALPHAVILLE5</a>'));
      assert.ok(!text.includes('GAMMAVILLE'));
      assert.ok(text.includes('This record is a partial extract of the original cable.'));
      const data = JSON.parse((await get(app, '/cable/2010/01/10BETAVILLE7.json')).text);
      assert.deepEqual(data.citedBy.map((c: { id: string }) => c.id), ['10ALPHAVILLE5']);
      assert.equal(data.cable.partial, true);
    });

    test('cable JSON: parsed fields, header and body, released, versions', async () => {
      const { res, text } = await get(app, `${ALPHA}.json`);
      assert.equal(res.status, 200);
      const data = JSON.parse(text);
      assert.equal(data.id, '10ALPHAVILLE5');
      assert.equal(data.url, `${ALPHA}.html`);
      assert.equal(data.released, '2010-12-06T21:09Z');
      assert.equal(data.cable.canonicalId, '10ALPHAVILLE5');
      assert.deepEqual(data.cable.tags, ['PREL', 'PGOV', 'XQ']);
      assert.match(data.cable.header, /^VZCZCXYZ0000/);
      assert.match(data.cable.body, /FICTIONAL MEETING/);
      assert.equal(data.versions.length, 1);
      const v = data.versions[0];
      assert.deepEqual(Object.keys(v).sort(), ['contentHash', 'current', 'diffFromPrevious', 'format', 'importedAt', 'number', 'publishedAt', 'source'].sort());
      assert.equal(v.number, 1);
      assert.equal(v.current, true);
      assert.match(v.contentHash, /^[0-9a-f]{64}$/);
      const page = (await get(app, `${ALPHA}.html`)).text;
      assert.ok(page.includes(v.contentHash.slice(0, 12)));
    });

    test('a new text of a cable adds a version to its page', async () => {
      const { app: app2, store } = await buildApp(factory);
      const current = await store.getCable('10BETAVILLE7');
      assert.ok(current);
      await store.putCables([{ parsed: { ...current.cable, body: `${current.cable.body}\n2. (S) A correction.` }, raw: 'second raw text', source: 'fixture/second.html', format: 'site-page', releasedAt: null }]);
      // A new text of a released cable stays non-public until a publisher releases it (docs/releases.md).
      const before = JSON.parse((await get(app2, '/cable/2010/01/10BETAVILLE7.json')).text);
      assert.deepEqual(before.versions.map((v: { number: number }) => v.number), [1]);
      assert.doesNotMatch(before.cable.body, /A correction/);
      await store.applyRelease({ action: 'release', items: [{ canonicalId: '10BETAVILLE7', version: 2 }] });
      const data = JSON.parse((await get(app2, '/cable/2010/01/10BETAVILLE7.json')).text);
      assert.deepEqual(data.versions.map((v: { number: number; current: boolean }) => [v.number, v.current]), [[1, false], [2, true]]);
      assert.match(data.cable.body, /A correction/);
    });

    test('non-canonical ids and wrong year/month redirect (301) to the canonical page', async () => {
      const cases: Array<[string, string]> = [
        ['/cable/10ALPHAVILLE5', `${ALPHA}.html`],
        ['/cable/10alphaville5.html', `${ALPHA}.html`],
        ['/cable/10ALPHAVILLE5.json', `${ALPHA}.json`],
        ['/cable/10ALPHAVILLE005', `${ALPHA}.html`],
        ['/cable/10%20ALPHAVILLE%205', `${ALPHA}.html`],
        ['/cable/2009/01/10ALPHAVILLE5.html', `${ALPHA}.html`],
        ['/cable/2010/02/10alphaville5.html', `${ALPHA}.html`],
        ['/cable/2010/02/10ALPHAVILLE0005.json', `${ALPHA}.json`],
      ];
      for (const [from, to] of cases) {
        const res = await app.request(from);
        assert.equal(res.status, 301, from);
        assert.equal(res.headers.get('location'), to, from);
      }
    });

    test('unknown ids are 404 pages (HTML) and JSON errors (.json)', async () => {
      const html = await get(app, '/cable/2010/02/10NOWHERE1.html');
      assert.equal(html.res.status, 404);
      assert.match(html.res.headers.get('content-type') ?? '', /text\/html/);
      assert.ok(html.text.includes('<h1>Page not found</h1>'));
      const json = await get(app, '/cable/2010/02/10NOWHERE1.json');
      assert.equal(json.res.status, 404);
      assert.deepEqual(Object.keys(JSON.parse(json.text).error).sort(), ['code', 'message']);
      assert.equal(JSON.parse(json.text).error.code, 'E_NOT_FOUND');
      assert.equal((await get(app, '/cable/NOWHERE')).res.status, 404);
      assert.equal((await get(app, '/cable/2010/02/10ALPHAVILLE5.txt')).res.status, 404);
    });
  });
}
