/**
 * Export of a whole result list (every hit, not one page), streamed: `/search.csv?q=`
 * (RFC 4180, header row, cells that a spreadsheet would run as formulas prefixed with
 * `'`) and `/search.jsonl?q=` (one JSON object per line).
 */
import { parseQuery } from '../query/parse-query.js';
import { hasErrors } from '../query/query-ast.js';
import type { CableSummary, Store } from '../store/store.js';
import { errorBody } from './error-page.js';
import { cablePath } from './paths.js';
import type { SearchParams } from './search-url.js';

export type ExportFormat = 'csv' | 'jsonl';

const COLUMNS = ['referenceId', 'subject', 'created', 'released', 'classification', 'origin', 'url'] as const;

function record(r: CableSummary): Record<(typeof COLUMNS)[number], string | null> {
  return {
    referenceId: r.canonicalId,
    subject: r.subject,
    created: r.created,
    released: r.releasedAt,
    classification: r.classification,
    origin: r.origin,
    url: cablePath(r.canonicalId, r.created),
  };
}

export function csvCell(value: string | null): string {
  if (value === null) return '';
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The export as text lines (each ending in a newline), for streaming. */
export async function* exportLines(store: Store, p: SearchParams, format: ExportFormat): AsyncIterable<string> {
  if (format === 'csv') yield COLUMNS.join(',') + '\r\n';
  const parsed = parseQuery(p.q);
  if (!parsed.root || hasErrors(parsed)) return;
  for await (const r of store.searchAll({ query: parsed, sort: p.sort, order: p.order }, { batchSize: 500 })) {
    const rec = record(r);
    yield format === 'csv' ? COLUMNS.map((c) => csvCell(rec[c])).join(',') + '\r\n' : JSON.stringify(rec) + '\n';
  }
}

/**
 * Why a query cannot be exported, or null when it can: an export is never an empty file
 * standing for "your query was wrong" (a 400 with the reason instead).
 */
export function exportProblem(p: SearchParams): string | null {
  const parsed = parseQuery(p.q);
  const error = parsed.problems.find((x) => x.severity === 'error');
  if (error) return `This query cannot run: ${error.message}${error.hint ? ` (${error.hint})` : ''}`;
  if (!parsed.root) return p.q.trim() ? 'The query has nothing to search for.' : 'No query: give one with ?q= (see /understanding/search.html).';
  return null;
}

/** A streamed HTTP response of the export (a 400 with the reason, as JSON, for a query that cannot run). */
export function exportResponse(store: Store, p: SearchParams, format: ExportFormat): Response {
  const problem = exportProblem(p);
  if (problem) {
    return new Response(JSON.stringify(errorBody('E_BAD_QUERY', problem)), {
      status: 400,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=60' },
    });
  }
  const encoder = new TextEncoder();
  const lines = exportLines(store, p, format)[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk = '';
      while (chunk.length < 64 * 1024) {
        const next = await lines.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await lines.return?.();
    },
  });
  const name = `cablegate-search.${format}`;
  return new Response(body, {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'public, max-age=300',
    },
  });
}
