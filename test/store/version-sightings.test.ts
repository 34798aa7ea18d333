/**
 * A new version only when what the cable says changes: another build of the same text is a
 * sighting of the version it repeats. Migration 006 folds the noise versions of archives
 * made before (public version unchanged), on both stores; the real corpus's two builds make
 * versions only where text or metadata changed.
 */
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { ParsedCable } from '../../src/domain/cable.js';
import { importArchive } from '../../src/import/import-archive.js';
import type { Store } from '../../src/store/store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { registerSearchFunctions } from '../../src/store/sqlite/search/search-functions.js';
import { buildDiff } from '../../src/web/version-diff-page.js';
import { extracted, needsCorpus } from '../support/corpus.js';
import { cleanupStores, openLocation, storeFactories } from '../support/store-factories.js';
import { input, parsedCable } from '../web/web-fixture.js';

after(cleanupStores);

const A = () => parsedCable({ canonicalId: '10ALPHAVILLE1', created: '2010-01-05T00:00Z', subject: 'ALPHA ONE', body: '1. (C) First text.' });
const B = () => ({ ...A(), body: '1. (C) Corrected text.' });
const RELEASED = '2010-12-06T10:00Z';

/** Today's archives (before migration 006) made a version of every new raw text: made here by SQL. */
async function addNoiseVersionsTheOldWay(kind: string, location: string): Promise<void> {
  // Versions 1 (A) and 2 (B) exist; afterwards: 1 A, 2 A in another markup, 3 B, 4 B in another markup.
  if (kind === 'sqlite') {
    const db = new Database(location);
    registerSearchFunctions(db); // the search index's triggers use them
    db.exec(`
      UPDATE versions SET number = 3 WHERE number = 2;
      UPDATE version_publications SET number = 3 WHERE number = 2;
      INSERT INTO versions (cable_id, number, content_hash, source, format, imported_at, raw, parsed)
        SELECT cable_id, 2, 'noise-a', 'april/a.html', format, imported_at, raw || ' nav', parsed FROM versions WHERE number = 1;
      INSERT INTO versions (cable_id, number, content_hash, source, format, imported_at, raw, parsed)
        SELECT cable_id, 4, 'noise-b', 'april/b.html', format, imported_at, raw || ' nav', parsed FROM versions WHERE number = 3;
      INSERT INTO version_publications (cable_id, number, published_at) SELECT cable_id, 2, published_at FROM version_publications WHERE number = 1;
      INSERT INTO version_publications (cable_id, number, published_at) SELECT cable_id, 4, '2011-05-01T00:00Z' FROM version_publications WHERE number = 3;
      UPDATE cables SET current_version = 4, version_count = 4;
      INSERT INTO release_batches (id, action, ran_at, effective_at) VALUES (99, 'release', '2011-05-01T00:00Z', '2011-05-01T00:00Z');
      INSERT INTO release_items (batch_id, canonical_id, action, from_version, version) VALUES (99, '10ALPHAVILLE1', 'version', 3, 4);
      DELETE FROM schema_migrations WHERE version = 6;
      DROP TABLE version_sightings;`);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  try {
    await client.query(`
      UPDATE versions SET number = 3 WHERE number = 2;
      INSERT INTO versions (cable_id, number, content_hash, source, format, imported_at, raw, parsed, published_at)
        SELECT cable_id, 2, 'noise-a', 'april/a.html', format, imported_at, raw || ' nav', parsed, published_at FROM versions WHERE number = 1;
      INSERT INTO versions (cable_id, number, content_hash, source, format, imported_at, raw, parsed, published_at)
        SELECT cable_id, 4, 'noise-b', 'april/b.html', format, imported_at, raw || ' nav', parsed, '2011-05-01T00:00Z' FROM versions WHERE number = 3;
      UPDATE cables SET current_version = 4, version_count = 4;
      INSERT INTO release_batches (id, action, ran_at, effective_at) VALUES (99, 'release', '2011-05-01T00:00Z', '2011-05-01T00:00Z');
      INSERT INTO release_items (batch_id, seq, canonical_id, action, from_version, version) VALUES (99, 0, '10ALPHAVILLE1', 'version', 3, 4);
      DELETE FROM schema_migrations WHERE version = 6;
      DROP TABLE version_sightings;`);
  } finally {
    await client.end();
  }
}

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    test('the same text in another markup is a sighting, not a version; a changed text is a version', async () => {
      const store = await factory.open();
      assert.deepEqual(await store.putCables([input(A(), RELEASED, 'page of build 1295')]), ['new']);
      // Another build: other navigation, same text and metadata; and the same within one batch.
      const noisy: ParsedCable = { ...A(), warnings: ['another build'], createdDisplayed: '2010-01-05 00:00' };
      assert.deepEqual(await store.putCables([input(noisy, RELEASED, 'page of build 6693'), input(A(), RELEASED, 'page of build 4033')]), ['unchanged', 'unchanged']);
      assert.equal((await store.getCable('10ALPHAVILLE1'))!.versionCount, 1);
      assert.equal((await store.versionFacts('10ALPHAVILLE1')).length, 1);
      // A change of what it says (body; or metadata shown) is a new version, even in the same batch as noise.
      assert.deepEqual(await store.putCables([input(B(), RELEASED, 'corrected page'), input({ ...B(), warnings: ['x'] }, RELEASED, 'corrected page, other build')]), ['changed', 'unchanged']);
      assert.deepEqual(await store.putCables([input({ ...B(), classification: 'SECRET' }, RELEASED, 'reclassified page')]), ['changed']);
      assert.deepEqual((await store.versionFacts('10ALPHAVILLE1')).map((v) => v.number), [1, 2, 3]);
    });

    test('migration 006 folds the noise versions of an existing archive; the public version is unchanged', async () => {
      const location = await factory.freshLocation('sightings');
      let store: Store = await openLocation(location);
      await store.putCables([input(A(), RELEASED, 'dec')]);
      await store.putCables([input(B(), RELEASED, 'apr')]);
      await store.close();
      await addNoiseVersionsTheOldWay(factory.name, location);
      store = await openLocation(location);
      const shown = (await store.getCable('10ALPHAVILLE1', { releasedOnly: true }))!;
      assert.equal(shown.cable.body, B().body, 'the public text is the same');
      assert.equal(shown.currentVersion, 2);
      assert.equal(shown.versionCount, 2);
      const versions = await store.getVersions('10ALPHAVILLE1', { releasedOnly: true });
      assert.deepEqual(versions.map((v) => [v.number, v.parsed.body, v.raw]), [[1, A().body, 'dec'], [2, B().body, 'apr']]);
      assert.equal(versions[1].publishedAt?.slice(0, 10), RELEASED.slice(0, 10), 'the group keeps its earliest publication');
      const day = await store.releaseDay('2011-05-01');
      assert.equal(day.changed.length, 0, 'a change between two versions of one text is no change');
      // The rule holds after the migration: the noise texts' hashes are known sightings.
      assert.deepEqual(await store.putCables([input({ ...B(), warnings: ['again'] }, RELEASED, 'apr again')]), ['unchanged']);
    });
  });
}

