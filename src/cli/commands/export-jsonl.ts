import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { openStore, resolveDbLocation } from '../../store/open-store.js';
import type { Store } from '../../store/store.js';
import type { RegisterCommand } from '../command-result.js';
import { DB_OPTION_HELP } from './db-option.js';
import { publicSourceLabel } from '../../web/source-label.js';

/**
 * One line of an archive export: one cable with all its versions, in order. Each
 * version's `raw` is its source text verbatim; `releasedAt` is the cable's release time,
 * `publishedAt` the version's own (null for a version that was never public).
 * The JSONL reader (src/parse/jsonl-line.ts) re-extracts each version with its own
 * format, so importing the file into an empty archive gives the same cables, versions
 * and release times.
 */
export interface ExportLine {
  canonicalId: string;
  releasedAt: string | null;
  currentVersion: number;
  versions: {
    number: number;
    format: string;
    source: string;
    importedAt: string;
    contentHash: string;
    /** When this version became public (null: never public; a hidden correction, say). */
    publishedAt: string | null;
    raw: string;
  }[];
}

/**
 * Writes every cable of the store, with all its versions, as JSON Lines. Returns counts.
 * A version's `source` is the path it was imported from only with `private` (the
 * publisher's own backup); otherwise it is the kind of source (`site page`, `cables.csv`...),
 * as on public pages: a file meant for others does not show the publisher's folders.
 */
export async function exportJsonl(store: Store, out: Writable, options: { private?: boolean } = {}): Promise<{ cables: number; versions: number }> {
  let cables = 0;
  let versions = 0;
  for await (const cable of store.iterateCables({ batchSize: 200 })) {
    cables++;
    versions += cable.versions.length;
    const line: ExportLine = {
      canonicalId: cable.canonicalId,
      releasedAt: cable.releasedAt,
      currentVersion: cable.currentVersion,
      versions: cable.versions.map((v) => ({
        number: v.number,
        format: v.format,
        source: options.private ? v.source : publicSourceLabel(v.format),
        importedAt: v.importedAt,
        contentHash: v.contentHash,
        publishedAt: v.publishedAt ?? null,
        raw: v.raw,
      })),
    };
    if (!out.write(JSON.stringify(line) + '\n')) await once(out, 'drain');
  }
  return { cables, versions };
}

export const registerExportJsonlCommand: RegisterCommand = (program: Command) => {
  program
    .command('export-jsonl')
    .description('write every cable with all its versions as JSON Lines (re-importable)')
    .option('--db <file>', DB_OPTION_HELP)
    .option('--out <file>', 'output file (default: standard output)')
    .option('--private', "keep each version's import path in `source` (a backup for the publisher; without it `source` names the kind of source)")
    .action(async (opts: { db?: string; out?: string; private?: boolean }) => {
      const store = await openStore(resolveDbLocation(opts.db), { mustExist: true });
      try {
        if (opts.out) {
          const file = createWriteStream(opts.out);
          const counts = await exportJsonl(store, file, { private: opts.private ?? false });
          file.end();
          await once(file, 'finish');
          process.stderr.write(`exported ${counts.cables} cables, ${counts.versions} versions to ${opts.out}\n`);
        } else {
          await exportJsonl(store, process.stdout, { private: opts.private ?? false });
        }
      } finally {
        await store.close();
      }
    });
};
