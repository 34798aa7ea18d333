/**
 * The map of origins: every origin of the real corpus is placed (origin-places.ts) or
 * listed beside the map; the map page, its JSON twin and the locator map of an origin
 * page on every store.
 */
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { placeOrigins } from '../../src/web/origin-places.js';
import { corpusDir, extracted, listFiles, needsCorpus } from '../support/corpus.js';
import { cleanupStores, storeFactories } from '../support/store-factories.js';
import { buildApp, get } from './web-fixture.js';

after(cleanupStores);

/** Origin names linked from pages (`<a href='/origin/N_0.html'>Embassy Paris</a>`: cable tables and navigation). */
function originLinks(html: string, into: Set<string>): void {
  for (const m of html.matchAll(/href=['"]\/origin\/\d+_0\.html['"][^>]*>([^<]+)<\/a>/g)) {
    const name = m[1].replace(/&amp;/g, '&').trim();
    if (/[A-Za-z]{2}/.test(name)) into.add(name);
  }
}

test('every origin of the real corpus is placed on the map, or has no fixed place (a travelling delegation)', needsCorpus(), async () => {
  const origins = new Set<string>();
  // The final build's navigation lists every origin of the whole archive (274); the cable
  // tables of the other builds add the spellings of their time.
  for (const f of listFiles(join(corpusDir, 'site-2011-08-final'), '.html')) originLinks(readFileSync(f, 'utf8'), origins);
  assert.ok(origins.size >= 274, `${origins.size} origins in the final build's navigation`);
  for (const f of listFiles(join(extracted('site-2011-04-cables'), 'cable'), '.html')) originLinks(readFileSync(f, 'utf8'), origins);
  originLinks(readFileSync(join(extracted('site-2010-12-10-complete'), 'index.html'), 'utf8'), origins);

  const { placed, unplaced } = await placeOrigins([...origins]);
  assert.equal(placed.size + unplaced.length, origins.size, 'nothing dropped');
  assert.deepEqual(unplaced.filter((o) => !/^US Delegation\b/.test(o)), [], 'only travelling delegations have no place');
  for (const [o, p] of placed) assert.ok(Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180, o);
  // The rules pick the right city of a name (a capital first, then the most populous).
  const country = (o: string) => placed.get(o)?.country;
  assert.equal(country('Consulate Hamilton'), 'BM');
  assert.equal(country('Consulate St Petersburg'), 'RU');
  assert.equal(country('Embassy Mexico'), 'MX');
  assert.equal(country('Consulate Alexandria'), 'EG');
  assert.equal(country('Embassy Santiago'), 'CL');
  assert.equal(country('Embassy La Paz'), 'BO');
  assert.equal(country('Embassy Rangoon'), 'MM');
  assert.equal(country('Mission USNATO'), 'BE');
  assert.equal(country('Secretary of State'), 'US');
  assert.equal(placed.get('USMISSION USTR GENEVA')?.city, 'Genève');
});

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    test('the origin index draws the map: a linked circle per placed origin, the others listed beside it; an origin page has a locator map', async () => {
      const { app } = await buildApp(factory, { pageSize: 20 });
      const index = await get(app, '/origin/index.html');
      assert.equal(index.res.status, 200);
      assert.match(index.text, /<svg class="world-map" viewBox="0 0 960 480" aria-labelledby="map-title"/);
      assert.match(index.text, /<a href="\/origin\/consulate-port-au-prince_0.html"><title>Consulate Port Au Prince: 40 cables<\/title><circle cx="\d+" cy="\d+" r="[\d.]+"><\/circle><\/a>/);
      assert.match(index.text, /<a href="\/origin\/secretary-of-state_0.html"><title>Secretary of State: 40 cables<\/title>/);
      // Fictional places cannot be placed: listed beside the map, linked, escaped.
      const beside = /Not on the map \(no fixed place\): (.*?)\.<\/figcaption>/s.exec(index.text)?.[1] ?? '';
      assert.match(beside, /<a href="\/origin\/embassy-alphaville_0.html">Embassy Alphaville<\/a> \(41\)/);
      assert.match(beside, /Embassy &lt;i&gt;Evil&lt;\/i&gt;town/);
      assert.doesNotMatch(index.text, /Gammaville/, 'an origin with no released cable is not on the map');
      const json = JSON.parse((await get(app, '/origin/index.json')).text);
      assert.deepEqual(json.map.placed.map((p: { key: string; country: string }) => [p.key, p.country]), [
        ['Consulate Port Au Prince', 'HT'],
        ['Secretary of State', 'US'],
      ]);
      assert.deepEqual(json.map.unplaced.map((p: { key: string }) => p.key).sort(), ['Embassy <i>Evil</i>town', 'Embassy Alphaville', 'Embassy Betaville']);

      const page = await get(app, '/origin/consulate-port-au-prince_0.html');
      assert.match(page.text, /<svg class="locator-map" role="img" aria-labelledby="locator-title"/);
      assert.match(page.text, /Consulate Port Au Prince is in Port-au-Prince \(HT\)/);
      assert.equal(JSON.parse((await get(app, '/origin/consulate-port-au-prince_0.json')).text).place.country, 'HT');
      assert.equal(JSON.parse((await get(app, '/origin/embassy-alphaville_0.json')).text).place, null);
      assert.equal(JSON.parse((await get(app, '/origin/consulate-port-au-prince_1.json')).text).place, null, 'page 0 only');
    });
  });
}
