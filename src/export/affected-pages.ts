/**
 * Which pages an incremental export renders again, from the previous and the current
 * digest of the public cables (pure; no store, no files):
 * - the pages of every cable that is new, gone or changed, and of their neighbours in the
 *   reference graph (the cables they cite: "cited by" lists; the cables citing them: REF
 *   links appear only for public cables);
 * - the pages of each browse key (release day, creation month, origin, tag,
 *   classification) such a cable had or has that change: browse pages list cables in
 *   release order and only page 0 shows totals, so a release that adds cables at the end
 *   changes page 0 and the last few pages (changedPages); and the feeds of those keys;
 * - the pages that show the whole archive (home, indexes, release log, sitemaps, feeds
 *   of all releases, the understanding pages).
 * `owns(file)` tells which files of the previous export belong to the re-rendered groups:
 * those not rendered again are no longer part of the site and are removed. Every other
 * file of the previous export is unchanged and kept as it is.
 */
import type { BrowseKind } from '../web/paths.js';
import { cablePath } from '../web/paths.js';
import { PAGE_WINDOW } from '../web/browse-page.js';
import { feedPath } from '../web/feed-atom.js';
import { isClassification } from '../domain/classification.js';
import type { MirrorChanges } from './cable-sink.js';
import type { DigestEntry } from './export-state.js';
import { browseKeyPath, browseKeysOf, EXTS, fixedPagePaths } from './site-page-paths.js';
import { mirrorFileForPath, pathForMirrorFile } from './mirror-file-path.js';

export interface IncrementalPlan {
  changes: MirrorChanges;
  /** Cables whose pages are rendered again (changed ones and their neighbours), public now. */
  cables: number;
  /** Browse keys whose pages are rendered again. */
  keys: number;
  /** Paths to render (site paths, with a leading slash). */
  paths: string[];
  /** Files (mirror paths, no leading slash) of the previous export that are re-rendered or removed. */
  owns(file: string): boolean;
}

interface KeyStat {
  kind: BrowseKind;
  key: string;
  /** Cables listed before and after. */
  was: number;
  is: number;
  /** The changed cable (old or new entry) that comes first in page order. */
  first: DigestEntry;
  /** Rows before it: the same before and after. */
  unchanged: number;
}

function feedOf(kind: BrowseKind, key: string): string | null {
  switch (kind) {
    case 'tag':
      return feedPath.tag(key);
    case 'origin':
      return feedPath.origin(key);
    case 'classification':
      return isClassification(key) ? feedPath.classification(key) : null;
    default:
      return null;
  }
}

