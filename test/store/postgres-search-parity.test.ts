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
