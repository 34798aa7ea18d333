/**
 * A compact in-memory copy of what facets, embargo and date sorting need for every
 * cable (typed arrays indexed by `cables.id`): visible now, classification, origin,
 * creation month, created and released minutes, tags, and the canonical id order. Facet
 * counts over 200,000 hits are then a walk over an id list instead of as many joins.
 *
 * No SQL here: each adapter reads the rows (the embargo predicate of its store decides
 * `visible`) and keeps the index fresh, in its facet-index-cache.ts
 * (src/store/sqlite/search/, src/store/postgres/search/).
 */
import { CLASSIFICATIONS } from '../../domain/classification.js';
import type { CountRow, SearchFacets } from '../store.js';

/** Stored for a missing or unreadable time. */
export const NO_TIME = -2147483648;

/** The number written by the ASCII digits iso[from, to), or -1. */
function digits(iso: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = iso.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Minutes since the epoch of an ISO time (`2010-11-28T18:00Z`), or NO_TIME. */
export function minutes(iso: string | null): number {
  if (!iso) return NO_TIME;
  // The stored form, `YYYY-MM-DDTHH:MMZ`, without Date.parse (several times faster over
  // 250,000 cables); the same result, day overflow included (Feb 31 is Mar 3 for both).
  if (iso.length === 17 && iso[4] === '-' && iso[7] === '-' && iso[10] === 'T' && iso[13] === ':' && iso[16] === 'Z') {
    const y = digits(iso, 0, 4);
    const mo = digits(iso, 5, 7);
    const d = digits(iso, 8, 10);
    const h = digits(iso, 11, 13);
    const mi = digits(iso, 14, 16);
    if (y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 23 && mi >= 0 && mi <= 59) return Math.floor(Date.UTC(y, mo - 1, d, h, mi) / 60000);
  }
  const t = Date.parse(iso.length === 17 && iso.endsWith('Z') ? iso.replace('Z', ':00Z') : iso);
  return Number.isFinite(t) ? Math.floor(t / 60000) : NO_TIME;
}

/** One cable: id, classification, origin, created, released, visible now. */
export type FacetCableRow = [id: number, classification: string | null, origin: string | null, created: string | null, released: string | null, visible: boolean];

export interface FacetSource {
  /** Highest cable id (0 when there are none). */
  maxId: number;
  cables: Iterable<FacetCableRow>;
  /** Every cable id, in canonical id order (code point order). */
  canonicalOrder: Iterable<number>;
  /** (cable id, tag) pairs, any order. */
  tags: Iterable<[number, string]>;
}

/** The `n` smallest of `keys`, sorted (a bounded max-heap: one pass, no full sort). */
function smallest(keys: Float64Array, n: number): Float64Array {
  const heap = new Float64Array(n);
  let size = 0;
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && heap[l] > heap[m]) m = l;
      if (r < size && heap[r] > heap[m]) m = r;
      if (m === i) return;
      const t = heap[i];
      heap[i] = heap[m];
      heap[m] = t;
      i = m;
    }
  };
  for (let k = 0; k < keys.length; k++) {
    const v = keys[k];
    if (size < n) {
      let i = size++;
      heap[i] = v;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (heap[p] >= heap[i]) break;
        const t = heap[i];
        heap[i] = heap[p];
        heap[p] = t;
        i = p;
      }
    } else if (n > 0 && v < heap[0]) {
      heap[0] = v;
      down(0);
    }
  }
  return heap.subarray(0, size).sort();
}

export class FacetIndex {
  readonly size: number;
  readonly visible: Uint8Array;
  /** 0 = none, else 1 + index in CLASSIFICATIONS. */
  readonly cls: Uint8Array;
  /** 0 = none, else 1 + index in originNames. */
  readonly origin: Uint32Array;
  /** 0 = none, else year * 12 + month - 1 (+1). */
  readonly ym: Uint32Array;
  /** Lowest and highest code in `ym` (0, 0 when none). */
  readonly minYm: number;
  readonly maxYm: number;
  readonly created: Int32Array;
  readonly released: Int32Array;
  readonly tagStart: Uint32Array;
  readonly tagIds: Uint32Array;
  readonly originNames: string[];
  readonly tagNames: string[];
  readonly visibleCount: number;
  /** Position of each cable in canonical id order (ties of a sort break on it), and back. */
  readonly idRank: Uint32Array;
  readonly rankToId: Uint32Array;

