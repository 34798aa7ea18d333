/**
 * Renders batches of paths, on the calling thread (an open store) or on worker threads
 * (each with its own read-only connection to the archive file), so both cores render.
 */
import type { Worker } from 'node:worker_threads';
import { moduleWorker } from '../threads/module-worker.js';
import type { Hono } from 'hono';
import type { Store } from '../store/store.js';
import { createApp, type AppOptions } from '../web/app.js';
import { PublicSummaries, snapshotStore, type SnapshotFacts } from './snapshot-store.js';
import { unpackLists, type PackedLists } from './browse-lists.js';
import { newLinkFilter, renderPath, type RenderOutcome, type RenderTask } from './render-page.js';

/** What the export hands its render threads: the snapshot facts, with the browse lists packed. */
export type PoolFacts = Omit<SnapshotFacts, 'lists'> & { lists?: PackedLists };

/** The app a render thread renders with, over a snapshot of `store` with the facts it was handed. */
export function snapshotApp(store: Store, facts: PoolFacts, summaries: PublicSummaries, appOptions: AppOptions): Hono {
  const snapshot: SnapshotFacts = { ...facts, lists: facts.lists ? unpackLists(facts.lists) : undefined };
  return createApp(snapshotStore(store, snapshot, summaries), appOptions);
}

export interface RenderPool {
  /**
   * Gives the threads what the export knows about the archive; before the first render(),
   * and again when it knows more (later batches use the newer facts).
   */
  setup(facts: PoolFacts): void;
  render(tasks: RenderTask[]): Promise<RenderOutcome[]>;
  close(): Promise<void>;
}

/** App options an export uses: the origin table is never stale within one export. */
export function exportAppOptions(options: Pick<AppOptions, 'pageSize' | 'siteTotal' | 'baseUrl'>): AppOptions {
  // Every page is rendered once: a page cache would only hold memory. The long TTL keeps the
  // origin table for the whole export (the snapshot store never reports a change).
  return { ...options, cacheTtlMs: 365 * 24 * 3600 * 1000, pageCacheBytes: 0, logError: (e) => console.error(e) };
}

export function inlineRenderPool(store: Store, dir: string, appOptions: AppOptions): RenderPool {
  let app: Hono | null = null;
  const firstReport = newLinkFilter();
  const summaries = new PublicSummaries(store);
  return {
    setup(facts) {
      app = snapshotApp(store, facts, summaries, appOptions);
    },
    async render(tasks) {
      if (!app) throw new Error('render pool: render() before setup()');
      const out: RenderOutcome[] = [];
      for (const t of tasks) out.push(firstReport(await renderPath(app, dir, t)));
      return out;
    },
    close: async () => {},
  };
}

export interface RenderWorkerData {
  dbLocation: string;
  dir: string;
  appOptions: Pick<AppOptions, 'pageSize' | 'siteTotal' | 'baseUrl'>;
}

/**
 * A render worker's heap: enough for the snapshot store's cached browse lists, small enough
 * that V8 collects garbage rather than growing (unbounded, three heaps reached 7.9 GB at 251k).
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 1536 };

interface WorkerState {
  worker: Worker;
  busy: number;
}

export function workerRenderPool(size: number, data: RenderWorkerData): RenderPool {
  const pending = new Map<number, { resolve: (o: RenderOutcome[]) => void; reject: (e: Error) => void; state: WorkerState }>();
  let nextId = 0;
  let failure: Error | null = null;
  let closing = false;
  const workers: WorkerState[] = [];
  for (let i = 0; i < size; i++) {
    const state: WorkerState = { worker: moduleWorker(import.meta.url, 'render-worker', { workerData: data, resourceLimits: WORKER_LIMITS }), busy: 0 };
    state.worker.on('message', (msg: { id: number; outcomes?: RenderOutcome[]; error?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      state.busy--;
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg.outcomes!);
    });
    const fail = (e: Error) => {
      failure = e;
      for (const [id, p] of pending) {
        if (p.state === state) {
          pending.delete(id);
          p.reject(e);
        }
      }
    };
    state.worker.on('error', fail);
    state.worker.on('exit', (code) => {
      if (!closing || code !== 0) fail(new Error(`render worker exited (code ${code})`));
    });
    workers.push(state);
  }
  return {
    setup(facts) {
      for (const s of workers) s.worker.postMessage({ facts });
    },
    render(tasks) {
      if (failure) return Promise.reject(failure);
      let w = workers[0];
      for (const s of workers) if (s.busy < w.busy) w = s;
      const id = nextId++;
      w.busy++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, state: w });
        w.worker.postMessage({ id, tasks });
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((s) => s.worker.terminate()));
    },
  };
}
