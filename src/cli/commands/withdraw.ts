/** `cablegate withdraw ID... --reason TEXT`: take released cables down again (their pages answer 410 with the reason). */
import type { Command } from 'commander';
import { openStore, resolveDbLocation } from '../../store/open-store.js';
import type { RegisterCommand } from '../command-result.js';
import { DB_OPTION_HELP } from './db-option.js';
import { canonicalIdOrRaw, formatOutcome, releaseActor } from './release-options.js';

interface WithdrawOptions {
  db?: string;
  reason: string;
  by?: string;
  note?: string;
  partial?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

export const registerWithdrawCommand: RegisterCommand = (program: Command) => {
  program
    .command('withdraw')
    .description('take released cables down again; their pages answer 410 Gone with the reason')
    .argument('<ids...>', 'reference ids of the cables to withdraw')
    .requiredOption('--reason <text>', 'why (shown to readers on the cable page)')
    .option('--db <file>', DB_OPTION_HELP)
    .option('--by <name>', 'who withdraws (default: $CABLEGATE_USER or the login name)')
    .option('--note <text>', 'a note kept in the release log')
    .option('--partial', 'skip unknown or unreleased ids instead of refusing the batch')
    .option('--dry-run', 'show what would be withdrawn, change nothing')
    .option('--json', 'print the outcome as JSON')
    .action(async (ids: string[], o: WithdrawOptions) => {
      const store = await openStore(resolveDbLocation(o.db), { mustExist: true });
      try {
        const outcome = await store.applyRelease({
          action: 'withdraw',
          items: ids.map((id) => ({ canonicalId: canonicalIdOrRaw(id) })),
          reason: o.reason,
          by: releaseActor(o.by),
          note: o.note ?? null,
          selector: `${ids.length} id${ids.length === 1 ? '' : 's'}`,
          partial: o.partial ?? false,
          dryRun: o.dryRun ?? false,
        });
        const now = `${new Date().toISOString().slice(0, 16)}Z`;
        process.stdout.write((o.json ? JSON.stringify(outcome) : formatOutcome(outcome, now)) + '\n');
      } finally {
        await store.close();
      }
    });
};
