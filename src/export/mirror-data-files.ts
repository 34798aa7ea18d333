/**
 * The files a mirror adds to the app's pages, from one pass over the released cables:
 * the bulk data, the static search index, its script and its page.
 */
import type { Store } from '../store/store.js';
import { BulkDataWriter, type WrittenFile } from './bulk-data-writer.js';
import { MIRROR_SEARCH_PAGES, mirrorSearchPage } from './mirror-search-page.js';
import { MIRROR_SEARCH_SCRIPT, MIRROR_SEARCH_SCRIPT_PATH } from './mirror-search-script.js';
import { SearchIndexBuilder } from './search-index-builder.js';

export interface MirrorFile {
  path: string;
  bytes: Buffer;
}

export interface MirrorDataFiles {
  /** Small files, for the caller to write when changed. */
  files: MirrorFile[];
  /** Large files already written (when changed). */
  written: WrittenFile[];
}

export async function buildMirrorDataFiles(
  store: Store,
  options: { dir: string; skipBulk: boolean; previous: (path: string) => { sha256: string; size: number } | undefined },
): Promise<MirrorDataFiles> {
  const search = new SearchIndexBuilder();
  const bulk = options.skipBulk ? null : new BulkDataWriter(options.dir);
  for await (const cable of store.iterateCables({ releasedOnly: true, batchSize: 200 })) {
    search.add(cable);
    if (bulk) await bulk.add(cable);
  }
  const files: MirrorFile[] = search.files();
  files.push({ path: MIRROR_SEARCH_SCRIPT_PATH.slice(1), bytes: Buffer.from(MIRROR_SEARCH_SCRIPT) });
  const page = Buffer.from(mirrorSearchPage());
  for (const p of MIRROR_SEARCH_PAGES) files.push({ path: p, bytes: page });
  return { files, written: bulk ? await bulk.finish(options.previous) : [] };
}
