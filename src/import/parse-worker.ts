// Worker thread of the parse pool: parses the records it is sent, answers with outcomes.
import { parentPort } from 'node:worker_threads';
import type { SourceRecord } from '../domain/source-record.js';
import { parseRecord } from './parse-outcome.js';

export interface ParseRequest {
  id: number;
  record: SourceRecord;
}

parentPort?.on('message', (msg: ParseRequest) => {
  parentPort!.postMessage({ id: msg.id, outcome: parseRecord(msg.record) });
});
