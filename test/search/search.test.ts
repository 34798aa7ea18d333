import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from '../../src/query/parse-query.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { buildSearchArchive, BULK, fixtureInput, ids, run } from './search-fixture.js';

let store: SqliteStore;
before(async () => {
  store = await buildSearchArchive();
});

test('words must all match; phrases and prefixes', async () => {
  assert.deepEqual(ids(await run(store, 'widget')), ['08STATE284', '09ALPHAVILLE159', '09ALPHAVILLE160']);
  assert.deepEqual(ids(await run(store, 'widget minister')), ['09ALPHAVILLE159']);
  assert.deepEqual(ids(await run(store, '"widget standards"')), ['08STATE284']);
  assert.deepEqual(ids(await run(store, '"standards widget"')), []);
  assert.deepEqual(ids(await run(store, 'widg*')), ['08STATE284', '09ALPHAVILLE159', '09ALPHAVILLE160']);
  assert.deepEqual(ids(await run(store, 'widget -minister')), ['08STATE284', '09ALPHAVILLE160']);
  assert.deepEqual(ids(await run(store, 'minister OR demarche')), ['08STATE284', '09ALPHAVILLE159']);
});

test('embargo: unreleased cables are never found or counted', async () => {
  assert.equal((await run(store, 'zanzibarite')).total, 0);
  assert.equal((await run(store, 'tag:EMBARGOTAG')).total, 0);
  assert.equal((await run(store, 'id:10GAMMAVILLE3')).total, 0);
  const r = await run(store, 'widget');
  assert.equal(r.total, 3);
  assert.ok(!r.facets!.origin.some((f) => f.key === 'Embassy Gammaville'));
  assert.equal(r.facets!.tag.find((f) => f.key === 'PREL')!.count, 2);
  assert.ok(!r.facets!.month.some((f) => f.key === '2010-02'));
  const all = [];
  for await (const h of store.searchAll({ query: parseQuery('widget OR zanzibarite') })) all.push(h.canonicalId);
  assert.ok(!all.includes('10GAMMAVILLE3'));
  assert.equal((await store.lookupReference({ station: 'GAMMAVILLE', serial: 3 })).exact.length, 0);
  // Released later: found then.
  await store.setReleased(['10GAMMAVILLE3'], '2010-12-20T00:00Z');
  assert.deepEqual(ids(await run(store, 'zanzibarite')), ['10GAMMAVILLE3']);
  await store.setReleased(['10GAMMAVILLE3'], null);
  assert.equal((await run(store, 'zanzibarite')).total, 0);
});

test('numbers match with or without leading zeros', async () => {
  assert.deepEqual(ids(await run(store, '000159')), ['09ALPHAVILLE159']);
  assert.deepEqual(ids(await run(store, '159')), ['09ALPHAVILLE159']);
  assert.deepEqual(ids(await run(store, '42 log')), ['09ALPHAVILLE160']);
  assert.ok(ids(await run(store, '00042')).includes('07BULKTOWN42'));
  assert.deepEqual(ids(await run(store, 'STATE 000284')), ['08STATE284']);
});

test('case and accent folding both ways; non-Latin scripts', async () => {
  assert.deepEqual(ids(await run(store, 'cafe')), ['09ALPHAVILLE159', '10BETAVILLE7']);
  assert.deepEqual(ids(await run(store, 'CAFÉ')), ['09ALPHAVILLE159', '10BETAVILLE7']);
  assert.deepEqual(ids(await run(store, 'zurich')), ['09ALPHAVILLE159']);
  assert.deepEqual(ids(await run(store, 'привет')), ['08STATE284']);
});

test('redaction runs never match', async () => {
  const r = await run(store, 'XXXXXXXXXXXX');
  assert.equal(r.total, 0);
  assert.ok(r.problems.some((p) => /redaction/.test(p.message)));
  assert.equal((await run(store, 'xxxxxxxxxxxx OR ######')).total, 0);
});

test('FTS5 keywords and syntax typed as text never fail', async () => {
  assert.deepEqual(ids(await run(store, 'NEAR')), ['09ALPHAVILLE159']);
  for (const q of ['AND', 'NOT', 'OR', 'NEAR(widget minister)', 'widget AND', '"unclosed', 'a:b', '{subject}:x', 'col : "x"', "'; DROP TABLE cables; --", '***', 'widget^', '"" "" ""', 'مرحبا', '((widget', 'subject:"', '+widget', 'widget NOT', '-', 'x'.repeat(3000)]) {
    const r = await run(store, q);
    assert.ok(r.total >= 0, q);
  }
});

