/**
 * The site over an imported demo archive (generated fictional site pages, imported like
 * real ones), and over part of the real 2010-12-10 site when the corpus is present; on
 * every store.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { generateDemoCorpus } from '../../src/demo/generate-demo-corpus.js';
import { importArchive } from '../../src/import/import-archive.js';
import type { Store } from '../../src/store/store.js';
import { createApp } from '../../src/web/app.js';
import { cablePath } from '../../src/web/paths.js';
import { extracted, needsCorpus } from '../support/corpus.js';
import { cleanupStores, storeFactories } from '../support/store-factories.js';

let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cablegate-web-demo-'));
  await generateDemoCorpus({ count: 160, seed: 11, out: dir });
});

after(async () => {
  await cleanupStores();
  rmSync(dir, { recursive: true, force: true });
});

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    let store: Store;
    let app: Hono;
    let hiddenId: string;

    before(async () => {
      store = await factory.open({ label: 'demo' });
      const summary = await importArchive(store, [dir], { workers: 0 });
      assert.equal(summary.rejected, 0);
      // Put one cited cable under embargo.
      const { rows } = await store.listCables({ releasedOnly: true, limit: 1000 });
      const cited = [];
      for (const r of rows) if ((await store.citedBy(r.canonicalId, { releasedOnly: true })).length) cited.push(r.canonicalId);
      assert.ok(cited.length > 0, 'the demo archive has cables citing each other');
      hiddenId = cited[0];
      await store.setReleased([hiddenId], null);
      app = createApp(store, { cacheTtlMs: 0, logError: () => {} });
    });

    after(async () => {
      await store?.close();
    });

    async function getJson(path: string) {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      return res.json();
    }

    test('every released demo cable has a page; references and cited-by agree', async () => {
      const { rows, total } = await store.listCables({ releasedOnly: true, limit: 1000 });
      assert.equal(rows.length, total);
      const citesOf = new Map<string, string[]>();
      const citedByOf = new Map<string, string[]>();
      for (const r of rows) {
        const res = await app.request(cablePath(r.canonicalId, r.created));
        assert.equal(res.status, 200, r.canonicalId);
        const html = await res.text();
        const data = await getJson(cablePath(r.canonicalId, r.created, 'json'));
        assert.equal(data.id, r.canonicalId);
        for (const t of data.cable.tags) assert.ok(html.includes(`href="/tag/${encodeURIComponent(t)}_0.html"`), `${r.canonicalId} links tag ${t}`);
        const linked = data.references.filter((x: { url: string | null }) => x.url).map((x: { value: string }) => x.value);
        assert.ok(!linked.includes(hiddenId), 'no link to the embargoed cable');
        for (const id of linked) assert.ok(html.includes(`href="${data.references.find((x: { value: string }) => x.value === id).url}"`));
        citesOf.set(r.canonicalId, linked);
        citedByOf.set(r.canonicalId, data.citedBy.map((c: { id: string }) => c.id));
        assert.ok(!data.citedBy.some((c: { id: string }) => c.id === hiddenId));
      }
      // A linked reference A -> B shows up as "cited by A" on B.
      let pairs = 0;
      for (const [from, tos] of citesOf) {
        for (const to of tos) {
          pairs++;
          assert.ok(citedByOf.get(to)?.includes(from), `${to} is cited by ${from}`);
        }
      }
      assert.ok(pairs > 0);
    });

    test('the embargoed demo cable is invisible and uncounted', async () => {
      const hidden = await store.getCable(hiddenId);
      assert.ok(hidden);
      assert.equal((await app.request(cablePath(hiddenId, hidden.cable.created))).status, 404);
      assert.equal((await app.request(`/cable/${hiddenId}`)).status, 404);
      const home = await getJson('/index.json');
      assert.equal(home.total, (await store.stats()).total);
      assert.equal(home.released, home.total - 1);
      const month = hidden.cable.created!.slice(0, 7);
      const res = await app.request(`/date/${month}_0.json`);
      if (res.status === 200) assert.ok(!(await res.json()).rows.some((r: { id: string }) => r.id === hiddenId));
      const dates = await getJson('/date/index.json');
      const total = dates.years.reduce((s: number, y: { count: number }) => s + y.count, 0);
      assert.equal(total, home.released);
    });

    test('each browse index leads to pages whose totals add up to the released count', async () => {
      const home = await getJson('/index.json');
      const days = await getJson('/reldate/index.json');
      let sum = 0;
      for (const d of days.days) sum += (await getJson(d.url.replace(/\.html$/, '.json'))).total;
      assert.equal(sum, home.released);
      const classes = await getJson('/classification/index.json');
      sum = 0;
      for (const c of classes.classifications) sum += (await getJson(c.url.replace(/\.html$/, '.json'))).total;
      assert.equal(sum, home.released);
      const origins = await getJson('/origin/index.json');
      for (const g of origins.groups) for (const o of g.items) assert.equal((await getJson(o.url.replace(/\.html$/, '.json'))).total, o.count, o.key);
    });

    test('pages of the real 2010-12-10 site render after import', needsCorpus(), async () => {
      const site = extracted('site-2010-12-10-complete');
      const realStore = await factory.open({ label: 'real' });
      try {
        const summary = await importArchive(realStore, [join(site, 'cable', '2010')], { workers: 0 });
        assert.ok(summary.stored > 0);
        const realApp = createApp(realStore, { cacheTtlMs: 0, logError: (e) => { throw e; } });
        const { rows } = await realStore.listCables({ releasedOnly: true, limit: 100000 });
        assert.ok(rows.length > 0);
        let anchors = 0;
        for (const r of rows) {
          const res = await realApp.request(cablePath(r.canonicalId, r.created));
          assert.equal(res.status, 200, r.canonicalId);
          const html = await res.text();
          assert.ok(!/="(undefined|null)"|>(undefined|null)</.test(html), r.canonicalId);
          anchors += (html.match(/<a class="par" id="par\d+"/g) ?? []).length;
        }
        assert.ok(anchors > rows.length, 'paragraph permalinks are found in real cables');
        for (const path of ['/', '/origin/index.html', '/tag/index.html', '/date/index.html', '/reldate/index.html', '/classification/index.html']) {
          assert.equal((await realApp.request(path)).status, 200, path);
        }
      } finally {
        await realStore.close();
      }
    });
  });
}
