// src/export/cable-sink.ts
import type { CableVersion, StoredCable } from '../store/store.js';
import type { WrittenFile } from './bulk-data-writer.js';
/** Canonical ids: added = new or changed public content since the previous export; removed = no longer public or changed (their old entry must go). */
export interface MirrorChanges { added: string[]; removed: string[] }
export interface CableSink {
  /** 'all': call add() with every released cable; else only these ids (add() may still receive others: ignore them). */
  readonly needs: 'all' | ReadonlySet<string>;
  add(cable: StoredCable & { versions: CableVersion[] }): void | Promise<void>;
  /** Writes what changed; returns EVERY file this sink owns now (path relative to the mirror dir), written or not. */
  finish(): Promise<WrittenFile[]>;
}