test('field filters', async () => {
  assert.deepEqual(ids(await run(store, 'tag:PTER')), ['10BETAVILLE7']);
  assert.deepEqual(ids(await run(store, 'tag:pter')), ['10BETAVILLE7']);
  assert.deepEqual(ids(await run(store, 'tag:PREL OR tag:PTER')), ['08STATE284', '09ALPHAVILLE159', '10BETAVILLE7']);
  assert.deepEqual(ids(await run(store, 'origin:"Embassy Alphaville"')), ['09ALPHAVILLE159', '09ALPHAVILLE160']);
  assert.deepEqual(ids(await run(store, 'origin:alphaville widget -factory')), ['09ALPHAVILLE159']);
  assert.deepEqual(ids(await run(store, 'classification:secret')), ['09ALPHAVILLE160', '10BETAVILLE7']);
  assert.deepEqual(ids(await run(store, 'classification:noforn')), ['09ALPHAVILLE160']);
  assert.deepEqual(ids(await run(store, 'created:2009')), ['09ALPHAVILLE159', '09ALPHAVILLE160']);
  assert.deepEqual(ids(await run(store, 'created:2009-01..2009-06')), ['09ALPHAVILLE159']);
  assert.deepEqual(ids(await run(store, 'created:..2008 widget')), ['08STATE284']);
  assert.equal((await run(store, 'released:2010-12-05..', { limit: 500 })).total, 2 + BULK);
  assert.deepEqual(ids(await run(store, 'from:alphaville')), ['09ALPHAVILLE159', '09ALPHAVILLE160']);
  assert.deepEqual(ids(await run(store, 'to:betaville')), ['08STATE284', '09ALPHAVILLE160']);
  assert.deepEqual(ids(await run(store, 'subject:factory')), ['09ALPHAVILLE160']);
  assert.deepEqual(ids(await run(store, 'subject:minister')), ['09ALPHAVILLE159']);
  assert.deepEqual(ids(await run(store, 'id:09ALPHAVILLE159')), ['09ALPHAVILLE159']);
  assert.deepEqual(ids(await run(store, 'id:09ALPHAVILLE0159')), ['09ALPHAVILLE159']);
  assert.deepEqual(ids(await run(store, 'id:09ALPHA*')), ['09ALPHAVILLE159', '09ALPHAVILLE160']);
  assert.equal((await run(store, '-tag:EAGR')).total, 4);
});

test('malformed queries explain themselves and search nothing', async () => {
  const r = await run(store, 'widget created:2009-13');
  assert.equal(r.total, 0);
  assert.ok(r.problems.some((p) => p.severity === 'error' && /not a date/.test(p.message)));
  const mixed = await run(store, 'widget OR tag:PTER');
  assert.ok(mixed.problems.some((p) => p.severity === 'error' && /OR/.test(p.message)));
});

test('facets count the matches and narrow the search', async () => {
  const r = await run(store, 'widget');
  assert.deepEqual(r.facets!.classification, [
    { key: 'CONFIDENTIAL', count: 1 },
    { key: 'SECRET//NOFORN', count: 1 },
    { key: 'UNCLASSIFIED', count: 1 },
  ]);
  assert.deepEqual(r.facets!.origin, [
    { key: 'Embassy Alphaville', count: 2 },
    { key: 'Secretary of State', count: 1 },
  ]);
  assert.deepEqual(r.facets!.year, [
    { key: '2008', count: 1 },
    { key: '2009', count: 2 },
  ]);
  assert.equal(r.facets!.month.reduce((s, m) => s + m.count, 0), r.total);
  const narrowed = await run(store, 'widget origin:"Embassy Alphaville" created:2009');
  assert.equal(narrowed.total, 2);
  assert.deepEqual(narrowed.facets!.origin, [{ key: 'Embassy Alphaville', count: 2 }]);
});

test('pages, sorting and stable order', async () => {
  const p1 = await run(store, 'routine', { limit: 50, offset: 0, sort: 'created', order: 'asc' });
  const p2 = await run(store, 'routine', { limit: 50, offset: 50, sort: 'created', order: 'asc' });
  const p3 = await run(store, 'routine', { limit: 50, offset: 100, sort: 'created', order: 'asc' });
  assert.equal(p1.total, BULK);
  assert.equal(p1.hits.length + p2.hits.length + p3.hits.length, BULK);
  const all = [...p1.hits, ...p2.hits, ...p3.hits];
  assert.equal(new Set(all.map((h) => h.canonicalId)).size, BULK);
  for (let i = 1; i < all.length; i++) assert.ok((all[i - 1].created ?? '') <= (all[i].created ?? ''));
  const again = await run(store, 'routine', { limit: 50, offset: 50, sort: 'created', order: 'asc' });
  assert.deepEqual(again.hits.map((h) => h.canonicalId), p2.hits.map((h) => h.canonicalId));
  const rel = await run(store, 'widget minister OR widget');
  assert.equal(rel.hits[0].canonicalId, '09ALPHAVILLE159');
});