/** The mirror file of a site path (`/` -> `index.html`, percent-decoded). */
const strip = (p: string) => mirrorFileForPath(p) ?? p.replace(/^\//, '');
/** The folder of a cable's version and diff pages: `cable/2010/02/ID/`. */
const cableFolder = (e: DigestEntry) => strip(cablePath(e.id, e.created, 'html')).replace(/\.html$/, '/');
const GLOBAL_FILE = /^(releases\/[^/]+|sitemap(-\d+)?\.xml|feeds\/releases\.atom)$/;

/** Browse pages list their cables in release order (see web/browse-page.ts). */
function pageOrder(a: DigestEntry, b: DigestEntry): number {
  if (a.releasedAt !== b.releasedAt) return a.releasedAt < b.releasedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The page numbers of one browse key whose files change (or go) when its list goes from
 * `was` to `is` cables, the first `unchanged` rows staying the same: the pages from the
 * first row that differs on; page 0 when the count changes (it shows the totals and the
 * last page); when the number of pages changes, the pages whose paginator window reaches
 * the end; pages past the new end (to remove).
 */
export function changedPages(was: number, is: number, unchanged: number, pageSize: number): number[] {
  const pagesWas = Math.ceil(was / pageSize);
  const pagesIs = Math.ceil(is / pageSize);
  const last = Math.max(pagesWas, pagesIs);
  const out = new Set<number>();
  for (let p = Math.floor(unchanged / pageSize); p < last; p++) out.add(p);
  if (was !== is) out.add(0);
  if (pagesWas !== pagesIs) for (let p = Math.max(0, Math.min(pagesWas, pagesIs) - 1 - PAGE_WINDOW); p < last; p++) out.add(p);
  return [...out].sort((a, b) => a - b);
}

export function planIncremental(previous: DigestEntry[], current: DigestEntry[], previousFiles: string[], pageSize: number): IncrementalPlan {
  const before = new Map(previous.map((e) => [e.id, e]));
  const now = new Map(current.map((e) => [e.id, e]));
  const added: string[] = [];
  const removed: string[] = [];
  for (const e of current) {
    const old = before.get(e.id);
    if (!old || old.fp !== e.fp || old.releasedAt !== e.releasedAt) {
      added.push(e.id);
      if (old) removed.push(e.id);
    }
  }
  for (const e of previous) if (!now.has(e.id)) removed.push(e.id);
  const changed = new Set([...added, ...removed]);

  // Neighbours in the reference graph, before and after.
  const citing = new Map<string, string[]>();
  for (const list of [previous, current]) {
    for (const e of list) {
      for (const r of e.refs) {
        if (!changed.has(r)) continue;
        const l = citing.get(r);
        if (l) l.push(e.id);
        else citing.set(r, [e.id]);
      }
    }
  }
  const affected = new Set<string>(changed);
  for (const id of changed) {
    for (const e of [before.get(id), now.get(id)]) for (const r of e?.refs ?? []) affected.add(r);
    for (const c of citing.get(id) ?? []) affected.add(c);
  }

  // Browse keys of changed cables, before and after, with the earliest changed cable in
  // page order: the rows before it are the same before and after.
  const keys = new Map<BrowseKind, Map<string, KeyStat>>();
  for (const id of changed) {
    for (const e of [before.get(id), now.get(id)]) {
      if (!e) continue;
      for (const [kind, key] of browseKeysOf(e)) {
        let byKey = keys.get(kind);
        if (!byKey) keys.set(kind, (byKey = new Map()));
        const stat = byKey.get(key);
        if (!stat) byKey.set(key, { kind, key, was: 0, is: 0, first: e, unchanged: 0 });
        else if (pageOrder(e, stat.first) < 0) stat.first = e;
      }
    }
  }
  const statOf = (kind: BrowseKind, key: string) => keys.get(kind)?.get(key);
  for (const e of previous) for (const [kind, key] of browseKeysOf(e)) {
    const stat = statOf(kind, key);
    if (stat) stat.was++;
  }
  for (const e of current) for (const [kind, key] of browseKeysOf(e)) {
    const stat = statOf(kind, key);
    if (!stat) continue;
    stat.is++;
    if (pageOrder(e, stat.first) < 0) stat.unchanged++;
  }
  const paths = new Set<string>(fixedPagePaths());
  const ownedFiles = new Set<string>(paths);
  const ownedFolders: string[] = [];
  for (const id of affected) {
    const e = now.get(id);
    if (e) for (const ext of EXTS) paths.add(cablePath(e.id, e.created, ext));
  }
  for (const id of changed) {
    for (const e of [before.get(id), now.get(id)]) {
      if (!e) continue;
      for (const ext of EXTS) ownedFiles.add(cablePath(e.id, e.created, ext));
      ownedFolders.push(cableFolder(e));
    }
  }
  let keyCount = 0;
  for (const byKey of keys.values()) for (const stat of byKey.values()) {
    keyCount++;
    const pages = Math.ceil(stat.is / pageSize);
    for (const p of changedPages(stat.was, stat.is, stat.unchanged, pageSize)) {
      for (const ext of EXTS) {
        const path = browseKeyPath(stat.kind, stat.key, p, ext);
        if (path) {
          ownedFiles.add(path);
          if (p < pages) paths.add(path);
        }
      }
    }
    const feed = feedOf(stat.kind, stat.key);
    if (feed) {
      ownedFiles.add(feed);
      if (pages > 0) paths.add(feed);
    }
  }
  const folders = new Set(ownedFolders);
  const owned = new Set([...ownedFiles].map(strip));
  const owns = (file: string): boolean => {
    if (owned.has(file) || GLOBAL_FILE.test(file)) return true;
    const slash = file.lastIndexOf('/');
    return slash > 0 && folders.has(file.slice(0, slash + 1));
  };
  // Re-render what the previous export had in the re-rendered groups (version and diff pages of
  // changed cables, release pages, sitemaps): those gone now are skipped and removed.
  for (const f of previousFiles) {
    if (!owns(f)) continue;
    const slash = f.lastIndexOf('/');
    if (GLOBAL_FILE.test(f) || (slash > 0 && folders.has(f.slice(0, slash + 1)))) paths.add(pathForMirrorFile(f));
  }
  return {
    changes: { added, removed },
    cables: [...affected].filter((id) => now.has(id)).length,
    keys: keyCount,
    paths: [...paths],
    owns,
  };
}