  constructor(src: FacetSource) {
    const n = src.maxId + 1;
    this.size = n;
    this.visible = new Uint8Array(n);
    this.cls = new Uint8Array(n);
    this.origin = new Uint32Array(n);
    this.ym = new Uint32Array(n);
    this.created = new Int32Array(n).fill(NO_TIME);
    this.released = new Int32Array(n).fill(NO_TIME);
    const originIds = new Map<string, number>();
    this.originNames = [];
    const clsIds = new Map<string, number>(CLASSIFICATIONS.map((c, i) => [c, i + 1]));
    let visibleCount = 0;
    let minYm = 0;
    let maxYm = 0;
    for (const [id, cls, origin, created, released, vis] of src.cables) {
      if (id >= n) continue;
      if (vis) {
        this.visible[id] = 1;
        visibleCount++;
      }
      if (cls) this.cls[id] = clsIds.get(cls) ?? 0;
      if (origin) {
        let o = originIds.get(origin);
        if (o === undefined) {
          o = this.originNames.length + 1;
          originIds.set(origin, o);
          this.originNames.push(origin);
        }
        this.origin[id] = o;
      }
      const m = created ? /^(\d{4})-(\d{2})/.exec(created) : null;
      if (m) {
        const code = Number(m[1]) * 12 + Number(m[2]);
        this.ym[id] = code;
        if (code > maxYm) maxYm = code;
        if (minYm === 0 || code < minYm) minYm = code;
      }
      this.created[id] = minutes(created);
      this.released[id] = minutes(released);
    }
    this.visibleCount = visibleCount;
    this.minYm = minYm;
    this.maxYm = maxYm;
    this.idRank = new Uint32Array(n);
    this.rankToId = new Uint32Array(n);
    let rank = 0;
    for (const id of src.canonicalOrder) {
      if (id >= n) continue;
      this.idRank[id] = rank;
      this.rankToId[rank++] = id;
    }
    // Tags, grouped by cable.
    const tagIdsByName = new Map<string, number>();
    this.tagNames = [];
    const counts = new Uint32Array(n + 1);
    const pairs: number[] = [];
    for (const [cableId, tag] of src.tags) {
      if (cableId >= n) continue;
      let t = tagIdsByName.get(tag);
      if (t === undefined) {
        t = this.tagNames.length;
        tagIdsByName.set(tag, t);
        this.tagNames.push(tag);
      }
      counts[cableId + 1]++;
      pairs.push(cableId, t);
    }
    this.tagStart = new Uint32Array(n + 1);
    for (let i = 1; i <= n; i++) this.tagStart[i] = this.tagStart[i - 1] + counts[i];
    this.tagIds = new Uint32Array(pairs.length / 2);
    const fill = this.tagStart.slice(0, n);
    for (let k = 0; k < pairs.length; k += 2) this.tagIds[fill[pairs[k]]++] = pairs[k + 1];
  }

  yearMonth(code: number): string {
    const y = Math.floor((code - 1) / 12);
    const m = code - y * 12;
    return `${y}-${String(m).padStart(2, '0')}`;
  }

