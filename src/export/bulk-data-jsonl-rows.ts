/**
 * Reads back the rows of a `cables.jsonl.gz` the export wrote (every gzip member), one
 * line at a time: the old rows of a bulk file rewrite that merges new rows in without a
 * pass over the whole archive. Lines are kept verbatim; memory stays flat.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { ParsedCable } from '../domain/cable.js';
import { CablegateError } from '../domain/errors.js';

export interface BulkJsonlRow {
  id: string;
  releasedAt: string | null;
  cable: ParsedCable;
  /** The line as written, without its line break. */
  line: string;
}

export async function* readBulkJsonl(file: string): AsyncGenerator<BulkJsonlRow> {
  const input = createReadStream(file).pipe(createGunzip());
  input.setEncoding('utf8');
  let rest = '';
  let n = 0;
  const row = (line: string): BulkJsonlRow => {
    n++;
    try {
      const v = JSON.parse(line) as { id: string; releasedAt: string | null; cable: ParsedCable };
      if (typeof v.id === 'string' && typeof v.cable === 'object' && v.cable !== null) return { id: v.id, releasedAt: v.releasedAt ?? null, cable: v.cable, line };
    } catch {
      // reported below
    }
    throw new CablegateError('E_JSONL_MALFORMED', `line ${n} is not a bulk data row`, { subject: file });
  };
  for await (const chunk of input as AsyncIterable<string>) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const line of lines) yield row(line);
  }
  if (rest !== '') yield row(rest);
}
