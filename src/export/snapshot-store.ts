/**
 * A read-through cache in front of the store for one export (the archive does not change
 * while it is exported). The app renders a cable's HTML page and its JSON twin one after
 * the other: with this cache each cable is read once for both. Browse lists come from the
 * export's digest (browse-lists.ts): a page reads its own rows by id. Methods it does not
 * know pass through.
 */
import type { ArchiveStats, CountDimension, CountRow, ListQuery, Store } from '../store/store.js';
import { cablePathsById, listKey, pageOfList, type BrowseLists } from './browse-lists.js';

class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): V {
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
    return value;
  }
}

function memo<A extends unknown[], R>(lru: Lru<Promise<R>>, key: (...args: A) => string, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args: A) => {
    const k = key(...args);
    return lru.get(k) ?? lru.set(k, fn(...args));
  };
}

const opt = (o: unknown) => JSON.stringify(o ?? {});

/** What the export already knows about the archive, so that no render thread computes it again. */
export interface SnapshotFacts {
  /** The released-only counts by dimension (every thread would count the whole archive for the home, index and sitemap pages). */
  counts?: Partial<Record<CountDimension, CountRow[]>>;
  /** The browse lists (a browse page would sort a whole tag or origin). */
  lists?: BrowseLists;
  /** The archive's stats, of every cable and of the public ones (home page, sitemaps). */
  stats?: { all: ArchiveStats; released: ArchiveStats };
}

export function snapshotStore(store: Store, facts: SnapshotFacts = {}): Store {
  const { counts, lists, stats } = facts;
  const s = store;
  const overrides: Partial<Store> = {
    // The archive does not change during an export.
    changeToken: async () => 'export-snapshot',
    getCable: memo(new Lru(4000), (id: string, o?: { releasedOnly?: boolean }) => `${id}\u0000${opt(o)}`, (id, o) => s.getCable(id, o)),
    getVersions: memo(new Lru(64), (id: string, o?: { releasedOnly?: boolean }) => `${id}\u0000${opt(o)}`, (id, o) => s.getVersions(id, o)),
    versionFacts: memo(new Lru(64), (id: string, o?: { releasedOnly?: boolean }) => `${id}\u0000${opt(o)}`, (id, o) => s.versionFacts(id, o)),
    citedBy: memo(new Lru(256), (id: string, o?: { releasedOnly?: boolean }) => `${id}\u0000${opt(o)}`, (id, o) => s.citedBy(id, o)),
    countBy: memo(new Lru(64), (d: string, o?: { releasedOnly?: boolean }) => `${d}\u0000${opt(o)}`, (d, o) =>
      o?.releasedOnly && counts?.[d as CountDimension] ? Promise.resolve(counts[d as CountDimension]!.map((r) => ({ ...r }))) : s.countBy(d as CountDimension, o),
    ),
    stats: memo(new Lru(4), (o?: { releasedOnly?: boolean }) => opt(o), (o) =>
      stats ? Promise.resolve(structuredClone(o?.releasedOnly ? stats.released : stats.all)) : s.stats(o),
    ),
    publicCablePaths: async (range?: { offset?: number; limit?: number }) => (lists ? cablePathsById(lists, range ?? {}) : s.publicCablePaths(range)),
    // A page and its JSON twin ask the same: the last few answers are kept.
    listCables: memo(new Lru(8), (query: ListQuery) => JSON.stringify(query), async (query: ListQuery) => {
      const key = lists ? listKey(query) : null;
      if (!lists || key === null) return s.listCables(query);
      const { total, ids } = pageOfList(lists, key, query);
      if (ids.length === 0) return { total, rows: [] };
      const { rows } = await s.listCables({ ids, releasedOnly: true, sort: query.sort, order: query.order });
      // The store has the last word: rows that are not exactly the page's (the archive changed
      // during the export) are read the usual way.
      if (rows.length !== ids.length || rows.some((r, i) => r.canonicalId !== ids[i])) return s.listCables(query);
      return { total, rows };
    }),
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && prop in overrides) return overrides[prop as keyof Store];
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
