import type { Worker } from 'node:worker_threads';
import { moduleWorker } from '../threads/module-worker.js';
import { runJob, type JobResult, type ParseJob } from './parse-outcome.js';

/** Extracts and parses jobs, possibly on other threads. Results come back in any order. */
export interface ParsePool {
  run(job: ParseJob): Promise<JobResult>;
  close(): Promise<void>;
}

/** Parses on the calling thread (workers = 0, or where threads are not wanted). */
export function inlineParsePool(): ParsePool {
  return {
    run: async (job) => runJob(job),
    close: async () => {},
  };
}

interface Pending {
  resolve: (o: JobResult) => void;
  reject: (e: Error) => void;
  worker: WorkerState;
}

interface WorkerState {
  worker: Worker;
  busy: number;
}

/** A pool of `size` worker threads; each record goes to the least busy worker. */
export function workerParsePool(size: number): ParsePool {
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let failure: Error | null = null;
  const workers: WorkerState[] = [];
  for (let i = 0; i < size; i++) {
    const state: WorkerState = { worker: moduleWorker(import.meta.url, 'parse-worker'), busy: 0 };
    state.worker.on('message', (msg: { id: number; result: JobResult }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      state.busy--;
      p.resolve(msg.result);
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
    run(job) {
      if (failure) return Promise.reject(failure);
      let w = workers[0];
      for (const s of workers) if (s.busy < w.busy) w = s;
      const id = nextId++;
      // A file's bytes move to the worker without a copy when they own their buffer.
      const transfer =
        'bytes' in job && job.bytes.byteOffset === 0 && job.bytes.byteLength === job.bytes.buffer.byteLength ? [job.bytes.buffer as ArrayBuffer] : [];
      return new Promise<JobResult>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: w });
        w.busy++;
        w.worker.postMessage({ id, job }, transfer);
      });
    },
    async close() {
      if (closing) return;
      closing = true;
      await Promise.all(workers.map((s) => s.worker.terminate()));
    },
  };
}
