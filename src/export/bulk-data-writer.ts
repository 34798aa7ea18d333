/**
 * The researchers' bulk files: `cables.csv.gz` (the 2011 cables.csv format) and
 * `cables.jsonl.gz` (one JSON object per released cable: id, URL, release time and
 * everything the parser understood), rows in release order (release time, then canonical
 * id; the CSV's first column numbers them from 1), plus `cables-state.json`, what the next
 * export needs to append to them (src/export/bulk-data-state.ts).
 *
 * `bulkDataSink` picks one of three plans:
 * - full (needs 'all'): no previous state to trust, a full export, or cables removed or
 *   changed. Both files are streamed through gzip into temporary files, then replace the
 *   old ones (unless byte-identical).
 * - append (needs = the added ids): the normal case after a release, when the added cables
 *   all sort after the last row. One gzip member holding just the new rows is appended to
 *   each file; the old bytes are read once (to check them and to continue their SHA-256),
 *   never rewritten.
 * - merge (needs = the added ids): additions of which some sort before the last row
 *   (a withdrawn cable released again keeps its old release time). Known only once the
 *   cables arrive, so the old rows are read back from `cables.jsonl.gz` and both files are
 *   rewritten with the new rows in place, with no second pass over the archive.
 * The rows' bytes after decompression are the same whichever plan ran (tested).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CablegateError } from '../domain/errors.js';
import type { ParsedCable } from '../domain/cable.js';
import type { CableVersion, StoredCable } from '../store/store.js';
import { cableCsvRow, cableJsonLine } from '../web/bulk-data-rows.js';
import type { CableSink, MirrorChanges } from './cable-sink.js';
import { GzipFileWriter, type GzipFileResult } from './bulk-data-gzip-file.js';
import { readBulkJsonl } from './bulk-data-jsonl-rows.js';
import { BULK_STATE, bulkDataState, bulkStateText, compareRowKeys, loadBulkState, rowKey, type BulkDataState, type Previous, type RowKey } from './bulk-data-state.js';

export const BULK_CSV = 'cables.csv.gz';
export const BULK_JSONL = 'cables.jsonl.gz';
export { BULK_STATE } from './bulk-data-state.js';
/** Every file the bulk data sink owns. */
export const BULK_DATA_FILES: ReadonlySet<string> = new Set([BULK_CSV, BULK_JSONL, BULK_STATE]);

export interface WrittenFile {
  path: string;
  sha256: string;
  size: number;
  written: boolean;
}

export type BulkDataPlan = 'full' | 'append' | 'merge' | 'unchanged';

export interface BulkDataSink extends CableSink {
  /** The plan so far ('append' may turn into 'merge' or 'unchanged' at finish()) and why. */
  readonly plan: BulkDataPlan;
  readonly reason: string;
}

type Cable = StoredCable & { versions: CableVersion[] };

/** Both bulk files, written row by row in lockstep; numbers CSV rows from `first`. */
class BulkRows {
  rows = 0;
  last: RowKey | null = null;

  constructor(
    readonly csv: GzipFileWriter,
    readonly jsonl: GzipFileWriter,
    private readonly first: number,
  ) {}

  async write(key: RowKey, cable: { canonicalId: string; cable: ParsedCable }, jsonLine: string): Promise<void> {
    await Promise.all([this.csv.write(cableCsvRow(this.first + this.rows, cable)), this.jsonl.write(jsonLine)]);
    this.rows++;
    this.last = key;
  }
}

function writeState(dir: string, state: BulkDataState): WrittenFile {
  const bytes = Buffer.from(bulkStateText(state));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = join(dir, BULK_STATE);
  const same = existsSync(file) && readFileSync(file).equals(bytes);
  if (!same) {
    writeFileSync(`${file}.partial`, bytes);
    renameSync(`${file}.partial`, file);
  }
  return { path: BULK_STATE, sha256, size: bytes.length, written: !same };
}

function finishFiles(dir: string, rows: number, last: RowKey | null, csv: GzipFileResult, jsonl: GzipFileResult, members: [number, number]): WrittenFile[] {
  const state = bulkDataState(rows, last, {
    [BULK_CSV]: { sha256: csv.sha256, size: csv.size, members: members[0] },
    [BULK_JSONL]: { sha256: jsonl.sha256, size: jsonl.size, members: members[1] },
  });
  return [{ path: BULK_CSV, ...csv }, { path: BULK_JSONL, ...jsonl }, writeState(dir, state)];
}

/** Every released cable, in release order, into new files. */
class FullSink implements BulkDataSink {
  readonly needs = 'all' as const;
  readonly plan = 'full' as const;
  private readonly out: BulkRows;

  constructor(
    private readonly dir: string,
    private readonly previous: Previous,
    readonly reason: string,
  ) {
    this.out = new BulkRows(GzipFileWriter.create(dir, BULK_CSV), GzipFileWriter.create(dir, BULK_JSONL), 1);
  }

