/** Worker thread of exportFacts: reads the archive's public digest with its own read-only connection and derives the export's facts. */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/open-store.js';
import { computeFacts, type FactsInput, type FactsMessage } from './export-facts.js';

const { dbLocation, input } = workerData as { dbLocation: string; input: FactsInput };
const store = await openStore(dbLocation, { readonly: true, mustExist: true });
try {
  await computeFacts(store, input, (m: FactsMessage) => parentPort!.postMessage(m));
} catch (e) {
  parentPort!.postMessage({ kind: 'error', error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies FactsMessage);
} finally {
  await store.close();
}
