/**
 * Both stores find the same cables: every query of the search tests runs against the
 * SQLite archive and a PostgreSQL archive holding the same fictional cables, and the
 * totals, hit sets, facets and snippets must agree.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from '../../src/query/parse-query.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { SearchQuery, SearchResult } from '../../src/store/store.js';
import { RANKING as SQLITE_RANKING } from '../../src/store/sqlite/search/sqlite-search.js';
import { RANKING as POSTGRES_RANKING } from '../../src/store/postgres/search/postgres-search.js';
import { buildSearchArchive, bulkCables, CABLES, fixtureInput } from '../search/search-fixture.js';
import { dropSchemas, freshSchema, needsPostgres, TEST_DATABASE_URL } from './postgres-support.js';

const available = await needsPostgres();

const QUERIES = [
  'widget', 'widget minister', 'widg*', '"widget standards"', '"standards widget"', 'widget -minister', 'minister OR demarche',
  'widget minister OR widget', '159', '000159', '00042', '42 log', '159 zurich', 'STATE 000284', 'cafe', 'CAFÉ', 'zurich', 'привет',
  'NEAR', 'zanzibarite', 'XXXXXXXXXXXX', 'xxxxxxxxxxxx OR ######', 'routine', 'subject:factory', 'subject:minister', 'from:alphaville',
  'to:betaville', 'tag:PTER', 'tag:pter', 'tag:EMBARGOTAG', 'tag:PREL OR tag:PTER', '-tag:EAGR', 'classification:secret',
  'classification:noforn', 'created:2009', 'created:2009-01..2009-06', 'created:..2008 widget', 'released:2010-12-05..',
  'id:09ALPHA*', 'id:09ALPHAVILLE159', 'id:09ALPHAVILLE0159', 'id:10GAMMAVILLE3', 'origin:"Embassy Alphaville"',
  'origin:alphaville widget -factory', 'widget origin:"Embassy Alphaville" created:2009', 'widget OR tag:PTER', 'widget created:2009-13',
  'report -routine', '-widget', '"routine report 7"', 'report*', '',
];

let sqlite: SqliteStore;
let postgres: PostgresStore;

before(async () => {
  if (available.skip) return;
  sqlite = await buildSearchArchive();
  postgres = await PostgresStore.open(TEST_DATABASE_URL, { schema: freshSchema('parity'), poolSize: 4 });
  await postgres.putCables([...CABLES, ...bulkCables()].map(fixtureInput));
});
after(async () => {
  await sqlite?.close();
  await postgres?.close();
  await dropSchemas();
});

function comparable(r: SearchResult, ordered: boolean) {
  const hits = r.hits.map((h) => ({ ...h }));
  if (!ordered) hits.sort((a, b) => a.canonicalId.localeCompare(b.canonicalId));
  return { total: r.total, hits, facets: r.facets, errors: r.problems.filter((p) => p.severity === 'error').length };
}

test('search parity with SQLite: totals, hits, facets and snippets', available, async () => {
  for (const text of QUERIES) {
    const q: SearchQuery = { query: parseQuery(text), limit: 500 };
    const [a, b] = await Promise.all([sqlite.search(q), postgres.search(q)]);
    assert.deepEqual(comparable(b, false), comparable(a, false), `query ${JSON.stringify(text)}`);
    for (const sort of ['created', 'released'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const qs: SearchQuery = { query: parseQuery(text), sort, order, limit: 20, offset: 3, facets: false };
        const [x, y] = await Promise.all([sqlite.search(qs), postgres.search(qs)]);
        assert.deepEqual(y.hits.map((h) => h.canonicalId), x.hits.map((h) => h.canonicalId), `query ${JSON.stringify(text)} by ${sort} ${order}`);
      }
    }
  }
});

test('searchAll and lookupReference parity with SQLite', available, async () => {
  for (const text of ['widget', 'routine', '-widget']) {
    const q: SearchQuery = { query: parseQuery(text), sort: 'created', order: 'asc' };
    const collect = async (s: SqliteStore | PostgresStore) => {
      const out: string[] = [];
      for await (const h of s.searchAll(q, { batchSize: 7 })) out.push(h.canonicalId);
      return out;
    };
    assert.deepEqual(await collect(postgres), await collect(sqlite), text);
  }
  for (const ref of [{ station: 'ALPHAVILLE', serial: 159 }, { station: 'alphaville', serial: 158, year: '09' }, { station: 'BULKTOWN', serial: 50 }, { station: 'GAMMAVILLE', serial: 3 }]) {
    assert.deepEqual(await postgres.lookupReference(ref, { limit: 5 }), await sqlite.lookupReference(ref, { limit: 5 }), JSON.stringify(ref));
  }
});

/** Runs `body` with both stores ranking at most `limit` hits exactly. */
async function withRankingLimit(limit: number, body: () => Promise<void>): Promise<void> {
  const saved = [SQLITE_RANKING.exactLimit, POSTGRES_RANKING.exactLimit];
  SQLITE_RANKING.exactLimit = limit;
  POSTGRES_RANKING.exactLimit = limit;
  try {
    await body();
  } finally {
    [SQLITE_RANKING.exactLimit, POSTGRES_RANKING.exactLimit] = saved;
  }
}

