/**
 * A compact in-memory copy of what facets, embargo and date sorting need for every
 * cable (typed arrays indexed by `cables.id`): visible now, classification, origin,
 * creation month, created and released minutes, tags. Facet counts over 200,000 hits
 * are then a walk over an id list instead of as many joins.
 *
 * It is rebuilt when the database changed (`PRAGMA data_version` for other connections,
 * `total_changes()` for this one) or when the next scheduled release time is reached,
 * so the embargo predicate of the store (visibility.ts) stays the only rule.
 */
import type Database from 'better-sqlite3';
import { CLASSIFICATIONS } from '../../../domain/classification.js';
import { NOW_SQL, VISIBLE_NOW } from '../visibility.js';

/** Stored for a missing or unreadable time. */
export const NO_TIME = -2147483648;

function minutes(iso: string | null): number {
  if (!iso) return NO_TIME;
  const t = Date.parse(iso.length === 17 && iso.endsWith('Z') ? iso.replace('Z', ':00Z') : iso);
  return Number.isFinite(t) ? Math.floor(t / 60000) : NO_TIME;
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

  constructor(db: Database.Database) {
    const maxId = (db.prepare('SELECT coalesce(max(id), 0) FROM cables').pluck().get() as number) ?? 0;
    const n = maxId + 1;
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
    const rows = db
      .prepare(`SELECT c.id, c.classification, c.origin, c.created, c.released_at, ${VISIBLE_NOW} AS vis FROM cables c`)
      .raw()
      .iterate() as IterableIterator<[number, string | null, string | null, string | null, string | null, number]>;
    for (const [id, cls, origin, created, released, vis] of rows) {
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
      if (m) this.ym[id] = Number(m[1]) * 12 + Number(m[2]);
      this.created[id] = minutes(created);
      this.released[id] = minutes(released);
    }
    this.visibleCount = visibleCount;
    this.idRank = new Uint32Array(n);
    this.rankToId = new Uint32Array(n);
    let rank = 0;
    for (const id of db.prepare('SELECT id FROM cables ORDER BY canonical_id').pluck().iterate() as IterableIterator<number>) {
      this.idRank[id] = rank;
      this.rankToId[rank++] = id;
    }
    // Tags, grouped by cable (the primary key order).
    const tagIdsByName = new Map<string, number>();
    this.tagNames = [];
    const counts = new Uint32Array(n + 1);
    const pairs: number[] = [];
    for (const [cableId, tag] of db.prepare('SELECT cable_id, tag FROM cable_tags ORDER BY cable_id').raw().iterate() as IterableIterator<[number, string]>) {
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
}

/** Keeps one FacetIndex per connection fresh. */
export class FacetIndexCache {
  private index: FacetIndex | null = null;
  private key = '';
  private validUntil: string | null = null;

  constructor(private readonly db: Database.Database) {}

  get(): FacetIndex {
    // One read transaction: the index is built from one snapshot even while another
    // process imports (its statements, each on its own, would see different row sets and
    // the canonical-id ranks would no longer match the ids).
    return this.db.transaction(() => {
      const key = `${this.db.pragma('data_version', { simple: true })}:${this.db.prepare('SELECT total_changes()').pluck().get()}`;
      const now = this.db.prepare(`SELECT ${NOW_SQL}`).pluck().get() as string;
      if (this.index && key === this.key && (this.validUntil === null || now < this.validUntil)) return this.index;
      this.index = new FacetIndex(this.db);
      this.key = key;
      // The next scheduled release makes more cables visible: rebuild then.
      this.validUntil = this.db.prepare(`SELECT min(c.released_at) FROM cables c WHERE c.released_at > ${NOW_SQL}`).pluck().get() as string | null;
      return this.index;
    })();
  }
}
