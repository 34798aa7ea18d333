import cliProgress from 'cli-progress';
import type { ImportProgress } from '../import/import-summary.js';

export interface ProgressReporter {
  update(p: ImportProgress): void;
  stop(): void;
}

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  /** Plain mode: a line at most every this many ms (default 5000)... */
  everyMs?: number;
  /** ...or every this many records (default 5000). */
  everyRecords?: number;
}

function rate(p: ImportProgress): string {
  const s = Math.max(p.elapsedMs, 1) / 1000;
  return `${Math.round(p.read / s)} cables/s, ${(p.bytes / 1e6 / s).toFixed(1)} MB/s`;
}

/** A bar on a terminal; on anything else, a plain line every few seconds or records (to stderr). */
export function progressReporter(options: ProgressOptions = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: 'importing [{bar}] {percentage}% | {value}/{total} files | new {new} changed {changed} unchanged {unchanged} rejected {rejected} | {rate}',
        hideCursor: true,
        etaBuffer: 200,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    let last = 0;
    return {
      update(p) {
        const total = p.totalFiles ?? Math.max(p.files, 1);
        const payload = { new: p.new, changed: p.changed, unchanged: p.unchanged, rejected: p.rejected, rate: rate(p) };
        if (!started) {
          bar.start(total, p.files, payload);
          started = true;
        }
        const now = Date.now();
        if (now - last < 100 && p.files < total) return;
        last = now;
        bar.setTotal(Math.max(total, p.files));
        bar.update(p.files, payload);
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  const everyMs = options.everyMs ?? 5000;
  const everyRecords = options.everyRecords ?? 5000;
  let lastAt = Date.now();
  let lastRead = 0;
  return {
    update(p) {
      const now = Date.now();
      if (now - lastAt < everyMs && p.read - lastRead < everyRecords) return;
      lastAt = now;
      lastRead = p.read;
      const of = p.totalFiles !== null ? ` of ${p.totalFiles}` : '';
      stream.write(
        `progress: ${p.files}${of} files, ${p.read} read, ${p.new} new, ${p.changed} changed, ${p.unchanged} unchanged, ${p.rejected} rejected, ${p.skipped} skipped (${rate(p)})\n`,
      );
    },
    stop() {},
  };
}