test('snippets show the hits in the original text', async () => {
  const r = await run(store, '159 zurich');
  const s = r.hits[0].snippet!;
  assert.deepEqual(s.hits.map((h) => s.text.slice(h.start, h.end)), ['000159', 'Zürich']);
});

test('the index follows new versions of a cable', async () => {
  const local = await buildSearchArchive();
  const changed = fixtureInput({ id: '08STATE284', subject: 'DEMARCHE ON GIZMO STANDARDS', body: '1. (U) Gizmo text now.', created: '2008-11-02T10:00Z', released: '2010-12-05T10:00Z' });
  await local.putCables([changed]);
  assert.deepEqual(ids(await run(local, 'gizmo')), ['08STATE284']);
  assert.ok(!ids(await run(local, 'demarche widget')).includes('08STATE284'));
  await local.close();
});

test('reference lookup: exact and nearest from the same station', async () => {
  const exact = await store.lookupReference({ station: 'STATE', serial: 284 });
  assert.deepEqual(exact.exact.map((r) => r.canonicalId), ['08STATE284']);
  const near = await store.lookupReference({ station: 'ALPHAVILLE', serial: 161 });
  assert.deepEqual(near.exact, []);
  assert.deepEqual(near.nearest.map((r) => r.canonicalId), ['09ALPHAVILLE160', '09ALPHAVILLE159']);
  assert.deepEqual((await store.lookupReference({ station: 'NOWHERE', serial: 1 })).nearest, []);
});

test('searchAll streams every hit in order', async () => {
  const out: string[] = [];
  for await (const h of store.searchAll({ query: parseQuery('routine'), sort: 'created', order: 'desc' }, { batchSize: 7 })) out.push(h.canonicalId);
  assert.equal(out.length, BULK);
  assert.equal(new Set(out).size, BULK);
});

test('a scheduled release becomes searchable at its time (facet index refreshed)', async () => {
  const { SqliteStore } = await import('../../src/store/sqlite/sqlite-store.js');
  let now = new Date('2011-01-01T00:00Z');
  const local = SqliteStore.open(':memory:', { now: () => now });
  await local.putCables([
    fixtureInput({ id: '10SCHEDULED1', subject: 'LATER', body: '1. Quixotic text.', created: '2010-01-01T00:00Z', released: '2011-06-01T00:00Z' }),
    fixtureInput({ id: '10NOW1', subject: 'NOW', body: '1. Quixotic text too.', created: '2010-01-02T00:00Z', released: '2010-12-01T00:00Z' }),
  ]);
  const before = await run(local, 'quixotic');
  assert.deepEqual(ids(before), ['10NOW1']);
  assert.equal(before.facets!.year.reduce((s, r) => s + r.count, 0), 1);
  now = new Date('2011-06-02T00:00Z');
  const after = await run(local, 'quixotic');
  assert.deepEqual(ids(after), ['10NOW1', '10SCHEDULED1']);
  assert.equal(after.total, 2);
  await local.close();
});

test('very many hits: subject matches ranked first, then newest; pages stay consistent', async () => {
  const { RANKING } = await import('../../src/store/sqlite/search/sqlite-search.js');
  const saved = RANKING.exactLimit;
  RANKING.exactLimit = 5;
  try {
    const seen: string[] = [];
    for (let page = 0; page < 3; page++) {
      const r = await run(store, 'routine OR finance', { limit: 50, offset: page * 50 });
      assert.equal(r.total, BULK + 1);
      seen.push(...r.hits.map((h) => h.canonicalId));
    }
    assert.equal(seen.length, BULK + 1);
    assert.equal(new Set(seen).size, BULK + 1);
    // Every hit matches in its subject except 10BETAVILLE7 ("finance" in the subject too): all ranked.
    const first = await run(store, 'minister OR routine', { limit: 5 });
    assert.equal(first.total, BULK + 1);
    assert.equal(first.hits.length, 5);
    // "cafe" is only in bodies: those hits come after the subject matches, newest first.
    const all = await run(store, 'routine OR cafe', { limit: 200 });
    assert.deepEqual(all.hits.slice(-2).map((h) => h.canonicalId), ['10BETAVILLE7', '09ALPHAVILLE159']);
  } finally {
    RANKING.exactLimit = saved;
  }
});
