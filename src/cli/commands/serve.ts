import type { Command } from 'commander';
import { CablegateError } from '../../domain/errors.js';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions } from '../../web/app.js';
import { normalizeBaseUrl } from '../../web/base-url.js';
import { openStore, resolveDbLocation } from '../../store/open-store.js';
import type { Store } from '../../store/store.js';
import { positiveInt } from '../int-option.js';
import type { RegisterCommand } from '../command-result.js';
import { DB_OPTION_HELP } from './db-option.js';

/** Serves the archive over HTTP until the process is stopped (SIGINT/SIGTERM close it cleanly). */
export async function serveArchive(store: Store, port: number, host: string, appOptions: AppOptions = {}): Promise<void> {
  const app = createApp(store, appOptions);
  await new Promise<void>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      process.stdout.write(`cablegate: serving the archive on http://${shown}:${info.port}/ (Ctrl-C to stop)\n`);
      resolve();
    });
    server.once('error', (e: NodeJS.ErrnoException) => {
      void store.close();
      reject(
        e.code === 'EADDRINUSE' || e.code === 'EACCES'
          ? new CablegateError('E_PORT_IN_USE', `cannot listen on ${host}:${port} (${e.code})`, {
              hint: 'another program uses this port: stop it or choose another with --port N',
              cause: e,
            })
          : e,
      );
    });
    const stop = () => {
      server.close();
      void store.close().finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export const registerServeCommand: RegisterCommand = (program: Command) => {
  program
    .command('serve')
    .description('serve the archive as a web site (HTML pages and their JSON twins)')
    .option('--db <file>', DB_OPTION_HELP)
    .option('--port <n>', 'TCP port', positiveInt('--port'), 3000)
    .option('--host <host>', 'address to listen on', 'localhost')
    .option('--base-url <url>', "the site's public URL (https://...): absolute URLs of feeds and sitemaps are made from it, never from the request's Host header (without it: no sitemap, root-relative feed links)")
    .option('--announced-total <n>', 'the number of cables the publisher announces, for the home page\'s "released / total" while the archive holds fewer', positiveInt('--announced-total'))
    .action(async (opts: { db?: string; port: number; host: string; baseUrl?: string; announcedTotal?: number }) => {
      const baseUrl = opts.baseUrl ? normalizeBaseUrl(opts.baseUrl) : null;
      const location = resolveDbLocation(opts.db);
      // The server only reads. The archive is opened once to bring its schema up to date
      // (and SQLite to WAL mode, so that readers never wait for an import), then served
      // through a read-only connection: any number of serve processes share one archive.
      await (await openStore(location, { mustExist: true })).close();
      const store = await openStore(location, { readonly: true });
      await serveArchive(store, opts.port, opts.host, { baseUrl, siteTotal: opts.announcedTotal });
    });
};
