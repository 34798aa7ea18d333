/**
 * The mirror's static search index, loaded by the browser in parts:
 * - `search-index/meta.json`: sizes, shard keys, and the value tables of the facets;
 * - `search-index/terms/<xx>.json`: the terms starting with `xx`, each with the sorted
 *   numbers of the cables containing it (gaps, base 36, comma-separated);
 * - `search-index/facets.json`: per cable, its classification, origin, year and tags (as
 *   numbers into the value tables), for facet counts over any set of hits;
 * - `search-index/docs/<n>.json`: id, URL, subject and creation time of 1,000 cables.
 * Cables are numbered in canonical id order. The id, subject, body, tags and origin are
 * indexed (the routing header is not).
 */
import type { StoredCable } from '../store/store.js';
import { cablePath } from '../web/paths.js';
import { MAX_TOKEN, MIN_TOKEN, searchTokens, SHARD_PREFIX, shardKey } from './search-tokens.js';

export const SEARCH_INDEX_DIR = 'search-index';
export const DOCS_PER_CHUNK = 1000;

export interface SearchIndexFile {
  path: string;
  bytes: Buffer;
}

class ValueTable {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
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

export class SearchIndexBuilder {
  private readonly postings = new Map<string, number[]>();
  private readonly docs: Array<[string, string, string, string]> = [];
  private readonly classifications = new ValueTable();
  private readonly origins = new ValueTable();
  private readonly tags = new ValueTable();
  private readonly facetC: number[] = [];
  private readonly facetO: number[] = [];
  private readonly facetY: number[] = [];
  private readonly facetT: number[][] = [];

  add(stored: StoredCable): void {
    const n = this.docs.length;
    const c = stored.cable;
    this.docs.push([stored.canonicalId, cablePath(stored.canonicalId, c.created), c.subject ?? '', c.created ?? '']);
    this.facetC.push(c.classification ? this.classifications.id(c.classification) : -1);
    this.facetO.push(c.origin ? this.origins.id(c.origin) : -1);
    const year = c.created ? Number(c.created.slice(0, 4)) : NaN;
    this.facetY.push(Number.isFinite(year) ? year : 0);
    this.facetT.push(c.tags.map((t) => this.tags.id(t)));
    const terms = new Set<string>();
    for (const text of [stored.canonicalId, c.subject ?? '', c.body, c.tags.join(' '), c.origin ?? '']) {
      for (const t of searchTokens(text)) terms.add(t);
    }
    for (const t of terms) {
      const list = this.postings.get(t);
      if (list) list.push(n);
      else this.postings.set(t, [n]);
    }
  }

  get docCount(): number {
    return this.docs.length;
  }

  files(): SearchIndexFile[] {
    const out: SearchIndexFile[] = [];
    const json = (path: string, value: unknown) => out.push({ path: `${SEARCH_INDEX_DIR}/${path}`, bytes: Buffer.from(JSON.stringify(value)) });
    const shards = new Map<string, string[]>();
    for (const term of [...this.postings.keys()].sort()) {
      const key = shardKey(term);
      let list = shards.get(key);
      if (!list) shards.set(key, (list = []));
      list.push(term);
    }
    for (const [key, terms] of shards) {
      const shard: Record<string, string> = {};
      for (const term of terms) {
        const docs = this.postings.get(term)!;
        let prev = -1;
        const gaps: string[] = new Array(docs.length);
        for (let i = 0; i < docs.length; i++) {
          gaps[i] = (docs[i] - prev).toString(36);
          prev = docs[i];
        }
        shard[term] = gaps.join(',');
      }
      json(`terms/${key}.json`, shard);
    }
    for (let start = 0; start < this.docs.length; start += DOCS_PER_CHUNK) {
      json(`docs/${start / DOCS_PER_CHUNK}.json`, this.docs.slice(start, start + DOCS_PER_CHUNK));
    }
    json('facets.json', { classification: this.facetC, origin: this.facetO, year: this.facetY, tags: this.facetT });
    json('meta.json', {
      format: 'cablegate-search/1',
      docs: this.docs.length,
      docsPerChunk: DOCS_PER_CHUNK,
      shardPrefix: SHARD_PREFIX,
      minToken: MIN_TOKEN,
      maxToken: MAX_TOKEN,
      shards: [...shards.keys()].sort(),
      values: { classification: this.classifications.values, origin: this.origins.values, tags: this.tags.values },
    });
    return out;
  }
}
