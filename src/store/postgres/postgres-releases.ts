/**
 * Release batches for the PostgreSQL archive: checking, applying (one transaction) and
 * logging releases, public-version changes and withdrawals; the reader's view of the
 * release log. Same rules and messages as the SQLite archive (sqlite-releases.ts).
 */
import type pg from 'pg';
import type { ParsedCable } from '../../domain/cable.js';
import { CablegateError } from '../../domain/errors.js';
import { hasErrors } from '../../query/query-ast.js';
import type { CableSummary, ReleaseBatch, ReleaseBatchInput, ReleaseDayView, ReleaseItem, ReleaseOutcome, ReleaseProblem, UnreleasedFilter } from '../store.js';
import { minuteIso, publicVersionSql, VISIBLE_NOW } from './visibility.js';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './summary-row.js';
import { writeCurrentRows } from './current-rows.js';
import { takeWriteLock } from './write-lock.js';
import { compileQuery } from './search/compile-query.js';

interface CableState {
  id: string;
  canonical_id: string;
  released_at: string | null;
  withdrawn_at: string | null;
  current_version: number;
  version_count: number;
}

interface PlannedItem extends ReleaseItem {
  cableId: string;
  fromVersion: number | null;
  publishAt: string;
  /** The cable's current version when planned. */
  current: number;
  /** Withdrawals: the cable's release time (a future one means never public: the release is cancelled). */
  releasedAt?: string | null;
}

interface BatchRow {
  id: string;
  action: 'release' | 'withdraw';
  ran_at: string;
  effective_at: string;
  by_whom: string | null;
  note: string | null;
  selector: string | null;
}

