/**
 * A read-through cache in front of the store for one export (the archive does not change
 * while it is exported). The app renders a cable's HTML page and its JSON twin one after
 * the other, and the pages of a browse key in order: with this cache each cable is read
 * once for both, and a browse key's list is read once for all its pages instead of once
 * per page with an ever deeper OFFSET. Methods it does not know pass through.
 */
import type { CableSummary, ListQuery, Store } from '../store/store.js';

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

export function snapshotStore(store: Store): Store {
  const s = store;
  const lists = new Lru<Promise<{ total: number; rows: CableSummary[] }>>(2);
  const overrides: Partial<Store> = {
    // The archive does not change during an export.
    changeToken: async () => 'export-snapshot',
    getCable: memo(new Lru(4000), (id: string, o?: { releasedOnly?: boolean }) => `${id}\u0000${opt(o)}`, (id, o) => s.getCable(id, o)),
    getVersions: memo(new Lru(64), (id: string, o?: { releasedOnly?: boolean }) => `${id}\u0000${opt(o)}`, (id, o) => s.getVersions(id, o)),
    citedBy: memo(new Lru(256), (id: string, o?: { releasedOnly?: boolean }) => `${id}\u0000${opt(o)}`, (id, o) => s.citedBy(id, o)),
    existingIds: memo(new Lru(256), (ids: string[], o?: { releasedOnly?: boolean }) => `${ids.join(',')}\u0000${opt(o)}`, (ids, o) => s.existingIds(ids, o)),
    countBy: memo(new Lru(64), (d: string, o?: { releasedOnly?: boolean }) => `${d}\u0000${opt(o)}`, (d, o) => s.countBy(d as Parameters<Store['countBy']>[0], o)),
    stats: memo(new Lru(4), (o?: { releasedOnly?: boolean }) => opt(o), (o) => s.stats(o)),
    async listCables(query: ListQuery) {
      if (query.limit === undefined) return s.listCables(query);
      const { limit, offset, ...filter } = query;
      const key = JSON.stringify(filter);
      let whole = lists.get(key);
      if (!whole) {
        const first = await s.listCables({ ...filter, limit: 1, offset: 0 });
        if (first.total > MAX_CACHED_LIST) return s.listCables(query);
        whole = lists.set(key, s.listCables(filter));
      }
      const { total, rows } = await whole;
      const from = offset ?? 0;
      return { total, rows: rows.slice(from, from + limit) };
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
