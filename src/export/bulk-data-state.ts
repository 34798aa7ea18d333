/**
 * `cables-state.json`: what the next export needs to append to the bulk files instead of
 * rewriting them — how many rows they hold, the sort key of the last row, the row format
 * fingerprint, and each file's SHA-256, size and number of gzip members. It is listed in
 * the manifest like any file. It is trusted only when its own bytes match the previous
 * manifest, the files' hashes it records match the previous manifest, and the files on
 * disk still have those hashes (re-hashed here: an altered file is never appended to).
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredCable } from '../store/store.js';
import { hashFile } from './bulk-data-file-hash.js';
import { bulkRowFormat } from './bulk-data-row-format.js';

export const BULK_STATE = 'cables-state.json';
const FORMAT = 'cablegate-bulk-state/1';

/** Rows are in release order: release time, then canonical id (byte order, as the stores sort). */
export interface RowKey {
  releasedAt: string;
  id: string;
}

export function rowKey(c: Pick<StoredCable, 'canonicalId' | 'releasedAt'>): RowKey {
  return { releasedAt: c.releasedAt ?? '', id: c.canonicalId };
}

export function compareRowKeys(a: RowKey, b: RowKey): number {
  if (a.releasedAt !== b.releasedAt) return a.releasedAt < b.releasedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface BulkFileState {
  sha256: string;
  size: number;
  /** gzip members: 1 after a full write, +1 per append. */
  members: number;
}

export interface BulkDataState {
  format: typeof FORMAT;
  /** bulkRowFormat() of the code that wrote the rows. */
  rowFormat: string;
  rows: number;
  /** The last row's sort key (null: no rows). */
  last: RowKey | null;
  files: Record<string, BulkFileState>;
}

export function bulkDataState(rows: number, last: RowKey | null, files: Record<string, BulkFileState>): BulkDataState {
  return { format: FORMAT, rowFormat: bulkRowFormat(), rows, last, files };
}

export function bulkStateText(state: BulkDataState): string {
  return JSON.stringify(state, null, 2) + '\n';
}

export type Previous = (path: string) => { sha256: string; size: number } | undefined;

export type LoadedState =
  | { ok: true; state: BulkDataState; /** Live hashes of the files as they are on disk. */ hashes: Map<string, Hash> }
  | { ok: false; reason: string };

const sha256Hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The previous export's bulk state for `files`, when every check passes; else why not. */
export async function loadBulkState(dir: string, files: string[], previous: Previous): Promise<LoadedState> {
  const prevState = previous(BULK_STATE);
  if (!prevState) return { ok: false, reason: `no ${BULK_STATE} in the previous manifest` };
  const stateFile = join(dir, BULK_STATE);
  if (!existsSync(stateFile)) return { ok: false, reason: `${BULK_STATE} is missing` };
  const bytes = readFileSync(stateFile);
  if (bytes.length !== prevState.size || sha256Hex(bytes) !== prevState.sha256) return { ok: false, reason: `${BULK_STATE} differs from the previous manifest` };
  let state: BulkDataState;
  try {
    state = JSON.parse(bytes.toString('utf8')) as BulkDataState;
  } catch {
    return { ok: false, reason: `${BULK_STATE} is not JSON` };
  }
  if (state?.format !== FORMAT || typeof state.rows !== 'number' || typeof state.files !== 'object' || state.files === null) return { ok: false, reason: `${BULK_STATE} has an unknown format` };
  if (state.rowFormat !== bulkRowFormat()) return { ok: false, reason: 'the row format changed' };
  // Cheap checks for every file before hashing any.
  for (const path of files) {
    const s = state.files[path];
    const prev = previous(path);
    if (!s || !prev || s.sha256 !== prev.sha256 || s.size !== prev.size) return { ok: false, reason: `${path} in ${BULK_STATE} differs from the previous manifest` };
    const full = join(dir, path);
    if (!existsSync(full) || statSync(full).size !== s.size) return { ok: false, reason: `${path} was changed or removed since the previous export` };
  }
  const hashes = new Map<string, Hash>();
  for (const path of files) {
    const { hash } = await hashFile(join(dir, path));
    if (hash.copy().digest('hex') !== state.files[path].sha256) return { ok: false, reason: `${path} was changed since the previous export` };
    hashes.set(path, hash);
  }
  return { ok: true, state, hashes };
}
