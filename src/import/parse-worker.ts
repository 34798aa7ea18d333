// Worker thread of the parse pool: extracts and parses the jobs it is sent, answers with results.
import { parentPort } from 'node:worker_threads';
import { runJob, type ParseJob } from './parse-outcome.js';

export interface ParseRequest {
  id: number;
  job: ParseJob;
}

parentPort?.on('message', (msg: ParseRequest) => {
  parentPort!.postMessage({ id: msg.id, result: runJob(msg.job) });
});
