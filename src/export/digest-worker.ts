/** Worker thread of readDigest: reads the archive's public digest with its own read-only connection. */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/open-store.js';
import { digestOf } from './digest-reader.js';

const store = await openStore((workerData as { dbLocation: string }).dbLocation, { readonly: true, mustExist: true });
try {
  parentPort!.postMessage({ digest: await digestOf(store) });
} catch (e) {
  parentPort!.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
} finally {
  await store.close();
}
