/**
 * Where the search index's files go: into the mirror folder, each written only when its
 * bytes differ from the previous export's (by SHA-256 and size).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { WrittenFile } from './bulk-data-writer.js';
import { META_PATH } from './search-index-format.js';
import { byPath } from './mirror-manifest.js';

export type PreviousFile = (path: string) => { sha256: string; size: number } | undefined;

export interface IndexOutput {
  /** A file of the index (path relative to the mirror folder); `bytes` may be reused after the call. */
  put(path: string, bytes: Uint8Array): void;
  /** A file of the previous index that stays as it is. */
  keep(path: string): void;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function sizeOf(file: string): number | null {
  try {
    return statSync(file).size;
  } catch {
    return null;
  }
}

/**
 * Writes into the mirror folder. Before its first write it removes the previous
 * `meta.json`, and writes the new one last: an index whose writing was interrupted has no
 * meta.json, so the next export rebuilds it instead of updating a mix of two indexes.
 */
export class DiskOutput implements IndexOutput {
  private readonly files = new Map<string, WrittenFile>();
  private started = false;

  constructor(
    private readonly dir: string,
    private readonly previous: PreviousFile,
  ) {}

  put(path: string, bytes: Uint8Array): void {
    if (!this.started) {
      this.started = true;
      try {
        unlinkSync(join(this.dir, META_PATH));
      } catch {
        // none yet
      }
    }
    const sha256 = sha256Hex(bytes);
    const prev = this.previous(path);
    const same = prev !== undefined && prev.sha256 === sha256 && prev.size === bytes.byteLength;
    const target = join(this.dir, path);
    let written: boolean;
    if (same && path !== META_PATH && sizeOf(target) === bytes.byteLength) written = false;
    else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
      // meta.json is always written again (see above) but counts as written only when its bytes changed.
      written = !(same && path === META_PATH);
    }
    this.files.set(path, { path, sha256, size: bytes.byteLength, written });
  }

  keep(path: string): void {
    const prev = this.previous(path);
    if (prev) {
      this.files.set(path, { path, sha256: prev.sha256, size: prev.size, written: false });
      return;
    }
    const bytes = readFileSync(join(this.dir, path));
    this.files.set(path, { path, sha256: sha256Hex(bytes), size: bytes.byteLength, written: false });
  }

  list(): WrittenFile[] {
    return [...this.files.values()].sort(byPath);
  }
}
