/** `cablegate releases`: the release log (every batch: when, who, what, why), newest first. */
import type { Command } from 'commander';
import { openStore, resolveDbLocation } from '../../store/open-store.js';
import type { ReleaseBatch } from '../../store/store.js';
import type { RegisterCommand } from '../command-result.js';
import { positiveInt } from '../int-option.js';
import { DB_OPTION_HELP } from './db-option.js';

function formatBatch(b: ReleaseBatch, showIds: boolean): string {
  const counts = new Map<string, number>();
  for (const i of b.items) counts.set(i.action, (counts.get(i.action) ?? 0) + 1);
  const what = [...counts].map(([a, n]) => `${n} ${a === 'publish' ? 'published' : a === 'version' ? 'version changes' : 'withdrawn'}`).join(', ');
  const lines = [
    `#${b.id}  ${b.at}  ${b.action}  ${what}  by ${b.by ?? '?'}${b.at !== b.ranAt.slice(0, 16) + 'Z' ? `  (ran ${b.ranAt})` : ''}`,
  ];
  if (b.selector) lines.push(`    selection: ${b.selector}`);
  if (b.note) lines.push(`    note: ${b.note}`);
  if (showIds) {
    for (const i of b.items) lines.push(`    ${i.canonicalId}${i.version !== null ? ` v${i.version}` : ''}${i.reason ? ` — ${i.reason}` : ''}`);
  }
  return lines.join('\n');
}

export const registerReleasesCommand: RegisterCommand = (program: Command) => {
  program
    .command('releases')
    .description('list the release log: every release and withdrawal batch, newest first')
    .option('--db <file>', DB_OPTION_HELP)
    .option('--limit <n>', 'only the latest N batches', positiveInt('--limit'))
    .option('--ids', 'list the ids of each batch')
    .option('--json', 'print the batches (with their items) as JSON')
    .action(async (o: { db?: string; limit?: number; ids?: boolean; json?: boolean }) => {
      const store = await openStore(resolveDbLocation(o.db), { mustExist: true });
      try {
        const batches = await store.listReleases({ limit: o.limit });
        if (o.json) process.stdout.write(JSON.stringify(batches) + '\n');
        else if (batches.length === 0) process.stdout.write('no releases yet\n');
        else process.stdout.write(batches.map((b) => formatBatch(b, o.ids ?? false)).join('\n') + '\n');
      } finally {
        await store.close();
      }
    });
};
