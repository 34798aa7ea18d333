import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp } from '../../src/web/app.js';
import { cleanupStores, storeFactories } from '../support/store-factories.js';
import { buildArchive } from './web-fixture.js';

after(cleanupStores);

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    test('cached pages are dropped as soon as the archive changes: a withdrawal or release shows within a second', async () => {
      const store = await buildArchive(factory);
      const app = createApp(store, { cacheTtlMs: 600_000 });
      const path = '/cable/2010/02/10ALPHAVILLE5.html';
      assert.equal((await app.request(path)).status, 200);
      assert.equal((await app.request(path)).status, 200, 'second request served from the cache');
      const homeBefore = await (await app.request('/index.json')).json();

      // Another process (the CLI) takes the cable down: the server notices without a restart.
      await store.setReleased(['10ALPHAVILLE5'], null);
      await sleep(300);
      assert.equal((await app.request(path)).status, 404);
      const homeAfter = await (await app.request('/index.json')).json();
      assert.notDeepEqual(homeAfter, homeBefore, 'the home page counts changed too');

      await store.setReleased(['10ALPHAVILLE5'], '2010-12-06T21:09Z');
      await sleep(300);
      assert.equal((await app.request(path)).status, 200);
      await store.close();
    });
  });
}
