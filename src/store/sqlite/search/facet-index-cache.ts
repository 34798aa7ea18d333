/**
 * Keeps one in-memory FacetIndex (src/store/search/facet-index.ts) of the SQLite archive
 * per connection, fresh: it is rebuilt when the database changed (`PRAGMA data_version`
 * for other connections, `total_changes()` for this one) or when the next scheduled
 * release time is reached, so the embargo predicate of the store (visibility.ts) stays
 * the only rule. The rows are read here; the index itself has no SQL.
 */
import type Database from 'better-sqlite3';
import { FacetIndex, type FacetCableRow } from '../../search/facet-index.js';
import { NOW_SQL, VISIBLE_NOW } from '../visibility.js';

type CableRow = [id: number, classification: string | null, origin: string | null, created: string | null, released: string | null, visible: number];

/** The cables' rows, read when the index reaches them (one statement runs at a time). */
function* cableRows(stmt: Database.Statement): Iterable<FacetCableRow> {
  for (const [id, cls, origin, created, released, vis] of stmt.raw().iterate() as IterableIterator<CableRow>) yield [id, cls, origin, created, released, vis !== 0];
}

function* rows<T>(stmt: Database.Statement): Iterable<T> {
  yield* stmt.iterate() as IterableIterator<T>;
}

/** Reads every row the index needs. Call it inside a read transaction: one snapshot. */
function loadFacetIndex(db: Database.Database): FacetIndex {
  const maxId = (db.prepare('SELECT coalesce(max(id), 0) FROM cables').pluck().get() as number) ?? 0;
  return new FacetIndex({
    maxId,
    cables: cableRows(db.prepare(`SELECT c.id, c.classification, c.origin, c.created, c.released_at, ${VISIBLE_NOW} AS vis FROM cables c`)),
    canonicalOrder: rows<number>(db.prepare('SELECT id FROM cables ORDER BY canonical_id').pluck()),
    tags: rows<[number, string]>(db.prepare('SELECT cable_id, tag FROM cable_tags ORDER BY cable_id').raw()),
  });
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
      this.index = loadFacetIndex(this.db);
      this.key = key;
      // The next scheduled release makes more cables visible: rebuild then.
      this.validUntil = this.db.prepare(`SELECT min(c.released_at) FROM cables c WHERE c.released_at > ${NOW_SQL}`).pluck().get() as string | null;
      return this.index;
    })();
  }
}
