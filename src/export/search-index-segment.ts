/**
 * One segment of the search index being built: documents first .. first+count-1, their
 * terms (postings in a PostingPool) and facets. `write` emits its files one at a time:
 * - `terms/<xx>.json`: `{"term": postings, ...}`, terms in sorted order;
 * - `facets.json`: `{"count", "classification", "origin", "year", "tags", "released"}`,
 *   per document of the segment in order: classification, origin and year as value-table
 *   number + 1 (0: none), tags as their count then their numbers, all VLQ; release times
 *   (seconds since 1970) as VLQ zigzag deltas.
 */
import type { StoredCable } from '../store/store.js';
import { ByteWriter, writePostings, zigzag } from './search-index-codec.js';
import { facetsPath, indexedTexts, releasedSeconds, shardPath, type FacetValues, type SegmentMeta } from './search-index-format.js';
import type { IndexOutput } from './search-index-output.js';
import { PostingPool } from './search-index-postings.js';
import { forEachSearchToken, shardKey } from './search-tokens.js';

class Column {
  private data = new Uint32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  at(i: number): number {
    return this.data[i];
  }
}

const QUOTE = 0x22;

export class SegmentBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly termList: string[] = [];
  private readonly pool = new PostingPool();
  private readonly classification = new Column();
  private readonly origin = new Column();
  private readonly year = new Column();
  private readonly tags = new Column();
  private readonly released: number[] = [];
  private current = 0;
  count = 0;

  constructor(
    readonly first: number,
    private readonly values: FacetValues,
  ) {}

  get termCount(): number {
    return this.termList.length;
  }

  get postingBytes(): number {
    return this.pool.bytes;
  }

  private readonly onToken = (token: string): void => {
    let id = this.termIds.get(token);
    if (id === undefined) {
      // A long match is a slice of the whole (lower-cased) text in V8: copy it, or every
      // term would keep the text of the cable it was first seen in alive.
      const own = token.length >= 13 ? Buffer.from(token, 'latin1').toString('latin1') : token;
      id = this.pool.newTerm();
      this.termIds.set(own, id);
      this.termList.push(own);
    }
    this.pool.add(id, this.current);
  };

  /** Adds the next document (number first + count) and returns its number. */
  add(stored: StoredCable): number {
    const local = this.count++;
    const c = stored.cable;
    const v = this.values;
    this.classification.push(c.classification ? v.classification.id(c.classification) + 1 : 0);
    this.origin.push(c.origin ? v.origin.id(c.origin) + 1 : 0);
    const year = c.created && /^\d{4}/.test(c.created) ? c.created.slice(0, 4) : null;
    this.year.push(year ? v.year.id(year) + 1 : 0);
    const tags = [...new Set(c.tags)];
    this.tags.push(tags.length);
    for (const t of tags) this.tags.push(v.tags.id(t));
    this.released.push(releasedSeconds(stored.releasedAt));
    this.current = local;
    for (const text of indexedTexts(stored.canonicalId, c)) forEachSearchToken(text, this.onToken);
    return this.first + local;
  }

  /** Writes the segment's files under search-index/<name>/, one at a time. */
  write(output: IndexOutput, name: string): SegmentMeta {
    const sorted = this.termList.slice().sort();
    const docs = new Uint32Array(Math.max(1, this.count));
    const w = new ByteWriter();
    const shards: string[] = [];
    let i = 0;
    while (i < sorted.length) {
      const key = shardKey(sorted[i]);
      w.reset();
      w.ascii('{');
      for (let n = 0; i < sorted.length && shardKey(sorted[i]) === key; i++, n++) {
        const term = sorted[i];
        const got = this.pool.read(this.termIds.get(term)!, docs);
        if (n > 0) w.ascii(',');
        w.byte(QUOTE);
        w.ascii(term);
        w.ascii('":"');
        writePostings(w, docs, got);
        w.byte(QUOTE);
      }
      w.ascii('}');
      output.put(shardPath(name, key), w.view());
      shards.push(key);
    }
    w.reset();
    w.ascii(`{"count":${this.count},"classification":"`);
    for (let d = 0; d < this.count; d++) w.vlq(this.classification.at(d));
    w.ascii('","origin":"');
    for (let d = 0; d < this.count; d++) w.vlq(this.origin.at(d));
    w.ascii('","year":"');
    for (let d = 0; d < this.count; d++) w.vlq(this.year.at(d));
    w.ascii('","tags":"');
    for (let t = 0; t < this.tags.length; t++) w.vlq(this.tags.at(t));
    w.ascii('","released":"');
    let prev = 0;
    for (const r of this.released) {
      w.vlq(zigzag(r - prev));
      prev = r;
    }
    w.ascii('"}');
    output.put(facetsPath(name), w.view());
    return { name, first: this.first, count: this.count, shards };
  }
}
