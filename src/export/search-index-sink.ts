/**
 * The exporter's way into the search index: `searchIndexSink(dir, changes, previous)`
 * decides at once between an update (a new segment with the added cables, tombstones for
 * the removed ones; search-index-update.ts) and a full rebuild (search-index-builder.ts),
 * and says through `needs` which cables it wants.
 *
 * A full rebuild happens when no changes are given, when the previous index cannot be
 * read back intact (missing, another format, a file that differs from the previous
 * manifest, an interrupted write), when a cable is no longer public (a withdrawal: so
 * that none of its words stays in the index), and as compaction: when there would be
 * more than `maxSegments` segments or more than `maxDeletedShare` of the documents would
 * be deleted.
 */
import type { CableVersion, StoredCable } from '../store/store.js';
import type { WrittenFile } from './bulk-data-writer.js';
import type { CableSink, MirrorChanges } from './cable-sink.js';
import { FullIndexBuild } from './search-index-builder.js';
import { DiskOutput, type PreviousFile } from './search-index-output.js';
import { readPreviousIndex } from './search-index-previous.js';
import { IndexUpdate } from './search-index-update.js';

export { SEARCH_INDEX_DIR } from './search-index-format.js';

export const MAX_SEGMENTS = 8;
export const MAX_DELETED_SHARE = 0.1;

export interface SearchIndexSinkOptions {
  maxSegments?: number;
  maxDeletedShare?: number;
}

export interface SearchIndexPlan {
  mode: 'full' | 'update';
  /** Why, in a few words (for the export's log). */
  reason: string;
}

export interface SearchIndexSink extends CableSink {
  readonly plan: SearchIndexPlan;
}

export function searchIndexSink(dir: string, changes: MirrorChanges | null, previous: PreviousFile, options: SearchIndexSinkOptions = {}): SearchIndexSink {
  const output = new DiskOutput(dir, previous);
  const full = (reason: string): SearchIndexSink => {
    const build = new FullIndexBuild(output);
    return {
      plan: { mode: 'full', reason },
      needs: 'all',
      add: (cable: StoredCable & { versions: CableVersion[] }) => build.add(cable),
      finish: async (): Promise<WrittenFile[]> => {
        build.finish();
        return output.list();
      },
    };
  };
  if (!changes) return full('full export');
  const read = readPreviousIndex(dir, previous);
  if (!read.ok) return full(read.reason);
  const prev = read.index;
  const added = new Set(changes.added);
  const removedDocs = new Set<number>();
  let withdrawn = 0;
  for (const id of changes.removed) {
    const d = prev.docOf.get(id);
    if (d === undefined) continue;
    removedDocs.add(d);
    if (!added.has(id)) withdrawn++;
  }
  for (const id of added) {
    const d = prev.docOf.get(id);
    if (d !== undefined) removedDocs.add(d);
  }
  if (withdrawn) return full(`${withdrawn} cable(s) no longer public`);
  const segments = prev.meta.segments.length + (added.size ? 1 : 0);
  const maxSegments = options.maxSegments ?? MAX_SEGMENTS;
  if (segments > maxSegments) return full(`compaction: ${segments} segments`);
  const deleted = prev.deleted.size + removedDocs.size;
  const docs = prev.meta.nextDoc + added.size;
  if (deleted > (options.maxDeletedShare ?? MAX_DELETED_SHARE) * docs) return full(`compaction: ${deleted} of ${docs} documents deleted`);

  const update = new IndexUpdate(dir, prev, added, removedDocs, output);
  return {
    plan: { mode: 'update', reason: `${added.size} added, ${removedDocs.size} deleted` },
    needs: added,
    add: (cable: StoredCable & { versions: CableVersion[] }) => update.add(cable),
    finish: async (): Promise<WrittenFile[]> => {
      update.finish();
      return output.list();
    },
  };
}
