import type { ParsedCable } from '../domain/cable.js';
import type { Classification } from '../domain/classification.js';
import type { SourceFormat } from '../domain/source-record.js';

/** One stored text of a cable. A cable has one or more versions; one is current. */
export interface CableVersion {
  /** 1, 2, ... in order of import. */
  number: number;
  /** SHA-256 of the raw text, hex. */
  contentHash: string;
  source: string;
  format: SourceFormat;
  /** When this version was imported (ISO 8601). */
  importedAt: string;
  /** The source text, verbatim. */
  raw: string;
  parsed: ParsedCable;
}

/** A cable as the store holds it: its current parse plus archive facts. */
export interface StoredCable {
  canonicalId: string;
  /** Public release time (ISO 8601 UTC), or null while unreleased. */
  releasedAt: string | null;
  /** The version shown to readers. */
  currentVersion: number;
  versionCount: number;
  cable: ParsedCable;
}

/** One row of a browse table. */
export interface CableSummary {
  canonicalId: string;
  referenceId: string | null;
  subject: string | null;
  created: string | null;
  releasedAt: string | null;
  classification: Classification | null;
  origin: string | null;
}

export type PutOutcome = 'new' | 'changed' | 'unchanged';

/** Input of `putCables`: one parsed cable with its verbatim source. */
export interface CableInput {
  parsed: ParsedCable;
  raw: string;
  source: string;
  format: SourceFormat;
  /** Release time to record if the cable has none yet (ISO 8601 UTC), or null. */
  releasedAt: string | null;
}

export interface ArchiveStats {
  total: number;
  released: number;
  versions: number;
  byClassification: Record<string, number>;
  byOrigin: Record<string, number>;
}

/** A dimension the archive can be counted by (browse pages, facets, stats). */
export type CountDimension = 'origin' | 'tag' | 'classification' | 'releasedDay' | 'createdMonth' | 'createdYear';

export interface CountRow {
  /** Origin name, tag, classification, `YYYY-MM-DD` (releasedDay), `YYYY-MM` (createdMonth) or `YYYY`. */
  key: string;
  count: number;
}

export interface ListQuery {
  /** Only released cables (the default for anything a reader sees). */
  releasedOnly?: boolean;
  origin?: string;
  tag?: string;
  classification?: Classification;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` prefix of the creation time. */
  createdPrefix?: string;
  /** `YYYY-MM-DD` of the release time. */
  releasedDay?: string;
  sort?: 'created' | 'released' | 'id';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

/**
 * The archive. One interface, two adapters (sqlite/, postgres/); SQL lives only inside
 * the adapter folders. All methods are async so both adapters fit.
 */
export interface Store {
  /** Store cables in one transaction. Same text again: unchanged; new text: a new version. */
  putCables(inputs: CableInput[]): Promise<PutOutcome[]>;
  /** A cable by canonical id; with releasedOnly, an unreleased cable is null (as if it did not exist). */
  getCable(canonicalId: string, options?: { releasedOnly?: boolean }): Promise<StoredCable | null>;
  getVersions(canonicalId: string): Promise<CableVersion[]>;
  listCables(query: ListQuery): Promise<{ total: number; rows: CableSummary[] }>;
  /** Every cable, current version, in canonical id order (for export-jsonl and re-parsing). */
  iterateCables(options?: { releasedOnly?: boolean; batchSize?: number }): AsyncIterable<StoredCable & { versions: CableVersion[] }>;
  /** Counts of cables by one dimension, sorted by key. */
  countBy(dimension: CountDimension, options?: { releasedOnly?: boolean }): Promise<CountRow[]>;
  /** Cables whose references cite this id (current versions), sorted by creation. */
  citedBy(canonicalId: string, options?: { releasedOnly?: boolean }): Promise<CableSummary[]>;
  /** Which of these canonical ids are in the archive (and released, with releasedOnly). */
  existingIds(canonicalIds: string[], options?: { releasedOnly?: boolean }): Promise<Set<string>>;
  setReleased(canonicalIds: string[], releasedAt: string | null): Promise<number>;
  stats(options?: { releasedOnly?: boolean }): Promise<ArchiveStats>;
  close(): Promise<void>;
}
