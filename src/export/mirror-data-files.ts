/**
 * The files a mirror adds to the app's pages: the bulk data and the static search index
 * (kept by sinks fed from one pass over the released cables in release order: every
 * cable on a full export, only the new and changed ones when both sinks can update in
 * place), the search script and its page.
 */
import type { Store } from '../store/store.js';
import { BULK_DATA_FILES, bulkDataSink, type WrittenFile } from './bulk-data-writer.js';
import type { CableSink, MirrorChanges } from './cable-sink.js';
import { MIRROR_SEARCH_PAGES, mirrorSearchPage } from './mirror-search-page.js';
import { MIRROR_SEARCH_SCRIPT, MIRROR_SEARCH_SCRIPT_PATH } from './mirror-search-script.js';
import { SEARCH_INDEX_DIR, searchIndexSink } from './search-index-sink.js';

export interface MirrorFile {
  path: string;
  bytes: Buffer;
}

export interface MirrorDataFiles {
  /** Small files, for the caller to write when changed. */
  files: MirrorFile[];
  /** Files the sinks keep (written when changed), every one of them. */
  written: WrittenFile[];
}

const SMALL_FILES = new Set([MIRROR_SEARCH_SCRIPT_PATH.slice(1), ...MIRROR_SEARCH_PAGES, 'robots.txt']);

/** Files of a mirror that this module (not a page of the app) makes. */
export function isDataFile(path: string): boolean {
  return path.startsWith(`${SEARCH_INDEX_DIR}/`) || SMALL_FILES.has(path) || BULK_DATA_FILES.has(path);
}

export async function buildMirrorDataFiles(
  store: Store,
  options: { dir: string; skipBulk: boolean; changes: MirrorChanges | null; previous: (path: string) => { sha256: string; size: number } | undefined },
): Promise<MirrorDataFiles> {
  const sinks: CableSink[] = [searchIndexSink(options.dir, options.changes, options.previous)];
  if (!options.skipBulk) sinks.push(await bulkDataSink(options.dir, options.changes, options.previous));
  const wanted = new Set<string>();
  let all = false;
  for (const s of sinks) {
    if (s.needs === 'all') all = true;
    else for (const id of s.needs) wanted.add(id);
  }
  if (all || wanted.size > 0) {
    const ids = all ? undefined : [...wanted];
    for await (const cable of store.iterateCables({ releasedOnly: true, order: 'released', batchSize: 200, ids, withVersions: false })) {
      for (const s of sinks) if (s.needs === 'all' || s.needs.has(cable.canonicalId)) await s.add(cable);
    }
  }
  const written: WrittenFile[] = [];
  for (const s of sinks) written.push(...(await s.finish()));
  const files: MirrorFile[] = [{ path: MIRROR_SEARCH_SCRIPT_PATH.slice(1), bytes: Buffer.from(MIRROR_SEARCH_SCRIPT) }];
  const page = Buffer.from(mirrorSearchPage());
  for (const p of MIRROR_SEARCH_PAGES) files.push({ path: p, bytes: page });
  return { files, written };
}
