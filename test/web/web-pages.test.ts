/** Home, browse and index pages and their JSON twins, on every store. */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import type { Store } from '../../src/store/store.js';
import { escapeHtml } from '../../src/web/html.js';
import { cleanupStores, storeFactories } from '../support/store-factories.js';
import { buildApp, get, BULK, DAY1, DAY2 } from './web-fixture.js';

after(cleanupStores);

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    let app: Hono;
    let store: Store;
    before(async () => {
      ({ app, store } = await buildApp(factory));
    });

    /** Reference ids of the rows of a browse table, in order. */
    function tableIds(text: string): string[] {
      return [...text.matchAll(/<td data-label="Reference ID"><a href="[^"]*">([^<]*)<\/a><\/td>/g)].map((m) => m[1]);
    }

    async function json(path: string) {
      const { res, text } = await get(app, path);
      assert.equal(res.status, 200, `${path} -> ${res.status}`);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      return JSON.parse(text);
    }

    test('home page: released so far N / TOTAL, latest release days, entry points, JSON twin', async () => {
      const { res, text } = await get(app, '/');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
      const stats = await store.stats({ releasedOnly: true });
      const all = await store.stats();
      assert.ok(all.total > stats.released, 'the fixture holds an unreleased cable');
      assert.ok(text.includes(`Currently released so far... ${stats.released} / ${all.total}`));
      assert.ok(text.includes('<link rel="alternate" type="application/json" href="/index.json">'));
      for (const href of ['/reldate/index.html', '/date/index.html', '/origin/index.html', '/tag/index.html', '/classification/index.html', '/understanding/index.html']) {
        assert.ok(text.includes(`href="${href}"`), href);
      }
      assert.ok(text.includes('action="/search"'));
      const data = await json('/index.json');
      assert.equal(data.released, stats.released);
      assert.equal(data.total, all.total);
      assert.deepEqual(data.latestReleases.map((d: { day: string }) => d.day), [DAY2, DAY1]);
      for (const d of data.latestReleases) assert.ok(text.includes(`href="${d.url}"`));
    });

    test('home page TOTAL can be the announced size of the whole collection', async () => {
      const { app: app2 } = await buildApp(factory, { siteTotal: 251287 });
      const { text } = await get(app2, '/');
      assert.match(text, /Currently released so far\.\.\. \d+ \/ 251,287/);
    });

    test('release-day pages: 50 rows a page, numbered pages from 0, JSON rows equal HTML rows', async () => {
      const first = await get(app, `/reldate/${DAY1}_0.html`);
      assert.equal(first.res.status, 200);
      const ids0 = tableIds(first.text);
      assert.equal(ids0.length, 50);
      const data0 = await json(`/reldate/${DAY1}_0.json`);
      assert.deepEqual(data0.rows.map((r: { id: string }) => r.id), ids0);
      assert.equal(data0.total, BULK);
      assert.equal(data0.pageCount, Math.ceil(BULK / 50));
      assert.ok(first.text.includes(`<link rel="alternate" type="application/json" href="/reldate/${DAY1}_0.json">`));
      assert.ok(first.text.includes(`href="/reldate/${DAY1}_1.html" rel="next"`));
      const last = await get(app, `/reldate/${DAY1}_2.html`);
      assert.equal(tableIds(last.text).length, BULK - 100);
      assert.ok(last.text.includes(`href="/reldate/${DAY1}_1.html" rel="prev"`));
      const seen = new Set([...ids0, ...tableIds((await get(app, `/reldate/${DAY1}_1.html`)).text), ...tableIds(last.text)]);
      assert.equal(seen.size, BULK, 'pages do not overlap');
      for (const bad of [`/reldate/${DAY1}_3.html`, `/reldate/${DAY1}_01.html`, `/reldate/${DAY1}_-1.html`, `/reldate/${DAY1}_x.html`, '/reldate/2010-13-45_0.html', '/reldate/1999-01-01_0.html']) {
        assert.equal((await get(app, bad)).res.status, 404, bad);
      }
    });

    test('browse pages list cables in release order; totals on page 0 only, so later pages stay the same as the archive grows', async () => {
      const data0 = await json(`/reldate/${DAY1}_0.json`);
      const data1 = await json(`/reldate/${DAY1}_1.json`);
      assert.equal(data0.sort, 'released');
      assert.equal(data0.order, 'asc');
      const keys = [...data0.rows, ...data1.rows].map((r: { released: string; id: string }) => `${r.released} ${r.id}`);
      assert.deepEqual(keys, [...keys].sort(), 'release time, then id');
      assert.deepEqual([data1.total, data1.pageCount], [null, null]);
      assert.deepEqual(data0.pages.map((p: { page: number }) => p.page), [0, 1, 2]);
      const html1 = (await get(app, `/reldate/${DAY1}_1.html`)).text;
      assert.match(html1, /Cables 51–100, in order of release; page 2\./);
      assert.doesNotMatch(html1, new RegExp(`${BULK} released`));
      assert.match((await get(app, `/reldate/${DAY1}_0.html`)).text, new RegExp(`${BULK} released cables, in order of release; showing 1–50, page 1 of 3`));
    });

    test('browse tables sort by created and released, ascending or descending', async () => {
      const base = `/reldate/${DAY1}_0.json`;
      const asc = await json(`${base}?sort=created&order=asc`);
      const desc = await json(`${base}?sort=created&order=desc`);
      const created = (d: { rows: Array<{ created: string }> }) => d.rows.map((r) => r.created);
      assert.deepEqual(created(asc), [...created(asc)].sort());
      assert.deepEqual(created(desc), [...created(desc)].sort().reverse());
      assert.notDeepEqual(created(asc), created(desc));
      const rel = await json(`${base}?sort=released&order=desc`);
      const released = rel.rows.map((r: { released: string }) => r.released);
      assert.deepEqual(released, [...released].sort().reverse());
      assert.equal(rel.sort, 'released');
      const html = await get(app, `/reldate/${DAY1}_0.html?sort=created&order=desc`);
      assert.deepEqual(tableIds(html.text), desc.rows.map((r: { id: string }) => r.id));
      assert.ok(html.text.includes('aria-sort="descending"'));
      assert.ok(html.text.includes(`href="/reldate/${DAY1}_1.html?sort=created&amp;order=desc"`), 'pagination keeps the sort');
    });

    test('creation-month pages and the years/months index with an SVG timeline', async () => {
      const month = await json('/date/2010-02_0.json');
      assert.deepEqual(month.rows.map((r: { id: string }) => r.id).sort(), ['10ALPHAVILLE5', '10EVILTOWN1']);
      const index = await get(app, '/date/index.html');
      assert.equal(index.res.status, 200);
      assert.match(index.text, /<svg class="timeline" role="img"/);
      assert.ok(index.text.includes('href="/date/2010-02_0.html"'));
      const data = await json('/date/index.json');
      assert.deepEqual(data.years.map((y: { year: string }) => y.year), ['2009', '2010']);
      const bars = (index.text.match(/<rect class="bar"/g) ?? []).length;
      assert.equal(bars, data.timeline.filter((m: { count: number }) => m.count > 0).length);
      assert.equal((await get(app, '/date/2010-13_0.html')).res.status, 404);
    });

    test('origin pages: A-Z index with counts, readable slugs; numeric ids outside the 2010 table are not served', async () => {
      const data = await json('/origin/index.json');
      const letters = data.groups.map((g: { letter: string }) => g.letter);
      assert.deepEqual(letters, [...letters].sort());
      const alpha = data.groups.flatMap((g: { items: Array<{ key: string; count: number; url: string }> }) => g.items).find((i: { key: string }) => i.key === 'Embassy Alphaville');
      assert.equal(alpha.url, '/origin/embassy-alphaville_0.html');
      const page = await json('/origin/embassy-alphaville_0.json');
      assert.equal(page.total, alpha.count);
      assert.ok(page.rows.every((r: { origin: string }) => r.origin === 'Embassy Alphaville'));
      const pap = await get(app, '/origin/consulate-port-au-prince_0.html');
      assert.equal(pap.res.status, 200);
      assert.ok(pap.text.includes('Cables from Consulate Port Au Prince'));
      assert.equal((await get(app, '/origin/9999_0.html')).res.status, 404);
      assert.equal((await get(app, '/origin/embassy-nowhere_0.html')).res.status, 404);
      const html = await get(app, '/origin/index.html');
      assert.ok(html.text.includes('id="by_A"'));
    });

    test('tag pages and the tag index with meanings', async () => {
      const index = await get(app, '/tag/index.html');
      assert.ok(index.text.includes('External Political Relations'));
      const tags = await json('/tag/index.json');
      const prel = tags.groups.flatMap((g: { items: unknown[] }) => g.items).find((i: { key: string }) => i.key === 'PREL');
      assert.equal(prel.meaning, 'External Political Relations');
      const page = await json('/tag/PREL_0.json');
      assert.equal(page.total, prel.count);
      assert.equal(page.meaning, 'External Political Relations');
      assert.equal((await get(app, '/tag/NOSUCHTAG_0.html')).res.status, 404);
      const odd = await get(app, `/tag/${encodeURIComponent('<b>BAD')}_0.html`);
      assert.equal(odd.res.status, 200);
      assert.ok(!odd.text.includes('<b>BAD'));
      assert.ok(odd.text.includes('&lt;b&gt;BAD'));
    });

    test('classification pages use the site numbering 1-6', async () => {
      const secret = await json('/classification/3_0.json');
      assert.equal(secret.key, 'SECRET');
      assert.ok(secret.rows.length > 0 && secret.rows.every((r: { classification: string }) => r.classification === 'SECRET'));
      const index = await json('/classification/index.json');
      assert.deepEqual(index.classifications.map((c: { number: number }) => c.number), [...index.classifications.map((c: { number: number }) => c.number)].sort());
      for (const bad of ['/classification/0_0.html', '/classification/7_0.html', '/classification/SECRET_0.html']) {
        assert.equal((await get(app, bad)).res.status, 404, bad);
      }
    });

    test('understanding pages, FAQ and glossary have JSON twins', async () => {
      for (const path of ['/understanding/index', '/understanding/faq', '/understanding/tags']) {
        const page = await get(app, `${path}.html`);
        assert.equal(page.res.status, 200, path);
        const data = await json(`${path}.json`);
        assert.ok(page.text.includes(`<h1>${escapeHtml(data.title)}</h1>`));
        assert.ok(page.text.includes(`href="${path}.json"`));
      }
      const reading = await json('/understanding/index.json');
      const text = JSON.stringify(reading);
      for (const word of ['DTG', 'Precedence', 'NOFORN', 'TAGS', 'E.O. 12958', 'Portion markings']) assert.ok(text.includes(word), word);
      const glossary = await json('/understanding/tags.json');
      assert.ok(glossary.tags.length >= 200);
      assert.ok(glossary.tags.some((t: { tag: string; meaning: string }) => t.tag === 'PTER' && /terror/i.test(t.meaning)));
    });

    test('every HTML page names its JSON twin and the twin has the same title', async () => {
      const pages = ['/', `/reldate/${DAY2}_0.html`, '/date/2010-01_0.html', '/origin/embassy-betaville_0.html', '/tag/PTER_0.html', '/classification/3_0.html', '/reldate/index.html', '/date/index.html', '/origin/index.html', '/tag/index.html', '/classification/index.html', '/cable/2010/01/10BETAVILLE7.html'];
      for (const path of pages) {
        const { res, text } = await get(app, path);
        assert.equal(res.status, 200, path);
        const alt = /<link rel="alternate" type="application\/json" href="([^"]+)">/.exec(text);
        assert.ok(alt, `${path} announces a JSON twin`);
        const data = await json(alt[1]);
        assert.equal(data.url, path);
        assert.ok(text.includes(`<h1>${escapeHtml(data.title)}</h1>`), path);
      }
    });
  });
}
