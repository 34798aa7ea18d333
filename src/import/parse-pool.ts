import { Worker } from 'node:worker_threads';
import type { SourceRecord } from '../domain/source-record.js';
import { parseRecord, type ParseOutcome } from './parse-outcome.js';

/** Parses records, possibly on other threads. Results come back in any order. */
export interface ParsePool {
  parse(record: SourceRecord): Promise<ParseOutcome>;
  close(): Promise<void>;
}

/** Parses on the calling thread (workers = 0, or where threads are not wanted). */
export function inlineParsePool(): ParsePool {
  return {
    parse: async (record) => parseRecord(record),
    close: async () => {},
  };
}

interface Pending {
  resolve: (o: ParseOutcome) => void;
  reject: (e: Error) => void;
  worker: WorkerState;
}

interface WorkerState {
  worker: Worker;
  busy: number;
}

/**
 * The worker module beside this one: .js when compiled; when run from source (tests
 * through tsx) the .ts module, with tsx loaded into the worker too.
 */
function newWorker(): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const tsx = import.meta.resolve('tsx/esm/api');
    const worker = new URL('./parse-worker.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`;
    return new Worker(boot, { eval: true });
  }
  return new Worker(new URL('./parse-worker.js', import.meta.url));
}

/** A pool of `size` worker threads; each record goes to the least busy worker. */
export function workerParsePool(size: number): ParsePool {
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let failure: Error | null = null;
  const workers: WorkerState[] = [];
  for (let i = 0; i < size; i++) {
    const state: WorkerState = { worker: newWorker(), busy: 0 };
    state.worker.on('message', (msg: { id: number; outcome: ParseOutcome }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      state.busy--;
      p.resolve(msg.outcome);
    });
    const fail = (e: Error) => {
      failure = e;
      for (const [id, p] of pending) {
        if (p.worker === state) {
          pending.delete(id);
          p.reject(e);
        }
      }
    };
    state.worker.on('error', fail);
    state.worker.on('exit', (code) => {
      if (code !== 0 || pending.size > 0) fail(new Error(`parse worker exited (code ${code})`));
    });
    workers.push(state);
  }
  let closing = false;
  return {
    parse(record) {
      if (failure) return Promise.reject(failure);
      let w = workers[0];
      for (const s of workers) if (s.busy < w.busy) w = s;
      const id = nextId++;
      return new Promise<ParseOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: w });
        w.busy++;
        w.worker.postMessage({ id, record });
      });
    },
    async close() {
      if (closing) return;
      closing = true;
      await Promise.all(workers.map((s) => s.worker.terminate()));
    },
  };
}
