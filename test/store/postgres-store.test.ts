import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { runStoreContract } from './store-contract.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { MIGRATIONS } from '../../src/store/postgres/migrations/index.js';
import { openStore, resolveDbLocation } from '../../src/store/open-store.js';
import { makeParsedCable } from './make-parsed-cable.js';
import { isCablegateError } from '../../src/domain/errors.js';
import { dropSchemas, freshSchema, needsPostgres, TEST_DATABASE_URL } from './postgres-support.js';
import { parseQuery } from '../../src/query/parse-query.js';

const available = await needsPostgres();
test.after(() => dropSchemas());

if (available.skip) {
  test('Store contract: postgres', available, () => undefined);
} else {
  runStoreContract('postgres', async () => PostgresStore.open(TEST_DATABASE_URL, { schema: freshSchema('contract'), poolSize: 3 }), {
    makeStoreWithClock: async (now) => PostgresStore.open(TEST_DATABASE_URL, { schema: freshSchema('clock'), now, poolSize: 3 }),
  });
}

test('postgres: migrations recorded once, reopening keeps data, unknown newer version refused', available, async () => {
  const schema = freshSchema('reopen');
  const store = await PostgresStore.open(TEST_DATABASE_URL, { schema });
  await store.putCables([{ parsed: makeParsedCable({ canonicalId: '09RURITANIA1' }), raw: 'r', source: 's', format: 'text', releasedAt: null }]);
  await store.close();
  const again = await PostgresStore.open(TEST_DATABASE_URL, { schema, mustExist: true });
  assert.equal((await again.stats()).total, 1);
  await again.close();

  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(rows.map((r) => r.version), MIGRATIONS.map((m) => m.version));
    assert.deepEqual(await migrate(client, MIGRATIONS), [], 'nothing left to apply');
    const extra = [...MIGRATIONS, { version: 999, name: 'test extra', sql: 'CREATE TABLE extra_test (x INTEGER)' }];
    assert.deepEqual(await migrate(client, extra), [999]);
    assert.deepEqual(await migrate(client, extra), []);
  } finally {
    await client.end();
  }
  await assert.rejects(PostgresStore.open(TEST_DATABASE_URL, { schema }), (e: unknown) => isCablegateError(e) && e.code === 'E_STORE_MIGRATION');
});

test('postgres: several stores opening one new database at once migrate it once', available, async () => {
  const schema = freshSchema('race');
  const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open(TEST_DATABASE_URL, { schema, poolSize: 2 })));
  await Promise.all(
    stores.map((s, i) =>
      s.putCables([{ parsed: makeParsedCable({ canonicalId: `09RURITANIA${i + 1}` }), raw: `r${i}`, source: 's', format: 'text', releasedAt: null }]),
    ),
  );
  assert.equal((await stores[0].stats()).total, 3);
  await Promise.all(stores.map((s) => s.close()));
});

test('postgres: a missing archive with mustExist is E_STORE_OPEN; an unreachable server is E_STORE_UNAVAILABLE without the password', available, async () => {
  await assert.rejects(PostgresStore.open(TEST_DATABASE_URL, { schema: freshSchema('missing'), mustExist: true }), (e: unknown) => isCablegateError(e) && e.code === 'E_STORE_OPEN');
  await assert.rejects(openStore('postgres://someone:secret@127.0.0.1:1/nothing'), (e: unknown) => {
    assert.ok(isCablegateError(e));
    assert.equal(e.code, 'E_STORE_UNAVAILABLE');
    assert.doesNotMatch(e.describe(), /secret/);
    return true;
  });
});

test('resolveDbLocation: DATABASE_URL selects PostgreSQL unless --db or CABLEGATE_DB say otherwise', () => {
  const url = 'postgres://u:p@db/x';
  assert.equal(resolveDbLocation(undefined, { DATABASE_URL: url }), url);
  assert.equal(resolveDbLocation('a.db', { DATABASE_URL: url }), 'a.db');
  assert.equal(resolveDbLocation(undefined, { DATABASE_URL: url, CABLEGATE_DB: 'b.db' }), 'b.db');
  assert.equal(resolveDbLocation(undefined, { DATABASE_URL: 'mysql://x' }), './cablegate.db');
});

