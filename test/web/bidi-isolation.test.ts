/**
 * Right-to-left override characters in cable text (U+202E and the other embedding,
 * override and isolate controls) are isolated on every page that shows the text: each run
 * in its own `<bdi>`, so it cannot reorder the id, the dates or the words around it.
 */
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { isolateBidi } from '../../src/web/html.js';
import { cleanupStores, storeFactories } from '../support/store-factories.js';
import { buildApp, get, input, parsedCable } from './web-fixture.js';

after(cleanupStores);

const RLO = '\u202E';
const PDF = '\u202C';

/** Every bidi control of the page's body is inside a `<bdi>` that starts with it. */
function assertIsolated(page: string, where: string) {
  const body = page.slice(page.indexOf('<body>'));
  const outside = body.replace(/<bdi>[^<]*?<\/bdi>/g, '');
  assert.doesNotMatch(outside, /[\u202A-\u202E\u2066-\u2069]/, `${where}: a bidi control outside <bdi>`);
  assert.match(body, /<bdi>\u202E/, `${where}: the override is kept, isolated`);
}

test('isolateBidi wraps each run up to its terminator or the end of the line', () => {
  assert.equal(isolateBidi('plain text'), 'plain text');
  assert.equal(isolateBidi(`a ${RLO}evil${PDF} b`), `a <bdi>${RLO}evil${PDF}</bdi> b`);
  assert.equal(isolateBidi(`a ${RLO}to the end\nnext line`), `a <bdi>${RLO}to the end</bdi>\nnext line`);
  assert.equal(isolateBidi(`stray ${PDF} end`), `stray <bdi>${PDF}</bdi> end`);
});

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    test('cable page, search results and browse lists isolate override characters of the cable', async () => {
      const { app, store } = await buildApp(factory);
      await store.putCables([
        input(
          parsedCable({
            canonicalId: '10RTLVILLE1',
            created: '2010-02-03T10:00Z',
            origin: 'Embassy Rtlville',
            tags: ['PREL'],
            subject: `PAYMENT ${RLO}0001 DEBIT${PDF} APPROVED`,
            header: `FM AMEMBASSY ${RLO}RTLVILLE`,
            body: `UNCLASSIFIED\nSUBJECT: PAYMENT\n\n1. (U) The amount is ${RLO}000,01 USD${PDF} as agreed. Wire ${RLO}reversed to the end\n2. (U) Normal paragraph about rtlville.`,
          }),
          '2010-12-06T10:00Z',
        ),
      ]);
      const page = (await get(app, '/cable/2010/02/10RTLVILLE1.html')).text;
      assertIsolated(page, 'cable page');
      assert.match(page, /<bdi>\u202E000,01 USD\u202C<\/bdi> as agreed/);
      assert.doesNotMatch(page.slice(page.indexOf('<title>'), page.indexOf('</title>')), /[\u202A-\u202E]|<bdi>/, 'the title holds text only');
      const search = (await get(app, '/search?q=rtlville')).text;
      assertIsolated(search, 'search');
      const browse = (await get(app, '/origin/embassy-rtlville_0.html')).text;
      assertIsolated(browse, 'browse');
    });
  });
}
