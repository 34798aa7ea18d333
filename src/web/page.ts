/**
 * A page is a data object (the JSON twin, served as is) plus a renderer that turns the
 * same object into the HTML body. Loaders return null for "no such page" (404).
 */
import type { SafeHtml } from './html.js';
import type { Store } from '../store/store.js';

export interface PageData {
  /** Title of the page (HTML `<title>` and `<h1>`). */
  title: string;
  /** Path of the HTML page. */
  url: string;
  /** Path of this JSON twin. */
  json: string;
}

export interface Page<T extends PageData> {
  data: T;
  render: (data: T) => SafeHtml;
  description?: string;
}

export interface WebContext {
  store: Store;
  /** Cached slug -> origin name map (refreshed after `cacheTtlMs`). */
  originsBySlug(): Promise<Map<string, string>>;
  options: Required<Pick<AppOptionsResolved, 'pageSize' | 'siteTotal' | 'baseUrl'>>;
}

export interface AppOptionsResolved {
  pageSize: number;
  /** The "TOTAL" of the home page's "N / TOTAL"; null means the store's whole count. */
  siteTotal: number | null;
  /** The public base URL (no trailing slash) for absolute URLs, or null when none is configured (see base-url.ts). */
  baseUrl: string | null;
}
