/**
 * Streams a JSON Lines export (see src/parse/jsonl-line.ts for the line shapes),
 * line by line, re-yielding every version as a record of its original format. Any file
 * size; a line longer than the record limit is dropped as it grows and rejected by number.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { SourceItem } from '../domain/source-record.js';
import { extractJsonlLine } from '../parse/jsonl-line.js';
import { csvRawToItem } from './csv-reader.js';
import { MAX_RECORD_BYTES } from './size-limits.js';

export async function* readJsonl(path: string, maxLine = MAX_RECORD_BYTES): AsyncGenerator<SourceItem> {
  const decoder = new StringDecoder('utf8');
  let parts: string[] = [];
  let size = 0;
  let overflow = false;
  let n = 0;
  const lineItems = function* (): Generator<SourceItem> {
    n++;
    const over = overflow;
    const line = parts.join('').replace(/\r$/, '');
    parts = [];
    size = 0;
    overflow = false;
    if (over) {
      yield { ok: false, reject: { source: `${path}:${n}`, code: 'E_JSONL_MALFORMED', reason: `line ${n} is longer than ${maxLine} characters; dropped` } };
      return;
    }
    if (line.trim() === '') return;
    yield* extractJsonlLine(line, `${path}:${n}`, csvRawToItem);
  };
  const take = (s: string) => {
    if (overflow || s === '') return;
    if (size + s.length > maxLine) {
      overflow = true;
      parts = [];
      return;
    }
    parts.push(s);
    size += s.length;
  };
  try {
    for await (const chunk of createReadStream(path)) {
      const s = decoder.write(chunk as Buffer);
      let start = 0;
      for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', start)) {
        take(s.slice(start, k));
        yield* lineItems();
        start = k + 1;
      }
      take(s.slice(start));
    }
    take(decoder.end());
    if (size > 0 || overflow) yield* lineItems();
  } catch (e) {
    yield { ok: false, reject: { source: `${path}:${n + 1}`, code: 'E_SOURCE_UNREADABLE', reason: (e as Error).message } };
  }
}
