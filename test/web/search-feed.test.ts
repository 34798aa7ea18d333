/**
 * Saved searches: `/search.atom?q=...` on every store. The feed validates as Atom against
 * RFC 4287's RELAX NG schema (jing, Debian's package), lists the newest released matches
 * first, never an unreleased one, and shows a cable released after it was first read.
 */
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../src/web/app.js';
import { cleanupStores, storeFactories, type StoreFactory } from '../support/store-factories.js';
import { atomProblems } from '../support/atom-schema.js';
import { get, input, parsedCable } from './web-fixture.js';

after(cleanupStores);

async function setup(factory: StoreFactory) {
  let now = new Date('2012-05-01T09:00:00Z');
  const store = await factory.open({ label: 'searchfeed', now: () => now });
  await store.putCables([
    input(parsedCable({ canonicalId: '10ALPHAVILLE1', created: '2010-01-05T00:00Z', origin: 'Embassy Alphaville', tags: ['PREL'], subject: 'PIPELINE TALKS', body: '1. (C) The pipeline talks went on.' }), null),
    input(parsedCable({ canonicalId: '10ALPHAVILLE2', created: '2010-02-05T00:00Z', origin: 'Embassy Alphaville', tags: ['PREL'], subject: 'PIPELINE AGAIN <b>', body: '1. (C) More on the pipeline.' }), null),
    input(parsedCable({ canonicalId: '09ZETAVILLE4', created: '2009-03-05T00:00Z', origin: 'Embassy Zetaville', tags: ['PTER'], subject: 'ZETA PIPELINE SECRET', body: '1. (S) Hidden pipeline text.' }), null),
    input(parsedCable({ canonicalId: '10BETAVILLE9', created: '2010-03-05T00:00Z', origin: 'Embassy Betaville', tags: ['ECON'], subject: 'WHEAT', body: '1. (U) Wheat prices.' }), null),
  ]);
  await store.applyRelease({ action: 'release', items: [{ canonicalId: '10ALPHAVILLE1' }, { canonicalId: '10BETAVILLE9' }], at: '2012-05-01T08:00Z' });
  // Cached pages, as a server runs: the feed must still change when a release falls due.
  const app = createApp(store, { baseUrl: 'http://localhost', logError: () => {} });
  return { store, app, setNow: (iso: string) => (now = new Date(iso)) };
}

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    test('a search feed is valid Atom, newest release first, and shows a cable released after it was first read', async () => {
      const { store, app, setNow } = await setup(factory);
      await store.applyRelease({ action: 'release', items: [{ canonicalId: '10ALPHAVILLE2' }], at: '2012-05-02T08:00Z' });
      const first = await get(app, '/search.atom?q=pipeline');
      assert.equal(first.res.status, 200);
      assert.match(first.res.headers.get('content-type')!, /^application\/atom\+xml/);
      assert.equal(atomProblems(first.text), '');
      assert.match(first.text, /10ALPHAVILLE1/);
      assert.doesNotMatch(first.text, /10ALPHAVILLE2/, 'scheduled, not yet released');
      assert.doesNotMatch(first.text, /ZETA/, 'never released');
      assert.doesNotMatch(first.text, /10BETAVILLE9/, 'does not match');
      assert.match(first.text, /<link rel="self" href="http:\/\/localhost\/search\.atom\?q=pipeline"\/>/);

      setNow('2012-05-02T08:00:30Z');
      await new Promise((r) => setTimeout(r, 300)); // the app checks the store's change token every 250 ms
      const later = await get(app, '/search.atom?q=pipeline');
      assert.equal(atomProblems(later.text), '');
      const ids = [...later.text.matchAll(/<id>http:\/\/localhost\/cable\/\d{4}\/\d{2}\/(\w+)\.html<\/id>/g)].map((m) => m[1]);
      assert.deepEqual(ids, ['10ALPHAVILLE2', '10ALPHAVILLE1'], 'the new release first');
      assert.match(later.text, /<updated>2012-05-02T08:00:00.000Z<\/updated>/);
      assert.ok(!later.text.includes('<b>'), 'subjects are escaped');
      assert.doesNotMatch(later.text, /ZETA/);
    });

    test('same query language; a query with no match yet is an empty valid feed; bad queries are 400', async () => {
      const { app } = await setup(factory);
      const tag = await get(app, '/search.atom?q=tag%3APREL');
      assert.match(tag.text, /10ALPHAVILLE1/);
      assert.doesNotMatch(tag.text, /10BETAVILLE9/);
      const none = await get(app, '/search.atom?q=nothingmatchesthis');
      assert.equal(none.res.status, 200);
      assert.equal(atomProblems(none.text), '');
      assert.doesNotMatch(none.text, /<entry>/);
      const bad = await app.request('/search.atom?q=classification%3Anonsense');
      const badText = await bad.text();
      assert.equal(bad.status, 400, badText);
      assert.match(badText, /unknown classification/);
      assert.equal((await app.request('/search.atom')).status, 400);
      assert.equal((await app.request('/search.atom?q=%20%20')).status, 400);
    });

    test('the results page links its feed (rel=alternate and in the page); not when the query cannot run', async () => {
      const { app } = await setup(factory);
      const page = await get(app, '/search?q=pipeline');
      assert.match(page.text, /<link rel="alternate" type="application\/atom\+xml" title="[^"]*pipeline[^"]*" href="\/search\.atom\?q=pipeline">/);
      assert.match(page.text, /<a href="\/search\.atom\?q=pipeline" type="application\/atom\+xml">/);
      const json = JSON.parse((await get(app, '/search.json?q=pipeline')).text);
      assert.equal(json.links.feed, '/search.atom?q=pipeline');
      const empty = await get(app, '/search?q=nothingmatchesthis');
      assert.match(empty.text, /href="\/search\.atom\?q=nothingmatchesthis"/, 'a search with no match yet can be followed');
      const bad = await get(app, '/search?q=classification%3Anonsense');
      assert.doesNotMatch(bad.text, /search\.atom/);
    });
  });
}
