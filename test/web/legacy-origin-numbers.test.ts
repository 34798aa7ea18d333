import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEGACY_ORIGIN_NUMBERS } from '../../src/web/legacy-origin-numbers.js';
import { extracted, listFiles, needsCorpus } from '../support/corpus.js';
import { cleanupStores, storeFactories } from '../support/store-factories.js';
import { buildApp } from './web-fixture.js';

after(cleanupStores);

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    test('the 2010 site numeric origin pages redirect to the readable origin pages', async () => {
      const { app, store } = await buildApp(factory);
      const res = await app.request('/origin/4_0.html');
      assert.equal(res.status, 301);
      assert.equal(res.headers.get('location'), '/origin/secretary-of-state_0.html');
      assert.equal((await app.request(res.headers.get('location')!)).status, 200);
      assert.equal((await app.request('/origin/4_0.json')).headers.get('location'), '/origin/secretary-of-state_0.json');
      assert.equal((await app.request('/origin/9999_0.html')).status, 404);
      await store.close();
    });
  });
}

test('the numbers agree with every cable page of the 2010-12-10 reference site', needsCorpus(), () => {
  const site = extracted('site-2010-12-10-complete');
  let checked = 0;
  for (const file of listFiles(join(site, 'cable'), '.html')) {
    const html = readFileSync(file, 'utf8');
    const table = html.slice(html.indexOf("<table class='cable'>"));
    const m = /<a href='\/origin\/(\d+)_0\.html'>([^<]+)<\/a>/.exec(table);
    assert.ok(m, `${file}: no origin link`);
    assert.equal(LEGACY_ORIGIN_NUMBERS[Number(m[1])], m[2], file);
    checked++;
  }
  assert.equal(checked, 1295);
});
