/**
 * A full build of the mirror's static search index (layout: search-index-format.ts,
 * docs/mirrors.md): one segment `s0` holding every cable added, numbered in the order
 * they come (the exporter sends them in release order). Memory stays bounded by the
 * postings (about a byte each, search-index-postings.ts) and the facets (a few bytes a
 * cable): the documents' list is written a chunk of 1,000 at a time, the term shards one
 * at a time at the end.
 */
import type { StoredCable } from '../store/store.js';
import { encodeAscending } from './search-index-codec.js';
import {
  DOCS_PER_CHUNK, docEntry, docsChunkPath, FacetValues, META_PATH, SEARCH_INDEX_FORMAT,
  type DocEntry, type SearchIndexMeta, type SegmentMeta,
} from './search-index-format.js';
import type { IndexOutput } from './search-index-output.js';
import { SegmentBuilder } from './search-index-segment.js';
import { MAX_TOKEN, MIN_TOKEN, SHARD_PREFIX } from './search-tokens.js';

export function metaBytes(meta: SearchIndexMeta): Buffer {
  return Buffer.from(JSON.stringify(meta));
}

export function newMeta(fields: { nextDoc: number; segments: SegmentMeta[]; deleted: number[]; values: FacetValues }): SearchIndexMeta {
  return {
    format: SEARCH_INDEX_FORMAT,
    docs: fields.nextDoc - fields.deleted.length,
    nextDoc: fields.nextDoc,
    docsPerChunk: DOCS_PER_CHUNK,
    shardPrefix: SHARD_PREFIX,
    minToken: MIN_TOKEN,
    maxToken: MAX_TOKEN,
    order: 'released-desc',
    segments: fields.segments,
    deleted: encodeAscending(fields.deleted),
    deletedCount: fields.deleted.length,
    values: fields.values.tables(),
  };
}

export const FULL_SEGMENT = 's0';

export class FullIndexBuild {
  private readonly values = new FacetValues();
  private readonly segment = new SegmentBuilder(0, this.values);
  private chunk: DocEntry[] = [];
  private chunks = 0;

  constructor(private readonly output: IndexOutput) {}

  get docCount(): number {
    return this.segment.count;
  }

  /** Figures for measurements. */
  stats(): { docs: number; terms: number; postingBytes: number } {
    return { docs: this.segment.count, terms: this.segment.termCount, postingBytes: this.segment.postingBytes };
  }

  add(stored: StoredCable): void {
    this.segment.add(stored);
    this.chunk.push(docEntry(stored));
    if (this.chunk.length === DOCS_PER_CHUNK) this.flushChunk();
  }

  private flushChunk(): void {
    this.output.put(docsChunkPath(this.chunks++), Buffer.from(JSON.stringify(this.chunk)));
    this.chunk = [];
  }

  finish(): SearchIndexMeta {
    if (this.chunk.length) this.flushChunk();
    const segments = this.segment.count ? [this.segment.write(this.output, FULL_SEGMENT)] : [];
    const meta = newMeta({ nextDoc: this.segment.count, segments, deleted: [], values: this.values });
    this.output.put(META_PATH, metaBytes(meta));
    return meta;
  }
}
