/**
 * `/cables.csv.gz` and `/cables.jsonl.gz`: every released cable, streamed from the store
 * through gzip, in release order (release time, then canonical id): the same rows, in
 * the same order and with the same CSV row numbers, as the mirror export's files.
 */
import type { Hono } from 'hono';
import type { Store, StoredCable } from '../store/store.js';
import { cableCsvRow, cableJsonLine } from './bulk-data-rows.js';

export const BULK_FILES = {
  '/cables.csv.gz': { type: 'text/csv; charset=utf-8', row: (n: number, c: StoredCable) => cableCsvRow(n, c) },
  '/cables.jsonl.gz': { type: 'application/x-ndjson; charset=utf-8', row: (_n: number, c: StoredCable) => cableJsonLine(c) },
} as const;

function bulkStream(store: Store, row: (n: number, c: StoredCable) => string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<StoredCable> | null = null;
  let n = 0;
  const text = new ReadableStream<Uint8Array>({
    async pull(controller) {
      iterator ??= store.iterateCables({ releasedOnly: true, order: 'released', batchSize: 500, withVersions: false })[Symbol.asyncIterator]();
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(row(++n, next.value)));
    },
    async cancel() {
      await iterator?.return?.();
    },
  });
  return text.pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
}

export function registerBulkDataRoutes(app: Hono, store: Store): void {
  for (const [path, file] of Object.entries(BULK_FILES)) {
    app.get(path, () =>
      new Response(bulkStream(store, file.row), {
        headers: {
          'Content-Type': 'application/gzip',
          'Content-Disposition': `attachment; filename="${path.slice(1)}"`,
          'Cache-Control': 'public, max-age=300',
        },
      }),
    );
  }
}
