import type { Article } from './cable.js';

export type SourceFormat = 'site-page' | 'csv' | 'text' | 'body-extract' | 'jsonl';

/**
 * What the publisher's page or file says about a cable beside its text (the site's
 * metadata table, a CSV row's columns). Kept apart from what the parser derives.
 */
export interface SourceMeta {
  referenceId?: string;
  /** As displayed, e.g. `2010-02-24 14:02` (site) or `12/28/1966 18:48` (CSV). */
  created?: string;
  /** As displayed, e.g. `2010-12-06 21:09`. */
  released?: string;
  /** Classification as the source labels it. */
  classification?: string;
  origin?: string;
  articles?: Article[];
  /** Site build counter, e.g. `1295 / 251,287`. */
  build?: string;
  /** True when the page says it is a partial extract. */
  partial?: boolean;
  /** CSV: referenced ids column. */
  referencedIds?: string[];
  /** What reading the file decided that the reader should know (an encoding guessed from the bytes). */
  readingNotes?: string[];
}

/** One cable as read from a source, before parsing. `raw` is the original text, verbatim. */
export interface SourceRecord {
  /** Where it came from: a file path, or `path:line` / `path#row` inside a larger file. */
  source: string;
  format: SourceFormat;
  /** Routing header text with real newlines, or null when the source has none. */
  header: string | null;
  /** Body text with real newlines (HTML entities decoded, markup removed). */
  body: string;
  meta: SourceMeta;
  /** The record exactly as read (decoded to a string), so it can always be re-parsed. */
  raw: string;
}

/**
 * A source item that is not stored: rejected (it could not be read as a cable) or, with
 * `skipped`, left out on purpose (a browse page of a mirror, an extract without text, a
 * symlinked folder). Either way it is counted and named in the import's report. The import goes on.
 */
export interface SourceReject {
  source: string;
  code: string;
  reason: string;
  /** True when the item is skipped by rule rather than rejected as bad input. */
  skipped?: boolean;
}

export type SourceItem = { ok: true; record: SourceRecord } | { ok: false; reject: SourceReject };
