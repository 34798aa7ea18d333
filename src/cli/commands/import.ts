import type { Command } from 'commander';
import { CablegateError, isCablegateError } from '../../domain/errors.js';
import { openStore, resolveDbLocation } from '../../store/open-store.js';
import { importArchive, type ImportSummary } from '../../import/import-archive.js';
import { parseReleasedAt } from '../../import/released-at-option.js';
import { listSourceFiles } from '../../sources/read-sources.js';
import { progressReporter } from '../progress-reporter.js';
import { DEFAULT_REJECTS_FILE, RejectsReport } from '../rejects-report.js';
import { positiveInt } from '../int-option.js';
import type { RegisterCommand } from '../command-result.js';
import { DB_OPTION_HELP } from './db-option.js';

interface ImportCommandOptions {
  db?: string;
  releasedAt?: string;
  rejects: string;
  batch: number;
  workers: number;
  json?: boolean;
  progress: boolean;
}

export function formatSummary(s: ImportSummary): string {
  const secs = Math.max(s.elapsedMs, 1) / 1000;
  return (
    `read ${s.read}, stored ${s.stored} (new ${s.new}, changed ${s.changed}), unchanged ${s.unchanged}, rejected ${s.rejected}, skipped ${s.skipped}` +
    ` in ${secs.toFixed(1)} s (${Math.round(s.read / secs)} cables/s, ${(s.bytes / 1e6 / secs).toFixed(1)} MB/s)`
  );
}

/** Runs one import with progress and a rejects report; used by `import` and `demo-serve`. */
export async function runImport(
  paths: string[],
  opts: { db: string; releasedAt: string | null; rejects: string; batch?: number; workers?: number; progress: boolean },
): Promise<{ summary: ImportSummary; rejects: RejectsReport }> {
  const store = await openStore(opts.db);
  const rejects = new RejectsReport(opts.rejects);
  const reporter = opts.progress ? progressReporter() : null;
  try {
    const totalFiles = opts.progress ? (await listSourceFiles(paths)).length : null;
    const summary = await importArchive(store, paths, {
      releasedAt: opts.releasedAt,
      batchSize: opts.batch,
      workers: opts.workers,
      totalFiles,
      onReject: (r) => rejects.add(r),
      onProgress: reporter ? (p) => reporter.update(p) : undefined,
    });
    return { summary, rejects };
  } finally {
    reporter?.stop();
    rejects.close();
    await store.close();
  }
}

function releasedAtOption(value: string): string {
  try {
    return parseReleasedAt(value);
  } catch (e) {
    if (!isCablegateError(e)) throw e;
    throw new CablegateError('E_USAGE', `--released-at: ${e.message}`, { hint: e.hint });
  }
}

export const registerImportCommand: RegisterCommand = (program: Command) => {
  program
    .command('import')
    .description('read cable sources (site pages, CSV, text, JSONL exports) and store them in the archive')
    .argument('<paths...>', 'files or folders to import')
    .option('--db <file>', DB_OPTION_HELP)
    .option('--released-at <date>', 'release date for cables whose source shows none (ISO date or date-time)')
    .option('--rejects <file>', 'where to write the rejects report (JSON Lines)', DEFAULT_REJECTS_FILE)
    .option('--batch <n>', 'cables per transaction', positiveInt('--batch'), 500)
    .option('--workers <n>', 'parse worker threads (0: parse on the main thread)', positiveInt('--workers', 0), 2)
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'no progress bar or progress lines')
    .action(async (paths: string[], opts: ImportCommandOptions) => {
      const releasedAt = opts.releasedAt === undefined ? null : releasedAtOption(opts.releasedAt);
      const { summary, rejects } = await runImport(paths, {
        db: resolveDbLocation(opts.db),
        releasedAt,
        rejects: opts.rejects,
        batch: opts.batch,
        workers: opts.workers,
        progress: opts.progress,
      });
      if (opts.json) {
        process.stdout.write(JSON.stringify({ ...summary, rejectsFile: rejects.path }) + '\n');
      } else {
        process.stdout.write(formatSummary(summary) + '\n');
        if (rejects.count > 0 || rejects.skipped > 0) {
          process.stdout.write(`${rejects.count} rejected and ${rejects.skipped} skipped, listed in ${rejects.path}; first ones:\n`);
          for (const r of rejects.firsts) process.stdout.write(`  ${r.source}: ${r.code} ${r.reason}\n`);
          for (const r of rejects.firstSkips) process.stdout.write(`  ${r.source}: skipped, ${r.code} ${r.reason}\n`);
        }
      }
    });
};
