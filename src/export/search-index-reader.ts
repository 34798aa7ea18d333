/**
 * Searches a mirror's static search index from Node by running the browser's own query
 * code (search-index-query.ts) over the files in the folder: for tests, benchmarks and
 * `verify`-style checks. Read-only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { SEARCH_INDEX_DIR, type DocEntry, type SearchIndexMeta } from './search-index-format.js';
import { SEARCH_QUERY_SOURCE } from './search-index-query.js';

export type SearchFilters = Partial<Record<'classification' | 'origin' | 'tag' | 'year', string>>;

interface QueryFunctions {
  tokens(text: string): string[];
  numbers(s: string): number[];
  postings(s: string, first: number): number[];
  files(meta: SearchIndexMeta, words: string[]): string[];
  search(
    meta: SearchIndexMeta,
    words: string[],
    filters: SearchFilters,
    load: (path: string) => unknown,
  ): { hits: number[]; values(n: number, facet: string): string[]; counts(facet: string): Array<[string, number]> };
  docFile(meta: SearchIndexMeta, n: number): string;
  docIndex(meta: SearchIndexMeta, n: number): number;
}

let functions: QueryFunctions | null = null;

/** The browser's query functions (the same source text), run in a fresh V8 context. */
export function searchQueryFunctions(): QueryFunctions {
  functions ??= runInNewContext(`${SEARCH_QUERY_SOURCE}\ncablegateSearchIndex();`) as QueryFunctions;
  return functions;
}

export interface SearchResult {
  words: string[];
  /** Document numbers, in the order the page lists them. */
  hits: number[];
  /** Canonical ids of the hits, in that order. */
  ids: string[];
  counts(facet: 'classification' | 'origin' | 'tag' | 'year'): Array<[string, number]>;
}

export interface SearchIndexReader {
  meta: SearchIndexMeta;
  /** Every index file read so far (paths relative to search-index/). */
  loaded: Set<string>;
  search(query: string, filters?: SearchFilters): SearchResult;
  doc(n: number): DocEntry | null;
}

export function readSearchIndex(mirrorDir: string): SearchIndexReader {
  const q = searchQueryFunctions();
  const cache = new Map<string, unknown>();
  const loaded = new Set<string>();
  const load = (path: string): unknown => {
    if (!cache.has(path)) {
      let value: unknown = null;
      try {
        value = JSON.parse(readFileSync(join(mirrorDir, SEARCH_INDEX_DIR, path), 'utf8'));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      cache.set(path, value);
      loaded.add(path);
    }
    return cache.get(path);
  };
  const meta = load('meta.json') as SearchIndexMeta;
  if (!meta) throw new Error(`no search index in ${mirrorDir}`);
  const doc = (n: number): DocEntry | null => {
    const chunk = load(q.docFile(meta, n)) as Array<DocEntry | null> | null;
    return chunk?.[q.docIndex(meta, n)] ?? null;
  };
  return {
    meta,
    loaded,
    doc,
    search(query, filters = {}) {
      const words = Array.from(q.tokens(query));
      // Load what the browser would fetch first, then evaluate (load is then a cache hit).
      for (const f of q.files(meta, words)) load(f);
      const r = q.search(meta, words, filters, load);
      const hits = Array.from(r.hits);
      return {
        words,
        hits,
        ids: hits.map((n) => doc(n)?.[0] ?? `#${n}`),
        counts: (facet) => Array.from(r.counts(facet), (row) => [row[0], row[1]] as [string, number]),
      };
    },
  };
}