test('postgres search: words, prefixes, phrases, fields, accents, exclusions, facets, snippets', available, async () => {
  const store = await PostgresStore.open(TEST_DATABASE_URL, { schema: freshSchema('search') });
  try {
    const cable = (id: string, subject: string, body: string, extra: Partial<Parameters<typeof makeParsedCable>[0]> = {}) => ({
      parsed: makeParsedCable({ canonicalId: id, subject, body, ...extra }),
      raw: `${id} ${body}`,
      source: 's',
      format: 'text' as const,
      releasedAt: '2010-11-28T18:00Z',
    });
    await store.putCables([
      cable('09RURITANIA1', 'FISHING RIGHTS', 'The minister discussed fishing quotas in São Tomé. XXXXXXXXX said nothing.', { tags: ['ECON'] }),
      cable('09RURITANIA2', 'ELECTION MONITORING', 'Observers found the election orderly; the minister agreed.', { tags: ['PGOV'], created: '2009-05-01T00:00Z' }),
      cable('08GRAUSTARK7', 'MINISTER VISIT', 'Quota talks stalled.', { origin: 'Embassy Graustark', tags: ['ECON'], created: '2008-02-01T00:00Z' }),
    ]);
    await store.putCables([{ ...cable('10GRAUSTARK3', 'HIDDEN MINISTER', 'minister minister'), releasedAt: null }]);
    const ids = async (text: string, sort: 'relevance' | 'created' = 'created') =>
      (await store.search({ query: parseQuery(text), sort, order: 'asc' })).hits.map((h) => h.canonicalId);

    assert.deepEqual(await ids('minister'), ['08GRAUSTARK7', '09RURITANIA1', '09RURITANIA2'], 'unreleased cables never match');
    assert.deepEqual(await ids('quota*'), ['08GRAUSTARK7', '09RURITANIA1']);
    assert.deepEqual(await ids('"fishing quotas"'), ['09RURITANIA1']);
    assert.deepEqual(await ids('"quotas fishing"'), []);
    assert.deepEqual(await ids('sao tome'), ['09RURITANIA1'], 'accents folded');
    assert.deepEqual(await ids('subject:minister'), ['08GRAUSTARK7']);
    assert.deepEqual(await ids('minister -election'), ['08GRAUSTARK7', '09RURITANIA1']);
    assert.deepEqual(await ids('-minister'), []);
    assert.deepEqual(await ids('said'), ['09RURITANIA1']);
    const redacted = await store.search({ query: parseQuery('xxxxxxxxx minister') });
    assert.equal(redacted.total, 3, 'a redaction mark is no word: it is ignored');
    assert.ok(redacted.problems.some((p) => p.severity === 'warning'));
    assert.deepEqual(await ids('minister tag:ECON'), ['08GRAUSTARK7', '09RURITANIA1']);

    const r = await store.search({ query: parseQuery('minister'), facetLimit: 5 });
    assert.equal(r.total, 3);
    assert.deepEqual(r.facets?.tag, [
      { key: 'ECON', count: 2 },
      { key: 'PGOV', count: 1 },
    ]);
    assert.deepEqual(r.facets?.year.map((y) => y.key), ['2008', '2009']);
    const hit = r.hits.find((h) => h.canonicalId === '09RURITANIA2');
    assert.ok(hit?.snippet);
    assert.equal(hit.snippet.text.slice(hit.snippet.hits[0].start, hit.snippet.hits[0].end), 'minister');

    const all: string[] = [];
    for await (const s of store.searchAll({ query: parseQuery('minister'), sort: 'created', order: 'asc' }, { batchSize: 2 })) all.push(s.canonicalId);
    assert.deepEqual(all, ['08GRAUSTARK7', '09RURITANIA1', '09RURITANIA2']);

    const near = await store.lookupReference({ station: 'RURITANIA', serial: 3 });
    assert.deepEqual(near.exact, []);
    assert.deepEqual(near.nearest.map((c) => c.canonicalId), ['09RURITANIA2', '09RURITANIA1']);
    const exact = await store.lookupReference({ station: 'ruritania', serial: 1, year: '09' });
    assert.deepEqual(exact.exact.map((c) => c.canonicalId), ['09RURITANIA1']);
  } finally {
    await store.close();
  }
});
