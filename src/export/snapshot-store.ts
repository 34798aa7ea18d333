/**
 * A read-through cache in front of the store for one export (the archive does not change
 * while it is exported). The app renders a cable's HTML page and its JSON twin one after
 * the other, and the pages of a browse key in order: with this cache each cable is read
 * once for both, and a browse key's list is read once for all its pages instead of once
 * per page with an ever deeper OFFSET. Methods it does not know pass through.
 */
import type { CableSummary, CountDimension, CountRow, ListQuery, Store } from '../store/store.js';

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

/** Browse lists longer than this are paged by the store as usual. */
const MAX_CACHED_LIST = 200_000;

/**
 * `counts`: the released-only counts by dimension when the caller already has them (the
 * export computes them from the archive's digest: every render thread would otherwise
 * count the whole archive again for the home, index and sitemap pages).
 */
export function snapshotStore(store: Store, counts?: Partial<Record<CountDimension, CountRow[]>>): Store {
  const s = store;
  const lists = new Lru<Promise<{ total: number; rows: CableSummary[] }>>(2);
  const totals = new Lru<Promise<number>>(64);
  const tails = new Lru<{ from: number; rows: Promise<CableSummary[]> }>(4);
  const totalOf = (key: string, filter: ListQuery) => totals.get(key) ?? totals.set(key, s.listCables({ ...filter, limit: 1, offset: 0 }).then((r) => r.total));
  const overrides: Partial<Store> = {
    // The archive does not change during an export.
    changeToken: async () => 'export-snapshot',
    getCable: memo(new Lru(4000), (id: string, o?: { releasedOnly?: boolean }) => `${id}\u0000${opt(o)}`, (id, o) => s.getCable(id, o)),
    getVersions: memo(new Lru(64), (id: string, o?: { releasedOnly?: boolean }) => `${id}\u0000${opt(o)}`, (id, o) => s.getVersions(id, o)),
    citedBy: memo(new Lru(256), (id: string, o?: { releasedOnly?: boolean }) => `${id}\u0000${opt(o)}`, (id, o) => s.citedBy(id, o)),
    existingIds: memo(new Lru(256), (ids: string[], o?: { releasedOnly?: boolean }) => `${ids.join(',')}\u0000${opt(o)}`, (ids, o) => s.existingIds(ids, o)),
    countBy: memo(new Lru(64), (d: string, o?: { releasedOnly?: boolean }) => `${d}\u0000${opt(o)}`, (d, o) =>
      o?.releasedOnly && counts?.[d as CountDimension] ? Promise.resolve(counts[d as CountDimension]!.map((r) => ({ ...r }))) : s.countBy(d as CountDimension, o),
    ),
    stats: memo(new Lru(4), (o?: { releasedOnly?: boolean }) => opt(o), (o) => s.stats(o)),
    async listCables(query: ListQuery) {
      if (query.limit === undefined) return s.listCables(query);
      const { limit, offset = 0, ...filter } = query;
      const key = JSON.stringify(filter);
      const cached = lists.get(key);
      if (cached) {
        const { total, rows } = await cached;
        return { total, rows: rows.slice(offset, offset + limit) };
      }
      // The first pages (and feeds) are one cheap query each.
      if (offset < 2 * limit) return s.listCables(query);
      const total = await totalOf(key, filter);
      // A page in the second half of a list in release (or id) order: the rows from it to the
      // end, read once from the other end with a short OFFSET and kept for the next pages (an
      // incremental export renders the last pages of many keys, in order).
      if ((filter.sort === 'released' || filter.sort === 'id') && filter.releasedOnly && offset >= total / 2) {
        let tail = tails.get(key);
        if (!tail || tail.from > offset) {
          const from = offset;
          const rows = s
            .listCables({ ...filter, order: filter.order === 'desc' ? 'asc' : 'desc', limit: Math.max(0, total - from), offset: 0 })
            .then((r) => r.rows.reverse());
          tail = tails.set(key, { from, rows });
        }
        const rows = await tail.rows;
        return { total, rows: rows.slice(offset - tail.from, offset - tail.from + limit) };
      }
      if (total > MAX_CACHED_LIST) return s.listCables(query);
      const whole = lists.set(key, s.listCables(filter));
      const { rows } = await whole;
      return { total, rows: rows.slice(offset, offset + limit) };
    },
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && prop in overrides) return overrides[prop as keyof Store];
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
