/**
 * The release, withdraw and releases commands, run in process with `--db` on every store:
 * a SQLite file, or the postgres:// URL of a fresh database.
 */
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeParsedCable } from '../store/make-parsed-cable.js';
import { projectRoot } from '../support/corpus.js';
import { cleanupStores, openLocation, storeFactories, type StoreFactory } from '../support/store-factories.js';
import { cli } from './run-in-process.js';
import { orderCandidates, parseIdList } from '../../src/release/order-candidates.js';

const work = mkdtempSync(join(tmpdir(), 'cablegate-release-'));
after(async () => {
  await cleanupStores();
  rmSync(work, { recursive: true, force: true });
});

/** A fresh archive of `count` fictional unreleased cables 09RURITANIA1..count (two origins); its --db location. */
async function archive(factory: StoreFactory, count: number): Promise<string> {
  const db = await factory.freshLocation('release');
  const store = await openLocation(db);
  await store.putCables(
    Array.from({ length: count }, (_, i) => ({
      parsed: makeParsedCable({
        canonicalId: `09RURITANIA${i + 1}`,
        created: `2009-01-${String((i % 28) + 1).padStart(2, '0')}T00:00Z`,
        origin: i % 2 ? 'Embassy Graustark' : 'Embassy Ruritania',
        tags: i % 3 ? ['PREL'] : ['ECON'],
        subject: `FICTIONAL NUMBER ${i + 1}`,
      }),
      raw: `raw ${i}`,
      source: `s${i}`,
      format: 'text' as const,
      releasedAt: null,
    })),
  );
  await store.close();
  return db;
}

async function visibleIds(db: string): Promise<string[]> {
  const store = await openLocation(db);
  try {
    return (await store.listCables({ releasedOnly: true, sort: 'id' })).rows.map((r) => r.canonicalId).sort();
  } finally {
    await store.close();
  }
}

