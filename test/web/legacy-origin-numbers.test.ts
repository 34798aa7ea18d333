/**
 * Old numeric origin links (`/origin/N_P.html`): redirected only when the number meant one
 * origin in every build; otherwise a page that lists the candidates. The number tables are
 * checked against every cable page of every build in the corpus.
 */
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { LEGACY_ORIGIN_NUMBERS, resolveLegacyOrigin } from '../../src/web/legacy-origin-numbers.js';
import { ORIGIN_NUMBERS_BY_BUILD } from '../../src/web/legacy-origin-tables.js';
import { corpusSitePages, readTables } from '../../scripts/legacy-origin-tables.js';
import { needsCorpus } from '../support/corpus.js';
import { cleanupStores, storeFactories } from '../support/store-factories.js';
import { buildApp, get } from './web-fixture.js';

after(cleanupStores);

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    test('a number that meant different origins in different builds answers a page listing them, never a wrong redirect', async () => {
      const { app } = await buildApp(factory);
      // 109: Embassy Damascus in the April 2011 build, Consulate Rio de Janeiro on 2010-12-10.
      const res = await app.request('/origin/109_0.html');
      assert.equal(res.status, 200, 'not a redirect to one of them');
      const text = await res.text();
      assert.match(text, /<h1>Origin number 109 of the old site is ambiguous<\/h1>/);
      assert.match(text, /Embassy Damascus[^<]*<span class="hint">[^<]*<\/span> — in build 6,693 \/ 251,287 \(April 2011\)/);
      assert.match(text, /Consulate Rio De Janeiro.* — in build 1,295 \/ 251,287 \(2010-12-10\)/);
      const data = JSON.parse((await get(app, '/origin/109_0.json')).text);
      assert.deepEqual(data.candidates.map((c: { origin: string; builds: string[] }) => [c.origin, c.builds]), [
        ['Embassy Damascus', ['6693']],
        ['Consulate Rio De Janeiro', ['1295']],
      ]);
      // An origin the archive holds is linked (by slug, whatever its capitals).
      const four = JSON.parse((await get(app, '/origin/4_0.json')).text);
      const secstate = four.candidates.find((c: { origin: string }) => c.origin === 'Secretary of State');
      assert.equal(secstate.url, '/origin/secretary-of-state_0.html');
      assert.equal((await app.request(secstate.url)).status, 200);
      assert.ok(four.candidates.length >= 2);
      // Later pages of an ambiguous number lead to its page; unknown numbers are 404.
      const later = await app.request('/origin/109_3.html');
      assert.equal(later.status, 301);
      assert.equal(later.headers.get('location'), '/origin/109_0.html');
      assert.equal((await app.request('/origin/9999_0.html')).status, 404);
    });
  });
}

test('the rule: redirect only a number that names one origin in both complete builds and no other', () => {
  for (let n = 0; n < 400; n++) {
    const r = resolveLegacyOrigin(n);
    const meanings = new Set(Object.values(ORIGIN_NUMBERS_BY_BUILD).map((t) => t[n]).filter((o) => o !== undefined));
    if (meanings.size === 0) assert.equal(r, null, String(n));
    else if (r?.certain) {
      assert.equal(meanings.size, 1, String(n));
      assert.equal(ORIGIN_NUMBERS_BY_BUILD['1295'][n], ORIGIN_NUMBERS_BY_BUILD['6693'][n]);
    } else assert.deepEqual(new Set(r!.candidates.map((c) => c.origin)), meanings, String(n));
  }
  // The numbers of the two complete builds disagree almost everywhere.
  const shared = Object.keys(ORIGIN_NUMBERS_BY_BUILD['1295']).filter((n) => ORIGIN_NUMBERS_BY_BUILD['6693'][Number(n)] !== undefined);
  const same = shared.filter((n) => ORIGIN_NUMBERS_BY_BUILD['1295'][Number(n)] === ORIGIN_NUMBERS_BY_BUILD['6693'][Number(n)]);
  assert.ok(same.length < shared.length / 10, `${same.length} of ${shared.length} numbers agree`);
});

test('the number tables are exactly what every cable page of every build in the corpus links', needsCorpus(), () => {
  const fromPages = readTables(corpusSitePages());
  const table = Object.fromEntries([...fromPages].map(([b, t]) => [b, Object.fromEntries([...t].map(([n, o]) => [String(n), o]))]));
  const stored = Object.fromEntries(Object.entries(ORIGIN_NUMBERS_BY_BUILD).map(([b, t]) => [b, Object.fromEntries(Object.entries(t))]));
  assert.deepEqual(stored, table);
  assert.equal(Object.keys(LEGACY_ORIGIN_NUMBERS).length, 118, 'the 2010-12-10 build numbers 118 origins');
  assert.equal(Object.keys(ORIGIN_NUMBERS_BY_BUILD['6693']).length, 181, 'the April 2011 build links 181 origins');
});
