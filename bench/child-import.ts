/**
 * Child process of the import benchmark: imports the given folders into a fresh
 * SQLite archive with importArchive and reports counts, time and peak RSS.
 * Usage: child-import <db file> <workers> <path>...
 */
import { rmSync, statSync } from 'node:fs';
import { reportResult } from './run-child.js';

const [dbFile, workersArg, ...paths] = process.argv.slice(2);
for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });

// Imported dynamically so a missing importer is reported as such, not as a crash at load.
const { importArchive } = await import('../src/import/import-archive.js');
const { openStore } = await import('../src/store/open-store.js');

const store = await openStore(dbFile);
const rejects: Record<string, number> = {};
const t0 = performance.now();
const summary = await importArchive(store, paths, {
  workers: Number(workersArg),
  onReject: (r) => (rejects[r.code] = (rejects[r.code] ?? 0) + 1),
});
await store.close();
const seconds = (performance.now() - t0) / 1000;
let dbBytes = 0;
for (const suffix of ['', '-wal']) {
  try {
    dbBytes += statSync(dbFile + suffix).size;
  } catch {
    // no WAL file left
  }
}
for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
reportResult({ summary, rejects, seconds, dbBytes });
