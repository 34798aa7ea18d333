/**
 * Child process of release-cli.test.ts: starts a release batch of every unreleased cable
 * of the archive at `argv[2]` (a SQLite file or a postgres:// URL) and kills itself
 * (SIGKILL, no cleanup) inside the transaction after `argv[3]` items.
 */
import { isPostgresUrl } from '../../src/store/open-store.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

const [location, after] = [process.argv[2], Number(process.argv[3])];
const options = {
  beforeReleaseItem: (i: number) => {
    if (i === after) process.kill(process.pid, 'SIGKILL');
  },
};
const store: Store = isPostgresUrl(location) ? await PostgresStore.open(location, options) : SqliteStore.open(location, options);
const ids = (await store.unreleasedCables()).map((c) => ({ canonicalId: c.canonicalId }));
await store.applyRelease({ action: 'release', items: ids, by: 'doomed' });
process.stdout.write('finished (should not happen)\n');