const idsOf = (r: SearchResult) => r.hits.map((h) => h.canonicalId);

test('very many hits: subject matches ranked first, then the others newest first, as in SQLite', available, async () => {
  await withRankingLimit(5, async () => {
    // More subject matches than the limit: they come newest first, then the body-only hits:
    // no score involved, so both stores give the same order.
    const q: SearchQuery = { query: parseQuery('routine OR cafe'), limit: 200 };
    const [a, b] = await Promise.all([sqlite.search(q), postgres.search(q)]);
    assert.equal(b.total, a.total);
    assert.deepEqual(idsOf(b), idsOf(a));
    assert.deepEqual(idsOf(b).slice(-2), ['10BETAVILLE7', '09ALPHAVILLE159']);
    assert.deepEqual(b.facets, a.facets, 'facets still count every hit');
    // Few subject matches ("widget"; "harvests" is only in bodies): those ranked first, then the rest newest first.
    const w: SearchQuery = { query: parseQuery('widget OR harvests'), limit: 500 };
    const [x, y] = await Promise.all([sqlite.search(w), postgres.search(w)]);
    assert.equal(y.total, x.total);
    assert.equal(y.total, 3 + bulkCables().length);
    assert.deepEqual(idsOf(y).slice(0, 3).sort(), ['08STATE284', '09ALPHAVILLE159', '09ALPHAVILLE160']);
    assert.deepEqual(idsOf(y).slice(3), idsOf(x).slice(3));
    // Pages of the same query are consistent: every hit once.
    const seen: string[] = [];
    for (let page = 0; page < 3; page++) seen.push(...idsOf(await postgres.search({ query: parseQuery('widget OR harvests'), limit: 50, offset: page * 50 })));
    assert.deepEqual([...seen].sort(), [...idsOf(y)].sort());
  });
});

test('the subject index follows new versions and the facet copy follows writes and the clock', available, async () => {
  let now = new Date('2011-01-01T00:00Z');
  const local = await PostgresStore.open(TEST_DATABASE_URL, { schema: freshSchema('subject'), poolSize: 2, now: () => now });
  try {
    const cables = [
      ...bulkCables().slice(0, 8),
      { id: '10LATER1', subject: 'QUIXOTIC PLANS', body: '1. Quixotic harvests.', created: '2010-01-01T00:00Z', released: '2011-06-01T00:00Z' },
    ];
    await local.putCables(cables.map(fixtureInput));
    await withRankingLimit(2, async () => {
      const before = await local.search({ query: parseQuery('harvests'), limit: 3 });
      assert.equal(before.total, 8, 'the scheduled cable is not found yet');
      // No subject has "harvests": newest first.
      assert.deepEqual(idsOf(before), ['07BULKTOWN8', '07BULKTOWN7', '07BULKTOWN6']);
      // A new version puts the word in one subject: that cable is ranked first.
      await local.putCables([fixtureInput({ ...bulkCables()[1], subject: 'HARVESTS REPORT', body: '1. (U) Harvests again.' })]);
      const after = await local.search({ query: parseQuery('harvests'), limit: 3 });
      assert.deepEqual(idsOf(after), ['07BULKTOWN2', '07BULKTOWN8', '07BULKTOWN7']);
      assert.equal(after.total, 8);
      // The scheduled release time passes: found and counted.
      now = new Date('2011-06-02T00:00Z');
      const released = await local.search({ query: parseQuery('harvests'), limit: 3 });
      assert.equal(released.total, 9);
      assert.equal(released.facets!.year.find((r) => r.key === '2010')?.count, 1);
      assert.deepEqual(idsOf(released), ['07BULKTOWN2', '10LATER1', '07BULKTOWN8']);
      // A withdrawal is a write: gone from hits and facets at once.
      await local.applyRelease({ action: 'withdraw', items: [{ canonicalId: '10LATER1' }], reason: 'test', at: '2011-06-02T00:00Z' });
      const withdrawn = await local.search({ query: parseQuery('harvests'), limit: 3 });
      assert.equal(withdrawn.total, 8);
      assert.equal(withdrawn.facets!.year.find((r) => r.key === '2010'), undefined);
    });
  } finally {
    await local.close();
  }
});
