import type { Command } from 'commander';
import { openStore, resolveDbLocation } from '../../store/open-store.js';
import type { ArchiveStats } from '../../store/store.js';
import type { RegisterCommand } from '../command-result.js';
import { DB_OPTION_HELP } from './db-option.js';

function formatStats(s: ArchiveStats): string {
  const lines = [`cables: ${s.total} (${s.released} released, ${s.total - s.released} unreleased)`, `versions: ${s.versions}`];
  const table = (title: string, counts: Record<string, number>) => {
    const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    lines.push(`${title}:`);
    for (const [k, n] of entries) lines.push(`  ${String(n).padStart(7)}  ${k}`);
  };
  table('by classification', s.byClassification);
  table('by origin', s.byOrigin);
  return lines.join('\n');
}

export const registerStatsCommand: RegisterCommand = (program: Command) => {
  program
    .command('stats')
    .description('count the cables of the archive')
    .option('--db <file>', DB_OPTION_HELP)
    .option('--released-only', 'count released cables only')
    .option('--json', 'print the counts as JSON')
    .action(async (opts: { db?: string; json?: boolean; releasedOnly?: boolean }) => {
      const store = await openStore(resolveDbLocation(opts.db), { mustExist: true });
      try {
        const stats = await store.stats({ releasedOnly: opts.releasedOnly ?? false });
        process.stdout.write((opts.json ? JSON.stringify(stats) : formatStats(stats)) + '\n');
      } finally {
        await store.close();
      }
    });
};
