/**
 * Child process of the web benchmark: imports the given folders into a SQLite archive
 * that is kept (the web benchmark's cached archive), then marks it complete.
 * Usage: web-import-child <db file> <workers> <path>...
 */
import { rmSync, writeFileSync } from 'node:fs';
import { reportResult } from './run-child.js';

const [dbFile, workersArg, ...paths] = process.argv.slice(2);
for (const suffix of ['', '-wal', '-shm', '.complete']) rmSync(dbFile + suffix, { force: true });

const { importArchive } = await import('../src/import/import-archive.js');
const { openStore } = await import('../src/store/open-store.js');

const store = await openStore(dbFile);
const t0 = performance.now();
const summary = await importArchive(store, paths, { workers: Number(workersArg) });
await store.close();
writeFileSync(dbFile + '.complete', JSON.stringify(summary) + '\n');
reportResult({ summary, seconds: (performance.now() - t0) / 1000 });
