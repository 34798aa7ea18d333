/**
 * Release batches for the SQLite archive: checking, applying (one transaction) and
 * logging releases, public-version changes and withdrawals; the reader's view of the
 * release log (only what the embargo lets through).
 */
import { toSummary, type SummaryRow } from '../summary-row.js';
import { addBrowseFilters, SUMMARY_COLUMNS } from './browse-sql.js';
import type Database from 'better-sqlite3';
import type { ParsedCable } from '../../domain/cable.js';
import { CablegateError } from '../../domain/errors.js';
import type {
  ReleaseBatch,
  ReleaseBatchInput,
  ReleaseDayView,
  ReleaseItem,
  ReleaseOutcome,
  ReleaseProblem,
  UnreleasedFilter,
} from '../store.js';
import { hasErrors } from '../../query/query-ast.js';
import { compileQuery } from './search/compile-query.js';
import { minuteIso, publicVersionSql, VISIBLE_NOW } from './visibility.js';

interface CableState {
  id: number;
  canonical_id: string;
  released_at: string | null;
  withdrawn_at: string | null;
  current_version: number;
  version_count: number;
}

interface PlannedItem extends ReleaseItem {
  cableId: number;
  fromVersion: number | null;
  /** When the (new) public version becomes public. */
  publishAt: string;
}

interface BatchRow {
  id: number;
  action: 'release' | 'withdraw';
  ran_at: string;
  effective_at: string;
  by_whom: string | null;
  note: string | null;
  selector: string | null;
}


const MAX_LISTED_PROBLEMS = 10;


/** Cables per set-based statement of a release. */
const BULK_CHUNK = 100;

