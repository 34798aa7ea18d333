/**
 * Streams the records of a 2011 `cables.csv` (double-quoted, backslash escapes,
 * multi-line fields) as source items `path#rowN`, whatever the file's size.
 *
 * Records are split here, not by the CSV engine's error recovery: a record ends at a
 * newline outside quotes (a `\` escapes the next character inside quotes). Row N is the
 * Nth record as a reader of the file counts them (blank lines are not rows), each labelled
 * once whether it is good or bad; a bad row's reason names the line it starts on. Each
 * record is then parsed on its own, so one bad quote or short row costs that row only.
 * Memory stays flat: one record at a time, and a record over the size limit (a quote
 * never closed runs to the end of the file) is dropped as it grows and reported.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { parse as parseSync } from 'csv-parse/sync';
import type { SourceItem } from '../domain/source-record.js';
import { csvRowToItem } from '../parse/csv-row.js';
import { MAX_RECORD_BYTES } from './size-limits.js';

export interface CsvReadOptions {
  /** Largest record kept, in UTF-16 code units (default MAX_RECORD_BYTES). */
  maxRecord?: number;
}

export async function* readCsv(path: string, options: CsvReadOptions = {}): AsyncGenerator<SourceItem> {
  const max = options.maxRecord ?? MAX_RECORD_BYTES;
  const decoder = new StringDecoder('utf8');
  let parts: string[] = [];
  let size = 0;
  let overflow = false;
  let inQuote = false;
  let escaped = false;
  let row = 0;
  let line = 1; // line the current record starts on
  let newlines = 0; // newlines inside the current record
  let bom = true;

  const take = (s: string) => {
    if (overflow || s === '') return;
    if (size + s.length > max) {
      overflow = true;
      parts = [];
      return;
    }
    parts.push(s);
    size += s.length;
  };
  const finish = (): SourceItem | null => {
    const startLine = line;
    line += newlines + 1;
    newlines = 0;
    const text = parts.join('').replace(/\r$/, '');
    const over = overflow;
    parts = [];
    size = 0;
    overflow = false;
    if (!over && text.trim() === '') return null; // a blank line is not a row
    row++;
    const source = `${path}#row${row}`;
    if (over) {
      return reject(source, `row ${row} (from line ${startLine}) is longer than ${max} characters${inQuote ? ': a quote is never closed' : ''}; dropped`);
    }
    const item = csvRawToItem(text, source);
    if (!item.ok) item.reject.reason = `${item.reject.reason} (row ${row}, line ${startLine})`;
    return item;
  };

  const input = createReadStream(path);
  try {
    for await (const chunk of input) {
      let s = decoder.write(chunk as Buffer);
      if (bom) {
        if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
        if (s.length) bom = false;
      }
      let i = 0;
      let start = 0;
      while (i < s.length) {
        if (escaped) {
          escaped = false;
          if (s[i] === '\n') newlines++;
          i++;
          continue;
        }
        if (inQuote) {
          const q = s.indexOf('"', i);
          const b = s.indexOf('\\', i);
          const j = q < 0 ? b : b < 0 ? q : Math.min(q, b);
          const end = j < 0 ? s.length : j;
          newlines += countNewlines(s, i, end);
          if (j < 0) {
            i = s.length;
            break;
          }
          if (s[j] === '\\') escaped = true;
          else inQuote = false;
          i = j + 1;
          continue;
        }
        const q = s.indexOf('"', i);
        const n = s.indexOf('\n', i);
        if (n >= 0 && (q < 0 || n < q)) {
          take(s.slice(start, n));
          const item = finish();
          if (item) yield item;
          i = start = n + 1;
          continue;
        }
        if (q < 0) {
          i = s.length;
          break;
        }
        inQuote = true;
        i = q + 1;
      }
      take(s.slice(start));
    }
    take(decoder.end());
    const last = finish();
    if (last) {
      if (inQuote && last.ok === false) last.reject.reason += ': a quote is never closed (the file ends inside it)';
      yield last;
    }
  } catch (e) {
    yield { ok: false, reject: { source: path, code: 'E_SOURCE_UNREADABLE', reason: `${(e as Error).message} (after row ${row})` } };
  }
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let k = s.indexOf('\n', from); k >= 0 && k < to; k = s.indexOf('\n', k + 1)) n++;
  return n;
}

function reject(source: string, reason: string): SourceItem {
  return { ok: false, reject: { source, code: 'E_CSV_MALFORMED', reason } };
}

/** One raw CSV row (as kept in `raw`) back to a source item. */
export function csvRawToItem(raw: string, source: string): SourceItem {
  try {
    const rows = parseSync(raw, { escape: '\\', quote: '"', relax_column_count: true }) as string[][];
    if (rows.length !== 1) {
      return reject(source, `expected one row, found ${rows.length}`);
    }
    return csvRowToItem(rows[0], source, raw);
  } catch (e) {
    return reject(source, (e as Error).message);
  }
}