  async add(cable: Cable): Promise<void> {
    const key = rowKey(cable);
    if (this.out.last && compareRowKeys(key, this.out.last) <= 0) {
      throw new CablegateError('E_USAGE', `bulk data rows must come in release order: ${cable.canonicalId} (${key.releasedAt}) after ${this.out.last.id} (${this.out.last.releasedAt})`, {
        hint: "iterate with store.iterateCables({ releasedOnly: true, order: 'released' })",
      });
    }
    await this.out.write(key, cable, cableJsonLine(cable));
  }

  async finish(): Promise<WrittenFile[]> {
    const csv = await this.out.csv.finish(this.previous(BULK_CSV));
    const jsonl = await this.out.jsonl.finish(this.previous(BULK_JSONL));
    return finishFiles(this.dir, this.out.rows, this.out.last, csv, jsonl, [1, 1]);
  }
}

/** Only the added cables: appended as one gzip member, or merged into a rewrite when some sort earlier. */
class IncrementalSink implements BulkDataSink {
  readonly needs: ReadonlySet<string>;
  private readonly pending = new Map<string, StoredCable>();
  plan: BulkDataPlan = 'append';
  reason = 'only additions since the previous export';

  constructor(
    private readonly dir: string,
    private readonly loaded: Extract<Awaited<ReturnType<typeof loadBulkState>>, { ok: true }>,
    added: ReadonlySet<string>,
  ) {
    this.needs = added;
  }

  add(cable: Cable): void {
    if (!this.needs.has(cable.canonicalId)) return;
    const { versions: _versions, ...stored } = cable;
    this.pending.set(cable.canonicalId, stored);
  }

  async finish(): Promise<WrittenFile[]> {
    const { state, hashes } = this.loaded;
    const rows = [...this.pending.values()].map((c) => ({ key: rowKey(c), cable: c })).sort((a, b) => compareRowKeys(a.key, b.key));
    const csvState = state.files[BULK_CSV];
    const jsonlState = state.files[BULK_JSONL];
    if (rows.length === 0) {
      this.plan = 'unchanged';
      this.reason = 'no cable added';
      return finishFiles(this.dir, state.rows, state.last, { sha256: csvState.sha256, size: csvState.size, written: false }, { sha256: jsonlState.sha256, size: jsonlState.size, written: false }, [csvState.members, jsonlState.members]);
    }
    if (state.last === null || compareRowKeys(rows[0].key, state.last) > 0) {
      const out = new BulkRows(
        GzipFileWriter.append(this.dir, BULK_CSV, hashes.get(BULK_CSV)!, csvState.size),
        GzipFileWriter.append(this.dir, BULK_JSONL, hashes.get(BULK_JSONL)!, jsonlState.size),
        state.rows + 1,
      );
      for (const r of rows) await out.write(r.key, r.cable, cableJsonLine(r.cable));
      const csv = await out.csv.finish();
      const jsonl = await out.jsonl.finish();
      return finishFiles(this.dir, state.rows + out.rows, out.last, csv, jsonl, [csvState.members + 1, jsonlState.members + 1]);
    }
    this.plan = 'merge';
    this.reason = `${rows[0].cable.canonicalId} sorts before the last row`;
    return this.merge(rows);
  }

  private async merge(added: { key: RowKey; cable: StoredCable }[]): Promise<WrittenFile[]> {
    const old = readBulkJsonl(join(this.dir, BULK_JSONL));
    const out = new BulkRows(GzipFileWriter.create(this.dir, BULK_CSV), GzipFileWriter.create(this.dir, BULK_JSONL), 1);
    let i = 0;
    for await (const row of old) {
      if (this.pending.has(row.id)) continue; // an added cable's old row, if the caller did not list it as removed
      const key = rowKey({ canonicalId: row.id, releasedAt: row.releasedAt });
      for (; i < added.length && compareRowKeys(added[i].key, key) < 0; i++) await out.write(added[i].key, added[i].cable, cableJsonLine(added[i].cable));
      await out.write(key, { canonicalId: row.id, cable: row.cable }, row.line + '\n');
    }
    for (; i < added.length; i++) await out.write(added[i].key, added[i].cable, cableJsonLine(added[i].cable));
    const csv = await out.csv.finish();
    const jsonl = await out.jsonl.finish();
    return finishFiles(this.dir, out.rows, out.last, csv, jsonl, [1, 1]);
  }
}

/**
 * The bulk files' sink for one export into `dir`. `changes` null: a full export.
 * `previous(path)`: the previous manifest's entry. Deciding to append reads and hashes
 * the existing bulk files (~400 MB for the full cablegate archive).
 */
export async function bulkDataSink(dir: string, changes: MirrorChanges | null, previous: Previous): Promise<BulkDataSink> {
  mkdirSync(dir, { recursive: true });
  if (changes === null) return new FullSink(dir, previous, 'full export');
  if (changes.removed.length > 0) return new FullSink(dir, previous, `${changes.removed.length} cable(s) removed or changed`);
  const loaded = await loadBulkState(dir, [BULK_CSV, BULK_JSONL], previous);
  if (!loaded.ok) return new FullSink(dir, previous, loaded.reason);
  return new IncrementalSink(dir, loaded, new Set(changes.added));
}
