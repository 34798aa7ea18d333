import type { ParsedCable } from '../domain/cable.js';
import type { Classification } from '../domain/classification.js';
import type { SourceFormat } from '../domain/source-record.js';
import type { ArticleFormat, SiteArticle } from '../domain/site-article.js';
import type { Snippet } from '../query/highlight.js';
import type { ParsedQuery, QueryProblem } from '../query/query-ast.js';

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
  /** When this version became (or becomes) public, or null while it is not public. */
  publishedAt?: string | null;
}

/** A version without its texts: what a cable page lists about it. */
export type VersionFacts = Omit<CableVersion, 'raw' | 'parsed'>;

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
  /**
   * `JSON.stringify(parsed)` and `contentHash(raw)` when the caller already has them (the
   * import computes both in its parse workers, off the writing thread); else the store does.
   */
  parsedJson?: string;
  contentHash?: string;
}

/** An editorial article to store (site-article page or Markdown), with its verbatim source. */
export interface ArticleInput {
  article: SiteArticle;
  raw: string;
  source: string;
  format: ArticleFormat;
}

/** An article as the store holds it. */
export interface StoredArticle {
  article: SiteArticle;
  format: ArticleFormat;
  /** SHA-256 of the source text, hex. */
  contentHash: string;
  importedAt: string;
}

