/**
 * An update of the search index after a release: a new segment holds only the added
 * (new or changed) cables, numbered after the highest document so far; the old documents
 * of removed and changed cables are marked deleted (their docs-chunk entry becomes null,
 * their number goes into meta.json's deleted list). The big segments stay as they are,
 * except that for a changed cable the words only its earlier versions had are taken out
 * of the older segment's postings (a redaction stays a redaction). Files written: the new
 * segment, the docs chunks that changed, those scrubbed shards, meta.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CableVersion, StoredCable } from '../store/store.js';
import { decodePostings, postingsText } from './search-index-codec.js';
import { metaBytes, newMeta } from './search-index-builder.js';
import {
  chunkCount, docEntry, docsChunkPath, DOCS_PER_CHUNK, FacetValues, facetsPath, indexedTexts, META_PATH, shardPath,
  type DocEntry, type SearchIndexMeta, type SegmentMeta,
} from './search-index-format.js';
import type { IndexOutput } from './search-index-output.js';
import type { PreviousIndex } from './search-index-previous.js';
import { SegmentBuilder } from './search-index-segment.js';
import { forEachSearchToken, shardKey } from './search-tokens.js';

export function nextSegmentName(segments: SegmentMeta[]): string {
  let max = 0;
  for (const s of segments) max = Math.max(max, Number(s.name.slice(1)) || 0);
  return `s${max + 1}`;
}

export function shardText(shard: Record<string, string>): string {
  return `{${Object.keys(shard)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(shard[k])}`)
    .join(',')}}`;
}

export class IndexUpdate {
  private readonly values: FacetValues;
  private readonly segment: SegmentBuilder;
  private readonly entries: DocEntry[] = [];
  private readonly seen = new Set<string>();
  /** Words of earlier versions to take out of older segments, by segment index. */
  private readonly stale = new Map<number, Set<string>>();

  constructor(
    private readonly dir: string,
    private readonly prev: PreviousIndex,
    private readonly added: ReadonlySet<string>,
    /** Documents of the previous index to delete now. */
    private readonly removedDocs: ReadonlySet<number>,
    private readonly output: IndexOutput,
  ) {
    this.values = new FacetValues(prev.meta.values);
    this.segment = new SegmentBuilder(prev.meta.nextDoc, this.values);
  }

  get addedDocs(): number {
    return this.segment.count;
  }

  add(cable: StoredCable & { versions?: CableVersion[] }): void {
    const id = cable.canonicalId;
    if (!this.added.has(id) || this.seen.has(id)) return;
    this.seen.add(id);
    this.segment.add(cable);
    this.entries.push(docEntry(cable));
    const old = this.prev.docOf.get(id);
    if (old !== undefined && this.removedDocs.has(old) && cable.versions) this.noteStaleWords(old, cable as StoredCable & { versions: CableVersion[] });
  }

  private noteStaleWords(old: number, cable: StoredCable & { versions: CableVersion[] }): void {
    const segIndex = this.prev.meta.segments.findIndex((s) => old >= s.first && old < s.first + s.count);
    if (segIndex < 0) return;
    const current = new Set<string>();
    for (const text of indexedTexts(cable.canonicalId, cable.cable)) forEachSearchToken(text, (t) => current.add(t));
    let words = this.stale.get(segIndex);
    for (const v of cable.versions) {
      if (v.number === cable.currentVersion) continue;
      for (const text of indexedTexts(cable.canonicalId, v.parsed)) {
        forEachSearchToken(text, (t) => {
          if (current.has(t)) return;
          if (!words) this.stale.set(segIndex, (words = new Set()));
          words.add(t);
        });
      }
    }
  }

  finish(): SearchIndexMeta {
    const { meta } = this.prev;
    const deleted = new Set(this.prev.deleted);
    for (const d of this.removedDocs) deleted.add(d);
    const segments = meta.segments.map((s) => ({ ...s, shards: [...s.shards] }));
    const done = new Set<string>();

    // Words only earlier versions of changed cables had: out of the older segments.
    for (const [segIndex, words] of this.stale) {
      const seg = segments[segIndex];
      const byKey = new Map<string, string[]>();
      for (const w of words) {
        const k = shardKey(w);
        if (!seg.shards.includes(k)) continue;
        const list = byKey.get(k);
        if (list) list.push(w);
        else byKey.set(k, [w]);
      }
      for (const [key, list] of byKey) {
        const path = shardPath(seg.name, key);
        const shard = JSON.parse(readFileSync(join(this.dir, path), 'utf8')) as Record<string, string>;
        let changed = false;
        for (const w of list) {
          if (!Object.prototype.hasOwnProperty.call(shard, w)) continue;
          const docs = decodePostings(shard[w], seg.first);
          const live = docs.filter((d) => !deleted.has(d));
          if (live.length === docs.length) continue;
          changed = true;
          if (live.length) shard[w] = postingsText(live, seg.first);
          else delete shard[w];
        }
        if (!changed) continue;
        done.add(path);
        if (Object.keys(shard).length) this.output.put(path, Buffer.from(shardText(shard)));
        else seg.shards = seg.shards.filter((k) => k !== key);
      }
    }

    if (this.segment.count) segments.push(this.segment.write(this.output, nextSegmentName(meta.segments)));
    const nextDoc = meta.nextDoc + this.segment.count;

    // Docs chunks: blank the deleted documents, append the new ones.
    const chunks = new Set<number>();
    for (const d of this.removedDocs) chunks.add(Math.floor(d / DOCS_PER_CHUNK));
    for (let c = Math.floor(meta.nextDoc / DOCS_PER_CHUNK); c < chunkCount(nextDoc); c++) chunks.add(c);
    for (const c of [...chunks].sort((a, b) => a - b)) {
      const path = docsChunkPath(c);
      const entries: Array<DocEntry | null> = c < chunkCount(meta.nextDoc) ? (JSON.parse(readFileSync(join(this.dir, path), 'utf8')) as Array<DocEntry | null>) : [];
      const start = c * DOCS_PER_CHUNK;
      for (const d of this.removedDocs) if (d >= start && d < start + DOCS_PER_CHUNK) entries[d - start] = null;
      for (let d = Math.max(start, meta.nextDoc); d < Math.min(start + DOCS_PER_CHUNK, nextDoc); d++) entries[d - start] = this.entries[d - meta.nextDoc];
      this.output.put(path, Buffer.from(JSON.stringify(entries)));
      done.add(path);
    }

    // Everything else stays.
    for (let c = 0; c < chunkCount(nextDoc); c++) if (!done.has(docsChunkPath(c))) this.output.keep(docsChunkPath(c));
    for (const s of segments.slice(0, meta.segments.length)) {
      this.output.keep(facetsPath(s.name));
      for (const k of s.shards) if (!done.has(shardPath(s.name, k))) this.output.keep(shardPath(s.name, k));
    }

    const next = newMeta({ nextDoc, segments, deleted: [...deleted].sort((a, b) => a - b), values: this.values });
    if (done.size === 0 && this.segment.count === 0) this.output.keep(META_PATH);
    else this.output.put(META_PATH, metaBytes(next));
    return next;
  }
}
