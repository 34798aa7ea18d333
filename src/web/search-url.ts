/** Search URLs: one spelling per search (stable, shareable), and the export twins. */
import type { SearchSort } from '../store/store.js';

export interface SearchParams {
  q: string;
  sort: SearchSort;
  order: 'asc' | 'desc';
  /** 1-based page number. */
  page: number;
}

export const SEARCH_SORTS: readonly SearchSort[] = ['relevance', 'created', 'released'];

/** Read the query string, tolerating anything (bad values fall back to defaults). */
export function readSearchParams(get: (name: string) => string | undefined): SearchParams {
  const q = (get('q') ?? '').slice(0, 1000);
  const sortRaw = get('sort') ?? 'relevance';
  const sort = (SEARCH_SORTS as readonly string[]).includes(sortRaw) ? (sortRaw as SearchSort) : 'relevance';
  const order = get('order') === 'asc' ? 'asc' : 'desc';
  const pageNum = Number(get('page') ?? '1');
  const page = Number.isInteger(pageNum) && pageNum >= 1 && pageNum <= 100_000 ? pageNum : 1;
  return { q, sort, order, page };
}

export type SearchFormat = 'html' | 'json' | 'csv' | 'jsonl';

/** `/search?q=...&sort=...&order=...&page=N` with defaults left out. */
export function searchUrl(p: Partial<SearchParams> & { q: string }, format: SearchFormat = 'html'): string {
  const path = format === 'html' ? '/search' : `/search.${format}`;
  const parts = [`q=${encodeURIComponent(p.q)}`];
  if (p.sort && p.sort !== 'relevance') parts.push(`sort=${p.sort}`);
  if (p.order === 'asc') parts.push('order=asc');
  if (p.page && p.page > 1 && (format === 'html' || format === 'json')) parts.push(`page=${p.page}`);
  return `${path}?${parts.join('&')}`;
}
