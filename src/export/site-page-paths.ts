/**
 * The pages a mirror holds, as far as the archive's digest can list them: home, the five
 * index pages, every page number of every browse key, the understanding pages, and every
 * released cable — each with its JSON twin. The export then crawls the links of what
 * it renders, so pages this list misses (feeds, sitemaps, pages added later) are found.
 */
import { isClassification } from '../domain/classification.js';
import { cablePathsById, type BrowseLists } from './browse-lists.js';
import type { CountDimension, CountRow } from '../store/store.js';
import { REFERENCE_GRAPH_FILES } from '../web/reference-graph-files.js';
import { aboutPath, browsePath, cablePath, indexPath, STYLESHEET_PATH, type BrowseKind, type Ext } from '../web/paths.js';

export const EXTS: Ext[] = ['html', 'json'];

/** Paths that are not linked from HTML pages but that a site commonly serves (404s are skipped). */
export const WELL_KNOWN_PATHS = ['/sitemap.xml', '/feed.xml', '/feed.atom', '/atom.xml', '/rss.xml', '/feeds/releases.xml'];

export function browseKeyPath(kind: BrowseKind, key: string, page: number, ext: Ext): string | null {
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
  // The whole reference graph changes with any release: rendered on every export.
  return [...out, ...WELL_KNOWN_PATHS, REFERENCE_GRAPH_FILES.gexf, REFERENCE_GRAPH_FILES.graphml, '/changes/index.html', '/changes/index.json', '/feeds/changes.atom'];
}

/** The count dimension of each browse kind. */
const DIMENSION: Record<BrowseKind, CountDimension> = { reldate: 'releasedDay', date: 'createdMonth', origin: 'origin', tag: 'tag', classification: 'classification' };

/**
 * Every page a full export starts from: the fixed pages, every page of every browse key
 * (their sizes from `counts`, countsOfLists'), every cable page in id order (no queries).
 */
export function* allPagePaths(lists: BrowseLists, counts: Record<CountDimension, CountRow[]>, pageSize: number): Generator<string> {
  yield* fixedPagePaths();
  for (const kind of Object.keys(DIMENSION) as BrowseKind[]) {
    for (const { key, count } of counts[DIMENSION[kind]]) {
      for (let p = 0; p < Math.ceil(count / pageSize); p++) {
        for (const ext of EXTS) {
          const path = browseKeyPath(kind, key, p, ext);
          if (path) yield path;
        }
      }
    }
  }
  for (const c of cablePathsById(lists, {})) for (const ext of EXTS) yield cablePath(c.canonicalId, c.created, ext);
}
