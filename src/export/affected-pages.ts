/**
 * Which pages an incremental export renders again, from the previous and the current
 * digest of the public cables (pure; no store, no files):
 * - the pages of every cable that is new, gone or changed, and of their neighbours (two steps out) in the
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
 *
 * In three parts, as the export learns what they need: planCables (the two digests),
 * planBrowse (and the current browse lists), incrementalPlan (and the previous files).
 */
import type { BrowseKind } from '../web/paths.js';
import { cablePath } from '../web/paths.js';
import { PAGE_WINDOW } from '../web/browse-page.js';
import { feedPath } from '../web/feed-atom.js';
import { isClassification } from '../domain/classification.js';
import type { MirrorChanges } from './cable-sink.js';
import { entryOfText, type DigestEntry, type StateDigest } from './export-state.js';
import { lowerBound } from '../domain/lower-bound.js';
import { ascendingOrder } from '../domain/ascending-order.js';
import { browseKeyPath, EXTS, fixedPagePaths } from './site-page-paths.js';
import { browseList, countBelow, forEachBrowseKey, releaseRank, type BrowseLists } from './browse-lists.js';
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
  /** Changed cables listed under the key before and after (every other cable is listed as it was). */
  before: number;
  after: number;
  /** The changed cable (old or new entry) that comes first in page order. */
  first: DigestEntry;
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
const GLOBAL_FILE = /^(releases\/[^/]+|changes\/[^/]+|sitemap(-\d+)?\.xml|feeds\/(releases|changes)\.atom)$/;

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

/**
 * The cable part of a plan (needs no browse lists, so rendering can start with it): the
 * cables new, gone or changed, their neighbours in the reference graph, and their pages.
 * Plain data, so the thread that compares the digests can hand it over as it is.
 */
export interface CablePlan {
  changes: MirrorChanges;
  /** Cables whose pages are rendered again (changed ones and their neighbours), public now. */
  cables: number;
  /** Cable pages to render (site paths). */
  paths: string[];
  /** Mirror files of the changed cables' pages, before and after (rendered again or removed). */
  ownedFiles: string[];
  /** Folders of the changed cables' version and diff pages (`cable/2010/02/ID/`). */
  ownedFolders: string[];
}

/** The browse part of a plan: the browse pages and feeds of the keys the changed cables had or have. */
export interface BrowsePlan {
  keys: number;
  paths: string[];
  ownedFiles: string[];
}

/** What planBrowse needs besides the lists: the changed cables' entries before and after, and any current entry by id. */
export interface DigestComparison {
  before: Map<string, DigestEntry>;
  now: (id: string) => DigestEntry | undefined;
  changed: Set<string>;
}

/**
 * Compares the previous digest (as the state keeps it) with the current one (`texts`: the
 * current entries' entryText): which cables are new, gone or changed (an unchanged cable
 * cites what it cited and is listed where it was), and the pages of those and of their
 * neighbours in the reference graph. Both are walked once in id order; only the entries
 * that differ are parsed.
 */
export function planCables(previous: StateDigest, current: DigestEntry[], texts: string[]): { plan: CablePlan; comparison: DigestComparison } {
  const prevOrder = ascendingOrder(previous.ids);
  const curIds = current.map((e) => e.id);
  const curOrder = ascendingOrder(curIds);
  const before = new Map<string, DigestEntry>();
  const after = new Map<string, DigestEntry>();
  const added: string[] = [];
  const removed: string[] = [];
  let i = 0;
  let j = 0;
  while (i < curOrder.length || j < prevOrder.length) {
    const cur = i < curOrder.length ? curOrder[i] : -1;
    const prev = j < prevOrder.length ? prevOrder[j] : -1;
    const curId = cur >= 0 ? curIds[cur] : null;
    const prevId = prev >= 0 ? previous.ids[prev] : null;
    if (curId !== null && curId === prevId) {
      if (texts[cur] !== previous.texts[prev]) {
        added.push(curId);
        removed.push(curId);
        before.set(curId, entryOfText(curId, previous.texts[prev]));
        after.set(curId, current[cur]);
      }
      i++;
      j++;
    } else if (prevId !== null && (curId === null || prevId < curId)) {
      removed.push(prevId);
      before.set(prevId, entryOfText(prevId, previous.texts[prev]));
      j++;
    } else {
      added.push(curId!);
      after.set(curId!, current[cur]);
      i++;
    }
  }
  const changed = new Set([...added, ...removed]);
  const now = (id: string): DigestEntry | undefined => {
    const k = lowerBound(curOrder.length, (n) => curIds[curOrder[n]] < id);
    return k < curOrder.length && curIds[curOrder[k]] === id ? current[curOrder[k]] : undefined;
  };

  // Neighbours in the reference graph, before and after (an unchanged cable cites what it cited).
  const citing = new Map<string, string[]>();
  const cites = (e: DigestEntry) => {
    for (const r of e.refs) {
      if (!changed.has(r)) continue;
      const l = citing.get(r);
      if (l) l.push(e.id);
      else citing.set(r, [e.id]);
    }
  };
  for (const e of current) cites(e);
  for (const e of before.values()) cites(e);
  const affected = new Set<string>(changed);
  for (const id of changed) {
    for (const e of [before.get(id), after.get(id)]) for (const r of e?.refs ?? []) affected.add(r);
    for (const c of citing.get(id) ?? []) affected.add(c);
  }
  // A cable page draws its reference graph two steps out (web/reference-graph.ts): the
  // neighbours of those neighbours show the change too.
  const step1 = new Set(affected);
  for (const id of step1) for (const e of [before.get(id), now(id)]) for (const r of e?.refs ?? []) affected.add(r);
  for (const e of [...current, ...before.values()]) if (!affected.has(e.id) && e.refs.some((r) => step1.has(r))) affected.add(e.id);
  const paths: string[] = [];
  let cables = 0;
  for (const id of affected) {
    const e = now(id);
    if (!e) continue;
    cables++;
    for (const ext of EXTS) paths.push(cablePath(e.id, e.created, ext));
  }
  const ownedFiles = new Set<string>();
  const ownedFolders = new Set<string>();
  for (const id of changed) {
    for (const e of [before.get(id), after.get(id)]) {
      if (!e) continue;
      for (const ext of EXTS) ownedFiles.add(strip(cablePath(e.id, e.created, ext)));
      ownedFolders.add(cableFolder(e));
    }
  }
  return {
    plan: { changes: { added, removed }, cables, paths, ownedFiles: [...ownedFiles], ownedFolders: [...ownedFolders] },
    comparison: { before, now, changed },
  };
}

