import type { Command } from 'commander';
import { normalizeBaseUrl } from '../../web/base-url.js';
import { resolve } from 'node:path';
import { exportSite, type ExportSummary } from '../../export/export-site.js';
import { loadPrivateKey } from '../../export/manifest-signature.js';
import { isPostgresUrl, openStore, resolveDbLocation } from '../../store/open-store.js';
import type { RegisterCommand } from '../command-result.js';
import { positiveInt } from '../int-option.js';
import { DB_OPTION_HELP } from './db-option.js';

export function describeExport(s: ExportSummary): string[] {
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  const lines = [
    `exported build ${s.build} to ${s.dir}: ${s.releasedCables} released cables, ${s.files} files, ${mb(s.bytes)}, in ${s.seconds.toFixed(1)} s`,
    `${s.mode} export (${s.reason}): ${s.pagesRendered} pages rendered`,
    `files: ${s.written} written, ${s.unchanged} unchanged, ${s.removed} removed`,
  ];
  if (s.needsBaseUrl) lines.push('note: no --base-url: the Atom feeds have root-relative links and no sitemap was written (sitemaps and feed readers need absolute URLs: export again with --base-url https://...)');
  if (s.brokenLinks) lines.push(`warning: ${s.brokenLinks} links lead to no file of the mirror, e.g. ${s.brokenLinkExamples.slice(0, 3).join(', ')}`);
  return lines;
}

export const registerExportCommand: RegisterCommand = (program: Command) => {
  program
    .command('export')
    .description('write a static mirror of the site (every public page, JSON twins, search index, bulk data, MANIFEST.json, SHA256SUMS) into DIR')
    .argument('<dir>', 'mirror folder (created if needed; exporting again renders only the pages affected by what changed)')
    .option('--db <file>', DB_OPTION_HELP)
    .option('--workers <n>', 'render threads (0: render on the main thread)', positiveInt('--workers', 0), 2)
    .option('--sign <key>', 'sign MANIFEST.json with this Ed25519 private key (PEM, from `cablegate keygen`)')
    .option('--base-url <url>', "the mirror's public URL (https://...): every absolute URL of the mirror (sitemaps, feeds, robots.txt) is made from it")
    .option('--announced-total <n>', 'the number of cables the publisher announces, for the home page\'s "released / total" while the archive holds fewer', positiveInt('--announced-total'))
    .option('--no-bulk', 'skip cables.csv.gz and cables.jsonl.gz')
    .option('--full', 'render every page again, even when only some changed since the previous export into DIR')
    .option('--quiet', 'no progress lines')
    .action(async (dir: string, opts: { db?: string; workers: number; sign?: string; baseUrl?: string; bulk: boolean; full?: boolean; quiet?: boolean; announcedTotal?: number }) => {
      const signingKey = opts.sign ? loadPrivateKey(opts.sign) : null;
      const dbLocation = resolveDbLocation(opts.db);
      // The export only reads: the archive is opened once to bring its schema up to date
      // (as `serve` does), then exported through a read-only connection.
      await (await openStore(dbLocation, { mustExist: true })).close();
      const store = await openStore(dbLocation, { mustExist: true, readonly: true });
      let last = 0;
      try {
        const summary = await exportSite({
          store,
          dbLocation: dbLocation === ':memory:' ? null : isPostgresUrl(dbLocation) ? dbLocation : resolve(dbLocation),
          dir: resolve(dir),
          workers: opts.workers,
          signingKey,
          baseUrl: opts.baseUrl ? normalizeBaseUrl(opts.baseUrl) : null,
          skipBulk: !opts.bulk,
          siteTotal: opts.announcedTotal ?? null,
          full: opts.full ?? false,
          onProgress: opts.quiet
            ? undefined
            : (p) => {
                if (Date.now() - last < 5000) return;
                last = Date.now();
                process.stderr.write(`export: ${p.rendered} pages rendered, ${p.queued} queued\n`);
              },
        });
        process.stdout.write(describeExport(summary).join('\n') + '\n');
      } finally {
        await store.close();
      }
    });
};
