/**
 * A read-through cache in front of the store for one export (the archive does not change
 * while it is exported). The app renders a cable's HTML page and its JSON twin one after
 * the other: with this cache each cable is read once for both. Browse lists come from the
 * export's digest (browse-lists.ts): a page reads its own rows by id. Methods it does not
 * know pass through.
 */
import type { ArchiveStats, CableSummary, CountDimension, CountOptions, CountRow, ListQuery, Store } from '../store/store.js';
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
  /**
   * Read every public cable's summary once (PublicSummaries) and answer list pages and
   * cited-cable lists from them: worth its ~1 s per thread when most pages are rendered (a
   * full export); an incremental export reads the rows of each page it renders.
   */
  allSummaries?: boolean;
}

/**
 * The public cables' summaries (the rows of browse pages, feeds and cited-cable lists), read
 * with one scan the first time a page needs one, then kept for the whole export: a page
 * then reads no rows at all. One per render thread and export (the archive does not change
 * during an export; the next export reads them again). See SnapshotFacts.allSummaries.
 */
export class PublicSummaries {
  private loading: Promise<Map<string, CableSummary>> | null = null;
  constructor(private readonly store: Store) {}
  get(): Promise<Map<string, CableSummary>> {
    this.loading ??= this.store.listCables({ releasedOnly: true, sort: 'id' }).then((r) => new Map(r.rows.map((row) => [row.canonicalId, row])));
    return this.loading;
  }
}

/** The filters of a list query besides `ids` (an id-list query with none of them can be answered from the summaries). */
const OTHER_FILTERS = ['origin', 'tag', 'classification', 'createdPrefix', 'releasedDay'] as const;

/** The store's order for listCables (see the adapters): by the sort column with nulls last, then canonical id. */
function summaryOrder(query: ListQuery): (a: CableSummary, b: CableSummary) => number {
  const dir = query.order === 'desc' ? -1 : 1;
  const cmp = (x: string, y: string) => (x < y ? -dir : x > y ? dir : 0);
  const column = query.sort === 'created' ? 'created' : query.sort === 'released' ? 'releasedAt' : null;
  return (a, b) => {
    if (column) {
      const x = a[column];
      const y = b[column];
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
      } else if (x !== y) return cmp(x, y);
    }
    return cmp(a.canonicalId, b.canonicalId);
  };
}

export function snapshotStore(store: Store, facts: SnapshotFacts = {}, summaries = new PublicSummaries(store)): Store {
  const { counts, lists, stats, allSummaries } = facts;
  const s = store;
  /** Copies of the summaries of those of these ids that are public, in this order. */
  const summariesOf = async (ids: Iterable<string>): Promise<CableSummary[]> => {
    const byId = await summaries.get();
    const rows: CableSummary[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (row) rows.push({ ...row });
    }
    return rows;
  };
  const overrides: Partial<Store> = {
    // The archive does not change during an export.
    changeToken: async () => 'export-snapshot',
    getCable: memo(new Lru(4000), (id: string, o?: { releasedOnly?: boolean }) => `${id}\u0000${opt(o)}`, (id, o) => s.getCable(id, o)),
    getVersions: memo(new Lru(64), (id: string, o?: { releasedOnly?: boolean }) => `${id}\u0000${opt(o)}`, (id, o) => s.getVersions(id, o)),
    versionFacts: memo(new Lru(64), (id: string, o?: { releasedOnly?: boolean }) => `${id}\u0000${opt(o)}`, (id, o) => s.versionFacts(id, o)),
    citedBy: memo(new Lru(256), (id: string, o?: { releasedOnly?: boolean }) => `${id}\u0000${opt(o)}`, (id, o) => s.citedBy(id, o)),
    countBy: memo(new Lru(64), (d: string, o?: CountOptions) => `${d}\u0000${opt(o)}`, (d, o) =>
      o?.releasedOnly && !o.where && counts?.[d as CountDimension] ? Promise.resolve(counts[d as CountDimension]!.map((r) => ({ ...r }))) : s.countBy(d as CountDimension, o),
    ),
    stats: memo(new Lru(4), (o?: { releasedOnly?: boolean }) => opt(o), (o) =>
      stats ? Promise.resolve(structuredClone(o?.releasedOnly ? stats.released : stats.all)) : s.stats(o),
    ),
    publicCablePaths: async (range?: { offset?: number; limit?: number }) => (lists ? cablePathsById(lists, range ?? {}) : s.publicCablePaths(range)),
    // A page and its JSON twin ask the same: the last few answers are kept.
    listCables: memo(new Lru(8), (query: ListQuery) => JSON.stringify(query), async (query: ListQuery) => {
      // A cable page's cited cables: the public ones among these ids, in the query's order.
      if (allSummaries && query.ids !== undefined && query.releasedOnly === true && query.limit === undefined && !query.offset && OTHER_FILTERS.every((f) => query[f] === undefined)) {
        const rows = await summariesOf(new Set(query.ids));
        return { total: rows.length, rows: rows.sort(summaryOrder(query)) };
      }
      const key = lists ? listKey(query) : null;
      if (!lists || key === null) return s.listCables(query);
      const { total, ids } = pageOfList(lists, key, query);
      if (ids.length === 0) return { total, rows: [] };
      const rows = allSummaries ? await summariesOf(ids) : (await s.listCables({ ids, releasedOnly: true, sort: query.sort, order: query.order })).rows;
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