type Query = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<R>>;
type Transaction = <T>(body: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

const MAX_LISTED_PROBLEMS = 10;

export class PostgresReleases {
  constructor(
    private readonly transaction: Transaction,
    private readonly query: Query,
    private readonly now: () => Date,
    private readonly beforeItem?: (index: number) => void,
  ) {}

  private async plan(client: pg.ClientBase, batch: ReleaseBatchInput, at: string, now: string): Promise<{ planned: PlannedItem[]; problems: ReleaseProblem[] }> {
    const planned: PlannedItem[] = [];
    const problems: ReleaseProblem[] = [];
    const ids = [...new Set(batch.items.map((i) => i.canonicalId))];
    const { rows } = await client.query<CableState>(
      `SELECT id, canonical_id, released_at, withdrawn_at, current_version, version_count FROM cables
       WHERE canonical_id = ANY($1::text[]) FOR UPDATE`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.canonical_id, r]));
    const { rows: versionRows } = await client.query<{ cable_id: string; number: number }>(
      'SELECT cable_id, number FROM versions WHERE cable_id = ANY($1::bigint[])',
      [rows.map((r) => r.id)],
    );
    const versions = new Set(versionRows.map((v) => `${v.cable_id}:${v.number}`));
    const seen = new Set<string>();
    for (const item of batch.items) {
      const id = item.canonicalId;
      if (seen.has(id)) continue;
      seen.add(id);
      const row = byId.get(id);
      if (!row) {
        problems.push({ canonicalId: id, code: 'unknown', message: `${id}: no cable with this id in the archive` });
        continue;
      }
      const released = row.released_at !== null && row.withdrawn_at === null;
      if (batch.action === 'withdraw') {
        if (!released) {
          problems.push({
            canonicalId: id,
            code: 'not-released',
            message: row.withdrawn_at ? `${id}: already withdrawn (${row.withdrawn_at})` : `${id}: not released, nothing to withdraw`,
          });
          continue;
        }
        planned.push({ cableId: row.id, canonicalId: id, action: 'withdraw', version: null, fromVersion: row.current_version, reason: batch.reason ?? null, publishAt: now, current: row.current_version, releasedAt: row.released_at });
        continue;
      }
      if (item.version !== undefined && !versions.has(`${row.id}:${item.version}`)) {
        problems.push({ canonicalId: id, code: 'no-such-version', message: `${id}: no version ${item.version} (it has ${row.version_count})` });
        continue;
      }
      if (!released) {
        planned.push({ cableId: row.id, canonicalId: id, action: 'publish', version: item.version ?? row.current_version, fromVersion: null, reason: null, publishAt: at, current: row.current_version });
        continue;
      }
      const releasedAt = row.released_at as string;
      if (item.version === undefined || item.version === row.current_version) {
        const due = releasedAt <= now ? `released ${releasedAt}` : `scheduled for ${releasedAt}`;
        const newer = row.version_count > row.current_version ? `; version ${row.version_count} is not public yet: add --version ${row.version_count} to publish it` : '';
        problems.push({ canonicalId: id, code: 'already-released', message: `${id}: already ${due}, version ${row.current_version} public${newer}` });
        continue;
      }
      if (at > now) {
        problems.push({
          canonicalId: id,
          code: 'scheduled-version-change',
          message: `${id}: is already released; changing its public version takes effect now and cannot be scheduled (drop --at)`,
        });
        continue;
      }
      const publishAt = releasedAt > now ? releasedAt : now;
      planned.push({ cableId: row.id, canonicalId: id, action: 'version', version: item.version, fromVersion: row.current_version, reason: null, publishAt, current: row.current_version });
    }
    return { planned, problems };
  }

  private async switchVersion(client: pg.ClientBase, cableId: string, canonicalId: string, number: number): Promise<void> {
    const { rows } = await client.query<{ parsed: ParsedCable }>('SELECT parsed FROM versions WHERE cable_id = $1 AND number = $2', [cableId, number]);
    if (!rows[0]) throw new CablegateError('E_NOT_FOUND', `version ${number} vanished during the release`);
    const p = rows[0].parsed;
    await client.query(
      `UPDATE cables SET current_version = $2, reference_id = $3, subject = $4, created = $5, classification = $6, origin = $7 WHERE id = $1`,
      [cableId, number, p.referenceId, p.subject, p.created, p.classification, p.origin],
    );
    await client.query('DELETE FROM cable_tags WHERE cable_id = $1', [cableId]);
    await client.query('DELETE FROM cable_refs WHERE cable_id = $1', [cableId]);
    await writeCurrentRows(client, [{ id: cableId, canonicalId, parsed: p }]);
  }

  async apply(batch: ReleaseBatchInput): Promise<ReleaseOutcome> {
    const now = minuteIso(this.now());
    const at = batch.action === 'withdraw' ? now : (batch.at ?? now);
    if (batch.action === 'withdraw' && !batch.reason?.trim()) {
      throw new CablegateError('E_RELEASE_INVALID', 'a withdrawal needs a reason', { hint: 'add --reason TEXT (readers see it on the cable page)' });
    }
    const ranAt = this.now().toISOString();
    return this.transaction(async (client): Promise<ReleaseOutcome> => {
      await takeWriteLock(client);
      const { planned, problems } = await this.plan(client, batch, at, now);
      const header = { action: batch.action, ranAt, at, by: batch.by ?? null, note: batch.note ?? null, selector: batch.selector ?? null };
      const items = planned.map(({ canonicalId, action, version, reason }) => ({ canonicalId, action, version, reason }));
      if (batch.dryRun) return { batch: { id: 0, ...header, items }, skipped: problems, dryRun: true };
      if (problems.length > 0 && !batch.partial) {
        const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => p.message).join('; ');
        const more = problems.length > MAX_LISTED_PROBLEMS ? `; and ${problems.length - MAX_LISTED_PROBLEMS} more` : '';
        throw new CablegateError('E_RELEASE_INVALID', `nothing was ${batch.action === 'withdraw' ? 'withdrawn' : 'released'}: ${problems.length} of ${batch.items.length} cables cannot be: ${listed}${more}`, {
          hint: 'fix or remove those ids, or add --partial to skip them',
        });
      }
      if (planned.length === 0) {
        throw new CablegateError('E_RELEASE_INVALID', `nothing to ${batch.action}: the batch is empty${problems.length ? ' after skipping the bad ids' : ''}`, {
          hint: 'name cables by id, --file, --query, --origin, --tag or --next N',
        });
      }
      const { rows } = await client.query<{ id: string }>(
        'INSERT INTO release_batches (action, ran_at, effective_at, by_whom, note, selector) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [batch.action, ranAt, at, header.by, header.note, header.selector],
      );
      const batchId = rows[0].id;
      // Version switches item by item (rare); plain publications and withdrawals in bulk.
      // The test hook runs for every item before anything is written: a throw rolls it all back.
      const publish: PlannedItem[] = [];
      let withdraw: PlannedItem[] = [];
      const switches: PlannedItem[] = [];
      for (let index = 0; index < planned.length; index++) {
        const p = planned[index];
        this.beforeItem?.(index);
        if (p.action === 'withdraw') withdraw.push(p);
        else if (p.action === 'publish' && p.version === p.current) publish.push(p);
        else switches.push(p);
      }
      const current = switches.length
        ? new Map(
            (
              await client.query<{ id: string; current_version: number }>('SELECT id, current_version FROM cables WHERE id = ANY($1::bigint[])', [
                switches.map((p) => p.cableId),
              ])
            ).rows.map((r) => [r.id, r.current_version]),
          )
        : new Map<string, number>();
      for (const p of switches) {
        if (p.version !== null && p.version !== p.fromVersion && current.get(p.cableId) !== p.version) {
          await this.switchVersion(client, p.cableId, p.canonicalId, p.version);
        }
        if (p.action === 'publish') publish.push(p);
        else await client.query('UPDATE versions SET published_at = NULL WHERE cable_id = $1 AND number > $2', [p.cableId, p.version]);
      }
      // Never public yet (scheduled): withdrawing cancels the release; no withdrawal record
      // (no 410 page names a cable readers never saw).
      const cancelled = withdraw.filter((p) => p.releasedAt != null && p.releasedAt > now).map((p) => p.cableId);
      if (cancelled.length > 0) {
        await client.query('UPDATE cables SET released_at = NULL WHERE id = ANY($1::bigint[])', [cancelled]);
        await client.query('UPDATE versions SET published_at = NULL WHERE cable_id = ANY($1::bigint[])', [cancelled]);
        const gone = new Set(cancelled);
        withdraw = withdraw.filter((p) => !gone.has(p.cableId));
      }
      if (withdraw.length > 0) {
        await client.query('UPDATE cables c SET withdrawn_at = $1, withdrawn_reason = u.reason FROM unnest($2::bigint[], $3::text[]) AS u(id, reason) WHERE c.id = u.id', [
          now,
          withdraw.map((p) => p.cableId),
          withdraw.map((p) => p.reason),
        ]);
      }
      if (publish.length > 0) {
        await client.query('UPDATE cables SET released_at = $1, withdrawn_at = NULL, withdrawn_reason = NULL WHERE id = ANY($2::bigint[])', [
          at,
          publish.map((p) => p.cableId),
        ]);
      }
      const shown = planned.filter((p) => p.action !== 'withdraw');
      if (shown.length > 0) {
        await client.query(
          `UPDATE versions v SET published_at = u.at FROM unnest($1::bigint[], $2::int[], $3::text[]) AS u(id, number, at)
           WHERE v.cable_id = u.id AND v.number = u.number`,
          [shown.map((p) => p.cableId), shown.map((p) => p.version), shown.map((p) => p.publishAt)],
        );
      }
      await client.query(
        `INSERT INTO release_items (batch_id, seq, canonical_id, action, from_version, version, reason)
         SELECT $1, u.seq, u.canonical_id, u.action, u.from_version, u.version, u.reason
         FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[]) AS u(seq, canonical_id, action, from_version, version, reason)`,
        [
          batchId,
          planned.map((_, i) => i),
          planned.map((p) => p.canonicalId),
          planned.map((p) => p.action),
          planned.map((p) => p.fromVersion),
          planned.map((p) => p.version),
          planned.map((p) => p.reason),
        ],
      );
      return { batch: { id: Number(batchId), ...header, items }, skipped: problems, dryRun: false };
    });
  }

  async list(options: { limit?: number; offset?: number }): Promise<ReleaseBatch[]> {
    const { rows } = await this.query<BatchRow>('SELECT * FROM release_batches ORDER BY ran_at DESC, id DESC LIMIT $1 OFFSET $2', [
      options.limit ?? null,
      options.offset ?? 0,
    ]);
    if (rows.length === 0) return [];
    const { rows: itemRows } = await this.query<{ batch_id: string; canonical_id: string; action: ReleaseItem['action']; version: number | null; reason: string | null }>(
      'SELECT batch_id, canonical_id, action, version, reason FROM release_items WHERE batch_id = ANY($1::bigint[]) ORDER BY batch_id, seq',
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      action: r.action,
      ranAt: r.ran_at,
      at: r.effective_at,
      by: r.by_whom,
      note: r.note,
      selector: r.selector,
      items: itemRows.filter((i) => i.batch_id === r.id).map((i) => ({ canonicalId: i.canonical_id, action: i.action, version: i.version, reason: i.reason })),
    }));
  }

  async day(day: string): Promise<ReleaseDayView> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new CablegateError('E_INVALID_DATE', `not a YYYY-MM-DD day: ${JSON.stringify(day)}`);
    const range = [day, `${day}~`];
    const [changed, withdrawn] = await Promise.all([
      this.query<SummaryRow & { from_version: number | null; version: number; effective_at: string }>(
        `SELECT ${SUMMARY_COLUMNS}, i.from_version, i.version, b.effective_at FROM release_items i
         JOIN release_batches b ON b.id = i.batch_id
         JOIN cables c ON c.canonical_id = i.canonical_id
         JOIN versions v ON v.cable_id = c.id AND v.number = i.version
         WHERE i.action = 'version' AND b.effective_at >= $1 AND b.effective_at < $2 AND ${VISIBLE_NOW} AND ${publicVersionSql('v')}
         ORDER BY b.effective_at, c.canonical_id`,
        range,
      ),
      this.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM release_items i JOIN release_batches b ON b.id = i.batch_id
         WHERE i.action = 'withdraw' AND b.effective_at >= $1 AND b.effective_at < $2`,
        range,
      ),
    ]);
    return {
      day,
      changed: changed.rows.map((r) => ({ ...toSummary(r), from: r.from_version, to: r.version, at: r.effective_at })),
      withdrawn: withdrawn.rows[0].n,
    };
  }

  async days(): Promise<Array<{ day: string; changed: number; withdrawn: number }>> {
    const { rows } = await this.query<{ day: string; changed: number; withdrawn: number }>(
      `SELECT * FROM (
         SELECT substr(b.effective_at, 1, 10) AS day,
           (count(*) FILTER (WHERE i.action = 'version' AND EXISTS (SELECT 1 FROM cables c JOIN versions v ON v.cable_id = c.id AND v.number = i.version
             WHERE c.canonical_id = i.canonical_id AND ${VISIBLE_NOW} AND ${publicVersionSql('v')})))::int AS changed,
           (count(*) FILTER (WHERE i.action = 'withdraw'))::int AS withdrawn
         FROM release_items i JOIN release_batches b ON b.id = i.batch_id
         WHERE i.action IN ('version', 'withdraw')
         GROUP BY 1) d
       WHERE changed > 0 OR withdrawn > 0 ORDER BY day`,
    );
    return rows;
  }

  async withdrawal(canonicalId: string): Promise<{ canonicalId: string; withdrawnAt: string; reason: string } | null> {
    const { rows } = await this.query<{ canonical_id: string; withdrawn_at: string; withdrawn_reason: string | null }>(
      'SELECT canonical_id, withdrawn_at, withdrawn_reason FROM cables WHERE canonical_id = $1 AND withdrawn_at IS NOT NULL',
      [canonicalId],
    );
    const r = rows[0];
    return r ? { canonicalId: r.canonical_id, withdrawnAt: r.withdrawn_at, reason: r.withdrawn_reason ?? '' } : null;
  }

  /** Unreleased cables matching the filter, in id order; a query with errors matches nothing (as sqlite-releases.ts). */
  async unreleased(filter: UnreleasedFilter): Promise<CableSummary[]> {
    const where = ['c.released_at IS NULL', 'c.withdrawn_at IS NULL'];
    const params: unknown[] = [];
    let join = '';
    if (filter.query !== undefined) {
      if (hasErrors(filter.query) || !filter.query.root) return [];
      const compiled = compileQuery(filter.query.root, 1);
      if (compiled.problems.some((p) => p.severity === 'error') || (compiled.match === null && compiled.where.length === 0)) return [];
      params.push(...compiled.params);
      where.push(...compiled.where);
      if (compiled.match !== null) {
        params.push(compiled.match);
        join = `JOIN cable_search s ON s.cable_id = c.id AND s.document @@ $${params.length}::tsquery`;
      }
    }
    if (filter.origin !== undefined) {
      params.push(filter.origin);
      where.push(`c.origin = $${params.length}`);
    }
    if (filter.classification !== undefined) {
      params.push(filter.classification);
      where.push(`c.classification = $${params.length}`);
    }
    if (filter.tag !== undefined) {
      params.push(filter.tag);
      where.push(`c.id IN (SELECT cable_id FROM cable_tags WHERE tag = $${params.length})`);
    }
    const { rows } = await this.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM cables c ${join} WHERE ${where.join(' AND ')} ORDER BY c.canonical_id`, params);
    return rows.map(toSummary);
  }
}
