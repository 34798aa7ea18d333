/**
 * Keeps one in-memory FacetIndex (src/store/search/facet-index.ts) of the PostgreSQL
 * archive per store, fresh: it is rebuilt when the archive's write counter
 * (`archive_state.generation`, bumped by every writing transaction of any process, see
 * write-lock.ts) has moved, when the next scheduled release time is reached, or when the
 * clock went back (a test clock). Visibility is the store's embargo predicate, evaluated
 * in SQL when the index is built. One build at a time; concurrent searches share it.
 */
import type pg from 'pg';
import { FacetIndex, type FacetCableRow } from '../../search/facet-index.js';
import { NOW_SQL, VISIBLE_NOW } from '../visibility.js';

type Query = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<R>>;

/** The archive's state as a search sees it: write counter and the embargo clock. */
export interface ArchiveMoment {
  generation: string;
  now: string;
}

/** SQL columns `generation` and `now` of an ArchiveMoment, to add to a statement's select list. */
export const MOMENT_COLUMNS = `(SELECT generation FROM archive_state WHERE id = 1)::text AS generation, ${NOW_SQL} AS now`;

interface Built {
  index: FacetIndex;
  generation: string;
  builtAt: string;
  validUntil: string | null;
}

/**
 * Every column the index needs, in one statement (one snapshot), as JSON text (numbers
 * and short strings parse fast; rows would cost an object each). "Now" is read once: the
 * store's embargo predicate, with `cablegate_now()` replaced by that one value.
 */
const LOAD_SQL = `SELECT (SELECT generation FROM archive_state WHERE id = 1)::text AS generation, n.now,
  (SELECT min(c.released_at) FROM cables c WHERE c.released_at > n.now) AS valid_until, a.*,
  (SELECT coalesce(json_agg(o.id), '[]')::text FROM (SELECT id FROM cables ORDER BY canonical_id) o) AS canonical,
  (SELECT coalesce(json_object_agg(t.tag, t.ids), '{}')::text FROM (SELECT tag, json_agg(cable_id) AS ids FROM cable_tags GROUP BY tag) t) AS tags
FROM (SELECT ${NOW_SQL} AS now) n, LATERAL (SELECT coalesce(max(c.id), 0)::float8 AS max_id, coalesce(json_agg(c.id), '[]')::text AS id,
  coalesce(json_agg(c.classification), '[]')::text AS cls, coalesce(json_agg(c.origin), '[]')::text AS origin,
  coalesce(json_agg(c.created), '[]')::text AS created, coalesce(json_agg(c.released_at), '[]')::text AS released,
  coalesce(json_agg(${VISIBLE_NOW.split(NOW_SQL).join('n.now')}), '[]')::text AS visible FROM cables c) a`;

interface LoadRow extends ArchiveMoment {
  valid_until: string | null;
  max_id: number;
  id: string;
  cls: string;
  origin: string;
  created: string;
  released: string;
  visible: string;
  canonical: string;
  tags: string;
}

interface CableColumns {
  id: number[];
  cls: Array<string | null>;
  origin: Array<string | null>;
  created: Array<string | null>;
  released: Array<string | null>;
  visible: boolean[];
}

function* cableRows(c: CableColumns): Iterable<FacetCableRow> {
  for (let i = 0; i < c.id.length; i++) yield [c.id[i], c.cls[i], c.origin[i], c.created[i], c.released[i], c.visible[i]];
}

function* tagPairs(tags: Record<string, number[]>): Iterable<[number, string]> {
  for (const [tag, ids] of Object.entries(tags)) for (const id of ids) yield [id, tag];
}

export class FacetIndexCache {
  private built: Built | null = null;
  private building: Promise<Built> | null = null;

  constructor(private readonly query: Query) {}

  /** The archive's moment now (one small statement). */
  async moment(): Promise<ArchiveMoment> {
    const { rows } = await this.query<ArchiveMoment>(`SELECT ${MOMENT_COLUMNS}`);
    return rows[0];
  }

  /** An index as fresh as `moment` (read by the caller in the same statement as its hits). */
  async get(moment: ArchiveMoment): Promise<FacetIndex> {
    const b = this.built;
    if (b && this.fresh(b, moment)) return b.index;
    // A build started before `moment` may still be running: wait for it, and build once
    // more if it is older than the moment.
    for (let attempt = 0; ; attempt++) {
      if (!this.building) this.building = this.build().finally(() => (this.building = null));
      const got = await this.building;
      this.built = got;
      const caughtUp = BigInt(got.generation) >= BigInt(moment.generation) && got.builtAt >= moment.now;
      if (this.fresh(got, moment) || caughtUp || attempt >= 2) return got.index;
    }
  }

  private fresh(b: Built, m: ArchiveMoment): boolean {
    return b.generation === m.generation && m.now >= b.builtAt && (b.validUntil === null || m.now < b.validUntil);
  }

  private async build(): Promise<Built> {
    const { rows } = await this.query<LoadRow>(LOAD_SQL);
    const r = rows[0];
    const cables: CableColumns = {
      id: JSON.parse(r.id),
      cls: JSON.parse(r.cls),
      origin: JSON.parse(r.origin),
      created: JSON.parse(r.created),
      released: JSON.parse(r.released),
      visible: JSON.parse(r.visible),
    };
    const index = new FacetIndex({
      maxId: r.max_id,
      cables: cableRows(cables),
      canonicalOrder: JSON.parse(r.canonical) as number[],
      tags: tagPairs(JSON.parse(r.tags) as Record<string, number[]>),
    });
    return { index, generation: r.generation, builtAt: r.now, validUntil: r.valid_until };
  }
}
