/**
 * Articles: imported from the 2010-12-10 site (extracted from the corpus tarball: no article
 * text is in the project) and from a Markdown file, served at the original addresses with
 * an index and a feed, linked with their cables both ways, kept under the embargo, and
 * written into a static mirror; on every store.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Hono } from 'hono';
import { exportSite } from '../../src/export/export-site.js';
import { importArchive } from '../../src/import/import-archive.js';
import { importArticles } from '../../src/import/import-articles.js';
import { parseArticleMarkdown } from '../../src/parse/article-markdown.js';
import type { Store } from '../../src/store/store.js';
import { createApp } from '../../src/web/app.js';
import { resolveHref } from '../../src/web/article-pages.js';
import { extracted, listFiles, needsCorpus } from '../support/corpus.js';
import { cleanupStores, openLocation, storeFactories } from '../support/store-factories.js';

const SITE = () => extracted('site-2010-12-10-complete');
/** An article of the 2010 site and the one cable it links (ids and short labels only). */
const BLUEPRINT = '/articles/2010/U-S-secret-blueprint-to-undermine.html';
const BLUEPRINT_CABLE = '07SANTIAGO983';
const BLUEPRINT_CABLE_PAGE = '/cable/2007/06/07SANTIAGO983.html';

const MARKDOWN = `---
title: What the fictional cables say
date: 2026-12-04
byline: A. Writer, for the demo
section: Fictional
cables: 09STATE15113
---

The cable [07SANTIAGO983](https://cablegate.wikileaks.org/cable/2007/06/07SANTIAGO983.html) is *fictional* here.

- a list item with <script>alert(1)</script> text
`;

let work: string;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'cablegate-articles-'));
});

after(async () => {
  await cleanupStores();
  rmSync(work, { recursive: true, force: true });
});

test('Markdown articles: front matter, blocks, links, cited cables; errors name the file and the reason', () => {
  const a = parseArticleMarkdown(MARKDOWN, '/drafts/fictional.md');
  assert.equal(a.key, '2026/fictional');
  assert.deepEqual([a.title, a.published, a.byline, a.section], ['What the fictional cables say', '2026-12-04', 'A. Writer, for the demo', 'Fictional']);
  assert.deepEqual(a.cables, ['07SANTIAGO983', '09STATE15113']);
  assert.equal(a.blocks[0].runs.find((r) => r.href)?.text, '07SANTIAGO983');
  assert.ok(a.blocks[0].runs.some((r) => r.emphasis && r.text === 'fictional'));
  assert.equal(a.blocks[1].kind, 'li');
  assert.throws(() => parseArticleMarkdown('no front matter', '/drafts/x.md'), /\/drafts\/x\.md: an article needs a front matter/);
  assert.throws(() => parseArticleMarkdown('---\ntitle: T\n---\ntext', '/drafts/y.md'), /\/drafts\/y\.md: the front matter date must be YYYY-MM-DD/);
  assert.throws(() => parseArticleMarkdown('---\ntitle: T\ndate: 2026-01-01\nauthor: me\n---\n', '/drafts/z.md'), /front matter line 4/);
});

test('article links: cables of the site, other articles, http(s) elsewhere; anything else is no link', () => {
  const cables = new Map([['07SANTIAGO983', '/cable/2007/06/07SANTIAGO983.html']]);
  assert.equal(resolveHref('http://cablegate.wikileaks.org/cable/2007/06/07SANTIAGO983.html', '2010', cables), '/cable/2007/06/07SANTIAGO983.html');
  assert.equal(resolveHref('/cable/2009/01/09HIDDEN1.html', '2010', cables), undefined, 'a cable that is not released here');
  assert.equal(resolveHref('Test,32.html', '2010', cables), '/articles/2010/Test%2C32.html');
  assert.equal(resolveHref('https://example.org/x', '2010', cables), 'https://example.org/x');
  for (const bad of ['javascript:alert(1)', 'data:text/html,x', '//evil.example/x', 'mailto:a@b']) assert.equal(resolveHref(bad, '2010', cables), undefined, bad);
});

