/**
 * Reads back what an update of the search index needs from the previous export's index:
 * its meta.json, and which document number each live cable has (from the docs chunks).
 * Every file read must match the previous manifest (SHA-256), and every other file of
 * the index must be there with its listed size; otherwise the index is rebuilt.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeAscending } from './search-index-codec.js';
import { chunkCount, docsChunkPath, DOCS_PER_CHUNK, facetsPath, META_PATH, SEARCH_INDEX_FORMAT, shardPath, type DocEntry, type SearchIndexMeta } from './search-index-format.js';
import { sha256Hex, type PreviousFile } from './search-index-output.js';
import { MAX_TOKEN, MIN_TOKEN, SHARD_PREFIX } from './search-tokens.js';

export interface PreviousIndex {
  meta: SearchIndexMeta;
  /** Document number of every live (not deleted) document, by canonical id. */
  docOf: Map<string, number>;
  deleted: Set<number>;
}

export type PreviousIndexResult = { ok: true; index: PreviousIndex } | { ok: false; reason: string };

function readListed(dir: string, path: string, previous: PreviousFile): Buffer | string {
  const listed = previous(path);
  if (!listed) return `${path} is not in the previous manifest`;
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, path));
  } catch {
    return `${path} is missing`;
  }
  if (bytes.byteLength !== listed.size || sha256Hex(bytes) !== listed.sha256) return `${path} differs from the previous manifest`;
  return bytes;
}

export function readPreviousIndex(dir: string, previous: PreviousFile): PreviousIndexResult {
  const fail = (reason: string): PreviousIndexResult => ({ ok: false, reason });
  const metaBytes = readListed(dir, META_PATH, previous);
  if (typeof metaBytes === 'string') return fail(metaBytes);
  let meta: SearchIndexMeta;
  try {
    meta = JSON.parse(metaBytes.toString('utf8')) as SearchIndexMeta;
  } catch {
    return fail(`${META_PATH} is not JSON`);
  }
  if (meta.format !== SEARCH_INDEX_FORMAT) return fail(`the previous index has format ${String(meta.format)}, not ${SEARCH_INDEX_FORMAT}`);
  if (meta.docsPerChunk !== DOCS_PER_CHUNK || meta.shardPrefix !== SHARD_PREFIX || meta.minToken !== MIN_TOKEN || meta.maxToken !== MAX_TOKEN) {
    return fail('the previous index was built with other settings');
  }
  const deleted = new Set(decodeAscending(meta.deleted));
  if (deleted.size !== meta.deletedCount) return fail(`${META_PATH}: deleted list does not match its count`);

  const docOf = new Map<string, number>();
  const chunks = chunkCount(meta.nextDoc);
  for (let c = 0; c < chunks; c++) {
    const path = docsChunkPath(c);
    const bytes = readListed(dir, path, previous);
    if (typeof bytes === 'string') return fail(bytes);
    const entries = JSON.parse(bytes.toString('utf8')) as Array<DocEntry | null>;
    const expected = Math.min(DOCS_PER_CHUNK, meta.nextDoc - c * DOCS_PER_CHUNK);
    if (entries.length !== expected) return fail(`${path} has ${entries.length} entries, not ${expected}`);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      const n = c * DOCS_PER_CHUNK + i;
      if ((e === null) !== deleted.has(n)) return fail(`${path}: document ${n} is ${e === null ? 'blank but not deleted' : 'deleted but not blank'}`);
      if (e !== null) docOf.set(e[0], n);
    }
  }

  for (const s of meta.segments) {
    for (const path of [facetsPath(s.name), ...s.shards.map((k) => shardPath(s.name, k))]) {
      const listed = previous(path);
      if (!listed) return fail(`${path} is not in the previous manifest`);
      let size: number;
      try {
        size = statSync(join(dir, path)).size;
      } catch {
        return fail(`${path} is missing`);
      }
      if (size !== listed.size) return fail(`${path} differs from the previous manifest`);
    }
  }
  return { ok: true, index: { meta, docOf, deleted } };
}
