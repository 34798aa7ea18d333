/**
 * The change log (`/changes/index.html`, its JSON twin, `/feeds/changes.atom`) on every
 * store: a new public version with its diff, a withdrawal with its reason (never which
 * cable), newest first, paged; nothing about unreleased cables; the feed is valid Atom.
 */
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../src/web/app.js';
import { CHANGES_PAGE_SIZE } from '../../src/web/changes-page.js';
import { atomProblems } from '../support/atom-schema.js';
import { cleanupStores, storeFactories, type StoreFactory } from '../support/store-factories.js';
import { get, input, parsedCable } from '../web/web-fixture.js';

after(cleanupStores);

const PAST = '2010-11-28T18:00Z';

async function setup(factory: StoreFactory) {
  const store = await factory.open({ label: 'changelog' });
  const cable = (id: string, subject: string, released: string | null, raw?: string) =>
    input(parsedCable({ canonicalId: id, created: '2009-04-05T00:00Z', origin: 'Embassy Alphaville', subject, body: `1. (C) ${subject}` }), released, raw);
  await store.putCables([cable('09ALPHAVILLE1', 'FIRST TEXT', PAST), cable('09BETAVILLE2', 'BETA <SECRET> SOURCE', PAST), cable('09GAMMAVILLE3', 'GAMMA HIDDEN', null)]);
  // A second text of 09ALPHAVILLE1, made public: a new version. 09BETAVILLE2 withdrawn. 09GAMMAVILLE3 scheduled far ahead, then withdrawn.
  await store.putCables([cable('09ALPHAVILLE1', 'CORRECTED TEXT', null, 'raw text of 09ALPHAVILLE1, corrected')]);
  await store.applyRelease({ action: 'release', items: [{ canonicalId: '09ALPHAVILLE1', version: 2 }], at: '2011-01-02T03:04Z' });
  await store.applyRelease({ action: 'withdraw', items: [{ canonicalId: '09BETAVILLE2' }], reason: 'it names a <b>source</b>' });
  await store.applyRelease({ action: 'release', items: [{ canonicalId: '09GAMMAVILLE3' }], at: '2999-01-01T00:00Z' });
  await store.applyRelease({ action: 'withdraw', items: [{ canonicalId: '09GAMMAVILLE3' }], reason: 'GAMMA REASON' });
  // The feed's absolute links come from the configured base URL (never the request's Host).
  return { store, app: createApp(store, { cacheTtlMs: 0, baseUrl: 'http://localhost', logError: (e) => { throw e; } }) };
}

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    test('the change log lists a new public version with its diff and a withdrawal with its reason, newest first; nothing unreleased', async () => {
      const { app } = await setup(factory);
      const data = JSON.parse((await get(app, '/changes/index.json')).text);
      assert.equal(data.total, 2);
      assert.deepEqual(
        data.changes.map((c: { kind: string; id: string | null; reason: string | null; diff: string | null }) => [c.kind, c.id, c.reason, c.diff]),
        [
          ['withdrawal', null, 'it names a <b>source</b>', null],
          ['version', '09ALPHAVILLE1', null, '/cable/2009/04/09ALPHAVILLE1/diff-1-2.html'],
        ],
      );
      const page = await get(app, '/changes/index.html');
      assert.equal(page.res.status, 200);
      assert.match(page.text, /<a href="\/cable\/2009\/04\/09ALPHAVILLE1.html">09ALPHAVILLE1<\/a>: <strong>new public version<\/strong> 2 \(was 1\), <a href="\/cable\/2009\/04\/09ALPHAVILLE1\/diff-1-2.html">what changed<\/a>/);
      assert.match(page.text, /a cable was <strong>withdrawn<\/strong>\. Reason: it names a &lt;b&gt;source&lt;\/b&gt;/);
      assert.equal((await app.request('/cable/2009/04/09ALPHAVILLE1/diff-1-2.html')).status, 200, 'the diff link works');
      for (const text of [page.text, JSON.stringify(data)]) {
        assert.doesNotMatch(text, /09BETAVILLE2|BETA/, 'a withdrawn cable is not named');
        assert.doesNotMatch(text, /GAMMA/, 'a cable never public leaves no trace');
      }
      assert.match(page.text, /<a href="\/changes\/index.html">Change log<\/a>/, 'linked from every page (footer)');
      assert.equal((await app.request('/changes/1.html')).status, 404, 'one page only');
      assert.equal((await app.request('/changes')).status, 301);
    });

    test('the change log feed is valid Atom with the same changes; the log is paged', async () => {
      const { store, app } = await setup(factory);
      const feed = await get(app, '/feeds/changes.atom');
      assert.equal(feed.res.status, 200);
      assert.equal(atomProblems(feed.text), '');
      assert.match(feed.text, /09ALPHAVILLE1: version 2 is now the public text \(was version 1\)/);
      assert.match(feed.text, /<link href="http:\/\/localhost\/cable\/2009\/04\/09ALPHAVILLE1\/diff-1-2.html"/);
      assert.match(feed.text, /A cable was withdrawn: it names a &lt;b&gt;source/);
      assert.doesNotMatch(feed.text, /BETA|GAMMA/);

      // More changes than a page: each new public version is one more change.
      const extra = CHANGES_PAGE_SIZE;
      for (let v = 3; v < 3 + extra; v++) {
        await store.putCables([input(parsedCable({ canonicalId: '09ALPHAVILLE1', created: '2009-04-05T00:00Z', subject: `TEXT ${v}`, body: `text ${v}` }), null, `raw ${v}`)]);
        await store.applyRelease({ action: 'release', items: [{ canonicalId: '09ALPHAVILLE1', version: v }], at: `2011-02-${String(1 + (v % 27)).padStart(2, '0')}T00:${String(v).padStart(2, '0')}Z` });
      }
      const first = JSON.parse((await get(app, '/changes/index.json')).text);
      assert.equal(first.total, 2 + extra);
      assert.equal(first.changes.length, CHANGES_PAGE_SIZE);
      assert.equal(first.next, '/changes/1.html');
      const second = JSON.parse((await get(app, '/changes/1.json')).text);
      assert.equal(second.changes.length, 2);
      assert.equal(second.prev, '/changes/index.html');
      const ats = [...first.changes, ...second.changes].map((c: { at: string }) => c.at);
      assert.deepEqual([...ats].sort().reverse(), ats, 'newest first');
    });
  });
}