export class SqliteReleases {
  private readonly stmt;
  /** Current version of each cable of the batch being applied (filled by plan). */
  private currentOf = new Map<string, number>();

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
    private readonly beforeItem?: (index: number) => void,
  ) {
    this.stmt = {
      state: db.prepare<[string], CableState>(
        'SELECT id, canonical_id, released_at, withdrawn_at, current_version, version_count FROM cables WHERE canonical_id = ?',
      ),
      versionExists: db.prepare<[number, number], { n: number }>('SELECT 1 AS n FROM versions WHERE cable_id = ? AND number = ?'),
      versionParsed: db.prepare<[number, number], { parsed: string }>(
        'SELECT parsed FROM versions WHERE cable_id = ? AND number = ?',
      ),
      insertBatch: db.prepare(
        'INSERT INTO release_batches (action, ran_at, effective_at, by_whom, note, selector) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertItem: db.prepare(
        'INSERT INTO release_items (batch_id, canonical_id, action, from_version, version, reason) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      publishMany: db.prepare(
        'UPDATE cables SET released_at = ?, withdrawn_at = NULL, withdrawn_reason = NULL WHERE id IN (SELECT value FROM json_each(?))',
      ),
      publishCurrentMany: db.prepare(
        `INSERT OR REPLACE INTO version_publications (cable_id, number, published_at)
         SELECT c.id, c.current_version, ? FROM cables c WHERE c.id IN (SELECT value FROM json_each(?))`,
      ),
      insertItems: db.prepare(
        `INSERT INTO release_items (batch_id, canonical_id, action, from_version, version, reason)
         SELECT ?, json_extract(value, '$.id'), 'publish', NULL, json_extract(value, '$.v'), NULL FROM json_each(?)`,
      ),
      stateMany: db.prepare<[string], CableState>(
        `SELECT id, canonical_id, released_at, withdrawn_at, current_version, version_count FROM cables
         WHERE canonical_id IN (SELECT value FROM json_each(?))`,
      ),
      publish: db.prepare('UPDATE cables SET released_at = ?, withdrawn_at = NULL, withdrawn_reason = NULL WHERE id = ?'),
      publishVersion: db.prepare('INSERT OR REPLACE INTO version_publications (published_at, cable_id, number) VALUES (?, ?, ?)'),
      hideLater: db.prepare('DELETE FROM version_publications WHERE cable_id = ? AND number > ?'),
      withdraw: db.prepare('UPDATE cables SET withdrawn_at = ?, withdrawn_reason = ? WHERE id = ?'),
      unschedule: db.prepare('UPDATE cables SET released_at = NULL WHERE id = ?'),
      unpublishAll: db.prepare('DELETE FROM version_publications WHERE cable_id = ?'),
      switchCurrent: db.prepare(
        `UPDATE cables SET current_version = @number, reference_id = @referenceId, subject = @subject, created = @created,
           classification = @classification, origin = @origin WHERE id = @id`,
      ),
      deleteTags: db.prepare('DELETE FROM cable_tags WHERE cable_id = ?'),
      insertTag: db.prepare('INSERT OR IGNORE INTO cable_tags (cable_id, tag) VALUES (?, ?)'),
      deleteRefs: db.prepare('DELETE FROM cable_refs WHERE cable_id = ?'),
      insertRef: db.prepare('INSERT OR IGNORE INTO cable_refs (cable_id, ref_id) VALUES (?, ?)'),
      items: db.prepare<[number], { canonical_id: string; action: ReleaseItem['action']; version: number | null; reason: string | null }>(
        'SELECT canonical_id, action, version, reason FROM release_items WHERE batch_id = ? ORDER BY rowid',
      ),
      withdrawal: db.prepare<[string], { canonical_id: string; withdrawn_at: string; withdrawn_reason: string | null }>(
        'SELECT canonical_id, withdrawn_at, withdrawn_reason FROM cables WHERE canonical_id = ? AND withdrawn_at IS NOT NULL',
      ),
    };
  }

  private nowIso(): string {
    return minuteIso(this.now());
  }

  /** Checks every item against the archive; returns the plan and the problems. */
  private plan(batch: ReleaseBatchInput, at: string): { planned: PlannedItem[]; problems: ReleaseProblem[] } {
    const planned: PlannedItem[] = [];
    const problems: ReleaseProblem[] = [];
    const seen = new Set<string>();
    const now = this.nowIso();
    const states = new Map<string, CableState>();
    for (let i = 0; i < batch.items.length; i += 5000) {
      const slice = batch.items.slice(i, i + 5000).map((it) => it.canonicalId);
      for (const r of this.stmt.stateMany.all(JSON.stringify(slice))) states.set(r.canonical_id, r);
    }
    this.currentOf = new Map([...states].map(([id, r]) => [id, r.current_version]));
    for (const item of batch.items) {
      const id = item.canonicalId;
      if (seen.has(id)) continue;
      seen.add(id);
      const row = states.get(id);
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
        planned.push({ cableId: row.id, canonicalId: id, action: 'withdraw', version: null, fromVersion: row.current_version, reason: batch.reason ?? null, publishAt: now });
        continue;
      }
      if (item.version !== undefined && !this.stmt.versionExists.get(row.id, item.version)) {
        problems.push({ canonicalId: id, code: 'no-such-version', message: `${id}: no version ${item.version} (it has ${row.version_count})` });
        continue;
      }
      if (!released) {
        planned.push({ cableId: row.id, canonicalId: id, action: 'publish', version: item.version ?? row.current_version, fromVersion: null, reason: null, publishAt: at });
        continue;
      }
      if (item.version === undefined || item.version === row.current_version) {
        const due = row.released_at! <= now ? `released ${row.released_at}` : `scheduled for ${row.released_at}`;
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
      const publishAt = row.released_at! > now ? row.released_at! : now;
      planned.push({ cableId: row.id, canonicalId: id, action: 'version', version: item.version, fromVersion: row.current_version, reason: null, publishAt });
    }
    return { planned, problems };
  }

  private switchVersion(cableId: number, number: number): void {
    const v = this.stmt.versionParsed.get(cableId, number);
    if (!v) throw new CablegateError('E_NOT_FOUND', `version ${number} vanished during the release`);
    const p = JSON.parse(v.parsed) as ParsedCable;
    this.stmt.switchCurrent.run({
      id: cableId,
      number,
      referenceId: p.referenceId,
      subject: p.subject,
      created: p.created,
      classification: p.classification,
      origin: p.origin,
    });
    this.stmt.deleteTags.run(cableId);
    for (const tag of p.tags) this.stmt.insertTag.run(cableId, tag);
    this.stmt.deleteRefs.run(cableId);
    for (const ref of p.references) this.stmt.insertRef.run(cableId, ref);
  }

  apply(batch: ReleaseBatchInput): ReleaseOutcome {
    const now = this.nowIso();
    const at = batch.action === 'withdraw' ? now : (batch.at ?? now);
    if (batch.action === 'withdraw' && !batch.reason?.trim()) {
      throw new CablegateError('E_RELEASE_INVALID', 'a withdrawal needs a reason', { hint: 'add --reason TEXT (readers see it on the cable page)' });
    }
    const ranAt = this.now().toISOString();
    const run = this.db.transaction((): ReleaseOutcome => {
      const { planned, problems } = this.plan(batch, at);
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
      const batchId = Number(this.stmt.insertBatch.run(batch.action, ranAt, at, header.by, header.note, header.selector).lastInsertRowid);
      // First releases of the current version (the common case) go in set-based chunks.
      const simple = planned.filter((p) => p.action === 'publish' && p.version === this.currentOf.get(p.canonicalId));
      const simpleIds = new Set(simple.map((p) => p.canonicalId));
      for (let i = 0; i < simple.length; i += BULK_CHUNK) {
        this.beforeItem?.(i);
        const chunk = simple.slice(i, i + BULK_CHUNK);
        const ids = JSON.stringify(chunk.map((p) => p.cableId));
        this.stmt.publishMany.run(at, ids);
        this.stmt.publishCurrentMany.run(at, ids);
        this.stmt.insertItems.run(batchId, JSON.stringify(chunk.map((p) => ({ id: p.canonicalId, v: p.version }))));
      }
      planned.forEach((p, index) => {
        if (simpleIds.has(p.canonicalId)) return;
        this.beforeItem?.(index);
        if (p.action === 'withdraw') {
          const row = this.stmt.state.get(p.canonicalId)!;
          if (row.released_at !== null && row.released_at > now) {
            // Never public yet: withdrawing cancels the scheduled release (no 410 page
            // names a cable readers never saw).
            this.stmt.unschedule.run(p.cableId);
            this.stmt.unpublishAll.run(p.cableId);
          } else {
            this.stmt.withdraw.run(now, p.reason, p.cableId);
          }
        } else {
          if (p.version !== p.fromVersion && p.version !== null) {
            const row = this.stmt.state.get(p.canonicalId)!;
            if (row.current_version !== p.version) this.switchVersion(p.cableId, p.version);
          }
          if (p.action === 'publish') this.stmt.publish.run(at, p.cableId);
          else this.stmt.hideLater.run(p.cableId, p.version);
          this.stmt.publishVersion.run(p.publishAt, p.cableId, p.version);
        }
        this.stmt.insertItem.run(batchId, p.canonicalId, p.action, p.fromVersion, p.version, p.reason);
      });
      return { batch: { id: batchId, ...header, items }, skipped: problems, dryRun: false };
    });
    return run.immediate();
  }

  list(options: { limit?: number; offset?: number }): ReleaseBatch[] {
    const rows = this.db
      .prepare<[number, number], BatchRow>('SELECT * FROM release_batches ORDER BY ran_at DESC, id DESC LIMIT ? OFFSET ?')
      .all(options.limit ?? -1, options.offset ?? 0);
    return rows.map((r) => ({
      id: r.id,
      action: r.action,
      ranAt: r.ran_at,
      at: r.effective_at,
      by: r.by_whom,
      note: r.note,
      selector: r.selector,
      items: this.stmt.items.all(r.id).map((i) => ({ canonicalId: i.canonical_id, action: i.action, version: i.version, reason: i.reason })),
    }));
  }

  day(day: string): ReleaseDayView {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new CablegateError('E_INVALID_DATE', `not a YYYY-MM-DD day: ${JSON.stringify(day)}`);
    const range = [day, `${day}~`];
    const changed = this.db
      .prepare<string[], SummaryRow & { from_version: number | null; version: number; effective_at: string }>(
        `SELECT ${SUMMARY_COLUMNS}, i.from_version, i.version, b.effective_at FROM release_items i
         JOIN release_batches b ON b.id = i.batch_id
         JOIN cables c ON c.canonical_id = i.canonical_id
         JOIN versions v ON v.cable_id = c.id AND v.number = i.version
         WHERE i.action = 'version' AND b.effective_at >= ? AND b.effective_at < ? AND ${VISIBLE_NOW} AND ${publicVersionSql('v')}
         ORDER BY b.effective_at, c.canonical_id`,
      )
      .all(...range);
    const withdrawn = this.db
      .prepare<string[], { n: number }>(
        `SELECT count(*) AS n FROM release_items i JOIN release_batches b ON b.id = i.batch_id
         WHERE i.action = 'withdraw' AND b.effective_at >= ? AND b.effective_at < ?`,
      )
      .get(...range)!.n;
    return {
      day,
      changed: changed.map((r) => ({ ...toSummary(r), from: r.from_version, to: r.version, at: r.effective_at })),
      withdrawn,
    };
  }

  days(): Array<{ day: string; changed: number; withdrawn: number }> {
    return this.db
      .prepare<[], { day: string; changed: number; withdrawn: number }>(
        `SELECT substr(b.effective_at, 1, 10) AS day,
           sum(i.action = 'version' AND EXISTS (SELECT 1 FROM cables c JOIN versions v ON v.cable_id = c.id AND v.number = i.version
             WHERE c.canonical_id = i.canonical_id AND ${VISIBLE_NOW} AND ${publicVersionSql('v')})) AS changed,
           sum(i.action = 'withdraw') AS withdrawn
         FROM release_items i JOIN release_batches b ON b.id = i.batch_id
         WHERE i.action IN ('version', 'withdraw')
         GROUP BY day HAVING changed > 0 OR withdrawn > 0 ORDER BY day`,
      )
      .all();
  }

  withdrawal(canonicalId: string): { canonicalId: string; withdrawnAt: string; reason: string } | null {
    const r = this.stmt.withdrawal.get(canonicalId);
    return r ? { canonicalId: r.canonical_id, withdrawnAt: r.withdrawn_at, reason: r.withdrawn_reason ?? '' } : null;
  }

  unreleased(filter: UnreleasedFilter): SummaryRow[] {
    const where = ['c.released_at IS NULL', 'c.withdrawn_at IS NULL'];
    const params: unknown[] = [];
    let from = 'cables c';
    if (filter.query !== undefined) {
      if (hasErrors(filter.query) || !filter.query.root) return [];
      const compiled = compileQuery(filter.query.root);
      if (compiled.problems.some((p) => p.severity === 'error') || (compiled.match === null && compiled.where.length === 0)) return [];
      if (compiled.match !== null) {
        from = 'cable_search JOIN cables c ON c.id = cable_search.rowid';
        where.push('cable_search MATCH ?');
        params.push(compiled.match);
      }
      where.push(...compiled.where);
      params.push(...compiled.params);
    }
    addBrowseFilters(filter, where, params);
    return this.db.prepare<unknown[], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY c.canonical_id`).all(...params);
  }
}
