import type { Command } from 'commander';
import { CablegateError } from '../../domain/errors.js';
import { isPostgresUrl, openStore } from '../../store/open-store.js';
import { PostgresStore } from '../../store/postgres/postgres-store.js';
import type { RestoredCable } from '../../store/postgres/restore.js';
import type { Store } from '../../store/store.js';
import type { RegisterCommand } from '../command-result.js';
import { EXIT_FAILURE } from '../exit-codes.js';
import { positiveInt } from '../int-option.js';

export interface MigrateOptions {
  batchSize?: number;
  /** Skip cables already in the target (after an interrupted migration). */
  resume?: boolean;
  onProgress?: (done: number) => void;
}

export interface MigrateCheck {
  what: string;
  source: string;
  target: string;
  ok: boolean;
}

export interface MigrateSummary {
  cables: number;
  skipped: number;
  releaseBatches: number;
  checks: MigrateCheck[];
  ok: boolean;
}

/** Where `--from` points: `sqlite:FILE`, a file path, or a postgres:// URL. */
export function sourceLocation(from: string): string {
  return from.replace(/^sqlite:(\/\/)?/i, '');
}

/**
 * Copies every cable (all versions, release state, withdrawals) and the release log from
 * `source` into the empty PostgreSQL archive `target`, batch by batch (each batch one
 * transaction), then compares the counts of both archives.
 */
export async function migrateArchive(source: Store, target: PostgresStore, options: MigrateOptions = {}): Promise<MigrateSummary> {
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const before = await target.stats();
  const targetLog = await target.listReleases({ limit: 1 });
  if ((before.total > 0 || targetLog.length > 0) && !options.resume) {
    throw new CablegateError('E_USAGE', `the target archive is not empty (${before.total} cables)`, {
      hint: 'migrate into an empty database, or add --resume to finish an interrupted migration',
    });
  }
  let cables = 0;
  let skipped = 0;
  let batch: RestoredCable[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    let list = batch;
    batch = [];
    if (options.resume && before.total > 0) {
      const have = await target.existingIds(list.map((c) => c.canonicalId));
      skipped += have.size;
      list = list.filter((c) => !have.has(c.canonicalId));
    }
    await target.restoreCables(list);
    cables += list.length;
    options.onProgress?.(cables + skipped);
  };
  for await (const c of source.iterateCables({ batchSize })) {
    const w = await source.getWithdrawal(c.canonicalId);
    batch.push({
      canonicalId: c.canonicalId,
      releasedAt: c.releasedAt,
      currentVersion: c.currentVersion,
      versions: c.versions,
      withdrawal: w ? { withdrawnAt: w.withdrawnAt, reason: w.reason } : null,
    });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  const log = await source.listReleases();
  if (targetLog.length === 0) await target.restoreReleaseLog([...log].reverse());

  const checks: MigrateCheck[] = [];
  const check = (what: string, a: unknown, b: unknown) => {
    const sa = JSON.stringify(a);
    const sb = JSON.stringify(b);
    checks.push({ what, source: sa.length > 60 ? `${sa.slice(0, 57)}...` : sa, target: sb.length > 60 ? `${sb.slice(0, 57)}...` : sb, ok: sa === sb });
  };
  const [sa, ta] = await Promise.all([source.stats(), target.stats()]);
  check('cables', sa.total, ta.total);
  check('versions', sa.versions, ta.versions);
  check('visible now', sa.released, ta.released);
  check('by classification', sa.byClassification, ta.byClassification);
  check('by origin', sa.byOrigin, ta.byOrigin);
  check('by tag', await source.countBy('tag'), await target.countBy('tag'));
  check('by release day (visible)', await source.countBy('releasedDay', { releasedOnly: true }), await target.countBy('releasedDay', { releasedOnly: true }));
  check('release batches', log.length, (await target.listReleases()).length);
  return { cables, skipped, releaseBatches: log.length, checks, ok: checks.every((c) => c.ok) };
}

export const registerMigrateCommand: RegisterCommand = (program: Command, setResult) => {
  program
    .command('migrate')
    .description('copy a whole archive (every version, release state, release log) from SQLite into PostgreSQL, then compare counts')
    .requiredOption('--from <location>', 'source archive: sqlite:FILE (or a file path)')
    .requiredOption('--to <url>', 'target PostgreSQL database: postgres://user:password@host:port/db (must be empty)')
    .option('--batch-size <n>', 'cables per transaction (default 500)', positiveInt('--batch-size'))
    .option('--resume', 'finish an interrupted migration: skip cables already in the target')
    .action(async (opts: { from: string; to: string; batchSize?: number; resume?: boolean }) => {
      if (!isPostgresUrl(opts.to)) {
        throw new CablegateError('E_USAGE', `--to must be a postgres:// URL, not ${JSON.stringify(opts.to)}`, {
          hint: 'e.g. --to postgres://cablegate:secret@127.0.0.1:5432/cablegate',
        });
      }
      const source = await openStore(sourceLocation(opts.from), { mustExist: true });
      try {
        const target = await PostgresStore.open(opts.to);
        try {
          const started = Date.now();
          const summary = await migrateArchive(source, target, {
            batchSize: opts.batchSize,
            resume: opts.resume,
            onProgress: (n) => process.stderr.write(`migrate: ${n} cables copied\n`),
          });
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          const lines = [
            `migrated ${summary.cables} cables${summary.skipped ? ` (${summary.skipped} already there)` : ''} and ${summary.releaseBatches} release batches in ${seconds}s`,
            ...summary.checks.map((c) => `  ${c.ok ? 'ok  ' : 'DIFF'} ${c.what}: ${c.source}${c.ok ? '' : ` -> ${c.target}`}`),
          ];
          process.stdout.write(lines.join('\n') + '\n');
          if (!summary.ok) {
            process.stderr.write('error: E_STORE_MIGRATION the counts of the two archives differ (see above)\n');
            setResult(EXIT_FAILURE);
          }
        } finally {
          await target.close();
        }
      } finally {
        await source.close();
      }
    });
};
