/**
 * Streams the rows of a 2011 `cables.csv` (double-quoted, backslash escapes,
 * multi-line fields) as source items `path#rowN`. A malformed row is a reject;
 * the rest goes on. Memory stays flat: one row at a time.
 */
import { createReadStream } from 'node:fs';
import { parse, type Parser } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { SourceItem } from '../domain/source-record.js';
import { csvRowToItem } from '../parse/csv-row.js';

const OPTIONS = { escape: '\\', quote: '"', relax_column_count: true, raw: true, info: true, bom: true, skip_empty_lines: true } as const;

interface Row {
  record: string[];
  raw: string;
  info: { records: number; lines: number };
}

export async function* readCsv(path: string): AsyncGenerator<SourceItem> {
  const parser: Parser = parse({ ...OPTIONS, skip_records_with_error: true });
  const skipped: SourceItem[] = [];
  let rowNo = 0;
  parser.on('skip', (err: Error & { lines?: number }) => {
    rowNo++;
    skipped.push({ ok: false, reject: { source: `${path}#row${rowNo}`, code: 'E_CSV_MALFORMED', reason: err.message } });
  });
  const input = createReadStream(path);
  let readError: Error | null = null;
  input.on('error', (e) => {
    readError = e;
    parser.end();
  });
  input.pipe(parser);
  try {
    for await (const row of parser as AsyncIterable<Row>) {
      while (skipped.length) yield skipped.shift()!;
      rowNo++;
      yield csvRowToItem(row.record, `${path}#row${rowNo}`, row.raw.replace(/\r?\n$/, ''));
    }
  } catch (e) {
    // An error the parser cannot skip past (e.g. a quote never closed): the rest of the file is lost.
    while (skipped.length) yield skipped.shift()!;
    yield { ok: false, reject: { source: `${path}#row${rowNo + 1}`, code: 'E_CSV_MALFORMED', reason: (e as Error).message } };
  }
  while (skipped.length) yield skipped.shift()!;
  if (readError) {
    yield { ok: false, reject: { source: path, code: 'E_SOURCE_UNREADABLE', reason: (readError as Error).message } };
  }
}

/** One raw CSV row (as kept in `raw`) back to a source item. */
export function csvRawToItem(raw: string, source: string): SourceItem {
  try {
    const rows = parseSync(raw, { escape: '\\', quote: '"', relax_column_count: true }) as string[][];
    if (rows.length !== 1) {
      return { ok: false, reject: { source, code: 'E_CSV_MALFORMED', reason: `expected one row, found ${rows.length}` } };
    }
    return csvRowToItem(rows[0], source, raw);
  } catch (e) {
    return { ok: false, reject: { source, code: 'E_CSV_MALFORMED', reason: (e as Error).message } };
  }
}