for (const factory of storeFactories) {
  describe(factory.name, { ...factory.testOptions, ...needsCorpus() }, () => {
    let store: Store;
    let app: Hono;
    let location: string;
    let summary: Awaited<ReturnType<typeof importArticles>>;
    before(async () => {
      location = await factory.freshLocation('articles');
      store = await openLocation(location);
      summary = await importArticles(store, [SITE()]);
      // The cables the articles cite, imported from the same build (released as that build shows).
      const cited = new Set((await store.listArticles()).flatMap((s) => s.article.cables));
      const files = listFiles(join(SITE(), 'cable'), '.html').filter((f) => cited.has(basename(f, '.html')));
      await importArchive(store, files, { workers: 0 });
      const drafts = join(work, `drafts-${factory.name}`);
      mkdirSync(drafts, { recursive: true });
      writeFileSync(join(drafts, 'fictional.md'), MARKDOWN);
      writeFileSync(join(drafts, 'broken.md'), 'no front matter');
      const md = await importArticles(store, [drafts]);
      assert.deepEqual([md.new, md.rejected], [1, 1]);
      assert.match(md.rejects[0], /broken\.md: an article needs a front matter/);
      app = createApp(store, { cacheTtlMs: 0, baseUrl: 'http://localhost', logError: () => {} });
    });

    test('the 33 articles of the 2010-12-10 build are imported (its articles/2010/index.html is not one)', async () => {
      assert.deepEqual([summary.read, summary.new, summary.rejected], [33, 33, 0]);
      const all = await store.listArticles();
      assert.equal(all.filter((a) => a.format === 'site-article').length, 33);
      const ar = all.find((a) => a.article.dir === 'rtl');
      assert.ok(ar, 'the Arabic press release reads right to left');
      assert.ok(all.some((a) => a.article.lang === 'pt_br'), 'languages from the translation lists');
      const again = await importArticles(store, [SITE()]);
      assert.deepEqual([again.unchanged, again.new, again.changed], [33, 0, 0]);
    });

    test('an article is served at its original address, with its cables linked locally', async () => {
      const res = await app.request(BLUEPRINT);
      assert.equal(res.status, 200);
      const text = await res.text();
      assert.match(text, /<h1>U\.S\. secret blueprint to undermine Chavez<\/h1>/);
      assert.ok(text.includes(`<a href="${BLUEPRINT_CABLE_PAGE}">click here</a>`), 'the cable link goes to this site');
      assert.ok(!text.includes('cablegate.wikileaks.org/cable'), 'no link to the old host for a cable we have');
      assert.ok(text.includes('<h2>Cables in this article</h2>'));
      assert.ok(!text.includes('More articles'), 'the right column is not article text');
      const data = JSON.parse(await (await app.request(BLUEPRINT.replace(/\.html$/, '.json'))).text());
      assert.deepEqual(data.cables.map((c: { id: string }) => c.id), [BLUEPRINT_CABLE]);
      assert.equal(data.published, '2010-12-09');
      assert.equal(data.section, 'Latin America');
      // The Arabic slug and the comma slug of the 2010 site.
      const arabic = (await store.listArticles()).find((a) => a.article.dir === 'rtl')!.article.key;
      for (const path of [`/articles/2010/${encodeURIComponent(arabic.slice(5))}.html`, '/articles/2010/Test%2C32.html']) {
        assert.equal((await app.request(path)).status, 200, path);
      }
    });

    test('the cable page lists the articles that discuss it; the index and feed list the articles', async () => {
      const cable = await (await app.request(BLUEPRINT_CABLE_PAGE)).text();
      assert.ok(cable.includes('<h2>Appears in these articles</h2>'));
      assert.ok(cable.includes(`<a href="${BLUEPRINT}">U.S. secret blueprint to undermine Chavez</a>`));
      const index = await (await app.request('/articles/index.html')).text();
      assert.ok(index.includes(`href="${BLUEPRINT}"`));
      assert.ok(index.includes('href="/articles/2026/fictional.html"'));
      const feed = await app.request('/feeds/articles.atom');
      assert.match(feed.headers.get('content-type') ?? '', /atom/);
      const xml = await feed.text();
      assert.ok(xml.includes(`<id>http://localhost${BLUEPRINT}</id>`));
      assert.ok(!xml.includes('<script>'));
      assert.equal((await app.request('/articles/')).headers.get('location'), '/articles/index.html');
      assert.equal((await app.request('/articles/2010/index.html')).headers.get('location'), '/articles/index.html');
    });

    test('the embargo: an article citing an unreleased cable is not shown anywhere, and comes with the release', async () => {
      // The Markdown article cites 09STATE15113 (a cable of the build) and 07SANTIAGO983.
      const md = '/articles/2026/fictional.html';
      assert.equal((await app.request(md)).status, 200);
      const md2 = await (await app.request(md)).text();
      assert.ok(md2.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'Markdown HTML is text');
      await store.setReleased([BLUEPRINT_CABLE], null);
      for (const path of [BLUEPRINT, BLUEPRINT.replace(/\.html$/, '.json'), md]) assert.equal((await app.request(path)).status, 404, path);
      const index = await (await app.request('/articles/index.json')).text();
      assert.ok(!index.includes('U-S-secret-blueprint'));
      assert.ok(!index.includes(BLUEPRINT_CABLE));
      const xml = await (await app.request('/feeds/articles.atom')).text();
      assert.ok(!xml.includes('U-S-secret-blueprint'));
      assert.ok(!xml.includes('fictional.html'));
      await store.setReleased([BLUEPRINT_CABLE], '2010-12-09T12:00Z');
      assert.equal((await app.request(BLUEPRINT)).status, 200);
    });

    test('a static mirror holds the article pages, the index and the feed', async () => {
      const dir = join(work, `mirror-${factory.name}`);
      await exportSite({ store, dbLocation: location, dir, workers: 0, skipBulk: true });
      assert.ok(existsSync(join(dir, 'articles', 'index.html')));
      assert.ok(existsSync(join(dir, 'articles', '2010', 'U-S-secret-blueprint-to-undermine.html')));
      assert.ok(existsSync(join(dir, 'articles', '2010', 'U-S-secret-blueprint-to-undermine.json')));
      assert.ok(existsSync(join(dir, 'articles', '2026', 'fictional.html')));
      assert.ok(existsSync(join(dir, 'feeds', 'articles.atom')));
      assert.ok(readFileSync(join(dir, 'articles', 'index.html'), 'utf8').includes('Test%2C32.html'));
      // A new article alone (no cable changed) reaches the mirror at the next export.
      const drafts = join(work, `later-${factory.name}`);
      mkdirSync(drafts, { recursive: true });
      writeFileSync(join(drafts, 'later.md'), '---\ntitle: A later fictional article\ndate: 2026-12-05\n---\nNo cable here.\n');
      assert.equal((await importArticles(store, [drafts])).new, 1);
      const again = await exportSite({ store, dbLocation: location, dir, workers: 0, skipBulk: true });
      assert.equal(again.reason, 'the public articles changed');
      assert.ok(existsSync(join(dir, 'articles', '2026', 'later.html')));
      assert.ok(readFileSync(join(dir, 'feeds', 'articles.atom'), 'utf8').includes('later.html'));
    });
  });
}
