/** Timelines (cables by creation month) on page 0 of origin, tag and classification pages, on every store. */
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { classificationNumber, type Classification } from '../../src/domain/classification.js';
import { cleanupStores, storeFactories } from '../support/store-factories.js';
import { BULK, buildApp, get } from './web-fixture.js';

after(cleanupStores);

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    test('origin, tag and classification pages show their released cables by month, with a title per bar and a table', async () => {
      const { app, store } = await buildApp(factory);
      const origin = JSON.parse((await get(app, '/origin/embassy-alphaville_0.json')).text);
      // Alphaville: every third bulk cable (months from i % 12) and 10ALPHAVILLE5 (2010-02).
      const expected = new Map<string, number>();
      for (let i = 3; i <= BULK; i += 3) {
        const month = `2009-${String((i % 12) + 1).padStart(2, '0')}`;
        expected.set(month, (expected.get(month) ?? 0) + 1);
      }
      expected.set('2010-02', 1);
      assert.deepEqual(origin.timeline, [...expected].sort().map(([month, count]) => ({ month, count })));
      assert.equal(origin.timeline.reduce((s: number, m: { count: number }) => s + m.count, 0), origin.total);

      const tag = await get(app, '/tag/PTER_0.html');
      assert.match(tag.text, /<svg class="timeline" role="img" aria-labelledby="timeline-title"/);
      assert.match(tag.text, /<title id="timeline-title">PTER: released cables per creation month, 2010-01 to 2010-01: 1 cables/);
      assert.match(tag.text, /<rect class="bar"[^>]*><title>2010-01: 1<\/title><\/rect>/);
      assert.match(tag.text, /<table class="timeline-table">\s*<caption>PTER: released cables by month of creation<\/caption>/);
      assert.match(tag.text, /<th scope="row">2010<\/th><td><a href="\/date\/2010-01_0.html">1<\/a><\/td>/);

      // The embargo: an unreleased cable (09GAMMAVILLE3) counts in no timeline.
      assert.equal((await app.request('/tag/EMBARGOTAG_0.json')).status, 404);
      const classes = await store.countBy('classification', { releasedOnly: true });
      for (const c of classes) {
        const n = classificationNumber(c.key as Classification);
        const page = JSON.parse((await get(app, `/classification/${n}_0.json`)).text);
        assert.equal(page.timeline.reduce((s: number, m: { count: number }) => s + m.count, 0), c.count, c.key);
      }

      // Later pages stay the same as the archive grows: no timeline there.
      const page1 = JSON.parse((await get(app, '/tag/PREL_1.json')).text);
      assert.equal(page1.timeline, null);
      assert.equal(JSON.parse((await get(app, '/date/2009-02_0.json')).text).timeline, null, 'a month is one point of a timeline');
    });
  });
}
