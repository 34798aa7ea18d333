/**
 * The behaviour every Store adapter must have. Each adapter's test file calls
 * `runStoreContract(name, makeStore)`; makeStore returns a fresh, empty store.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { CableInput, Store } from '../../src/store/store.js';
import type { ParsedCable } from '../../src/domain/cable.js';
import { makeParsedCable } from './make-parsed-cable.js';

function input(parsed: ParsedCable, raw: string, releasedAt: string | null = null): CableInput {
  return { parsed, raw, source: `/fictional/${parsed.canonicalId}.html`, format: 'site-page', releasedAt };
}

async function withStore(makeStore: () => Promise<Store>, fn: (store: Store) => Promise<void>): Promise<void> {
  const store = await makeStore();
  try {
    await fn(store);
  } finally {
    await store.close();
  }
}

/** A small fictional archive: 4 cables, 2 released, with tags, references and two origins. */
async function seed(store: Store): Promise<void> {
  const outcomes = await store.putCables([
    input(makeParsedCable({ canonicalId: '09RURITANIA1', created: '2009-01-02T03:04Z', tags: ['PREL', 'PGOV'] }), 'raw A1', '2010-11-28T18:00Z'),
    input(
      makeParsedCable({
        canonicalId: '09RURITANIA2',
        created: '2009-03-05T10:00Z',
        classification: 'SECRET',
        tags: ['PREL'],
        references: ['09RURITANIA1'],
      }),
      'raw A2',
      '2010-12-01T12:00Z',
    ),
    input(
      makeParsedCable({
        canonicalId: '08GRAUSTARK7',
        created: '2008-07-01T00:00Z',
        origin: 'Embassy Graustark',
        classification: 'UNCLASSIFIED',
        tags: ['ECON'],
        references: ['09RURITANIA1'],
      }),
      'raw G7',
      null,
    ),
    input(makeParsedCable({ canonicalId: '10GRAUSTARK3', created: null, origin: 'Embassy Graustark', classification: null, tags: [] }), 'raw G3', null),
  ]);
  assert.deepEqual(outcomes, ['new', 'new', 'new', 'new']);
}

/** versionFacts lists the same versions as getVersions, without their texts. */
async function assertVersionFacts(store: Store, id: string, options?: { releasedOnly?: boolean }): Promise<void> {
  const full = (await store.getVersions(id, options)).map(({ raw: _raw, parsed: _parsed, ...facts }) => ({ ...facts, publishedAt: facts.publishedAt ?? null }));
  assert.deepEqual(await store.versionFacts(id, options), full, `${id} ${JSON.stringify(options ?? {})}`);
}

export interface StoreContractOptions {
  /** A fresh, empty store whose embargo reads this clock (for scheduled releases). */
  makeStoreWithClock?: (now: () => Date) => Promise<Store>;
}