  /** The visible ones of `ids` (ids unknown to the index are left out). */
  keepVisible(ids: ArrayLike<number>): Int32Array {
    const out = new Int32Array(ids.length);
    let k = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id < this.size && this.visible[id]) out[k++] = id;
    }
    return out.subarray(0, k);
  }

  /** Facets and the month histogram of the hits `ids`: every hit counted once. */
  facets(ids: ArrayLike<number>, facetLimit: number): SearchFacets {
    const cls = new Uint32Array(CLASSIFICATIONS.length + 1);
    const origin = new Uint32Array(this.originNames.length + 1);
    const tag = new Uint32Array(this.tagNames.length);
    // Counts per month code, offset by the lowest (index 0: no month).
    const base = this.minYm - 1;
    const ym = new Uint32Array(this.maxYm - base + 1);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      cls[this.cls[id]]++;
      origin[this.origin[id]]++;
      const y = this.ym[id];
      ym[y === 0 ? 0 : y - base]++;
      for (let t = this.tagStart[id], end = this.tagStart[id + 1]; t < end; t++) tag[this.tagIds[t]]++;
    }
    const top = (counts: Uint32Array, name: (i: number) => string, from: number): CountRow[] => {
      const rows: CountRow[] = [];
      for (let i = from; i < counts.length; i++) if (counts[i] > 0) rows.push({ key: name(i), count: counts[i] });
      return rows.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1)).slice(0, facetLimit);
    };
    const byKey = (rows: CountRow[]) => rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const monthRows: CountRow[] = [];
    for (let k = 1; k < ym.length; k++) if (ym[k] > 0) monthRows.push({ key: this.yearMonth(k + base), count: ym[k] });
    const months = byKey(monthRows);
    const years = new Map<string, number>();
    for (const r of months) years.set(r.key.slice(0, 4), (years.get(r.key.slice(0, 4)) ?? 0) + r.count);
    const classification: CountRow[] = [];
    for (let i = 1; i < cls.length; i++) if (cls[i] > 0) classification.push({ key: CLASSIFICATIONS[i - 1], count: cls[i] });
    return {
      classification: byKey(classification),
      origin: top(origin, (i) => this.originNames[i - 1], 1),
      tag: top(tag, (i) => this.tagNames[i], 0),
      year: byKey([...years].map(([key, count]) => ({ key, count }))),
      month: months,
    };
  }

  /**
   * `ids` by creation or release time (`desc`: newest first), ties on the canonical id in
   * the same direction, no date last; the first `want` of them (null: all).
   */
  /**
   * The end of a capped relevance ranking: `top` first, then the other hits (`ids`, marked
   * in `member`, which is changed) newest first, `n` in all.
   */
  topThenNewest(top: number[], ids: ArrayLike<number>, member: Uint8Array, n: number): number[] {
    if (top.length >= n) return top;
    for (const id of top) member[id] = 0;
    const rest = new Int32Array(ids.length - top.length);
    let k = 0;
    for (let i = 0; i < ids.length; i++) if (member[ids[i]]) rest[k++] = ids[i];
    return [...top, ...this.byDate(rest.subarray(0, k), 'created', true, n - top.length)];
  }

  byDate(ids: ArrayLike<number>, field: 'created' | 'released', desc: boolean, want: number | null): number[] {
    // One number per hit, time in the high part and the rank in canonical id order in
    // the low 22 bits (below 4 million), sorted natively. No date sorts last.
    const times = field === 'released' ? this.released : this.created;
    const SHIFT = 2 ** 22;
    const keys = new Float64Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      const t = times[id];
      const base = t === NO_TIME ? 1e8 : desc ? -t : t;
      const r = this.idRank[id];
      keys[i] = base * SHIFT + (desc ? SHIFT - 1 - r : r);
    }
    const n = want === null ? keys.length : Math.min(want, keys.length);
    const first = n < keys.length / 8 ? smallest(keys, n) : keys.sort().subarray(0, n);
    const out: number[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const low = first[i] - Math.floor(first[i] / SHIFT) * SHIFT;
      out[i] = this.rankToId[desc ? SHIFT - 1 - low : low];
    }
    return out;
  }

  /**
   * The `n` best of scored ids (higher score is better; ties on the canonical id);
   * `worstFirst` reverses the scores (ties still by canonical id).
   */
  best(ids: ArrayLike<number>, scores: ArrayLike<number>, n: number, worstFirst: boolean): number[] {
    const count = ids.length;
    let picked: number[];
    if (n >= count) picked = Array.from({ length: count }, (_, i) => i);
    else {
      const sorted = Float64Array.from(scores).sort();
      const threshold = worstFirst ? sorted[n - 1] : sorted[count - n];
      picked = [];
      for (let i = 0; i < count; i++) if (worstFirst ? scores[i] <= threshold : scores[i] >= threshold) picked.push(i);
    }
    picked.sort((a, b) => (worstFirst ? scores[a] - scores[b] : scores[b] - scores[a]) || this.idRank[ids[a]] - this.idRank[ids[b]]);
    return picked.slice(0, n).map((i) => ids[i]);
  }
}
