import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runStoreContract } from './store-contract.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { migrate } from '../../src/store/sqlite/migrate.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations/index.js';
import { openStore } from '../../src/store/open-store.js';
import { makeParsedCable } from './make-parsed-cable.js';
import { isCablegateError } from '../../src/domain/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'cablegate-sqlite-'));
let n = 0;
test.after(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract('sqlite', async () => SqliteStore.open(join(dir, `contract-${n++}.db`)), {
  makeStoreWithClock: async (now) => SqliteStore.open(join(dir, `contract-${n++}.db`), { now }),
});

test('sqlite: WAL mode, migrations recorded once, reopening keeps data', async () => {
  const file = join(dir, 'reopen.db');
  const store = SqliteStore.open(file);
  await store.putCables([
    { parsed: makeParsedCable({ canonicalId: '09RURITANIA1' }), raw: 'r', source: 's', format: 'text', releasedAt: null },
  ]);
  await store.close();
  const again = SqliteStore.open(file);
  assert.equal((await again.stats()).total, 1);
  await again.close();

  const db = new Database(file);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
  assert.deepEqual(rows.map((r) => r.version), MIGRATIONS.map((m) => m.version));
  assert.deepEqual(migrate(db, MIGRATIONS), [], 'nothing left to apply');
  // A later migration is applied on top, once.
  const extra = [...MIGRATIONS, { version: 999, name: 'test extra', sql: 'CREATE TABLE extra_test (x INTEGER)' }];
  assert.deepEqual(migrate(db, extra), [999]);
  assert.deepEqual(migrate(db, extra), []);
  db.close();
  // The program no longer knows version 999: opening refuses rather than guess.
  assert.throws(() => SqliteStore.open(file), (e: unknown) => isCablegateError(e) && e.code === 'E_STORE_MIGRATION');
});

test('openStore: unreachable postgres URL is a clear error; unreadable path is E_STORE_OPEN', async () => {
  await assert.rejects(openStore('postgres://u:p@127.0.0.1:1/db'), (e: unknown) => {
    assert.ok(isCablegateError(e));
    assert.equal(e.code, 'E_STORE_UNAVAILABLE');
    assert.doesNotMatch(e.describe(), /u:p@/);
    return true;
  });
  await assert.rejects(openStore(join(dir, 'missing', 'x.db'), { readonly: true }), (e: unknown) => isCablegateError(e) && e.code === 'E_STORE_OPEN');
});

test('sqlite: a read-only open of an archive with missing schema steps is a clear error; a writing open applies them', async () => {
  const file = join(dir, 'older.db');
  const store = SqliteStore.open(file);
  await store.putCables([
    { parsed: makeParsedCable({ canonicalId: '09RURITANIA1' }), raw: 'r', source: 's', format: 'text', releasedAt: '2010-11-28T18:00Z' },
  ]);
  await store.close();
  // As an archive made before the last schema step.
  const last = MIGRATIONS[MIGRATIONS.length - 1];
  const db = new Database(file);
  db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(last.version);
  db.close();
  await assert.rejects(openStore(file, { readonly: true, mustExist: true }), (e: unknown) => {
    assert.ok(isCablegateError(e) && e.code === 'E_STORE_SCHEMA', String(e));
    assert.match((e as Error).message, new RegExp(last.name));
    return true;
  });
  await (await openStore(file, { mustExist: true })).close();
  const reader = await openStore(file, { readonly: true, mustExist: true });
  assert.equal((await reader.getCable('09RURITANIA1', { releasedOnly: true }))?.canonicalId, '09RURITANIA1');
  await reader.close();
});
