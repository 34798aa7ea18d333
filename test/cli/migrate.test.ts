/**
 * `cablegate migrate --from sqlite:FILE --to postgres://...`: every cable with all its
 * versions, release state, withdrawals and the release log arrive; counts are checked.
 * Fictional cables only; runs the compiled CLI (npm run build).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { CableInput, Store } from '../../src/store/store.js';
import type { ParsedCable } from '../../src/domain/cable.js';
import { makeParsedCable } from '../store/make-parsed-cable.js';
import { dropDatabases, freshDatabase, needsPostgres } from '../store/postgres-support.js';
import { runCli } from './run-cli.js';

const available = await needsPostgres();
const work = mkdtempSync(join(tmpdir(), 'cablegate-migrate-'));
after(async () => {
  rmSync(work, { recursive: true, force: true });
  await dropDatabases();
});

function input(id: string, raw: string, releasedAt: string | null, extra: ParsedCable | null = null): CableInput {
  return { parsed: extra ?? makeParsedCable({ canonicalId: id, subject: `SUBJECT OF ${id}`, body: `Fictional body of ${id}.` }), raw, source: `/fictional/${id}`, format: 'text', releasedAt };
}

async function everything(store: Store) {
  const cables = [];
  for await (const c of store.iterateCables({ batchSize: 7 })) cables.push({ ...c, withdrawal: await store.getWithdrawal(c.canonicalId) });
  const releases = (await store.listReleases()).map((b) => ({ ...b, id: 0 }));
  return { cables, releases, stats: await store.stats(), tags: await store.countBy('tag') };
}

test('migrate: sqlite archive to an empty PostgreSQL database, identical afterwards; a non-empty target is refused', available, async () => {
  const file = join(work, 'source.db');
  const source = SqliteStore.open(file);
  const inputs: CableInput[] = [];
  for (let i = 1; i <= 60; i++) inputs.push(input(`09RURITANIA${i}`, `raw ${i}`, i % 3 === 0 ? null : '2010-11-28T18:00Z'));
  await source.putCables(inputs);
  // A second text of a released cable (not public), and of an unreleased one (current).
  await source.putCables([
    input('09RURITANIA1', 'raw 1 b', null, makeParsedCable({ canonicalId: '09RURITANIA1', subject: 'SECOND TEXT', tags: ['ECON'] })),
    input('09RURITANIA3', 'raw 3 b', null, makeParsedCable({ canonicalId: '09RURITANIA3', subject: 'SECOND TEXT', tags: ['PGOV'] })),
  ]);
  await source.applyRelease({ action: 'release', items: [{ canonicalId: '09RURITANIA3' }, { canonicalId: '09RURITANIA6' }], at: '2011-01-01T00:00Z', by: 'tester', note: 'n' });
  await source.applyRelease({ action: 'withdraw', items: [{ canonicalId: '09RURITANIA2' }], reason: 'fictional reason' });
  await source.applyRelease({ action: 'release', items: [{ canonicalId: '09RURITANIA9' }], at: '2999-01-01T00:00Z', selector: 'scheduled' });
  const before = await everything(source);
  await source.close();

  const url = await freshDatabase('migrate');
  const r = runCli(['migrate', '--from', `sqlite:${file}`, '--to', url, '--batch-size', '25']);
  assert.equal(r.code, 0, r.stderr + r.stdout);
  assert.match(r.stdout, /migrated 60 cables and 3 release batches/);
  assert.doesNotMatch(r.stdout, /DIFF/);

  const target = await PostgresStore.open(url, { mustExist: true });
  try {
    assert.deepEqual(await everything(target), before);
    assert.equal((await target.getCable('09RURITANIA1', { releasedOnly: true }))?.cable.subject, 'SUBJECT OF 09RURITANIA1', 'the public version is kept');
    assert.equal((await target.getVersions('09RURITANIA1', { releasedOnly: true })).length, 1);
    assert.equal(await target.getCable('09RURITANIA9', { releasedOnly: true }), null, 'scheduled stays scheduled');
  } finally {
    await target.close();
  }

  const again = runCli(['migrate', '--from', file, '--to', url]);
  assert.notEqual(again.code, 0);
  assert.match(again.stderr, /not empty/);
  const resumed = runCli(['migrate', '--from', file, '--to', url, '--resume']);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stdout, /migrated 0 cables \(60 already there\)/);
  const bad = runCli(['migrate', '--from', file, '--to', join(work, 'other.db')]);
  assert.equal(bad.code, 2);
});
