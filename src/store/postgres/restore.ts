/**
 * Writing an archive copied from another store exactly as it was (for `cablegate
 * migrate`): cables with every version, their numbers, hashes, import and publication
 * times, the current (public) version, release time and withdrawal; then the release log.
 */
import type pg from 'pg';
import { CablegateError } from '../../domain/errors.js';
import type { CableVersion, ReleaseBatch } from '../store.js';
import { writeCurrentRows } from './current-rows.js';

export interface RestoredCable {
  canonicalId: string;
  releasedAt: string | null;
  currentVersion: number;
  versions: CableVersion[];
  withdrawal: { withdrawnAt: string; reason: string } | null;
}

/** Inserts the cables (none of them may exist yet). */
export async function restoreCables(client: pg.ClientBase, list: RestoredCable[]): Promise<void> {
  if (list.length === 0) return;
  const { rows: ids } = await client.query<{ id: string }>(
    "SELECT nextval(pg_get_serial_sequence('cables', 'id'))::text AS id FROM generate_series(1, $1)",
    [list.length],
  );
  const rows = list.map((c, i) => {
    const current = c.versions.find((v) => v.number === c.currentVersion);
    if (!current) {
      throw new CablegateError('E_STORE_MIGRATION', `cable ${c.canonicalId} has no version ${c.currentVersion}`, { subject: c.canonicalId });
    }
    return { id: ids[i].id, cable: c, parsed: current.parsed };
  });
  const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  await client.query(
    `INSERT INTO cables (id, canonical_id, released_at, current_version, version_count, reference_id, subject, created, classification, origin,
       withdrawn_at, withdrawn_reason)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
       $11::text[], $12::text[])`,
    [
      col((r) => r.id),
      col((r) => r.cable.canonicalId),
      col((r) => r.cable.releasedAt),
      col((r) => r.cable.currentVersion),
      col((r) => Math.max(...r.cable.versions.map((v) => v.number))),
      col((r) => r.parsed.referenceId),
      col((r) => r.parsed.subject),
      col((r) => r.parsed.created),
      col((r) => r.parsed.classification),
      col((r) => r.parsed.origin),
      col((r) => r.cable.withdrawal?.withdrawnAt ?? null),
      col((r) => r.cable.withdrawal?.reason ?? null),
    ],
  );
  const versions = rows.flatMap((r) => r.cable.versions.map((v) => ({ id: r.id, v })));
  const vcol = <T>(f: (x: (typeof versions)[number]) => T) => versions.map(f);
  await client.query(
    `INSERT INTO versions (cable_id, number, content_hash, source, format, imported_at, raw, parsed, published_at)
     SELECT u.a, u.b, u.c, u.d, u.e, u.f, u.g, u.h::jsonb, u.i
     FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS u(a, b, c, d, e, f, g, h, i)`,
    [
      vcol((x) => x.id),
      vcol((x) => x.v.number),
      vcol((x) => x.v.contentHash),
      vcol((x) => x.v.source),
      vcol((x) => x.v.format),
      vcol((x) => x.v.importedAt),
      vcol((x) => x.v.raw),
      vcol((x) => JSON.stringify(x.v.parsed)),
      vcol((x) => x.v.publishedAt ?? null),
    ],
  );
  await writeCurrentRows(client, rows.map((r) => ({ id: r.id, canonicalId: r.cable.canonicalId, parsed: r.parsed })));
}

/** Appends release batches, oldest first as given (the version a change came from is not known: null). */
export async function restoreReleaseLog(client: pg.ClientBase, batches: ReleaseBatch[]): Promise<void> {
  for (const b of batches) {
    const { rows } = await client.query<{ id: string }>(
      'INSERT INTO release_batches (action, ran_at, effective_at, by_whom, note, selector) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [b.action, b.ranAt, b.at, b.by, b.note, b.selector],
    );
    await client.query(
      `INSERT INTO release_items (batch_id, seq, canonical_id, action, from_version, version, reason)
       SELECT $1, u.seq, u.id, u.action, NULL, u.version, u.reason FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::text[])
         AS u(seq, id, action, version, reason)`,
      [rows[0].id, b.items.map((_, i) => i), b.items.map((i) => i.canonicalId), b.items.map((i) => i.action), b.items.map((i) => i.version), b.items.map((i) => i.reason)],
    );
  }
}
