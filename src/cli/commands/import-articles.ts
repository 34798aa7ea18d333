import type { Command } from 'commander';
import { importArticles } from '../../import/import-articles.js';
import { openStore, resolveDbLocation } from '../../store/open-store.js';
import type { RegisterCommand } from '../command-result.js';
import { EXIT_FAILURE } from '../exit-codes.js';
import { DB_OPTION_HELP } from './db-option.js';

export const registerImportArticlesCommand: RegisterCommand = (program: Command, setResult) => {
  program
    .command('import-articles')
    .description('import editorial articles: the articles/YYYY/<slug>.html pages of a site mirror, and Markdown files with a front matter')
    .argument('<paths...>', 'site mirror folders, article pages, Markdown files or folders of them')
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (paths: string[], opts: { db?: string }) => {
      const store = await openStore(resolveDbLocation(opts.db));
      try {
        const s = await importArticles(store, paths);
        for (const r of s.rejects) process.stderr.write(`rejected: ${r}\n`);
        process.stdout.write(`articles: read ${s.read}, new ${s.new}, changed ${s.changed}, unchanged ${s.unchanged}, rejected ${s.rejected}\n`);
        if (s.read === 0) {
          process.stderr.write('no article found: give a site mirror (with articles/YYYY/*.html) or Markdown files\n');
          setResult(EXIT_FAILURE);
        } else if (s.rejected > 0) setResult(EXIT_FAILURE);
      } finally {
        await store.close();
      }
    });
};