export interface ArticleReadOptions {
  /**
   * Only public articles: an article is public when every cable it cites is visible now
   * (released, not withdrawn), so that an article never names or links an embargoed cable.
   */
  publicOnly?: boolean;
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

/** One reference: cable `from` cites cable `to` (canonical ids). */
export interface ReferenceEdge {
  from: string;
  to: string;
}

/** Which cables `countBy` counts. */
export interface CountOptions {
  releasedOnly?: boolean;
  where?: CountFilter;
}

/** The cables of one origin, tag and/or classification (every given condition holds). */
export interface CountFilter {
  origin?: string;
  tag?: string;
  classification?: Classification;
}

export interface PublicDigestRow {
  canonicalId: string;
  releasedAt: string;
  created: string | null;
  classification: string | null;
  origin: string | null;
  /** Changes whenever anything shown about the cable changes (its row, versions, publications). */
  signature: string;
  tags: string[];
  /** Canonical ids the current version cites. */
  refs: string[];
}

export interface IterateOptions {
  releasedOnly?: boolean;
  batchSize?: number;
  order?: 'id' | 'released';
  ids?: string[];
  /**
   * false: each cable comes with `versions` empty and only its current version's parsed
   * cable is read (no verbatim texts): for readers of the cables as shown (bulk files,
   * search index). Default true: every version (public ones with releasedOnly), texts included.
   */
  withVersions?: boolean;
}

/** What a cable page's URL is made of (see web/paths.ts cablePath). */
export interface CablePathRow {
  canonicalId: string;
  created: string | null;
}

export interface ListQuery {
  /**
   * Only cables visible now (the default for anything a reader sees): released at or
   * before now, and not withdrawn. See docs/releases.md (the embargo).
   */
  releasedOnly?: boolean;
  origin?: string;
  tag?: string;
  classification?: Classification;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` prefix of the creation time. */
  createdPrefix?: string;
  /** `YYYY-MM-DD` of the release time. */
  releasedDay?: string;
  /** Only these cables (canonical ids); every other condition still applies. */
  ids?: string[];
  sort?: 'created' | 'released' | 'id';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

/**
 * The archive. One interface, two adapters (sqlite/, postgres/); SQL lives only inside
 * the adapter folders. All methods are async so both adapters fit.
 */
export interface Store extends SearchableStore {
  /** Store cables in one transaction. Same text again: unchanged; new text: a new version. */
  putCables(inputs: CableInput[]): Promise<PutOutcome[]>;
  /** A cable by canonical id; with releasedOnly, an unreleased cable is null (as if it did not exist). */
  getCable(canonicalId: string, options?: { releasedOnly?: boolean }): Promise<StoredCable | null>;
  /** Versions in order; with releasedOnly only the public ones of a visible cable (none otherwise). */
  getVersions(canonicalId: string, options?: { releasedOnly?: boolean }): Promise<CableVersion[]>;
  /** The same versions as getVersions, without reading their texts. */
  versionFacts(canonicalId: string, options?: { releasedOnly?: boolean }): Promise<VersionFacts[]>;
  listCables(query: ListQuery): Promise<{ total: number; rows: CableSummary[] }>;
  /**
   * Every cable, current version, with its versions (with releasedOnly: visible cables and their public versions only)
   * (for export-jsonl, re-parsing and the mirror's data files). Order `id` (default): canonical id; `released`: release
   * time then canonical id, cables without a release time last. `ids`: only these cables.
   */
  iterateCables(options?: IterateOptions): AsyncIterable<StoredCable & { versions: CableVersion[] }>;
  /** Counts of cables by one dimension, sorted by key; `where`: only the cables of one origin, tag and/or classification (timelines). */
  countBy(dimension: CountDimension, options?: CountOptions): Promise<CountRow[]>;
  /**
   * A cheap token that changes whenever what readers may see has changed: any write to the
   * archive (by this or another process) or the passing of a scheduled release time.
   * Caches of rendered pages are dropped when it changes.
   */
  changeToken(): Promise<string>;
  /**
   * The references (current versions) that touch these cables: every `from` cites `to`,
   * one of them among `ids`; both are in the archive (and visible, with releasedOnly);
   * a cable citing itself is left out. Sorted by from, then to. For reference graphs.
   */
  referenceEdges(ids: string[], options?: { releasedOnly?: boolean }): Promise<ReferenceEdge[]>;
  /** Cables whose references cite this id (current versions), sorted by creation. */
  citedBy(canonicalId: string, options?: { releasedOnly?: boolean }): Promise<CableSummary[]>;
  /**
   * One row per visible cable with what its pages and listings depend on, read cheaply
   * (no cable text): the mirror export compares two digests to find what changed.
   */
  publicDigest(): Promise<PublicDigestRow[]>;
  /**
   * The visible cables' URL facts (canonical id, creation time) in canonical-id order,
   * `offset` and `limit` as in listCables: the sitemaps list every cable page without
   * reading the cables' summaries.
   */
  publicCablePaths(range?: { offset?: number; limit?: number }): Promise<CablePathRow[]>;
  /** Which of these canonical ids are in the archive (and released, with releasedOnly). */
  existingIds(canonicalIds: string[], options?: { releasedOnly?: boolean }): Promise<Set<string>>;
  /**
   * Low-level: set (or clear, with null) the release time of these cables, clearing any
   * withdrawal; the current version becomes public at that time (null: every version
   * becomes non-public). Not recorded in the release log: publishers use `applyRelease`.
   */
  setReleased(canonicalIds: string[], releasedAt: string | null): Promise<number>;
  /**
   * Applies a release or withdrawal batch in one transaction and records it in the
   * release log. Every item is checked first: with problems and without `partial`, it
   * throws E_RELEASE_INVALID (listing them) and changes nothing; with `partial` the bad
   * items are skipped (and returned). `dryRun` checks and plans without changing anything.
   */
  applyRelease(batch: ReleaseBatchInput): Promise<ReleaseOutcome>;
  /** The release log, newest first (every batch, for the publisher). */
  listReleases(options?: { limit?: number; offset?: number }): Promise<ReleaseBatch[]>;
  /**
   * What a reader may see of the release log on one day (`YYYY-MM-DD` of the effective
   * time): version changes of visible cables (to a visible version) and the number of
   * withdrawals (never their ids). Publications are the cables of `listCables({releasedDay})`.
   */
  releaseDay(day: string): Promise<ReleaseDayView>;
  /** Days (YYYY-MM-DD) with visible version changes or withdrawals, and their counts. */
  releaseLogDays(): Promise<Array<{ day: string; changed: number; withdrawn: number }>>;
  /**
   * The change log readers may see (newest first, then by id descending): every public
   * change to a cable after its first release, never anything about an unreleased one.
   */
  publicChanges(range?: { limit?: number; offset?: number }): Promise<{ total: number; rows: PublicChange[] }>;
  /** Why a withdrawn cable was taken down, or null when it is not withdrawn (now). */
  getWithdrawal(canonicalId: string): Promise<{ canonicalId: string; withdrawnAt: string; reason: string } | null>;
  /**
   * Cables not released, not scheduled and not withdrawn, matching the filter, in id
   * order (for `release --next`, `--query`). A query with errors matches nothing.
   */
  unreleasedCables(filter?: UnreleasedFilter): Promise<CableSummary[]>;
  stats(options?: { releasedOnly?: boolean }): Promise<ArchiveStats>;
  /** Stores articles by key (`YYYY/<slug>`): 'new', 'changed' (another source text) or 'unchanged'. */
  putArticles(inputs: ArticleInput[]): Promise<PutOutcome[]>;
  getArticle(key: string, options?: ArticleReadOptions): Promise<StoredArticle | null>;
  /** Every article, newest first (publication date, then key). */
  listArticles(options?: ArticleReadOptions): Promise<StoredArticle[]>;
  /** The articles that cite a cable, newest first. */
  articlesCiting(canonicalId: string, options?: ArticleReadOptions): Promise<StoredArticle[]>;
  close(): Promise<void>;
}

// --- Full-text search (docs/search.md) ---------------------------------------------

/** Search order: relevance (best first; newest first when there are no words), or a date. */
export type SearchSort = 'relevance' | 'created' | 'released';

export interface SearchQuery {
  /** The parsed query (src/query/parse-query.ts). Only released cables are ever searched. */
  query: ParsedQuery;
  sort?: SearchSort;
  /** Default: desc (relevance: best first). */
  order?: 'asc' | 'desc';
  /** Page size (default 50). */
  limit?: number;
  offset?: number;
  /** Compute facets and the month histogram (default true). */
  facets?: boolean;
  /** Longest origin and tag facet lists (default 30). */
  facetLimit?: number;
}

export interface SearchHit extends CableSummary {
  /** A piece of the body around the hits (hit ranges inside), or null when there is no body. */
  snippet: Snippet | null;
}

export interface SearchFacets {
  classification: CountRow[];
  /** Most frequent first, at most `facetLimit`. */
  origin: CountRow[];
  /** Most frequent first, at most `facetLimit`. */
  tag: CountRow[];
  /** Creation year (`YYYY`), sorted by key. */
  year: CountRow[];
  /** Creation month (`YYYY-MM`), sorted by key: the histogram. */
  month: CountRow[];
}

export interface SearchResult {
  /** Released cables matching. */
  total: number;
  hits: SearchHit[];
  facets: SearchFacets | null;
  /** Problems found while compiling (parts ignored); errors mean nothing was searched. */
  problems: QueryProblem[];
}

/** The nearest cables to an id typed without its year or with a serial not in the archive. */
export interface ReferenceLookup {
  /** Released cables whose id is exactly the one asked (any year when none was given). */
  exact: CableSummary[];
  /** Released cables of the same station with the closest serial numbers. */
  nearest: CableSummary[];
}

/** The search side of a store (implemented by each adapter). */
export interface SearchableStore {
  search(query: SearchQuery): Promise<SearchResult>;
  /** Every hit of a query in the query's order, in batches (for exports); no facets, no snippets. */
  searchAll(query: SearchQuery, options?: { batchSize?: number }): AsyncIterable<CableSummary>;
  /** Released cables for `station` + `serial` (+ optional two-digit year), exact or nearest. */
  lookupReference(ref: { station: string; serial: number; year?: string | null }, options?: { limit?: number }): Promise<ReferenceLookup>;
}

export interface UnreleasedFilter {
  origin?: string;
  tag?: string;
  classification?: Classification;
  /** A parsed search query (src/query/parse-query.ts), run over the unreleased cables. */
  query?: ParsedQuery;
}

/** One cable of a release batch. */
export interface ReleaseItemInput {
  canonicalId: string;
  /** Make this version the public one (release): default the current version. */
  version?: number;
}

export interface ReleaseBatchInput {
  action: 'release' | 'withdraw';
  items: ReleaseItemInput[];
  /** When the batch takes effect (ISO 8601 UTC, minute): releases in the future are scheduled. Default now. */
  at?: string;
  /** Who ran it. */
  by?: string | null;
  note?: string | null;
  /** How the cables were chosen (`--query ...`, `--next 10 --order random --seed 3`), for the log. */
  selector?: string | null;
  /** Withdrawals: why (required for withdraw). */
  reason?: string | null;
  /** Skip bad items instead of refusing the batch. */
  partial?: boolean;
  dryRun?: boolean;
}

export type ReleaseProblemCode = 'unknown' | 'already-released' | 'no-such-version' | 'not-released' | 'scheduled-version-change';

export interface ReleaseProblem {
  canonicalId: string;
  code: ReleaseProblemCode;
  message: string;
}

/** What one item did: published (first release), version (public version changed), withdrawn. */
export interface ReleaseItem {
  canonicalId: string;
  action: 'publish' | 'version' | 'withdraw';
  /** The public version after the batch (publish/version), null for withdrawals. */
  version: number | null;
  reason: string | null;
}

export interface ReleaseBatch {
  /** Log id (0 for a dry run). */
  id: number;
  action: 'release' | 'withdraw';
  /** When the command ran. */
  ranAt: string;
  /** When it takes effect. */
  at: string;
  by: string | null;
  note: string | null;
  selector: string | null;
  items: ReleaseItem[];
}

export interface ReleaseOutcome {
  batch: ReleaseBatch;
  /** Items skipped (with `partial`), or the problems found in a dry run. */
  skipped: ReleaseProblem[];
  dryRun: boolean;
}

/**
 * One public change after a cable's first release (the change log):
 * - `version`: another version became the public one (`from` -> `to`); the cable is visible
 *   now and `to` is public;
 * - `withdrawal`: the cable was taken down (`reason`); it had been public before;
 * - `redaction`: the cable's public text changed by a redaction rule (`to`: the version
 *   shown); that it changed is told, never what was hidden. Redaction rules do not exist yet
 *   (issue #15): no store records one so far, the kind is here for them.
 */
export interface PublicChange {
  kind: 'version' | 'withdrawal' | 'redaction';
  canonicalId: string;
  /** When the change took effect (ISO 8601 UTC, minute). */
  at: string;
  /** Creation time of the cable (for its page's URL), null for withdrawals (their page is the 410 answer). */
  created: string | null;
  from: number | null;
  to: number | null;
  /** Withdrawals: why. */
  reason: string | null;
}

export interface ReleaseDayView {
  day: string;
  changed: Array<CableSummary & { from: number | null; to: number; at: string }>;
  withdrawn: number;
}
