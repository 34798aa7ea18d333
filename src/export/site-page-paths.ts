/**
 * The pages a mirror holds, as far as the archive can list them: home, the five index
 * pages, every page number of every browse key, the understanding pages, and every
 * released cable — each with its JSON twin. The export then crawls the links of what
 * it renders, so pages this list misses (feeds, sitemaps, pages added later) are found.
 */
import { isClassification } from '../domain/classification.js';
import type { CountDimension, Store } from '../store/store.js';
import { aboutPath, browsePath, cablePath, indexPath, STYLESHEET_PATH, type BrowseKind, type Ext } from '../web/paths.js';

const EXTS: Ext[] = ['html', 'json'];

/** Paths that are not linked from HTML pages but that a site commonly serves (404s are skipped). */
export const WELL_KNOWN_PATHS = ['/sitemap.xml', '/feed.xml', '/feed.atom', '/atom.xml', '/rss.xml', '/feeds/releases.xml'];

const BROWSE_DIMENSIONS: Array<[BrowseKind, CountDimension]> = [
  ['reldate', 'releasedDay'],
  ['date', 'createdMonth'],
  ['origin', 'origin'],
  ['tag', 'tag'],
  ['classification', 'classification'],
];

function browseKeyPath(kind: BrowseKind, key: string, page: number, ext: Ext): string | null {
  switch (kind) {
    case 'reldate':
      return /^\d{4}-\d{2}-\d{2}$/.test(key) ? browsePath.reldate(key, page, ext) : null;
    case 'date':
      return /^\d{4}-\d{2}$/.test(key) ? browsePath.date(key, page, ext) : null;
    case 'origin':
      return browsePath.origin(key, page, ext);
    case 'tag':
      return browsePath.tag(key, page, ext);
    case 'classification':
      return isClassification(key) ? browsePath.classification(key, page, ext) : null;
  }
}

/** Home, index, understanding pages and the stylesheet. */
export function fixedPagePaths(): string[] {
  const out = ['/', indexPath.home('json'), STYLESHEET_PATH];
  for (const ext of EXTS) {
    for (const kind of Object.keys(indexPath) as Array<keyof typeof indexPath>) if (kind !== 'home') out.push(indexPath[kind](ext));
    out.push(aboutPath.understanding(ext), aboutPath.faq(ext), aboutPath.glossary(ext));
  }
  return [...out, ...WELL_KNOWN_PATHS];
}

/** Every page number of every browse key with released cables. */
export async function browsePagePaths(store: Store, pageSize: number): Promise<string[]> {
  const out: string[] = [];
  for (const [kind, dimension] of BROWSE_DIMENSIONS) {
    for (const row of await store.countBy(dimension, { releasedOnly: true })) {
      const pages = Math.ceil(row.count / pageSize);
      for (let p = 0; p < pages; p++) {
        for (const ext of EXTS) {
          const path = browseKeyPath(kind, row.key, p, ext);
          if (path) out.push(path);
        }
      }
    }
  }
  return out;
}

/** The page and JSON twin of every released cable, in canonical id order, a batch at a time. */
export async function* cablePagePaths(store: Store, batch = 5000): AsyncGenerator<string[]> {
  for (let offset = 0; ; offset += batch) {
    const { rows } = await store.listCables({ releasedOnly: true, sort: 'id', order: 'asc', limit: batch, offset });
    if (rows.length === 0) return;
    yield rows.flatMap((r) => EXTS.map((ext) => cablePath(r.canonicalId, r.created, ext)));
    if (rows.length < batch) return;
  }
}