test('order: created, id, random reproducible by seed; id files', () => {
  const c = [
    { canonicalId: 'B', created: '2009-02' },
    { canonicalId: 'A', created: null },
    { canonicalId: 'C', created: '2009-01' },
    { canonicalId: 'D', created: '2009-03' },
  ];
  assert.deepEqual(orderCandidates(c, 'created').map((x) => x.canonicalId), ['C', 'B', 'D', 'A']);
  assert.deepEqual(orderCandidates(c, 'id', { next: 2 }).map((x) => x.canonicalId), ['A', 'B']);
  const r1 = orderCandidates(c, 'random', { seed: 's1' }).map((x) => x.canonicalId);
  assert.deepEqual(orderCandidates([...c].reverse(), 'random', { seed: 's1' }).map((x) => x.canonicalId), r1, 'input order does not matter');
  assert.deepEqual([...r1].sort(), ['A', 'B', 'C', 'D']);
  const many = Array.from({ length: 50 }, (_, i) => ({ canonicalId: `X${i}`, created: null }));
  assert.notDeepEqual(orderCandidates(many, 'random', { seed: 'a' }), orderCandidates(many, 'random', { seed: 'b' }));
  assert.deepEqual(parseIdList('10A1, 10A2\n# comment\n  10A3 # trailing\n\n'), ['10A1', '10A2', '10A3']);
});

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    test('cli release: ids, --dry-run, --next/--order/--seed, --origin, --tag, --file, --at, releases log, --json', async () => {
      const db = await archive(factory, 12);
      let r = await cli(['release', '--db', db, '09RURITANIA1', '09ruritania2', '--by', 'ann', '--note', 'first batch', '--dry-run']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /would release: 2 cables/);
      assert.deepEqual(await visibleIds(db), [], 'a dry run publishes nothing');

      r = await cli(['release', '--db', db, '09RURITANIA1', '09ruritania2', '--by', 'ann', '--note', 'first batch']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /released at .*: 2 cables \(batch #1\)/);
      assert.deepEqual(await visibleIds(db), ['09RURITANIA1', '09RURITANIA2']);

      // Unknown and already released ids: clear message, nothing changes; --partial skips them.
      r = await cli(['release', '--db', db, '09RURITANIA3', '09RURITANIA99', '09RURITANIA1']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /E_RELEASE_INVALID/);
      assert.match(r.stderr, /09RURITANIA99: no cable with this id/);
      assert.match(r.stderr, /09RURITANIA1: already released/);
      assert.deepEqual(await visibleIds(db), ['09RURITANIA1', '09RURITANIA2']);
      r = await cli(['release', '--db', db, '09RURITANIA3', '09RURITANIA99', '09RURITANIA1', '--partial', '--json']);
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.deepEqual(out.batch.items.map((i: { canonicalId: string }) => i.canonicalId), ['09RURITANIA3']);
      assert.deepEqual(out.skipped.map((p: { code: string }) => p.code), ['unknown', 'already-released']);

      // --next in a seeded random order: the same seed picks the same cables (checked on a dry run).
      const a = await cli(['release', '--db', db, '--next', '3', '--order', 'random', '--seed', 'x', '--dry-run', '--json']);
      const b = await cli(['release', '--db', db, '--next', '3', '--order', 'random', '--seed', 'x', '--dry-run', '--json']);
      assert.deepEqual(JSON.parse(a.stdout).batch.items, JSON.parse(b.stdout).batch.items);
      assert.equal(JSON.parse(a.stdout).batch.items.length, 3);
      r = await cli(['release', '--db', db, '--next', '2', '--order', 'id']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(await visibleIds(db), ['09RURITANIA1', '09RURITANIA10', '09RURITANIA11', '09RURITANIA2', '09RURITANIA3']);

      r = await cli(['release', '--db', db, '--origin', 'Embassy Graustark', '--tag', 'ECON', '--json']);
      assert.equal(r.code, 0, r.stderr);
      // Graustark = even numbers; ECON = numbers 1, 4, 7, 10 (i % 3 == 0); 10 is out already: 4.
      assert.deepEqual(JSON.parse(r.stdout).batch.items.map((i: { canonicalId: string }) => i.canonicalId), ['09RURITANIA4']);

      const file = join(work, 'ids.txt');
      writeFileSync(file, '# next ones\n09RURITANIA5\n09RURITANIA6, 09RURITANIA7\n');
      r = await cli(['release', '--db', db, '--file', file, '--at', '2999-01-01T00:00']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /scheduled for 2999-01-01T00:00Z: 3 cables/);
      assert.ok(!(await visibleIds(db)).includes('09RURITANIA5'), 'scheduled, not yet visible');

      r = await cli(['releases', '--db', db, '--json']);
      const log = JSON.parse(r.stdout) as Array<{ by: string; note: string | null; items: unknown[]; at: string; selector: string }>;
      assert.equal(log.length, 5);
      assert.equal(log[log.length - 1].by, 'ann');
      assert.equal(log[log.length - 1].note, 'first batch');
      assert.equal(log[0].at, '2999-01-01T00:00Z');
      assert.match(log[0].selector, /--file/);
      r = await cli(['releases', '--db', db, '--ids']);
      assert.match(r.stdout, /#1 .* release {2}2 published {2}by ann/);

      // Usage errors: no selection, ids and a selector together, a bad --order, a bad --at.
      assert.equal((await cli(['release', '--db', db])).code, 2);
      assert.equal((await cli(['release', '--db', db, '09RURITANIA8', '--tag', 'PREL'])).code, 2);
      assert.equal((await cli(['release', '--db', db, '--next', '1', '--order', 'sideways'])).code, 2);
      assert.equal((await cli(['release', '--db', db, '09RURITANIA8', '--at', 'tomorrow'])).code, 2);
      assert.equal((await cli(['release', '--db', db, '--tag', 'NOSUCHTAG'])).code, 1);
    });

    test('cli release --query selects unreleased cables by the search language; a malformed query is a clear error', async () => {
      const db = await archive(factory, 6);
      let r = await cli(['release', '--db', db, '--query', 'subject:"NUMBER 3"', '--json']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).batch.items.map((i: { canonicalId: string }) => i.canonicalId), ['09RURITANIA3']);
      r = await cli(['release', '--db', db, '--query', 'origin:"Embassy Graustark"', '--json']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).batch.items.map((i: { canonicalId: string }) => i.canonicalId).sort(), ['09RURITANIA2', '09RURITANIA4', '09RURITANIA6']);
      r = await cli(['release', '--db', db, '--query', 'created:someday']);
      assert.equal(r.code, 2, r.stdout);
      assert.match(r.stderr, /--query: created:someday is not a date/);
      r = await cli(['release', '--db', db, '--query', 'nosuchwordanywhere']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /matches no unreleased cable/);
      assert.deepEqual(await visibleIds(db), ['09RURITANIA2', '09RURITANIA3', '09RURITANIA4', '09RURITANIA6']);
    });

    test('cli withdraw: needs a reason; takes a cable down; logged; unknown/unreleased ids refused', async () => {
      const db = await archive(factory, 3);
      await cli(['release', '--db', db, '09RURITANIA1', '09RURITANIA2']);
      assert.equal((await cli(['withdraw', '--db', db, '09RURITANIA1'])).code, 2, 'reason required');
      let r = await cli(['withdraw', '--db', db, '09RURITANIA1', '09RURITANIA3', '--reason', 'names a source']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /09RURITANIA3: not released/);
      r = await cli(['withdraw', '--db', db, '09RURITANIA1', '--reason', 'names a source', '--by', 'ed']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(await visibleIds(db), ['09RURITANIA2']);
      const log = JSON.parse((await cli(['releases', '--db', db, '--json'])).stdout);
      assert.deepEqual(log[0].items, [{ canonicalId: '09RURITANIA1', action: 'withdraw', version: null, reason: 'names a source' }]);
    });

    test('cli release --version: a new text stays non-public until chosen; going back hides it again', async () => {
      const db = await archive(factory, 1);
      await cli(['release', '--db', db, '09RURITANIA1']);
      const store = await openLocation(db);
      await store.putCables([{ parsed: makeParsedCable({ canonicalId: '09RURITANIA1', subject: 'UNREDACTED' }), raw: 'raw v2', source: 'v2', format: 'text', releasedAt: null }]);
      await store.close();
      let r = await cli(['release', '--db', db, '09RURITANIA1']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /--version 2/);
      r = await cli(['release', '--db', db, '09RURITANIA1', '--version', '3']);
      assert.match(r.stderr, /no version 3/);
      r = await cli(['release', '--db', db, '09RURITANIA1', '--version', '2']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /public version -> 2/);
      const again = await openLocation(db);
      assert.equal((await again.getCable('09RURITANIA1', { releasedOnly: true }))?.cable.subject, 'UNREDACTED');
      await again.close();
    });

    test('a release batch is atomic: a process killed halfway through publishes nothing', { timeout: 120_000 }, async () => {
      const db = await archive(factory, 400);
      const child = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'test', 'release', 'kill-mid-release-child.ts'), db, '200'], {
        cwd: projectRoot,
        encoding: 'utf8',
      });
      assert.equal(child.signal, 'SIGKILL', `the child must die mid-batch: ${child.stdout} ${child.stderr}`);
      assert.doesNotMatch(child.stdout, /finished/);
      assert.deepEqual(await visibleIds(db), []);
      const store = await openLocation(db);
      try {
        assert.deepEqual(await store.listReleases(), [], 'no log entry either');
        assert.equal((await store.unreleasedCables()).length, 400);
        // And the archive still works: the same batch completes when nothing kills it.
        const out = await store.applyRelease({ action: 'release', items: (await store.unreleasedCables()).map((c) => ({ canonicalId: c.canonicalId })) });
        assert.equal(out.batch.items.length, 400);
      } finally {
        await store.close();
      }
      assert.equal((await visibleIds(db)).length, 400);
    });
  });
}
