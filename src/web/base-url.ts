/**
 * The site's public base URL (`serve --base-url`, `export --base-url`): the only source of
 * absolute URLs (feeds, sitemaps). Never taken from a request's Host header: a cached
 * feed built from `Host: evil.example` would send every reader to that host.
 */
import { CablegateError } from '../domain/errors.js';

/** `https://example.org/archive/` -> `https://example.org/archive` (no trailing slash); throws E_USAGE when not an http(s) URL. */
export function normalizeBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CablegateError('E_USAGE', `not a URL: ${JSON.stringify(value)}`, { hint: 'give the public address of the site, e.g. --base-url https://cables.example.org' });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username || url.password) {
    throw new CablegateError('E_USAGE', `the base URL must be a plain http(s) address without query, fragment or credentials: ${JSON.stringify(value)}`, {
      hint: 'e.g. --base-url https://cables.example.org',
    });
  }
  return url.href.replace(/\/+$/, '');
}
