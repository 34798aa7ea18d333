/**
 * The export's browse lists, from the archive's digest (pure): for the whole archive and
 * for every release day, creation month, origin, tag and classification, its public
 * cables in release order (release time, then canonical id: the store's order for
 * `sort: 'released'`), and the whole archive in id order. With them the snapshot store answers a list query of the app by
 * reading only the rows of its page, by id, however long the list and however deep the
 * page: no count, no sort of a whole tag per page.
 *
 * The lists are plain data (arrays of ids and creation times, typed arrays of positions);
 * between threads they travel packed (packLists): two strings and two typed arrays
 * instead of half a million strings and a thousand arrays to copy one by one.
 */
import type { CablePathRow, CountDimension, CountRow, ListQuery } from '../store/store.js';
import type { DigestEntry } from './export-state.js';
import { lowerBound } from '../domain/lower-bound.js';
import { ascendingOrder } from '../domain/ascending-order.js';
import type { BrowseKind } from '../web/paths.js';

export interface BrowseLists {
  /** Canonical ids of the public cables in release order. */
  released: string[];
  /** Their creation times (the other half of a cable page's URL), in the same order. */
  created: Array<string | null>;
  /** For each list (see listKey), the positions in `released` of its cables, ascending. */
  lists: Map<string, Int32Array>;
}

/** The ListQuery field each browse kind filters on. */
const FIELD: Record<BrowseKind, 'releasedDay' | 'createdPrefix' | 'origin' | 'tag' | 'classification'> = {
  reldate: 'releasedDay',
  date: 'createdPrefix',
  origin: 'origin',
  tag: 'tag',
  classification: 'classification',
};
const FIELDS = Object.values(FIELD);
const ALL = '';
/** The whole archive in id order (the sitemaps). */
const ALL_BY_ID = '\u0000id';
const EMPTY = new Int32Array(0);

/** Calls `fn` with each browse key a cable is listed under (release day, creation month, origin, classification, tags). */
export function forEachBrowseKey(e: DigestEntry, fn: (kind: BrowseKind, key: string) => void): void {
  fn('reldate', e.releasedAt.slice(0, 10));
  if (e.created !== null) fn('date', e.created.slice(0, 7));
  if (e.origin !== null) fn('origin', e.origin);
  if (e.classification !== null) fn('classification', e.classification);
  for (const t of e.tags) fn('tag', t);
}

/**
 * Indices of the digest in release order. The digest comes in id order (the store sorts
 * it), so grouping by release time (few distinct ones) and ordering the groups is enough;
 * any other input is put in id order first.
 */
function releaseOrder(digest: DigestEntry[]): { byId: number[]; order: Int32Array } {
  const n = digest.length;
  const byId = ascendingOrder(digest.map((e) => e.id));
  // A counting sort by release time (stable: id order within one time).
  const groupOf = new Map<string, number>();
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = digest[i].releasedAt;
    let g = groupOf.get(t);
    if (g === undefined) groupOf.set(t, (g = groupOf.size));
    group[i] = g;
  }
  const times = [...groupOf.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const start = new Int32Array(times.length + 1);
  const rank = new Int32Array(times.length);
  times.forEach((t, r) => (rank[groupOf.get(t)!] = r));
  for (let i = 0; i < n; i++) start[rank[group[i]] + 1]++;
  for (let r = 0; r < times.length; r++) start[r + 1] += start[r];
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = byId[k];
    order[start[rank[group[i]]]++] = i;
  }
  return { byId, order };
}

export function browseLists(digest: DigestEntry[]): BrowseLists {
  const { byId, order } = releaseOrder(digest);
  const positionOf = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) positionOf[order[i]] = i;
  // One map per kind, filled in one pass over the digest as it lies in memory (a cable's
  // index is pushed once per key); each list then becomes release positions, sorted.
  const days = new Map<string, number[]>();
  const months = new Map<string, number[]>();
  const origins = new Map<string, number[]>();
  const classes = new Map<string, number[]>();
  const tags = new Map<string, number[]>();
  const push = (byKey: Map<string, number[]>, key: string, index: number) => {
    const l = byKey.get(key);
    if (!l) byKey.set(key, [index]);
    else if (l[l.length - 1] !== index) l.push(index);
  };
  for (let i = 0; i < digest.length; i++) {
    const e = digest[i];
    push(days, e.releasedAt.slice(0, 10), i);
    if (e.created !== null) push(months, e.created.slice(0, 7), i);
    if (e.origin !== null) push(origins, e.origin, i);
    if (e.classification !== null) push(classes, e.classification, i);
    for (const t of e.tags) push(tags, t, i);
  }
  const lists = new Map<string, Int32Array>();
  const byKind: Record<BrowseKind, Map<string, number[]>> = { reldate: days, date: months, origin: origins, tag: tags, classification: classes };
  for (const kind of Object.keys(byKind) as BrowseKind[]) {
    for (const [key, l] of byKind[kind]) {
      const positions = new Int32Array(l.length);
      for (let k = 0; k < l.length; k++) positions[k] = positionOf[l[k]];
      lists.set(`${FIELD[kind]}\u0000${key}`, positions.sort());
    }
  }
  const released: string[] = new Array(order.length);
  const created: Array<string | null> = new Array(order.length);
  for (let position = 0; position < order.length; position++) {
    const e = digest[order[position]];
    released[position] = e.id;
    created[position] = e.created;
  }
  const all = new Int32Array(order.length);
  for (let i = 0; i < all.length; i++) all[i] = i;
  lists.set(ALL, all);
  const allById = new Int32Array(byId.length);
  for (let i = 0; i < byId.length; i++) allById[i] = positionOf[byId[i]];
  lists.set(ALL_BY_ID, allById);
  return { released, created, lists };
}

