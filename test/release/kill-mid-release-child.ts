/**
 * Child process of release-cli.test.ts: starts a release batch of every unreleased cable
 * and kills itself (SIGKILL, no cleanup) inside the transaction after `argv[3]` items.
 */
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const [file, after] = [process.argv[2], Number(process.argv[3])];
const store = SqliteStore.open(file, {
  beforeReleaseItem: (i) => {
    if (i === after) process.kill(process.pid, 'SIGKILL');
  },
});
const ids = (await store.unreleasedCables()).map((c) => ({ canonicalId: c.canonicalId }));
await store.applyRelease({ action: 'release', items: ids, by: 'doomed' });
process.stdout.write('finished (should not happen)\n');
