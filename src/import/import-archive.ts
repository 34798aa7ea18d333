import type { SourceItem, SourceReject } from '../domain/source-record.js';
import type { CableInput, Store } from '../store/store.js';
import { readSourceUnits } from '../sources/read-sources.js';
import { inlineParsePool, workerParsePool, type ParsePool } from './parse-pool.js';
import type { JobResult, ParseJob } from './parse-outcome.js';
import { emptySummary, type ImportProgress, type ImportSummary } from './import-summary.js';

export type { ImportSummary, ImportProgress } from './import-summary.js';

export interface ImportOptions {
  /** Release time (ISO 8601 UTC) for cables whose source shows none; default: none (unreleased). */
  releasedAt?: string | null;
  /** Cables per transaction (default 1000). */
  batchSize?: number;
  /** Parse worker threads (default 2; 0 parses on the calling thread). */
  workers?: number;
  /** Called for each source item or record that is not stored (rejected, or `skipped: true`). */
  onReject?: (reject: SourceReject) => void;
  /** Called after each source item (throttle on the receiving side). */
  onProgress?: (progress: ImportProgress) => void;
  /** Number of source files, when the caller listed them (for progress). */
  totalFiles?: number | null;
}

const DEFAULT_BATCH = 500;

/**
 * Reads the sources under `paths`, parses every record (on worker threads) and stores the
 * cables in batched transactions. Unreadable items, parse failures and records without a
 * canonical id are reported through `onReject` and counted; the import goes on.
 * Stopping at any moment leaves the archive consistent: each batch is one transaction,
 * and running the same import again completes it (already stored texts are unchanged).
 */
export async function importArchive(store: Store, paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const summary = emptySummary();
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH));
  const workers = Math.max(0, Math.floor(options.workers ?? 2));
  const maxInFlight = workers > 0 ? workers * 16 : 1;
  const pool: ParsePool = workers > 0 ? workerParsePool(workers) : inlineParsePool();

  let files = 0;
  const progress = () => {
    summary.elapsedMs = performance.now() - started;
    options.onProgress?.({ ...summary, totalFiles: options.totalFiles ?? null, files });
  };
  const reject = (r: SourceReject) => {
    if (r.skipped) summary.skipped++;
    else summary.rejected++;
    options.onReject?.(r);
  };

  // Results come back in any order; they are stored in read order (a bounded reorder buffer),
  // so two texts of one cable in one run become versions in the order they were read.
  const ready = new Map<number, JobResult>();
  let submitted = 0;
  let emitted = 0;
  let inFlight = 0;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  let batch: CableInput[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const inputs = batch;
    batch = [];
    const outcomes = await store.putCables(inputs);
    for (const o of outcomes) summary[o]++;
    summary.stored = summary.new + summary.changed;
  };

  const drain = async (final: boolean) => {
    for (;;) {
      if (failure) throw failure;
      while (ready.has(emitted)) {
        const result = ready.get(emitted)!;
        ready.delete(emitted);
        emitted++;
        summary.read++;
        if (result.kind === 'rejected') {
          reject({ source: result.source, code: result.code, reason: result.reason, ...(result.skipped ? { skipped: true } : {}) });
          continue;
        }
        const { record, outcome } = result;
        summary.bytes += Buffer.byteLength(record.raw, 'utf8');
        if (!outcome.ok) {
          reject({ source: record.source, code: outcome.code, reason: outcome.reason });
          continue;
        }
        batch.push({
          parsed: outcome.parsed,
          raw: record.raw,
          source: record.source,
          format: record.format,
          releasedAt: outcome.parsed.released ?? options.releasedAt ?? null,
          parsedJson: outcome.parsedJson,
          contentHash: outcome.contentHash,
        });
        if (batch.length >= batchSize) await flush();
      }
      if (final ? inFlight === 0 && ready.size === 0 : inFlight < maxInFlight) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };

  try {
    for await (const unit of readSourceUnits(paths, { onFile: () => files++ })) {
      if (unit.kind === 'item' && !unit.item.ok) {
        // Kept in read order with the rest: it goes through the reorder buffer too.
        ready.set(submitted++, { kind: 'rejected', ...unit.item.reject });
        await drain(false);
      } else {
        const job: ParseJob = unit.kind === 'file' ? { file: unit.file, bytes: unit.bytes } : { record: (unit.item as Extract<SourceItem, { ok: true }>).record };
        const seq = submitted++;
        inFlight++;
        pool.run(job).then(
          (result) => {
            inFlight--;
            ready.set(seq, result);
            wake?.();
          },
          (e: unknown) => {
            inFlight--;
            failure ??= e;
            wake?.();
          },
        );
        await drain(false);
      }
      progress();
    }
    await drain(true);
    await flush();
  } finally {
    await pool.close();
  }
  summary.elapsedMs = performance.now() - started;
  progress();
  return summary;
}