test('the 2010-12-10 and April 2011 builds: versions only where what the cable says changed', { ...needsCorpus(), timeout: 900_000 }, async () => {
  const store = SqliteStore.open(':memory:');
  try {
    await importArchive(store, [join(extracted('site-2010-12-10-complete'), 'cable')], { workers: 2 });
    const april = await importArchive(store, [extracted('site-2011-04-cables')], { workers: 2 });
    let second = 0;
    for await (const c of store.iterateCables({})) {
      if (c.versions.length < 2) continue;
      second++;
      for (let i = 1; i < c.versions.length; i++) {
        const d = buildDiff(c, c.versions[i - 1], c.versions[i]);
        const textChanged = d.body.some((p) => p.op !== 'same') || d.header.some((p) => p.op !== 'same');
        assert.ok(textChanged || d.changedFields.length > 0, `${c.canonicalId}: version ${c.versions[i].number} shows no change`);
      }
    }
    // Measured: 182 cables changed (178 re-dated, 26 texts, 7 subjects...), 1,115 pages of the same text (were versions before).
    assert.equal(april.changed, second);
    assert.ok(second > 150 && second < 250, `${second} second versions`);
    assert.ok(april.unchanged > 1000, `${april.unchanged} sightings`);
  } finally {
    await store.close();
  }
});
