import type { Command } from 'commander';
import { generateDemoCorpus } from '../../demo/generate-demo-corpus.js';
import { positiveInt } from '../int-option.js';
import type { RegisterCommand } from '../command-result.js';

export const registerDemoCommand: RegisterCommand = (program: Command) => {
  program
    .command('demo')
    .description('generate a fictional demo corpus of cable pages (site format)')
    .requiredOption('--out <dir>', 'folder to write the pages into')
    .option('--count <n>', 'number of cables', positiveInt('--count'), 2000)
    .option('--seed <s>', 'random seed (same seed and count, same corpus)', positiveInt('--seed', 0))
    .action(async (opts: { out: string; count: number; seed?: number }) => {
      const { files, bytes } = await generateDemoCorpus({ count: opts.count, seed: opts.seed, out: opts.out });
      process.stdout.write(`wrote ${files} demo cable pages (${(bytes / 1e6).toFixed(1)} MB) to ${opts.out}\n`);
    });
};