/**
 * The browse keys of the changed cables, before and after, and the pages of each that
 * change; `lists`: the browse lists of the current digest (browse-lists.ts).
 */
export function planBrowse(comparison: DigestComparison, lists: BrowseLists, pageSize: number): BrowsePlan {
  const { before, now, changed } = comparison;
  // With the earliest changed cable in page order: the rows before it are the same before and after.
  const keys = new Map<BrowseKind, Map<string, KeyStat>>();
  const note = (e: DigestEntry, side: 'before' | 'after') =>
    forEachBrowseKey(e, (kind, key) => {
      let byKey = keys.get(kind);
      if (!byKey) keys.set(kind, (byKey = new Map()));
      let stat = byKey.get(key);
      if (!stat) byKey.set(key, (stat = { kind, key, before: 0, after: 0, first: e }));
      else if (pageOrder(e, stat.first) < 0) stat.first = e;
      stat[side]++;
    });
  for (const id of changed) {
    const old = before.get(id);
    if (old) note(old, 'before');
    const e = now(id);
    if (e) note(e, 'after');
  }
  const releasedAtOf = (id: string) => now(id)!.releasedAt;
  const paths: string[] = [];
  const ownedFiles: string[] = [];
  let keyCount = 0;
  for (const byKey of keys.values()) for (const stat of byKey.values()) {
    keyCount++;
    const list = browseList(lists, stat.kind, stat.key);
    const is = list.length;
    const was = is - stat.after + stat.before;
    const unchanged = countBelow(list, releaseRank(lists, stat.first, releasedAtOf));
    const pages = Math.ceil(is / pageSize);
    for (const p of changedPages(was, is, unchanged, pageSize)) {
      for (const ext of EXTS) {
        const path = browseKeyPath(stat.kind, stat.key, p, ext);
        if (path) {
          ownedFiles.push(strip(path));
          if (p < pages) paths.push(path);
        }
      }
    }
    const feed = feedOf(stat.kind, stat.key);
    if (feed) {
      ownedFiles.push(strip(feed));
      if (pages > 0) paths.push(feed);
    }
  }
  return { keys: keyCount, paths, ownedFiles };
}

/**
 * The whole plan, from its cable and browse parts and the files of the previous export:
 * what to render (the archive-wide pages first: a few, the sitemaps, take long, and at the
 * end of the export one render thread would work on them alone; then the browse pages, the
 * cable pages and what the previous export had in the re-rendered groups: version and diff
 * pages of changed cables, release pages, sitemaps: those gone now are skipped and removed)
 * and which previous files the plan owns.
 */
export function incrementalPlan(cables: CablePlan, browse: BrowsePlan, previousFiles: Iterable<string>): IncrementalPlan {
  const folders = new Set(cables.ownedFolders);
  const owned = new Set([...fixedPagePaths().map(strip), ...cables.ownedFiles, ...browse.ownedFiles]);
  const owns = (file: string): boolean => {
    if (owned.has(file) || GLOBAL_FILE.test(file)) return true;
    const slash = file.lastIndexOf('/');
    return slash > 0 && folders.has(file.slice(0, slash + 1));
  };
  const global: string[] = [];
  const inFolders: string[] = [];
  for (const f of previousFiles) {
    if (GLOBAL_FILE.test(f)) global.push(pathForMirrorFile(f));
    else {
      const slash = f.lastIndexOf('/');
      if (slash > 0 && folders.has(f.slice(0, slash + 1))) inFolders.push(pathForMirrorFile(f));
    }
  }
  return {
    changes: cables.changes,
    cables: cables.cables,
    keys: browse.keys,
    paths: [...new Set([...global, ...fixedPagePaths(), ...browse.paths, ...cables.paths, ...inFolders])],
    owns,
  };
}