export function runStoreContract(name: string, makeStore: () => Promise<Store>, options: StoreContractOptions = {}): void {
  describe(`Store contract: ${name}`, () => {
    runReleaseContract(makeStore, options);
    test('putCables refuses an id outside the cable id grammar, storing nothing of the batch (issue 21.3)', () =>
      withStore(makeStore, async (store) => {
        for (const bad of ['../../../etc/passwd', '07BOGOTA9205?X=<B>', '10damascus159']) {
          await assert.rejects(
            store.putCables([input(makeParsedCable({ canonicalId: '09RURITANIA1' }), 'good', null), input(makeParsedCable({ canonicalId: bad }), 'bad', null)]),
            (e: Error & { code?: string }) => e.code === 'E_INVALID_ID' && e.message.includes(JSON.stringify(bad)),
            bad,
          );
        }
        assert.equal(await store.getCable('09RURITANIA1'), null);
        assert.deepEqual(await store.putCables([input(makeParsedCable({ canonicalId: '08SECTION01GF02BISHIEK21' }), 'malformed form', null)]), ['new']);
      }));
    test('changeToken: changes with every write, and stays put while nothing changes', () =>
      withStore(makeStore, async (store) => {
        const t0 = await store.changeToken();
        assert.equal(await store.changeToken(), t0);
        await store.putCables([input(makeParsedCable({ canonicalId: '09RURITANIA1' }), 'text one', null)]);
        const t1 = await store.changeToken();
        assert.notEqual(t1, t0);
        assert.equal(await store.changeToken(), t1);
        await store.setReleased(['09RURITANIA1'], '2010-11-28T18:00Z');
        assert.notEqual(await store.changeToken(), t1);
      }));

    test('putCables: new, unchanged on same text, changed on new text (old version kept)', () =>
      withStore(makeStore, async (store) => {
        const v1 = makeParsedCable({ canonicalId: '09RURITANIA1', subject: 'FIRST' });
        assert.deepEqual(await store.putCables([input(v1, 'text one', '2010-11-28T18:00Z')]), ['new']);
        assert.deepEqual(await store.putCables([input(v1, 'text one', '2011-01-01T00:00Z')]), ['unchanged']);
        const v2 = makeParsedCable({ canonicalId: '09RURITANIA1', subject: 'SECOND', tags: ['ECON'] });
        assert.deepEqual(await store.putCables([input(v2, 'text two', '2011-01-01T00:00Z')]), ['changed']);
        // The first text again is a known version: unchanged, the second stays current.
        assert.deepEqual(await store.putCables([input(v1, 'text one', null)]), ['unchanged']);

        const got = await store.getCable('09RURITANIA1');
        assert.ok(got);
        assert.equal(got.currentVersion, 2);
        assert.equal(got.versionCount, 2);
        assert.equal(got.cable.subject, 'SECOND');
        assert.equal(got.releasedAt, '2010-11-28T18:00Z', 'releasedAt is kept once set');

        const versions = await store.getVersions('09RURITANIA1');
        assert.deepEqual(versions.map((v) => [v.number, v.raw, v.parsed.subject]), [
          [1, 'text one', 'FIRST'],
          [2, 'text two', 'SECOND'],
        ]);
        assert.match(versions[0].contentHash, /^[0-9a-f]{64}$/);
        assert.notEqual(versions[0].contentHash, versions[1].contentHash);
        assert.equal(versions[0].source, '/fictional/09RURITANIA1.html');
        await assertVersionFacts(store, '09RURITANIA1');
        await assertVersionFacts(store, '09RURITANIA1', { releasedOnly: true });
        assert.deepEqual(await store.versionFacts('99NOWHERE1'), []);
        assert.equal(versions[0].format, 'site-page');
        assert.ok(!Number.isNaN(Date.parse(versions[0].importedAt)));
        assert.deepEqual(versions[1].parsed, v2);

        // Browse columns and tags follow the current version.
        const byTag = await store.listCables({ tag: 'ECON' });
        assert.deepEqual(byTag.rows.map((r) => r.canonicalId), ['09RURITANIA1']);
        assert.equal((await store.listCables({ tag: 'PREL' })).total, 0);
        assert.equal((await store.stats()).versions, 2);
      }));

    test('putCables: releasedAt is set when a later import brings the first one', () =>
      withStore(makeStore, async (store) => {
        const v1 = makeParsedCable({ canonicalId: '09RURITANIA1' });
        await store.putCables([input(v1, 'text one', null)]);
        assert.equal((await store.getCable('09RURITANIA1'))?.releasedAt, null);
        await store.putCables([input(v1, 'text one b', '2010-12-01T00:00Z')]);
        assert.equal((await store.getCable('09RURITANIA1'))?.releasedAt, '2010-12-01T00:00Z');
      }));

    test('putCables: the same cable twice in one batch, and a cable without an id rejects the whole batch', () =>
      withStore(makeStore, async (store) => {
        const a = makeParsedCable({ canonicalId: '09RURITANIA1' });
        // 'y' says what 'x' says (same parse): a sighting, not a version (src/store/version-text.ts).
        assert.deepEqual(await store.putCables([input(a, 'x'), input(a, 'x'), input(a, 'y')]), ['new', 'unchanged', 'unchanged']);
        const bad = makeParsedCable({ canonicalId: '09RURITANIA9' });
        bad.canonicalId = null;
        await assert.rejects(store.putCables([input(makeParsedCable({ canonicalId: '09RURITANIA5' }), 'z'), input(bad, 'w')]));
        assert.equal(await store.getCable('09RURITANIA5'), null, 'a failed batch stores nothing');
        assert.deepEqual(await store.putCables([]), []);
      }));

    test('getCable: unknown id is null; releasedOnly hides unreleased cables', () =>
      withStore(makeStore, async (store) => {
        await seed(store);
        assert.equal(await store.getCable('99NOWHERE1'), null);
        assert.ok(await store.getCable('08GRAUSTARK7'));
        assert.equal(await store.getCable('08GRAUSTARK7', { releasedOnly: true }), null);
        const r = await store.getCable('09RURITANIA2', { releasedOnly: true });
        assert.equal(r?.cable.classification, 'SECRET');
        assert.equal(r?.releasedAt, '2010-12-01T12:00Z');
        assert.deepEqual(await store.getVersions('99NOWHERE1'), []);
      }));

    test('listCables: filters, released-only, sort, order, paging', () =>
      withStore(makeStore, async (store) => {
        await seed(store);
        const all = await store.listCables({ sort: 'id' });
        assert.equal(all.total, 4);
        assert.deepEqual(all.rows.map((r) => r.canonicalId), ['08GRAUSTARK7', '09RURITANIA1', '09RURITANIA2', '10GRAUSTARK3']);
        assert.deepEqual(all.rows[1], {
          canonicalId: '09RURITANIA1',
          referenceId: '09RURITANIA1',
          subject: 'FICTIONAL SUBJECT',
          created: '2009-01-02T03:04Z',
          releasedAt: '2010-11-28T18:00Z',
          classification: 'CONFIDENTIAL',
          origin: 'Embassy Ruritania',
        });

        const released = await store.listCables({ releasedOnly: true, sort: 'released', order: 'desc' });
        assert.deepEqual(released.rows.map((r) => r.canonicalId), ['09RURITANIA2', '09RURITANIA1']);
        assert.equal(released.total, 2);

        const byCreated = await store.listCables({ sort: 'created' });
        assert.deepEqual(byCreated.rows.map((r) => r.canonicalId), ['08GRAUSTARK7', '09RURITANIA1', '09RURITANIA2', '10GRAUSTARK3'], 'null created last');
        const byCreatedDesc = await store.listCables({ sort: 'created', order: 'desc' });
        assert.deepEqual(byCreatedDesc.rows.map((r) => r.canonicalId), ['09RURITANIA2', '09RURITANIA1', '08GRAUSTARK7', '10GRAUSTARK3']);

        assert.deepEqual((await store.listCables({ origin: 'Embassy Graustark', sort: 'id' })).rows.map((r) => r.canonicalId), ['08GRAUSTARK7', '10GRAUSTARK3']);
        assert.equal((await store.listCables({ origin: 'Embassy Graustark', releasedOnly: true })).total, 0);
        assert.deepEqual((await store.listCables({ classification: 'SECRET' })).rows.map((r) => r.canonicalId), ['09RURITANIA2']);
        assert.deepEqual((await store.listCables({ tag: 'PREL', sort: 'id' })).rows.map((r) => r.canonicalId), ['09RURITANIA1', '09RURITANIA2']);
        assert.deepEqual((await store.listCables({ createdPrefix: '2009', sort: 'id' })).rows.map((r) => r.canonicalId), ['09RURITANIA1', '09RURITANIA2']);
        assert.deepEqual((await store.listCables({ createdPrefix: '2009-03' })).rows.map((r) => r.canonicalId), ['09RURITANIA2']);
        assert.deepEqual((await store.listCables({ createdPrefix: '2009-01-02' })).rows.map((r) => r.canonicalId), ['09RURITANIA1']);
        assert.deepEqual((await store.listCables({ releasedDay: '2010-12-01' })).rows.map((r) => r.canonicalId), ['09RURITANIA2']);
        // An id list: only those cables, every other condition (the embargo) still applies.
        const byIds = await store.listCables({ ids: ['10GRAUSTARK3', '09RURITANIA2', '09RURITANIA1', '99NOWHERE1'], sort: 'id', order: 'desc' });
        assert.deepEqual(byIds.rows.map((r) => r.canonicalId), ['10GRAUSTARK3', '09RURITANIA2', '09RURITANIA1']);
        assert.equal(byIds.total, 3);
        assert.deepEqual((await store.listCables({ ids: ['10GRAUSTARK3', '09RURITANIA1'], releasedOnly: true })).rows.map((r) => r.canonicalId), ['09RURITANIA1']);
        assert.equal((await store.listCables({ ids: [] })).total, 0);

        const page = await store.listCables({ sort: 'id', limit: 2, offset: 1 });
        assert.equal(page.total, 4);
        assert.deepEqual(page.rows.map((r) => r.canonicalId), ['09RURITANIA1', '09RURITANIA2']);
        await assert.rejects(store.listCables({ createdPrefix: "2009' OR 1=1" }));
      }));

    test('publicCablePaths: the visible cables in id order, id and creation time, with offset and limit', () =>
      withStore(makeStore, async (store) => {
        await seed(store);
        const everyone = (await store.listCables({ releasedOnly: true, sort: 'id' })).rows.map((r) => ({ canonicalId: r.canonicalId, created: r.created }));
        assert.equal(everyone.length, 2);
        assert.deepEqual(await store.publicCablePaths(), everyone);
        assert.deepEqual(await store.publicCablePaths({ offset: 1 }), everyone.slice(1));
        assert.deepEqual(await store.publicCablePaths({ limit: 1 }), everyone.slice(0, 1));
        assert.deepEqual(await store.publicCablePaths({ offset: 2, limit: 5 }), []);
      }));

    test('iterateCables: every cable in id order with all versions; released-only', () =>
      withStore(makeStore, async (store) => {
        await seed(store);
        await store.putCables([input(makeParsedCable({ canonicalId: '08GRAUSTARK7', subject: 'NEW' }), 'raw G7 b')]);
        const seen: string[] = [];
        for await (const c of store.iterateCables({ batchSize: 3 })) {
          seen.push(c.canonicalId);
          if (c.canonicalId === '08GRAUSTARK7') {
            assert.deepEqual(c.versions.map((v) => v.raw), ['raw G7', 'raw G7 b']);
            assert.equal(c.cable.subject, 'NEW');
            assert.equal(c.currentVersion, 2);
          } else {
            assert.equal(c.versions.length, 1);
          }
        }
        assert.deepEqual(seen, ['08GRAUSTARK7', '09RURITANIA1', '09RURITANIA2', '10GRAUSTARK3']);
        const released: string[] = [];
        for await (const c of store.iterateCables({ releasedOnly: true, batchSize: 1 })) released.push(c.canonicalId);
        assert.deepEqual(released, ['09RURITANIA1', '09RURITANIA2']);
        // Without versions: the same cables as shown, nothing else read.
        const shown: Array<[string, string, number, number]> = [];
        for await (const c of store.iterateCables({ batchSize: 3, withVersions: false })) shown.push([c.canonicalId, c.cable.subject ?? '', c.currentVersion, c.versions.length]);
        assert.deepEqual(shown.find((s) => s[0] === '08GRAUSTARK7'), ['08GRAUSTARK7', 'NEW', 2, 0]);
        assert.deepEqual(shown.map((s) => s[0]), seen);
        const releasedShown: string[] = [];
        for await (const c of store.iterateCables({ releasedOnly: true, order: 'released', withVersions: false })) releasedShown.push(c.canonicalId);
        assert.deepEqual(releasedShown, ['09RURITANIA1', '09RURITANIA2']);
      }));

    test('publicDigest: visible cables with keys, tags and refs; the signature follows versions and releases', () =>
      withStore(makeStore, async (store) => {
        await seed(store);
        const before = await store.publicDigest();
        assert.deepEqual(
          before.map((d) => [d.canonicalId, d.releasedAt, d.created?.slice(0, 7), d.tags, d.refs]),
          [
            ['09RURITANIA1', '2010-11-28T18:00Z', '2009-01', ['PGOV', 'PREL'], []],
            ['09RURITANIA2', '2010-12-01T12:00Z', '2009-03', ['PREL'], ['09RURITANIA1']],
          ],
        );
        assert.equal(before[1].classification, 'SECRET');
        await store.putCables([input(makeParsedCable({ canonicalId: '09RURITANIA1', created: '2009-01-02T03:04Z', subject: 'CHANGED', tags: ['PREL', 'PGOV'] }), 'raw A1 b', '2010-11-28T18:00Z')]);
        const after = await store.publicDigest();
        assert.notEqual(after[0].signature, before[0].signature, 'a new version changes the signature');
        assert.equal(after[1].signature, before[1].signature);
        await store.setReleased(['08GRAUSTARK7'], '2010-12-02T00:00Z');
        assert.deepEqual((await store.publicDigest()).map((d) => d.canonicalId), ['08GRAUSTARK7', '09RURITANIA1', '09RURITANIA2']);
        await store.setReleased(['09RURITANIA2'], null);
        assert.deepEqual((await store.publicDigest()).map((d) => d.canonicalId), ['08GRAUSTARK7', '09RURITANIA1']);
      }));

    test('iterateCables: release order (time, then id; unreleased last) and only some ids', () =>
      withStore(makeStore, async (store) => {
        await seed(store);
        await store.setReleased(['09RURITANIA2'], '2010-11-28T10:00:00Z');
        await store.setReleased(['09RURITANIA1', '10GRAUSTARK3'], '2010-12-01T10:00:00Z');
        const ids = async (o: Parameters<Store['iterateCables']>[0]) => {
          const out: string[] = [];
          for await (const c of store.iterateCables(o)) out.push(c.canonicalId);
          return out;
        };
        assert.deepEqual(await ids({ order: 'released', batchSize: 1 }), ['09RURITANIA2', '09RURITANIA1', '10GRAUSTARK3', '08GRAUSTARK7']);
        assert.deepEqual(await ids({ order: 'released', releasedOnly: true, batchSize: 2 }), ['09RURITANIA2', '09RURITANIA1', '10GRAUSTARK3']);
        assert.deepEqual(await ids({ order: 'released', ids: ['10GRAUSTARK3', '08GRAUSTARK7', '09RURITANIA2'], batchSize: 1 }), ['09RURITANIA2', '10GRAUSTARK3', '08GRAUSTARK7']);
        assert.deepEqual(await ids({ ids: ['10GRAUSTARK3', '09RURITANIA1', 'NOSUCHID'], releasedOnly: true }), ['09RURITANIA1', '10GRAUSTARK3']);
      }));

    test('countBy: every dimension, released-only', () =>
      withStore(makeStore, async (store) => {
        await seed(store);
        assert.deepEqual(await store.countBy('origin'), [
          { key: 'Embassy Graustark', count: 2 },
          { key: 'Embassy Ruritania', count: 2 },
        ]);
        assert.deepEqual(await store.countBy('origin', { releasedOnly: true }), [{ key: 'Embassy Ruritania', count: 2 }]);
        assert.deepEqual(await store.countBy('tag'), [
          { key: 'ECON', count: 1 },
          { key: 'PGOV', count: 1 },
          { key: 'PREL', count: 2 },
        ]);
        assert.deepEqual(await store.countBy('tag', { releasedOnly: true }), [
          { key: 'PGOV', count: 1 },
          { key: 'PREL', count: 2 },
        ]);
        assert.deepEqual(await store.countBy('classification'), [
          { key: 'CONFIDENTIAL', count: 1 },
          { key: 'SECRET', count: 1 },
          { key: 'UNCLASSIFIED', count: 1 },
        ]);
        assert.deepEqual(await store.countBy('releasedDay'), [
          { key: '2010-11-28', count: 1 },
          { key: '2010-12-01', count: 1 },
        ]);
        assert.deepEqual(await store.countBy('createdMonth'), [
          { key: '2008-07', count: 1 },
          { key: '2009-01', count: 1 },
          { key: '2009-03', count: 1 },
        ]);
        assert.deepEqual(await store.countBy('createdYear', { releasedOnly: true }), [{ key: '2009', count: 2 }]);
      }));

    test('countBy where: the cables of one origin, tag and/or classification (timelines)', () =>
      withStore(makeStore, async (store) => {
        await seed(store);
        assert.deepEqual(await store.countBy('createdMonth', { where: { origin: 'Embassy Graustark' } }), [{ key: '2008-07', count: 1 }]);
        assert.deepEqual(await store.countBy('createdMonth', { releasedOnly: true, where: { origin: 'Embassy Graustark' } }), []);
        assert.deepEqual(await store.countBy('createdMonth', { releasedOnly: true, where: { tag: 'PREL' } }), [
          { key: '2009-01', count: 1 },
          { key: '2009-03', count: 1 },
        ]);
        assert.deepEqual(await store.countBy('createdMonth', { releasedOnly: true, where: { tag: 'PGOV' } }), [{ key: '2009-01', count: 1 }]);
        assert.deepEqual(await store.countBy('createdMonth', { releasedOnly: true, where: { classification: 'SECRET' } }), [{ key: '2009-03', count: 1 }]);
        assert.deepEqual(await store.countBy('createdMonth', { releasedOnly: true, where: { tag: 'PREL', classification: 'SECRET', origin: 'Embassy Ruritania' } }), [{ key: '2009-03', count: 1 }]);
        assert.deepEqual(await store.countBy('tag', { releasedOnly: true, where: { classification: 'SECRET' } }), [{ key: 'PREL', count: 1 }]);
        assert.deepEqual(await store.countBy('createdMonth', { where: { tag: 'NOSUCH' } }), []);
      }));

    test('referenceEdges: references touching these cables, both ends in the archive (visible with releasedOnly)', () =>
      withStore(makeStore, async (store) => {
        await seed(store);
        assert.deepEqual(await store.referenceEdges(['09RURITANIA1']), [
          { from: '08GRAUSTARK7', to: '09RURITANIA1' },
          { from: '09RURITANIA2', to: '09RURITANIA1' },
        ]);
        assert.deepEqual(await store.referenceEdges(['09RURITANIA1'], { releasedOnly: true }), [{ from: '09RURITANIA2', to: '09RURITANIA1' }]);
        assert.deepEqual(await store.referenceEdges(['09RURITANIA2', '08GRAUSTARK7']), [
          { from: '08GRAUSTARK7', to: '09RURITANIA1' },
          { from: '09RURITANIA2', to: '09RURITANIA1' },
        ]);
        assert.deepEqual(await store.referenceEdges(['08GRAUSTARK7'], { releasedOnly: true }), [], 'an unreleased end hides the reference');
        assert.deepEqual(await store.referenceEdges([]), []);
        // A reference to a cable not in the archive, and one to itself, are no edges.
        await store.putCables([input(makeParsedCable({ canonicalId: '10GRAUSTARK3', references: ['99NOWHERE1', '10GRAUSTARK3', '09RURITANIA2'] }), 'raw G3 b')]);
        assert.deepEqual(await store.referenceEdges(['10GRAUSTARK3']), [{ from: '10GRAUSTARK3', to: '09RURITANIA2' }]);
      }));

    test('publicChanges: new public versions and withdrawals of public cables, newest first, paged; nothing about unreleased cables', () =>
      withStore(makeStore, async (store) => {
        await seed(store);
        assert.deepEqual(await store.publicChanges(), { total: 0, rows: [] });
        await store.putCables([input(makeParsedCable({ canonicalId: '09RURITANIA1', created: '2009-01-02T03:04Z', subject: 'CHANGED', tags: ['PREL', 'PGOV'] }), 'raw A1 b')]);
        await store.applyRelease({ action: 'release', items: [{ canonicalId: '09RURITANIA1', version: 2 }], at: '2011-01-01T00:00Z' });
        await store.applyRelease({ action: 'withdraw', items: [{ canonicalId: '09RURITANIA2' }], reason: 'names a source' });
        // Scheduled far ahead, then withdrawn before its release: readers never knew it.
        await store.applyRelease({ action: 'release', items: [{ canonicalId: '08GRAUSTARK7' }], at: '2999-01-01T00:00Z' });
        await store.applyRelease({ action: 'withdraw', items: [{ canonicalId: '08GRAUSTARK7' }], reason: 'secret still' });
        const all = await store.publicChanges();
        assert.equal(all.total, 2);
        // A withdrawal takes effect when it is run.
        assert.match(all.rows[0]?.at ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
        assert.ok(all.rows[0].at > '2011-01-01T00:00Z');
        assert.deepEqual(all.rows, [
          { kind: 'withdrawal', canonicalId: '09RURITANIA2', at: all.rows[0].at, created: null, from: null, to: null, reason: 'names a source' },
          { kind: 'version', canonicalId: '09RURITANIA1', at: '2011-01-01T00:00Z', created: '2009-01-02T03:04Z', from: 1, to: 2, reason: null },
        ]);
        assert.deepEqual(await store.publicChanges({ limit: 1, offset: 1 }), { total: 2, rows: [all.rows[1]] });
        assert.deepEqual(await store.publicChanges({ limit: 5, offset: 2 }), { total: 2, rows: [] });
      }));

    test('citedBy: cables whose current version cites the id, released-only', () =>
      withStore(makeStore, async (store) => {
        await seed(store);
        assert.deepEqual((await store.citedBy('09RURITANIA1')).map((c) => c.canonicalId), ['08GRAUSTARK7', '09RURITANIA2']);
        assert.deepEqual((await store.citedBy('09RURITANIA1', { releasedOnly: true })).map((c) => c.canonicalId), ['09RURITANIA2']);
        assert.deepEqual(await store.citedBy('09RURITANIA2'), []);
        // A new version without the reference no longer cites it.
        await store.putCables([input(makeParsedCable({ canonicalId: '08GRAUSTARK7', references: [] }), 'raw G7 b')]);
        assert.deepEqual((await store.citedBy('09RURITANIA1')).map((c) => c.canonicalId), ['09RURITANIA2']);
      }));

    test('existingIds and setReleased', () =>
      withStore(makeStore, async (store) => {
        await seed(store);
        const ids = ['08GRAUSTARK7', '09RURITANIA1', '99NOWHERE1'];
        assert.deepEqual([...(await store.existingIds(ids))].sort(), ['08GRAUSTARK7', '09RURITANIA1']);
        assert.deepEqual([...(await store.existingIds(ids, { releasedOnly: true }))], ['09RURITANIA1']);
        assert.equal((await store.existingIds([])).size, 0);

        assert.equal(await store.setReleased(['08GRAUSTARK7', '99NOWHERE1'], '2011-01-01T00:00Z'), 1);
        assert.equal((await store.getCable('08GRAUSTARK7', { releasedOnly: true }))?.releasedAt, '2011-01-01T00:00Z');
        assert.equal(await store.setReleased(['09RURITANIA1'], null), 1);
        assert.equal(await store.getCable('09RURITANIA1', { releasedOnly: true }), null);
        assert.equal(await store.setReleased([], null), 0);
      }));

    test('stats: totals, versions, by classification and origin, released-only', () =>
      withStore(makeStore, async (store) => {
        assert.deepEqual(await store.stats(), { total: 0, released: 0, versions: 0, byClassification: {}, byOrigin: {} });
        await seed(store);
        await store.putCables([input(makeParsedCable({ canonicalId: '09RURITANIA2', classification: 'SECRET' }), 'raw A2 b')]);
        assert.deepEqual(await store.stats(), {
          total: 4,
          released: 2,
          versions: 5,
          byClassification: { CONFIDENTIAL: 1, SECRET: 1, UNCLASSIFIED: 1 },
          byOrigin: { 'Embassy Graustark': 2, 'Embassy Ruritania': 2 },
        });
        // The new text of released 09RURITANIA2 is not public (no release date): readers count 2 versions.
        assert.deepEqual(await store.stats({ releasedOnly: true }), {
          total: 2,
          released: 2,
          versions: 2,
          byClassification: { CONFIDENTIAL: 1, SECRET: 1 },
          byOrigin: { 'Embassy Ruritania': 2 },
        });
      }));
  });
}

const PAST = '2010-11-28T18:00Z';
const FAR_FUTURE = '2999-01-01T00:00Z';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

/** Staged releases, versions and the embargo (docs/releases.md). */
function runReleaseContract(makeStore: () => Promise<Store>, options: StoreContractOptions): void {
  test('applyRelease: publishes a batch, logs it; the embargo hides the rest from every read path', () =>
    withStore(makeStore, async (store) => {
      await seed(store);
      const hidden = { releasedOnly: true };
      const out = await store.applyRelease({ action: 'release', items: [{ canonicalId: '08GRAUSTARK7' }], at: PAST, by: 'tester', note: 'first', selector: 'ids' });
      assert.equal(out.dryRun, false);
      assert.deepEqual(out.skipped, []);
      assert.deepEqual(out.batch.items, [{ canonicalId: '08GRAUSTARK7', action: 'publish', version: 1, reason: null }]);
      assert.ok(out.batch.id > 0);
      assert.equal((await store.getCable('08GRAUSTARK7', hidden))?.releasedAt, PAST);
      // 10GRAUSTARK3 stays hidden everywhere.
      assert.equal(await store.getCable('10GRAUSTARK3', hidden), null);
      assert.deepEqual(await store.getVersions('10GRAUSTARK3', hidden), []);
      assert.deepEqual(await store.versionFacts('10GRAUSTARK3', hidden), []);
      assert.ok(!(await store.listCables(hidden)).rows.some((r) => r.canonicalId === '10GRAUSTARK3'));
      assert.equal((await store.existingIds(['10GRAUSTARK3'], hidden)).size, 0);
      assert.deepEqual(await store.countBy('origin', hidden), [
        { key: 'Embassy Graustark', count: 1 },
        { key: 'Embassy Ruritania', count: 2 },
      ]);
      assert.equal((await store.stats(hidden)).released, 3);
      assert.equal((await store.stats()).released, 3, 'released counts visible cables against the whole corpus');
      assert.equal((await store.stats()).total, 4);

      const log = await store.listReleases();
      assert.equal(log.length, 1);
      assert.deepEqual({ ...log[0], ranAt: 'x' }, { ...out.batch, ranAt: 'x' });
      assert.equal(log[0].by, 'tester');
      assert.equal(log[0].note, 'first');
    }));

  test('applyRelease: unknown or already released ids refuse the whole batch; partial skips them; dry run changes nothing', () =>
    withStore(makeStore, async (store) => {
      await seed(store);
      const items = [{ canonicalId: '08GRAUSTARK7' }, { canonicalId: '99NOWHERE1' }, { canonicalId: '09RURITANIA1' }];
      await assert.rejects(store.applyRelease({ action: 'release', items }), (e: unknown) => {
        assert.equal((e as { code: string }).code, 'E_RELEASE_INVALID');
        assert.match((e as Error).message, /99NOWHERE1: no cable with this id/);
        assert.match((e as Error).message, /09RURITANIA1: already released/);
        return true;
      });
      assert.equal(await store.getCable('08GRAUSTARK7', { releasedOnly: true }), null, 'nothing of a refused batch is published');
      assert.deepEqual(await store.listReleases(), []);

      const dry = await store.applyRelease({ action: 'release', items, dryRun: true });
      assert.equal(dry.dryRun, true);
      assert.deepEqual(dry.batch.items.map((i) => i.canonicalId), ['08GRAUSTARK7']);
      assert.deepEqual(dry.skipped.map((p) => [p.canonicalId, p.code]), [
        ['99NOWHERE1', 'unknown'],
        ['09RURITANIA1', 'already-released'],
      ]);
      assert.equal(await store.getCable('08GRAUSTARK7', { releasedOnly: true }), null);

      const partial = await store.applyRelease({ action: 'release', items, partial: true });
      assert.deepEqual(partial.batch.items.map((i) => i.canonicalId), ['08GRAUSTARK7']);
      assert.equal(partial.skipped.length, 2);
      assert.ok(await store.getCable('08GRAUSTARK7', { releasedOnly: true }));
      assert.equal(await codeOf(store.applyRelease({ action: 'release', items: [] })), 'E_RELEASE_INVALID');
      assert.equal(await codeOf(store.applyRelease({ action: 'release', items: [{ canonicalId: '10GRAUSTARK3', version: 7 }] })), 'E_RELEASE_INVALID');
    }));

  test('applyRelease: a scheduled release is invisible until its time, then visible without any other step', async () => {
    let now = new Date('2012-01-01T00:00:00Z');
    const make = options.makeStoreWithClock;
    assert.ok(make, 'every adapter must offer a store with a settable clock (makeStoreWithClock)');
    await withStore(() => make(() => now), async (store) => {
      await seed(store);
      await store.applyRelease({ action: 'release', items: [{ canonicalId: '08GRAUSTARK7' }], at: '2012-01-02T10:30Z' });
      assert.equal(await store.getCable('08GRAUSTARK7', { releasedOnly: true }), null);
      assert.equal((await store.listCables({ releasedOnly: true, origin: 'Embassy Graustark' })).total, 0);
      assert.equal(await codeOf(store.applyRelease({ action: 'release', items: [{ canonicalId: '08GRAUSTARK7' }] })), 'E_RELEASE_INVALID', 'scheduled counts as released');
      now = new Date('2012-01-02T10:29:59Z');
      assert.equal(await store.getCable('08GRAUSTARK7', { releasedOnly: true }), null);
      const before = await store.changeToken();
      now = new Date('2012-01-02T10:30:00Z');
      assert.ok(await store.getCable('08GRAUSTARK7', { releasedOnly: true }));
      assert.notEqual(await store.changeToken(), before, 'a release falling due changes the token, with no write');
      assert.equal((await store.listCables({ releasedOnly: true, origin: 'Embassy Graustark' })).total, 1);
      // Withdrawing a scheduled, not yet public cable cancels its release: hidden, no 410 record.
      await store.applyRelease({ action: 'release', items: [{ canonicalId: '10GRAUSTARK3' }], at: '2012-01-03T00:00Z' });
      await store.applyRelease({ action: 'withdraw', items: [{ canonicalId: '10GRAUSTARK3' }], reason: 'changed our mind' });
      assert.equal(await store.getWithdrawal('10GRAUSTARK3'), null);
      now = new Date('2012-01-04T00:00:00Z');
      assert.equal(await store.getCable('10GRAUSTARK3', { releasedOnly: true }), null);
      assert.deepEqual((await store.unreleasedCables()).map((c) => c.canonicalId), ['10GRAUSTARK3']);
      assert.deepEqual(await store.countBy('releasedDay', { releasedOnly: true }), [
        { key: '2010-11-28', count: 1 },
        { key: '2010-12-01', count: 1 },
        { key: '2012-01-02', count: 1 },
      ]);
    });
  });

  test('withdraw: hides a released cable, keeps the reason; refuses unreleased ones; re-release brings it back', () =>
    withStore(makeStore, async (store) => {
      await seed(store);
      assert.equal(await codeOf(store.applyRelease({ action: 'withdraw', items: [{ canonicalId: '09RURITANIA1' }] })), 'E_RELEASE_INVALID', 'a reason is required');
      assert.equal(await codeOf(store.applyRelease({ action: 'withdraw', items: [{ canonicalId: '08GRAUSTARK7' }], reason: 'x' })), 'E_RELEASE_INVALID');
      const out = await store.applyRelease({ action: 'withdraw', items: [{ canonicalId: '09RURITANIA1' }], reason: 'names a source', by: 'ed' });
      assert.deepEqual(out.batch.items, [{ canonicalId: '09RURITANIA1', action: 'withdraw', version: null, reason: 'names a source' }]);
      assert.equal(await store.getCable('09RURITANIA1', { releasedOnly: true }), null);
      assert.deepEqual(await store.citedBy('09RURITANIA1', { releasedOnly: true }).then((r) => r.map((c) => c.canonicalId)), ['09RURITANIA2']);
      assert.deepEqual((await store.existingIds(['09RURITANIA1'], { releasedOnly: true })).size, 0);
      assert.equal((await store.stats({ releasedOnly: true })).released, 1);
      const w = await store.getWithdrawal('09RURITANIA1');
      assert.equal(w?.reason, 'names a source');
      assert.equal(await store.getWithdrawal('09RURITANIA2'), null);
      assert.equal(await codeOf(store.applyRelease({ action: 'withdraw', items: [{ canonicalId: '09RURITANIA1' }], reason: 'again' })), 'E_RELEASE_INVALID');
      const day = out.batch.at.slice(0, 10);
      const view = await store.releaseDay(day);
      assert.equal(view.withdrawn, 1);
      assert.ok((await store.releaseLogDays()).some((d) => d.day === day && d.withdrawn === 1));
      assert.deepEqual((await store.unreleasedCables()).map((c) => c.canonicalId), ['08GRAUSTARK7', '10GRAUSTARK3'], 'withdrawn is not "unreleased"');
      await store.applyRelease({ action: 'release', items: [{ canonicalId: '09RURITANIA1' }], at: PAST });
      assert.ok(await store.getCable('09RURITANIA1', { releasedOnly: true }));
      assert.equal(await store.getWithdrawal('09RURITANIA1'), null);
      assert.deepEqual((await store.listReleases()).map((b) => b.action), ['release', 'withdraw']);
    }));

  test('versions: a new text of a released cable stays non-public until released; --version picks the public one', () =>
    withStore(makeStore, async (store) => {
      const v1 = makeParsedCable({ canonicalId: '09RURITANIA1', subject: 'REDACTED TEXT', tags: ['PREL'] });
      const v2 = makeParsedCable({ canonicalId: '09RURITANIA1', subject: 'UNREDACTED TEXT', tags: ['ECON'] });
      await store.putCables([input(v1, 'text one', null)]);
      await store.applyRelease({ action: 'release', items: [{ canonicalId: '09RURITANIA1' }], at: PAST });
      assert.deepEqual(await store.putCables([input(v2, 'text two', null)]), ['changed']);
      const shown = await store.getCable('09RURITANIA1', { releasedOnly: true });
      assert.equal(shown?.cable.subject, 'REDACTED TEXT');
      assert.equal(shown?.currentVersion, 1);
      assert.equal(shown?.versionCount, 1, 'readers do not see the non-public version counted');
      assert.equal((await store.getCable('09RURITANIA1'))?.versionCount, 2);
      assert.deepEqual((await store.getVersions('09RURITANIA1', { releasedOnly: true })).map((v) => v.number), [1]);
      assert.deepEqual((await store.getVersions('09RURITANIA1')).map((v) => v.number), [1, 2]);
      await assertVersionFacts(store, '09RURITANIA1', { releasedOnly: true });
      await assertVersionFacts(store, '09RURITANIA1');
      assert.equal((await store.listCables({ releasedOnly: true, tag: 'ECON' })).total, 0);
      const again = await store.applyRelease({ action: 'release', items: [{ canonicalId: '09RURITANIA1' }], dryRun: true });
      assert.match(again.skipped[0].message, /--version 2/);

      const out = await store.applyRelease({ action: 'release', items: [{ canonicalId: '09RURITANIA1', version: 2 }] });
      assert.deepEqual(out.batch.items, [{ canonicalId: '09RURITANIA1', action: 'version', version: 2, reason: null }]);
      assert.equal((await store.getCable('09RURITANIA1', { releasedOnly: true }))?.cable.subject, 'UNREDACTED TEXT');
      assert.deepEqual((await store.getVersions('09RURITANIA1', { releasedOnly: true })).map((v) => v.number), [1, 2]);
      await assertVersionFacts(store, '09RURITANIA1', { releasedOnly: true });
      assert.equal((await store.listCables({ releasedOnly: true, tag: 'ECON' })).total, 1);
      const day = await store.releaseDay(out.batch.at.slice(0, 10));
      assert.deepEqual(day.changed.map((c) => [c.canonicalId, c.from, c.to]), [['09RURITANIA1', 1, 2]]);

      // Back to version 1: version 2 is no longer public.
      await store.applyRelease({ action: 'release', items: [{ canonicalId: '09RURITANIA1', version: 1 }] });
      assert.equal((await store.getCable('09RURITANIA1', { releasedOnly: true }))?.cable.subject, 'REDACTED TEXT');
      assert.deepEqual((await store.getVersions('09RURITANIA1', { releasedOnly: true })).map((v) => v.number), [1]);
      assert.equal(await codeOf(store.applyRelease({ action: 'release', items: [{ canonicalId: '09RURITANIA1', version: 2 }], at: FAR_FUTURE })), 'E_RELEASE_INVALID');
      const iterated = [];
      for await (const c of store.iterateCables({ releasedOnly: true })) iterated.push(c);
      assert.deepEqual(iterated.map((c) => c.versions.map((v) => v.number)), [[1]]);
    }));

  test('setReleased(null) hides every version; unreleasedCables filters', () =>
    withStore(makeStore, async (store) => {
      await seed(store);
      await store.setReleased(['09RURITANIA1', '09RURITANIA2'], null);
      assert.equal((await store.stats({ releasedOnly: true })).total, 0);
      assert.deepEqual(await store.getVersions('09RURITANIA1', { releasedOnly: true }), []);
      assert.deepEqual(await store.versionFacts('09RURITANIA1', { releasedOnly: true }), []);
      assert.deepEqual((await store.unreleasedCables({ origin: 'Embassy Graustark' })).map((c) => c.canonicalId), ['08GRAUSTARK7', '10GRAUSTARK3']);
      assert.deepEqual((await store.unreleasedCables({ tag: 'PREL' })).map((c) => c.canonicalId), ['09RURITANIA1', '09RURITANIA2']);
      assert.deepEqual((await store.unreleasedCables({ classification: 'SECRET' })).map((c) => c.canonicalId), ['09RURITANIA2']);
      await store.setReleased(['09RURITANIA1'], FAR_FUTURE);
      assert.equal(await store.getCable('09RURITANIA1', { releasedOnly: true }), null, 'not yet due');
      assert.equal((await store.stats()).released, 0);
    }));

  test('articles: stored by key, updated by a new text; public only while every cable they cite is visible', () =>
    withStore(makeStore, async (store) => {
      await seed(store);
      const article = (key: string, published: string | null, cables: string[], title = `Article ${key}`) => ({
        key,
        year: key.slice(0, 4),
        slug: key.slice(5),
        title,
        section: null,
        byline: null,
        published,
        lang: null,
        dir: 'ltr' as const,
        blocks: [{ kind: 'p' as const, runs: [{ text: `About ${cables.join(', ')}` }] }],
        cables,
        translations: [],
      });
      const put = (a: ReturnType<typeof article>, raw: string) => store.putArticles([{ article: a, raw, source: `/fictional/${a.key}.md`, format: 'markdown' }]);
      assert.deepEqual(await put(article('2010/released-only', '2010-12-02', ['09RURITANIA1', '09RURITANIA2']), 'a'), ['new']);
      assert.deepEqual(await put(article('2010/names-embargoed', '2010-12-03', ['09RURITANIA1', '08GRAUSTARK7']), 'b'), ['new']);
      assert.deepEqual(await put(article('2010/no-cables', null, []), 'c'), ['new']);
      assert.deepEqual(await put(article('2010/unknown-cable', '2010-12-01', ['01NOWHERE1']), 'd'), ['new']);
      assert.deepEqual(await put(article('2010/released-only', '2010-12-02', ['09RURITANIA1', '09RURITANIA2']), 'a'), ['unchanged']);
      assert.deepEqual(await put(article('2010/released-only', '2010-12-02', ['09RURITANIA1', '09RURITANIA2'], 'Retitled'), 'a2'), ['changed']);

      const keys = (rows: Array<{ article: { key: string } }>) => rows.map((r) => r.article.key);
      assert.deepEqual(keys(await store.listArticles()), ['2010/names-embargoed', '2010/released-only', '2010/unknown-cable', '2010/no-cables'], 'newest first, undated last');
      assert.deepEqual(keys(await store.listArticles({ publicOnly: true })), ['2010/released-only', '2010/no-cables']);
      assert.equal((await store.getArticle('2010/released-only', { publicOnly: true }))?.article.title, 'Retitled');
      assert.equal(await store.getArticle('2010/names-embargoed', { publicOnly: true }), null, 'cites an unreleased cable');
      assert.ok(await store.getArticle('2010/names-embargoed'), 'the publisher still has it');
      assert.equal(await store.getArticle('2010/missing'), null);
      assert.deepEqual(keys(await store.articlesCiting('09RURITANIA1', { publicOnly: true })), ['2010/released-only']);
      assert.deepEqual(keys(await store.articlesCiting('09RURITANIA1')), ['2010/names-embargoed', '2010/released-only']);
      assert.deepEqual(keys(await store.articlesCiting('08GRAUSTARK7', { publicOnly: true })), []);

      // Releasing the cable makes the article public; withdrawing a cited cable hides it again.
      await store.applyRelease({ action: 'release', items: [{ canonicalId: '08GRAUSTARK7' }], at: PAST });
      assert.ok(await store.getArticle('2010/names-embargoed', { publicOnly: true }));
      await store.applyRelease({ action: 'withdraw', items: [{ canonicalId: '09RURITANIA2' }], reason: 'names a source' });
      assert.equal(await store.getArticle('2010/released-only', { publicOnly: true }), null);
      assert.deepEqual(keys(await store.listArticles({ publicOnly: true })), ['2010/names-embargoed', '2010/no-cables']);
    }));
}
