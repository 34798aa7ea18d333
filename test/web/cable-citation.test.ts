/** "Cite this cable": the citation line, the downloads (BibTeX, RIS, CSL-JSON) and print; on every store. */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { citationFacts, citationFile } from '../../src/web/cable-citation.js';
import type { Store } from '../../src/store/store.js';
import { STYLESHEET } from '../../src/web/stylesheet.js';
import { cleanupStores, storeFactories } from '../support/store-factories.js';
import { buildApp, get, parsedCable } from './web-fixture.js';

const ALPHA = '/cable/2010/02/10ALPHAVILLE5';

after(cleanupStores);

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    let app: Hono;
    let store: Store;
    let hash: string;
    let version: number;
    before(async () => {
      // The citation's absolute URL comes from the configured base URL (serve --base-url).
      ({ app, store } = await buildApp(factory, { baseUrl: 'http://localhost' }));
      const stored = (await store.getCable('10ALPHAVILLE5', { releasedOnly: true }))!;
      version = stored.currentVersion;
      hash = (await store.versionFacts('10ALPHAVILLE5', { releasedOnly: true })).find((v) => v.number === version)!.contentHash;
    });

    test('the cable page has a citation line: id, subject, origin, date, archive, absolute URL, version, hash, accessed', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const { text } = await get(app, `${ALPHA}.html`);
      assert.ok(text.includes('<h2 id="cite-title">Cite this cable</h2>'));
      const line = /<p class="citation">([^<]*)<\/p>/.exec(text)?.[1];
      assert.ok(line, 'citation line');
      for (const part of ['10ALPHAVILLE5', 'FICTIONAL MEETING ON WIDGETS', 'Embassy Alphaville', '2010-02-24', 'Cablegate', `version ${version}`, hash, 'http://localhost/cable/2010/02/10ALPHAVILLE5.html', `accessed ${today}`]) {
        assert.ok(line.includes(part), `${part} in ${line}`);
      }
      for (const file of ['cite.bib', 'cite.ris', 'cite.csl.json']) assert.ok(text.includes(`href="${ALPHA}/${file}"`), file);
      const data = JSON.parse((await get(app, `${ALPHA}.json`)).text);
      assert.equal(data.citation.contentHash, hash);
      assert.equal(data.citation.version, version);
      assert.equal(data.citation.url, 'http://localhost/cable/2010/02/10ALPHAVILLE5.html');
    });

    test('downloads in BibTeX, RIS and CSL-JSON carry the URL, the version and the whole hash', async () => {
      const bib = await get(app, `${ALPHA}/cite.bib`);
      assert.equal(bib.res.status, 200);
      assert.match(bib.res.headers.get('content-type') ?? '', /application\/x-bibtex/);
      assert.match(bib.text, /^@misc\{/);
      assert.match(bib.text, /url = \{http:\/\/localhost\/cable\/2010\/02\/10ALPHAVILLE5\.html\}/);
      assert.match(bib.text, new RegExp(`version = \\{${version}\\}`));
      assert.match(bib.text, /urldate = \{\d{4}-\d{2}-\d{2}\}/);
      assert.ok(bib.text.includes(hash));

      const ris = await get(app, `${ALPHA}/cite.ris`);
      assert.equal(ris.res.status, 200);
      assert.match(ris.text, /^TY {2}- GEN/m);
      assert.match(ris.text, /^UR {2}- http:\/\/localhost\/cable\/2010\/02\/10ALPHAVILLE5\.html$/m);
      assert.match(ris.text, /^ER {2}- /m);
      assert.ok(ris.text.split('\n').some((l) => l.startsWith('N1  - ') && l.includes(hash)), 'the hash on one line');
      for (const l of ris.text.split('\n')) assert.ok(l === '' || /^[A-Z][A-Z0-9] {2}- /.test(l), `RIS line: ${l}`);

      const csl = await get(app, `${ALPHA}/cite.csl.json`);
      assert.equal(csl.res.status, 200);
      const items = JSON.parse(csl.text);
      assert.equal(items.length, 1);
      assert.equal(items[0].URL, 'http://localhost/cable/2010/02/10ALPHAVILLE5.html');
      assert.equal(items[0].version, String(version));
      assert.equal(items[0].number, '10ALPHAVILLE5');
      assert.deepEqual(items[0].issued, { 'date-parts': [[2010, 2, 24]] });
      assert.ok(!('_graph' in items[0]));
    });

    test('citations exist only for released cables; other spellings redirect', async () => {
      assert.equal((await get(app, '/cable/2009/05/09GAMMAVILLE3/cite.bib')).res.status, 404, 'unreleased');
      assert.equal((await get(app, '/cable/2010/02/10NOWHERE1/cite.ris')).res.status, 404);
      const r = await app.request('/cable/2010/02/10alphaville5/cite.bib');
      assert.equal(r.status, 301);
      assert.equal(r.headers.get('location'), `${ALPHA}/cite.bib`);
    });
  });
}

test('the print stylesheet prints the URL and version and hides the downloads', () => {
  const print = STYLESHEET.slice(STYLESHEET.indexOf('@media print'));
  assert.match(print, /\.print-only \{ display: block/);
  assert.match(print, /\.cite-downloads/);
  assert.match(STYLESHEET.slice(0, STYLESHEET.indexOf('@media')), /\.print-only \{ display: none; \}/);
});

test('a subject with BibTeX and RIS syntax stays one field', () => {
  const facts = citationFacts({
    id: '10ALPHAVILLE5',
    cable: parsedCable({ canonicalId: '10ALPHAVILLE5', subject: 'A {BRACE} } AND\nER  - INJECTED', created: '2010-02-24T14:08Z', origin: 'Embassy Alphaville' }),
    currentVersion: 1,
    versions: [{ number: 1, contentHash: 'f'.repeat(64) }],
    url: 'https://mirror.example.org/cable/2010/02/10ALPHAVILLE5.html',
    now: new Date('2026-12-04T12:00:00Z'),
  });
  const ris = citationFile(facts, 'ris');
  assert.equal(ris.split('\n').filter((l) => l.startsWith('ER  - ')).length, 1, ris);
  const bib = citationFile(facts, 'bibtex');
  assert.equal(bib.trim().split('\n').filter((l) => l.startsWith('@')).length, 1);
});
