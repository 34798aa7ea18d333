/** The bulk downloads (/cables.csv.gz, /cables.jsonl.gz), on every store. */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import type { Store } from '../../src/store/store.js';
import { cleanupStores, storeFactories } from '../support/store-factories.js';
import { buildApp, BULK } from './web-fixture.js';

after(cleanupStores);

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    let app: Hono;
    let store: Store;
    before(async () => {
      ({ app, store } = await buildApp(factory));
    });

    async function download(path: string): Promise<{ res: Response; text: string }> {
      const res = await app.request(path);
      const text = gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
      return { res, text };
    }

    test('/cables.csv.gz streams every released cable in the 2011 cables.csv format, nothing unreleased', async () => {
      const { res, text } = await download('/cables.csv.gz');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/gzip');
      const released = (await store.stats({ releasedOnly: true })).total;
      const rows = text.split(/\n(?="\d+",")/).filter(Boolean);
      assert.equal(rows.length, released);
      assert.ok(released >= BULK);
      assert.match(rows[0], /^"1","\d+\/\d+\/\d{4} \d\d:\d\d","/);
      assert.ok(text.includes('"10ALPHAVILLE5"'));
      assert.ok(!text.includes('GAMMAVILLE3"'), 'the unreleased cable is not in the bulk CSV');
      assert.ok(!text.includes('GAMMA EMBARGOED'));
    });

    test('/cables.jsonl.gz streams one JSON object per released cable', async () => {
      const { res, text } = await download('/cables.jsonl.gz');
      assert.equal(res.status, 200);
      const lines = text.trim().split('\n').map((l) => JSON.parse(l));
      assert.equal(lines.length, (await store.stats({ releasedOnly: true })).total);
      const alpha = lines.find((l) => l.id === '10ALPHAVILLE5');
      assert.equal(alpha.url, '/cable/2010/02/10ALPHAVILLE5.html');
      assert.equal(alpha.cable.subject, 'FICTIONAL MEETING ON WIDGETS');
      assert.ok(lines.every((l) => l.id !== '09GAMMAVILLE3'));
    });
  });
}
