/** Worker thread of the render pool: its own read-only store and app; renders the batches it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/open-store.js';
import { createApp } from '../web/app.js';
import { snapshotStore } from './snapshot-store.js';
import { newLinkFilter, renderPath, type RenderOutcome, type RenderTask } from './render-page.js';
import { exportAppOptions, type RenderWorkerData } from './render-pool.js';

const data = workerData as RenderWorkerData;
const store = await openStore(data.dbLocation, { readonly: true, mustExist: true });
const firstReport = newLinkFilter();
const app = createApp(snapshotStore(store, data.counts, data.lists), exportAppOptions(data.appOptions));

parentPort!.on('message', async (msg: { id: number; tasks: RenderTask[] }) => {
  try {
    const outcomes: RenderOutcome[] = [];
    for (const t of msg.tasks) outcomes.push(firstReport(await renderPath(app, data.dir, t)));
    parentPort!.postMessage({ id: msg.id, outcomes });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
