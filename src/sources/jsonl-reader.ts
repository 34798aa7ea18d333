/**
 * Streams a JSON Lines export (see src/parse/jsonl-line.ts for the line shapes),
 * line by line, re-yielding every version as a record of its original format.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { SourceItem } from '../domain/source-record.js';
import { extractJsonlLine } from '../parse/jsonl-line.js';
import { csvRawToItem } from './csv-reader.js';

export async function* readJsonl(path: string): AsyncGenerator<SourceItem> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (line.trim() === '') continue;
      yield* extractJsonlLine(line, `${path}:${n}`, csvRawToItem);
    }
  } catch (e) {
    yield { ok: false, reject: { source: `${path}:${n + 1}`, code: 'E_SOURCE_UNREADABLE', reason: (e as Error).message } };
  }
}
