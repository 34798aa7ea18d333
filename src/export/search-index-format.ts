/**
 * The layout of the mirror's static search index (`search-index/`, format
 * `cablegate-search/2`; docs/mirrors.md describes it for readers):
 * - `meta.json`: sizes, the segments, the deleted documents, the facet value tables;
 * - `docs/<k>.json`: `[id, url, subject, created]` of documents k*1000 .. k*1000+999
 *   (null for a deleted document);
 * - `<segment>/terms/<xx>.json` and `<segment>/facets.json`: one segment's postings and facets.
 * A document number is given once and never reused until the next full rebuild; a segment
 * holds a contiguous range of document numbers.
 */
import type { StoredCable } from '../store/store.js';
import { cablePath } from '../web/paths.js';

export const SEARCH_INDEX_DIR = 'search-index';
export const SEARCH_INDEX_FORMAT = 'cablegate-search/2';
export const DOCS_PER_CHUNK = 1000;
export const META_PATH = `${SEARCH_INDEX_DIR}/meta.json`;

export interface SegmentMeta {
  /** Folder of the segment's files inside search-index/ (`s0`, `s1`, ...). */
  name: string;
  /** Its documents are first .. first + count - 1. */
  first: number;
  count: number;
  /** Shard keys (first two characters of terms) that have a terms file. */
  shards: string[];
}

export interface FacetValueTables {
  classification: string[];
  origin: string[];
  year: string[];
  tags: string[];
}

export interface SearchIndexMeta {
  format: typeof SEARCH_INDEX_FORMAT;
  /** Documents that are not deleted. */
  docs: number;
  /** Numbers 0 .. nextDoc - 1 have been given. */
  nextDoc: number;
  docsPerChunk: number;
  shardPrefix: number;
  minToken: number;
  maxToken: number;
  /** How hits are listed: newest release first, then the higher document number first. */
  order: 'released-desc';
  segments: SegmentMeta[];
  /** Deleted document numbers, ascending, as gaps in base-64 VLQ (search-index-codec.ts). */
  deleted: string;
  deletedCount: number;
  values: FacetValueTables;
}

/** `[canonical id, URL, subject, created]`. */
export type DocEntry = [string, string, string, string];

export function docEntry(stored: StoredCable): DocEntry {
  const c = stored.cable;
  return [stored.canonicalId, cablePath(stored.canonicalId, c.created), c.subject ?? '', c.created ?? ''];
}

export const docsChunkPath = (chunk: number): string => `${SEARCH_INDEX_DIR}/docs/${chunk}.json`;
export const shardPath = (segment: string, key: string): string => `${SEARCH_INDEX_DIR}/${segment}/terms/${key}.json`;
export const facetsPath = (segment: string): string => `${SEARCH_INDEX_DIR}/${segment}/facets.json`;

export function chunkCount(nextDoc: number): number {
  return Math.ceil(nextDoc / DOCS_PER_CHUNK);
}

/** Every file of an index with this meta, meta.json last. */
export function indexFilePaths(meta: SearchIndexMeta): string[] {
  const out: string[] = [];
  for (let c = 0; c < chunkCount(meta.nextDoc); c++) out.push(docsChunkPath(c));
  for (const s of meta.segments) {
    out.push(facetsPath(s.name));
    for (const k of s.shards) out.push(shardPath(s.name, k));
  }
  out.push(META_PATH);
  return out;
}

/** The words of a cable that are indexed: id, subject, body, tags and origin (not the routing header). */
export function indexedTexts(canonicalId: string, c: { subject: string | null; body: string; tags: string[]; origin: string | null }): string[] {
  return [canonicalId, c.subject ?? '', c.body, c.tags.join(' '), c.origin ?? ''];
}

/** A facet's value table: values numbered in order of first use, append-only. */
export class ValueTable {
  readonly values: string[];
  private readonly index = new Map<string, number>();
  constructor(values: string[] = []) {
    this.values = [...values];
    this.values.forEach((v, i) => this.index.set(v, i));
  }
  id(value: string): number {
    let n = this.index.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value);
      this.index.set(value, n);
    }
    return n;
  }
}

export class FacetValues {
  readonly classification: ValueTable;
  readonly origin: ValueTable;
  readonly year: ValueTable;
  readonly tags: ValueTable;
  constructor(tables?: FacetValueTables) {
    this.classification = new ValueTable(tables?.classification);
    this.origin = new ValueTable(tables?.origin);
    this.year = new ValueTable(tables?.year);
    this.tags = new ValueTable(tables?.tags);
  }
  tables(): FacetValueTables {
    return { classification: this.classification.values, origin: this.origin.values, year: this.year.values, tags: this.tags.values };
  }
}

/** Seconds since 1970 of a release time, 0 when there is none. */
export function releasedSeconds(releasedAt: string | null): number {
  if (!releasedAt) return 0;
  const ms = Date.parse(releasedAt);
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
}
