/**
 * Every tag a cable page links to has its tag page (issue #14): tags of every shape the
 * TAGS parser gives (codes, code-shaped unknowns such as `AU-I`, person tags with a comma
 * and an initial, multi-word phrases), parsed from fictional TAGS lines, on every store.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { parseTags } from '../../src/parse/fields/index.js';
import { createApp } from '../../src/web/app.js';
import { cleanupStores, storeFactories } from '../support/store-factories.js';
import { get, input, parsedCable } from './web-fixture.js';

after(cleanupStores);

const LINES = [
  'TAGS: PREL PGOV XQ\nRUN-OFF,\nSEEKS HELP IN BUILDING A COALITION\n\n1. text',
  'TAGS: OVIP SAMPLE JAMES PREL\nAU-I, XQ\nSUBJECT: S',
  'TAGS: PGOV, GOI EXTERNAL, ZANU-PF, (STEINBERG, JAMES B.)\nSUBJECT: S',
  'E.O. 12958: DECL: 01/01/2019TAGS: KFRDKIRF XQ\n\n1. text',
];

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    let app: Hono;
    const ids: string[] = [];
    before(async () => {
      const store = await factory.open({ label: 'taglinks' });
      const inputs = LINES.map((body, i) => {
        const canonicalId = `10TAGTOWN${i + 1}`;
        ids.push(canonicalId);
        return input(parsedCable({ canonicalId, created: `2010-01-0${i + 1}T10:00Z`, tags: parseTags(body), subject: `TAG SUBJECT ${i + 1}`, body }), '2010-12-06T21:00Z');
      });
      await store.putCables(inputs);
      app = createApp(store, { cacheTtlMs: 0, logError: () => {} });
    });

    test('no body word becomes a tag', () => {
      assert.deepEqual(parseTags(LINES[0]), ['PREL', 'PGOV', 'XQ']);
    });

    test('each tag link of each cable page leads to a tag page that lists the cable', async () => {
      let links = 0;
      for (const id of ids) {
        const page = await get(app, `/cable/2010/01/${id}.html`);
        assert.equal(page.res.status, 200, id);
        const hrefs = [...page.text.matchAll(/href="(\/tag\/[^"]+_0\.html)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
        assert.ok(hrefs.length > 0, `${id} links to no tag`);
        for (const href of hrefs) {
          links++;
          const tagPage = await get(app, href);
          assert.equal(tagPage.res.status, 200, `${id}: ${href} -> ${tagPage.res.status}`);
          assert.ok(tagPage.text.includes(id), `${href} does not list ${id}`);
        }
      }
      assert.ok(links >= 12, `only ${links} tag links`);
    });
  });
}
