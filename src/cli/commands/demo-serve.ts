import type { Command } from 'commander';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateDemoCorpus } from '../../demo/generate-demo-corpus.js';
import { openStore, resolveDbLocation } from '../../store/open-store.js';
import { positiveInt } from '../int-option.js';
import type { RegisterCommand } from '../command-result.js';
import { DB_OPTION_HELP } from './db-option.js';
import { formatSummary, runImport } from './import.js';
import { serveArchive } from './serve.js';
import { DEFAULT_REJECTS_FILE } from '../rejects-report.js';

/** Release date given to demo cables whose pages show none. */
const DEMO_RELEASED_AT = '2010-11-28T18:00Z';

export const registerDemoServeCommand: RegisterCommand = (program: Command) => {
  program
    .command('demo-serve')
    .description('generate a demo corpus (if absent), import it (if not yet built) and serve it')
    .option('--corpus <dir>', 'demo corpus folder', './demo-corpus')
    .option('--count <n>', 'number of demo cables to generate', positiveInt('--count'), 2000)
    .option('--db <file>', DB_OPTION_HELP)
    .option('--port <n>', 'TCP port', positiveInt('--port'), 3000)
    .option('--host <host>', 'address to listen on', 'localhost')
    .action(async (opts: { corpus: string; count: number; db?: string; port: number; host: string }) => {
      const corpus = resolve(opts.corpus);
      if (!existsSync(corpus)) {
        // Written aside then renamed: an interrupted run never leaves a half corpus behind.
        const partial = `${corpus}.partial-${process.pid}`;
        rmSync(partial, { recursive: true, force: true });
        process.stderr.write(`generating ${opts.count} demo cables into ${corpus}...\n`);
        await generateDemoCorpus({ count: opts.count, out: partial });
        renameSync(partial, corpus);
      }
      const db = resolveDbLocation(opts.db);
      const probe = await openStore(db);
      const existing = (await probe.stats()).total;
      await probe.close();
      if (existing > 0) {
        process.stderr.write(`reusing the archive ${db} (${existing} cables)\n`);
      } else {
        process.stderr.write(`importing ${corpus} into ${db}...\n`);
        const { summary } = await runImport([corpus], {
          db,
          releasedAt: DEMO_RELEASED_AT,
          rejects: DEFAULT_REJECTS_FILE,
          progress: true,
        });
        process.stderr.write(formatSummary(summary) + '\n');
      }
      const store = await openStore(db, { mustExist: true });
      // The demo archive says on every page that its cables are fictional.
      await serveArchive(store, opts.port, opts.host, { demo: true });
    });
};
