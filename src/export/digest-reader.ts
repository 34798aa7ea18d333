/**
 * The archive's public digest (one export-state entry per public cable) and what the
 * export derives from it: the counts of every browse dimension and the browse lists.
 * SQLite answers on the thread that asks, so with an archive a thread can open itself
 * the digest is read on a worker thread while the export reads the previous manifest and
 * state on its own.
 */
import type { CountDimension, CountRow, Store } from '../store/store.js';
import { browseLists, type BrowseLists } from './browse-lists.js';
import { digestEntry, type DigestEntry } from './export-state.js';
import { countsFromDigest } from './site-page-paths.js';
import { moduleWorker } from '../threads/module-worker.js';

export interface ArchiveDigest {
  digest: DigestEntry[];
  counts: Record<CountDimension, CountRow[]>;
  lists: BrowseLists;
}

/** The digest entries of the archive's public cables. */
export async function digestOf(store: Store): Promise<DigestEntry[]> {
  return (await store.publicDigest()).map(digestEntry);
}

export async function readDigest(store: Store, dbLocation: string | null | undefined): Promise<ArchiveDigest> {
  const digest = await readEntries(store, dbLocation);
  return { digest, counts: countsFromDigest(digest), lists: browseLists(digest) };
}

function readEntries(store: Store, dbLocation: string | null | undefined): Promise<DigestEntry[]> {
  if (!dbLocation || dbLocation === ':memory:') return digestOf(store);
  return new Promise((resolve, reject) => {
    const worker = moduleWorker(import.meta.url, 'digest-worker', { workerData: { dbLocation } });
    let settled = false;
    worker.once('message', (msg: { digest?: DigestEntry[]; error?: string }) => {
      settled = true;
      if (msg.error !== undefined) reject(new Error(msg.error));
      else resolve(msg.digest!);
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`digest worker exited (code ${code}) without an answer`));
    });
  });
}
