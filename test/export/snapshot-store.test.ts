/**
 * The export's snapshot cache answers exactly as the store does: every page of every
 * list, in both orders (those the browse lists from the digest answer, and the others the
 * store answers), and the counts the export computes from the digest equal the store's
 * counts. On both stores.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Classification } from '../../src/domain/classification.js';
import type { CountDimension, ListQuery, Store } from '../../src/store/store.js';
import { snapshotStore } from '../../src/export/snapshot-store.js';
import { digestEntry } from '../../src/export/export-state.js';
import { browseLists, countsOfLists, listKey, packLists, unpackLists } from '../../src/export/browse-lists.js';
import { makeParsedCable } from '../store/make-parsed-cable.js';
import { cleanupStores, storeFactories } from '../support/store-factories.js';

const CLASSES: Classification[] = ['CONFIDENTIAL', 'SECRET', 'UNCLASSIFIED'];
const N = 83;

after(cleanupStores);

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    let store: Store;
    before(async () => {
      store = await factory.open({ label: 'snapshot' });
      await store.putCables(
        Array.from({ length: N }, (_, i) => {
          const parsed = makeParsedCable({
            canonicalId: `09RURITANIA${i + 1}`,
            created: i % 11 === 0 ? null : `2009-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 9) + 1}T10:00Z`,
            classification: CLASSES[i % 3],
            origin: i % 4 === 0 ? 'Embassy Graustark' : 'Embassy Ruritania',
            tags: i % 2 === 0 ? ['PREL', 'ECON'] : ['PREL'],
            subject: `FICTIONAL SUBJECT ${i}`,
          });
          // Release times with ties, so the id decides the order within a minute; a few unreleased.
          const releasedAt = i % 17 === 16 ? null : `2010-12-0${(i % 5) + 1}T1${i % 3}:00Z`;
          return { parsed, raw: `fictional raw ${i}`, source: 'test', format: 'text', releasedAt };
        }),
      );
    });

    test('every page of every list is the same through the snapshot cache', async () => {
      const lists = browseLists((await store.publicDigest()).map(digestEntry));
      const filters: ListQuery[] = [
        { tag: 'PREL' }, { tag: 'ECON' }, { tag: 'NOSUCHTAG' }, { classification: 'SECRET' }, { origin: 'Embassy Ruritania' }, { origin: 'Nowhere' },
        { releasedDay: '2010-12-01' }, { createdPrefix: '2009-03' }, { createdPrefix: '2009' }, {},
      ];
      for (const base of filters) {
        for (const sort of ['released', 'id', 'created'] as const) {
          for (const order of ['asc', 'desc'] as const) {
            for (const allSummaries of [false, true]) {
              const snap = snapshotStore(store, { lists, allSummaries });
              const filter: ListQuery = { ...base, releasedOnly: true, sort, order };
              const { total } = await store.listCables({ ...filter, limit: 1 });
              // In page order, as the export asks, then a few out of order.
              const offsets = [...Array.from({ length: Math.ceil(total / 7) + 1 }, (_, p) => p * 7), 35, 0, 70];
              for (const offset of offsets) {
                const q = { ...filter, limit: 7, offset };
                assert.deepEqual(await snap.listCables(q), await store.listCables(q), `${JSON.stringify(q)} allSummaries ${allSummaries}`);
              }
            }
          }
        }
      }
    });

    test('id-list queries (a cable page\'s cited cables) are the same through the snapshot cache', async () => {
      const snap = snapshotStore(store, { allSummaries: true });
      // Unreleased (every 17th), unknown and repeated ids, in no order; some cables without a creation time.
      const idLists = [
        ['09RURITANIA17', '09RURITANIA3', '09RURITANIA12', '99NOWHERE1', '09RURITANIA3', '09RURITANIA34', '09RURITANIA1'],
        Array.from({ length: N }, (_, i) => `09RURITANIA${N - i}`),
        [],
        ['09RURITANIA17'],
      ];
      for (const ids of idLists) {
        for (const sort of [undefined, 'id', 'released', 'created'] as const) {
          for (const order of [undefined, 'asc', 'desc'] as const) {
            const q: ListQuery = { ids, releasedOnly: true, sort, order };
            assert.deepEqual(await snap.listCables(q), await store.listCables(q), JSON.stringify(q));
          }
        }
      }
      // Other id-list queries go to the store as they are.
      for (const q of [{ ids: idLists[0] }, { ids: idLists[1], releasedOnly: true, tag: 'ECON' }, { ids: idLists[1], releasedOnly: true, limit: 5, offset: 2 }] as ListQuery[]) {
        assert.deepEqual(await snap.listCables(q), await store.listCables(q), JSON.stringify(q));
      }
    });

    test('the cable URLs of the sitemaps are the same through the snapshot cache', async () => {
      const snap = snapshotStore(store, { lists: browseLists((await store.publicDigest()).map(digestEntry)) });
      for (const range of [{}, { offset: 0, limit: 10 }, { offset: 13, limit: 20 }, { offset: 60 }, { offset: 500, limit: 5 }]) {
        assert.deepEqual(await snap.publicCablePaths(range), await store.publicCablePaths(range), JSON.stringify(range));
      }
    });

    test('the browse lists do not depend on the order of the digest', async () => {
      const digest = (await store.publicDigest()).map(digestEntry);
      const shuffled = digest.map((e, i) => ({ e, k: (i * 7919) % digest.length })).sort((a, b) => a.k - b.k).map((x) => x.e);
      assert.notDeepEqual(shuffled.map((e) => e.id), digest.map((e) => e.id));
      assert.deepEqual(browseLists(shuffled), browseLists(digest));
      // As threads hand them over.
      assert.deepEqual(unpackLists(packLists(browseLists(digest))), browseLists(digest));
    });

    test('the browse lists answer the browse queries, and only those', () => {
      assert.equal(listKey({ tag: 'PREL', releasedOnly: true, sort: 'released', limit: 50 }), 'tag\u0000PREL');
      assert.equal(listKey({ releasedOnly: true, sort: 'released', order: 'desc', limit: 20 }), '');
      assert.equal(listKey({ createdPrefix: '2009-03', releasedOnly: true, sort: 'released', limit: 50 }), 'createdPrefix\u00002009-03');
      for (const q of [
        { tag: 'PREL', sort: 'released', limit: 50 },
        { tag: 'PREL', releasedOnly: true, sort: 'created', limit: 50 },
        { tag: 'PREL', releasedOnly: true, sort: 'released' },
        { tag: 'PREL', origin: 'Embassy Ruritania', releasedOnly: true, sort: 'released', limit: 50 },
        { createdPrefix: '2009', releasedOnly: true, sort: 'released', limit: 50 },
        { ids: ['09RURITANIA1'], releasedOnly: true, sort: 'released', limit: 50 },
      ] as ListQuery[]) {
        assert.equal(listKey(q), null, JSON.stringify(q));
      }
    });

    test('the stats the export reads once are the store stats', async () => {
      const stats = { all: await store.stats(), released: await store.stats({ releasedOnly: true }) };
      const snap = snapshotStore(store, { stats });
      assert.deepEqual(await snap.stats(), await store.stats());
      assert.deepEqual(await snap.stats({ releasedOnly: true }), await store.stats({ releasedOnly: true }));
      (await snap.stats()).byOrigin['Nowhere'] = 1;
      assert.deepEqual(await snapshotStore(store, { stats }).stats(), await store.stats(), 'a caller changing its copy changes nothing else');
    });

    test('the counts the export takes from the browse lists are the store counts', async () => {
      const counts = countsOfLists(browseLists((await store.publicDigest()).map(digestEntry)));
      const snap = snapshotStore(store, { counts });
      for (const d of ['origin', 'tag', 'classification', 'releasedDay', 'createdMonth', 'createdYear'] as CountDimension[]) {
        assert.deepEqual(counts[d], await store.countBy(d, { releasedOnly: true }), d);
        assert.deepEqual(await snap.countBy(d, { releasedOnly: true }), await store.countBy(d, { releasedOnly: true }), d);
        assert.deepEqual(await snap.countBy(d), await store.countBy(d), `${d}, all cables`);
      }
    });
  });
}
