/**
 * Worker thread of the render pool: its own read-only store and app; renders the batches
 * it is sent. Setup messages carry the facts the snapshot store serves: the first as soon
 * as the export knows them (the thread opens its store meanwhile), another when it knows
 * more; batches use the latest.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Hono } from 'hono';
import { openStore } from '../store/open-store.js';
import { PublicSummaries } from './snapshot-store.js';
import { newLinkFilter, renderPath, type RenderOutcome, type RenderTask } from './render-page.js';
import { exportAppOptions, snapshotApp, type PoolFacts, type RenderWorkerData } from './render-pool.js';

const data = workerData as RenderWorkerData;
const store = await openStore(data.dbLocation, { readonly: true, mustExist: true });
const firstReport = newLinkFilter();
// Read once for this export, whichever facts the app is set up with.
const summaries = new PublicSummaries(store);
let app: Hono | null = null;

parentPort!.on('message', async (msg: { facts: PoolFacts } | { id: number; tasks: RenderTask[] }) => {
  if ('facts' in msg) {
    app = snapshotApp(store, msg.facts, summaries, exportAppOptions(data.appOptions));
    return;
  }
  try {
    if (!app) throw new Error('render worker: a batch came before the snapshot facts');
    const outcomes: RenderOutcome[] = [];
    for (const t of msg.tasks) outcomes.push(firstReport(await renderPath(app, data.dir, t)));
    parentPort!.postMessage({ id: msg.id, outcomes });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