/** BrowseLists as one thread hands them to another (packLists, unpackLists). */
export interface PackedLists {
  /** JSON of [released, created]. */
  cables: string;
  /** JSON of the lists' keys. */
  keys: string;
  /** Where each key's list starts in `positions` (one more entry than keys: the end). */
  offsets: Int32Array;
  positions: Int32Array;
}

export function packLists(lists: BrowseLists): PackedLists {
  const keys = [...lists.lists.keys()];
  const offsets = new Int32Array(keys.length + 1);
  keys.forEach((k, i) => (offsets[i + 1] = offsets[i] + lists.lists.get(k)!.length));
  const positions = new Int32Array(offsets[keys.length]);
  keys.forEach((k, i) => positions.set(lists.lists.get(k)!, offsets[i]));
  return { cables: JSON.stringify([lists.released, lists.created]), keys: JSON.stringify(keys), offsets, positions };
}

export function unpackLists(packed: PackedLists): BrowseLists {
  const [released, created] = JSON.parse(packed.cables) as [string[], Array<string | null>];
  const keys = JSON.parse(packed.keys) as string[];
  const lists = new Map<string, Int32Array>();
  keys.forEach((k, i) => lists.set(k, packed.positions.subarray(packed.offsets[i], packed.offsets[i + 1])));
  return { released, created, lists };
}

/**
 * The list a query reads, when the lists can answer it: one page (a limit) of public
 * cables in release order filtered by at most one browse key (a creation month, not a
 * year or day), or of the whole archive in id order. Null for any other query (the store
 * answers those).
 */
export function listKey(query: ListQuery): string | null {
  if (query.releasedOnly !== true || query.limit === undefined || query.ids !== undefined) return null;
  if (query.sort === 'id') return FIELDS.every((f) => query[f] === undefined) ? ALL_BY_ID : null;
  if (query.sort !== 'released') return null;
  let key: string | null = ALL;
  for (const f of FIELDS) {
    const v = query[f];
    if (v === undefined) continue;
    if (key !== ALL) return null;
    if (f === 'createdPrefix' && !/^\d{4}-\d{2}$/.test(v)) return null;
    key = `${f}\u0000${v}`;
  }
  return key;
}

/** The ids of one page of a list (in the query's order) and the list's length. */
export function pageOfList(lists: BrowseLists, key: string, query: ListQuery): { total: number; ids: string[] } {
  const list = lists.lists.get(key);
  if (!list) return { total: 0, ids: [] };
  const total = list.length;
  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.max(0, query.limit ?? total);
  const ids: string[] = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) {
    ids.push(lists.released[list[query.order === 'desc' ? total - 1 - i : i]]);
  }
  return { total, ids };
}

/** The dimension each list field counts by. */
const DIMENSION_OF_FIELD: Record<(typeof FIELDS)[number], CountDimension> = {
  releasedDay: 'releasedDay',
  createdPrefix: 'createdMonth',
  origin: 'origin',
  tag: 'tag',
  classification: 'classification',
};

/** The released-only counts of every dimension, as `Store.countBy` gives them (sorted by key): the lists' lengths. */
export function countsOfLists(lists: BrowseLists): Record<CountDimension, CountRow[]> {
  const out: Record<CountDimension, CountRow[]> = { origin: [], tag: [], classification: [], releasedDay: [], createdMonth: [], createdYear: [] };
  const years = new Map<string, number>();
  for (const [k, list] of lists.lists) {
    const sep = k.indexOf('\u0000');
    if (sep <= 0) continue; // the whole archive
    const field = k.slice(0, sep) as (typeof FIELDS)[number];
    const key = k.slice(sep + 1);
    out[DIMENSION_OF_FIELD[field]].push({ key, count: list.length });
    if (field === 'createdPrefix') years.set(key.slice(0, 4), (years.get(key.slice(0, 4)) ?? 0) + list.length);
  }
  out.createdYear = [...years].map(([key, count]) => ({ key, count }));
  for (const rows of Object.values(out)) rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return out;
}

/** The URL facts of the public cables in id order, from `offset`, at most `limit` (the store's publicCablePaths). */
export function cablePathsById(lists: BrowseLists, range: { offset?: number; limit?: number }): CablePathRow[] {
  const list = lists.lists.get(ALL_BY_ID) ?? EMPTY;
  const offset = Math.max(0, range.offset ?? 0);
  const end = range.limit === undefined || range.limit < 0 ? list.length : Math.min(list.length, offset + range.limit);
  const out: CablePathRow[] = [];
  for (let i = offset; i < end; i++) out.push({ canonicalId: lists.released[list[i]], created: lists.created[list[i]] });
  return out;
}

/** The list of one browse key: positions in `released`, ascending (empty when no public cable has the key). */
export function browseList(lists: BrowseLists, kind: BrowseKind, key: string): Int32Array {
  return lists.lists.get(`${FIELD[kind]}\u0000${key}`) ?? EMPTY;
}

/**
 * How many public cables come before `entry` in release order (it need not be public
 * itself); `releasedAtOf` gives the release time of a public cable by id.
 */
export function releaseRank(lists: BrowseLists, entry: { id: string; releasedAt: string }, releasedAtOf: (id: string) => string): number {
  return lowerBound(lists.released.length, (i) => {
    const id = lists.released[i];
    const t = releasedAtOf(id);
    return t < entry.releasedAt || (t === entry.releasedAt && id < entry.id);
  });
}

/** How many positions of `list` are below `rank`. */
export function countBelow(list: Int32Array, rank: number): number {
  return lowerBound(list.length, (i) => list[i] < rank);
}
