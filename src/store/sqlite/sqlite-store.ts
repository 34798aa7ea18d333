import { toChange, type ChangeRow } from '../change-row.js';
import { toSummary, type SummaryRow } from '../summary-row.js';
import { addBrowseFilters, SUMMARY_COLUMNS } from './browse-sql.js';
import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import type { ParsedCable } from '../../domain/cable.js';
import { cableIdProblem, isCableId } from '../../domain/cable-id.js';
import { CablegateError } from '../../domain/errors.js';
import type { SourceFormat } from '../../domain/source-record.js';
import { contentHash } from '../content-hash.js';
import { saysSame } from '../version-text.js';
import type {
  ArticleInput,
  ArticleReadOptions,
  StoredArticle,
  ArchiveStats,
  CableInput,
  CableSummary,
  CableVersion,
  VersionFacts,
  CountDimension,
  CountFilter,
  CountOptions,
  PublicChange,
  ReferenceEdge,
  CountRow,
  ListQuery,
  PutOutcome,
  ReferenceLookup,
  SearchQuery,
  SearchResult,
  Store,
  StoredCable,
  ReleaseBatch,
  ReleaseBatchInput,
  ReleaseDayView,
  ReleaseOutcome,
  UnreleasedFilter,
  IterateOptions,
  PublicDigestRow,
  CablePathRow,
} from '../store.js';
import { toDigest, type DigestRow } from '../digest-row.js';
import { migrate, pendingMigrations } from './migrate.js';
import { minuteIso, NOW_FUNCTION, NOW_SQL, publicVersionSql, publishedAtSql, visibleCableSql, VISIBLE_NOW } from './visibility.js';
import { SqliteReleases } from './sqlite-releases.js';
import { SqliteArticles } from './sqlite-articles.js';
import { MIGRATIONS } from './migrations/index.js';
import { registerSearchFunctions } from './search/search-functions.js';
import { SqliteSearch } from './search/sqlite-search.js';

interface CableRow {
  id: number;
  canonical_id: string;
  released_at: string | null;
  current_version: number;
  version_count: number;
}


interface VersionRow {
  cable_id: number;
  number: number;
  content_hash: string;
  source: string;
  format: string;
  imported_at: string;
  raw: string;
  parsed: string;
  /** From version_publications (selected as `pub_at`). */
  pub_at?: string | null;
}

/** The embargo predicate (visible now): see visibility.ts. */
const RELEASED = VISIBLE_NOW;
/** Upper bound for prefix ranges over ISO dates (every ISO character sorts below it). */
const PREFIX_END = '~';

export interface SqliteStoreOptions {
  readonly?: boolean;
  /** Fail (E_STORE_OPEN) rather than create a new archive when the file is missing. */
  mustExist?: boolean;
  /** The clock the embargo reads (default: the system clock). For tests of scheduled releases. */
  now?: () => Date;
  /** Test hook: called inside a release transaction before each item (to simulate a crash). */
  beforeReleaseItem?: (index: number) => void;
}

/** The archive in one SQLite file (WAL mode). Open with `SqliteStore.open(path)`. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly stmt;
  private readonly searcher: SqliteSearch;

  private readonly releases: SqliteReleases;
  private readonly articles: SqliteArticles;
  /** Statements of the methods whose SQL is built per call (a bounded set of shapes), prepared once each. */
  private readonly shapes = new Map<string, Database.Statement>();

  private constructor(db: Database.Database, options: SqliteStoreOptions = {}) {
    this.db = db;
    this.releases = new SqliteReleases(db, options.now ?? (() => new Date()), options.beforeReleaseItem);
    this.searcher = new SqliteSearch(db);
    this.articles = new SqliteArticles(db);
    this.stmt = {
      cableById: db.prepare<[string], CableRow>(
        'SELECT id, canonical_id, released_at, current_version, version_count FROM cables WHERE canonical_id = ?',
      ),
      versionByHash: db.prepare<[number, string], { number: number }>(
        'SELECT number FROM versions WHERE cable_id = ? AND content_hash = ? LIMIT 1',
      ),
      insertCable: db.prepare(
        `INSERT INTO cables (canonical_id, released_at, current_version, version_count, reference_id, subject, created, classification, origin)
         VALUES (@canonicalId, @releasedAt, 1, 1, @referenceId, @subject, @created, @classification, @origin)`,
      ),
      updateCable: db.prepare(
        `UPDATE cables SET released_at = COALESCE(released_at, @releasedAt), current_version = @number, version_count = @number,
           reference_id = @referenceId, subject = @subject, created = @created, classification = @classification, origin = @origin
         WHERE id = @id`,
      ),
      insertVersion: db.prepare(
        `INSERT INTO versions (cable_id, number, content_hash, source, format, imported_at, raw, parsed)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      publishVersion: db.prepare('INSERT OR REPLACE INTO version_publications (cable_id, number, published_at) VALUES (?, ?, ?)'),
      setVersionCount: db.prepare('UPDATE cables SET version_count = ? WHERE id = ?'),
      publicVersionCount: db.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM versions v WHERE v.cable_id = ? AND ${publicVersionSql('v')}`),
      currentVisible: db.prepare<[string], CableRow & { parsed: string }>(
        `SELECT c.id, c.canonical_id, c.released_at, c.current_version, c.version_count, v.parsed
         FROM cables c JOIN versions v ON v.cable_id = c.id AND v.number = c.current_version
         WHERE c.canonical_id = ? AND ${RELEASED}`,
      ),
      versionFactsVisible: db.prepare<[string], VersionFactsRow>(
        `SELECT ${VERSION_FACT_COLUMNS}, ${publishedAtSql('v')} AS pub_at FROM versions v JOIN cables c ON c.id = v.cable_id
         WHERE c.canonical_id = ? AND ${RELEASED} AND ${publicVersionSql('v')} ORDER BY v.number`,
      ),
      versionFacts: db.prepare<[string], VersionFactsRow>(
        `SELECT ${VERSION_FACT_COLUMNS}, ${publishedAtSql('v')} AS pub_at FROM versions v JOIN cables c ON c.id = v.cable_id WHERE c.canonical_id = ? ORDER BY v.number`,
      ),
      versionsVisible: db.prepare<[string], VersionRow>(
        `SELECT v.*, ${publishedAtSql('v')} AS pub_at FROM versions v JOIN cables c ON c.id = v.cable_id
         WHERE c.canonical_id = ? AND ${RELEASED} AND ${publicVersionSql('v')} ORDER BY v.number`,
      ),
      setReleasedAt: db.prepare('UPDATE cables SET released_at = ? WHERE id = ? AND released_at IS NULL'),
      latestVersion: db.prepare<[number], { number: number; parsed: string }>('SELECT number, parsed FROM versions WHERE cable_id = ? ORDER BY number DESC LIMIT 1'),
      insertSighting: db.prepare(
        'INSERT OR IGNORE INTO version_sightings (cable_id, number, content_hash, source, format, seen_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      deleteTags: db.prepare('DELETE FROM cable_tags WHERE cable_id = ?'),
      insertTag: db.prepare('INSERT OR IGNORE INTO cable_tags (cable_id, tag) VALUES (?, ?)'),
      deleteRefs: db.prepare('DELETE FROM cable_refs WHERE cable_id = ?'),
      insertRef: db.prepare('INSERT OR IGNORE INTO cable_refs (cable_id, ref_id) VALUES (?, ?)'),
      current: db.prepare<[string], CableRow & { parsed: string }>(
        `SELECT c.id, c.canonical_id, c.released_at, c.current_version, c.version_count, v.parsed
         FROM cables c JOIN versions v ON v.cable_id = c.id AND v.number = c.current_version
         WHERE c.canonical_id = ?`,
      ),
      versions: db.prepare<[string], VersionRow>(
        `SELECT v.*, ${publishedAtSql('v')} AS pub_at FROM versions v JOIN cables c ON c.id = v.cable_id WHERE c.canonical_id = ? ORDER BY v.number`,
      ),
      citedBy: db.prepare<[string, string], SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM cable_refs r JOIN cables c ON c.id = r.cable_id
         WHERE r.ref_id = ? AND c.canonical_id <> ? ORDER BY c.created IS NULL, c.created, c.canonical_id`,
      ),
      citedByReleased: db.prepare<[string, string], SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM cable_refs r JOIN cables c ON c.id = r.cable_id
         WHERE r.ref_id = ? AND c.canonical_id <> ? AND ${RELEASED} ORDER BY c.created IS NULL, c.created, c.canonical_id`,
      ),
    };
  }

  /** Opens (creating if needed) the archive at `path` and applies missing migrations. */
  static open(path: string, options: SqliteStoreOptions = {}): SqliteStore {
    let db: Database.Database;
    const mustExist = (options.readonly ?? false) || (options.mustExist ?? false);
    if (mustExist && path !== ':memory:' && !existsSync(path)) {
      throw new CablegateError('E_STORE_OPEN', 'there is no archive at this path', {
        subject: path,
        hint: 'build one with `cablegate import PATH...`, or name it with --db FILE or CABLEGATE_DB',
      });
    }
    try {
      if (!options.readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: mustExist });
    } catch (e) {
      throw new CablegateError('E_STORE_OPEN', `cannot open the archive: ${(e as Error).message}`, {
        subject: path,
        hint: options.readonly ? 'check the path; build the archive first with `cablegate import`' : 'check the path and its permissions',
        cause: e,
      });
    }
    try {
      db.pragma('busy_timeout = 10000');
      if (!options.readonly) {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        // A larger page cache keeps the indexes of a big import in memory (32 MiB).
        db.pragma('cache_size = -32768');
      }
      db.pragma('foreign_keys = ON');
      const clock = options.now ?? (() => new Date());
      db.function(NOW_FUNCTION, { deterministic: false }, () => minuteIso(clock()));
      registerSearchFunctions(db);
      if (options.readonly) {
        const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'schema_migrations'").get() as { n: number };
        if (row.n === 0) throw new CablegateError('E_STORE_OPEN', 'the file is not a cablegate archive', { subject: path });
        // A read-only connection cannot bring an older archive's schema up to date.
        const missing = pendingMigrations(db, MIGRATIONS);
        if (missing.length > 0) {
          throw new CablegateError('E_STORE_SCHEMA', `the archive was made by an older cablegate: ${missing.length} schema step(s) missing (${missing.map((m) => m.name).join(', ')})`, {
            subject: path,
            hint: 'open it once with a command that writes (for example `cablegate stats --db FILE` or `cablegate serve`), which applies the missing steps',
          });
        }
      } else {
        migrate(db, MIGRATIONS);
      }
    } catch (e) {
      db.close();
      if (e instanceof CablegateError) throw e;
      throw new CablegateError('E_STORE_OPEN', `cannot open the archive: ${(e as Error).message}`, {
        subject: path,
        hint: 'is this a cablegate archive (SQLite file)?',
        cause: e,
      });
    }
    return new SqliteStore(db, options);
  }

  async putCables(inputs: CableInput[]): Promise<PutOutcome[]> {
    // A second line of defence behind the importer: an id names URLs and mirror files.
    // Checked before the transaction, so a bad id stores nothing of the batch.
    for (const input of inputs) {
      const id = input.parsed.canonicalId;
      if (id && !isCableId(id)) throw new CablegateError('E_INVALID_ID', `refused at write: ${cableIdProblem(id)}`, { subject: input.source });
    }
    const importedAt = new Date().toISOString();
    const tx = this.db.transaction((list: CableInput[]) => list.map((input) => this.putOne(input, importedAt)));
    // IMMEDIATE: take the write lock first (waiting up to busy_timeout for another writer, a
    // release or a second import). A deferred transaction reads first and then fails at once
    // with SQLITE_BUSY when it must upgrade to a write while another process writes.
    return tx.immediate(inputs);
  }

  private putOne(input: CableInput, importedAt: string): PutOutcome {
    const p = input.parsed;
    const canonicalId = p.canonicalId;
    if (!canonicalId) {
      throw new CablegateError('E_INVALID_ID', 'a cable without a canonical id cannot be stored', {
        subject: input.source,
        hint: 'reject records the parser could not identify before storing them',
      });
    }
    const hash = input.contentHash ?? contentHash(input.raw);
    const json = input.parsedJson ?? JSON.stringify(p);
    const browse = {
      referenceId: p.referenceId,
      subject: p.subject,
      created: p.created,
      classification: p.classification,
      origin: p.origin,
      releasedAt: input.releasedAt,
    };
    const existing = this.stmt.cableById.get(canonicalId);
    let cableId: number;
    let number: number;
    let outcome: PutOutcome;
    if (!existing) {
      cableId = Number(this.stmt.insertCable.run({ ...browse, canonicalId }).lastInsertRowid);
      number = 1;
      outcome = 'new';
    } else {
      if (this.stmt.versionByHash.get(existing.id, hash)) return 'unchanged';
      cableId = existing.id;
      const latest = this.stmt.latestVersion.get(cableId);
      if (latest && saysSame(JSON.parse(latest.parsed) as ParsedCable, p)) {
        // The same text in another build's markup: a sighting of the latest version, not a new one.
        this.stmt.insertSighting.run(cableId, latest.number, hash, input.source, input.format, importedAt);
        // It may bring the first release time (an unreleased cable's latest version is its current one).
        if (existing.released_at === null && input.releasedAt !== null) {
          this.stmt.setReleasedAt.run(input.releasedAt, cableId);
          this.stmt.publishVersion.run(cableId, latest.number, input.releasedAt);
        }
        return 'unchanged';
      }
      number = (latest?.number ?? 0) + 1;
      if (existing.released_at !== null && input.releasedAt === null) {
        // A new text of a released cable stays non-public until a publisher releases it
        // (`cablegate release ID --version N`): the public version does not change.
        this.stmt.insertVersion.run(cableId, number, hash, input.source, input.format, importedAt, input.raw, json);
        this.stmt.setVersionCount.run(number, cableId);
        return 'changed';
      }
      this.stmt.updateCable.run({ ...browse, id: cableId, number });
      this.stmt.deleteTags.run(cableId);
      this.stmt.deleteRefs.run(cableId);
      outcome = 'changed';
    }
    this.stmt.insertVersion.run(cableId, number, hash, input.source, input.format, importedAt, input.raw, json);
    if (input.releasedAt !== null) this.stmt.publishVersion.run(cableId, number, input.releasedAt);
    for (const tag of p.tags) this.stmt.insertTag.run(cableId, tag);
    for (const ref of p.references) this.stmt.insertRef.run(cableId, ref);
    return outcome;
  }

  private prepared(sql: string): Database.Statement {
    let st = this.shapes.get(sql);
    if (!st) {
      if (this.shapes.size >= 256) this.shapes.clear();
      st = this.db.prepare(sql);
      this.shapes.set(sql, st);
    }
    return st;
  }

  async getCable(canonicalId: string, options: { releasedOnly?: boolean } = {}): Promise<StoredCable | null> {
    const row = options.releasedOnly ? this.stmt.currentVisible.get(canonicalId) : this.stmt.current.get(canonicalId);
    if (!row) return null;
    // Readers count public versions only (a non-public text is not even counted).
    if (options.releasedOnly) row.version_count = this.stmt.publicVersionCount.get(row.id)?.n ?? 1;
    return {
      canonicalId: row.canonical_id,
      releasedAt: row.released_at,
      currentVersion: row.current_version,
      versionCount: row.version_count,
      cable: JSON.parse(row.parsed) as ParsedCable,
    };
  }

  async getVersions(canonicalId: string, options: { releasedOnly?: boolean } = {}): Promise<CableVersion[]> {
    return (options.releasedOnly ? this.stmt.versionsVisible : this.stmt.versions).all(canonicalId).map(toVersion);
  }

  async versionFacts(canonicalId: string, options: { releasedOnly?: boolean } = {}): Promise<VersionFacts[]> {
    return (options.releasedOnly ? this.stmt.versionFactsVisible : this.stmt.versionFacts).all(canonicalId).map(toVersionFacts);
  }

  async listCables(query: ListQuery): Promise<{ total: number; rows: CableSummary[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.releasedOnly) where.push(RELEASED);
    addBrowseFilters(query, where, params);
    if (query.createdPrefix !== undefined) {
      if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(query.createdPrefix)) {
        throw new CablegateError('E_INVALID_DATE', `not a YYYY, YYYY-MM or YYYY-MM-DD prefix: ${JSON.stringify(query.createdPrefix)}`);
      }
      where.push('c.created >= ? AND c.created < ?');
      params.push(query.createdPrefix, query.createdPrefix + PREFIX_END);
    }
    if (query.releasedDay !== undefined) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(query.releasedDay)) {
        throw new CablegateError('E_INVALID_DATE', `not a YYYY-MM-DD day: ${JSON.stringify(query.releasedDay)}`);
      }
      where.push('c.released_at >= ? AND c.released_at < ?');
      params.push(query.releasedDay, query.releasedDay + PREFIX_END);
    }
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const order = query.order === 'desc' ? 'DESC' : 'ASC';
    const column = query.sort === 'created' ? 'c.created' : query.sort === 'released' ? 'c.released_at' : null;
    const orderSql = column
      ? `ORDER BY ${column} IS NULL, ${column} ${order}, c.canonical_id ${order}`
      : `ORDER BY c.canonical_id ${order}`;
    const limit = query.limit ?? -1;
    const offset = query.offset ?? 0;
    const page = this.prepared(`SELECT ${SUMMARY_COLUMNS} FROM cables c ${whereSql} ${orderSql} LIMIT ? OFFSET ?`);
    if (limit < 0 && offset === 0) {
      // Every matching row: the total is their number.
      const rows = page.all(...params, limit, offset) as SummaryRow[];
      return { total: rows.length, rows: rows.map(toSummary) };
    }
    const count = this.prepared(`SELECT count(*) AS n FROM cables c ${whereSql}`);
    // One read transaction: the total and the rows see the same snapshot, even while
    // another process commits (each statement on its own would see its own).
    const { total, rows } = this.db.transaction(() => ({
      total: (count.get(...params) as { n: number }).n,
      rows: page.all(...params, limit, offset) as SummaryRow[],
    }))();
    return { total, rows: rows.map(toSummary) };
  }

  async *iterateCables(options: IterateOptions = {}): AsyncIterable<StoredCable & { versions: CableVersion[] }> {
    const batchSize = Math.max(1, options.batchSize ?? 500);
    const released = options.releasedOnly ? `AND ${RELEASED}` : '';
    const only = options.ids ? 'AND c.canonical_id IN (SELECT value FROM json_each(?))' : '';
    const onlyParam = options.ids ? [JSON.stringify(options.ids)] : [];
    const cols = 'c.id, c.canonical_id, c.released_at, c.current_version, c.version_count';
    const byId = this.db.prepare<unknown[], CableRow>(
      `SELECT ${cols} FROM cables c WHERE c.canonical_id > ? ${released} ${only} ORDER BY c.canonical_id LIMIT ?`,
    );
    const byRelease = this.db.prepare<unknown[], CableRow>(
      `SELECT ${cols} FROM cables c WHERE c.released_at IS NOT NULL AND (c.released_at, c.canonical_id) > (?, ?) ${released} ${only}
       ORDER BY c.released_at, c.canonical_id LIMIT ?`,
    );
    const unreleased = this.db.prepare<unknown[], CableRow>(
      `SELECT ${cols} FROM cables c WHERE c.released_at IS NULL AND c.canonical_id > ? ${only} ORDER BY c.canonical_id LIMIT ?`,
    );
    const withVersions = options.withVersions ?? true;
    // Without versions: the current one's parsed cable only, not the verbatim texts.
    const versionCols = withVersions ? 'v.*' : `${VERSION_FACT_COLUMNS}, '' AS raw, v.parsed`;
    const onlyCurrent = withVersions ? '' : 'AND v.number = (SELECT c2.current_version FROM cables c2 WHERE c2.id = v.cable_id)';
    const versionsOf = this.db.prepare<[string], VersionRow>(
      `SELECT ${versionCols}, ${publishedAtSql('v')} AS pub_at FROM versions v WHERE v.cable_id IN (SELECT value FROM json_each(?)) ${onlyCurrent}
       ${options.releasedOnly ? `AND ${publicVersionSql('v')}` : ''} ORDER BY v.cable_id, v.number`,
    );
    // Keyset pages: (release time, id) while released cables last, then (id) for the rest.
    let phase: 'id' | 'released' | 'unreleased' = options.order === 'released' ? 'released' : 'id';
    let after = '';
    let afterReleased = '';
    for (;;) {
      const cables =
        phase === 'id'
          ? byId.all(after, ...onlyParam, batchSize)
          : phase === 'released'
            ? byRelease.all(afterReleased, after, ...onlyParam, batchSize)
            : unreleased.all(after, ...onlyParam, batchSize);
      if (cables.length === 0) {
        if (phase !== 'released' || options.releasedOnly) return;
        phase = 'unreleased';
        after = '';
        continue;
      }
      const byCable = new Map<number, CableVersion[]>();
      for (const v of versionsOf.all(JSON.stringify(cables.map((c) => c.id)))) {
        let list = byCable.get(v.cable_id);
        if (!list) byCable.set(v.cable_id, (list = []));
        list.push(toVersion(v));
      }
      for (const c of cables) {
        const versions = byCable.get(c.id) ?? [];
        const current = versions.find((v) => v.number === c.current_version);
        if (!current) continue; // cannot happen: the current version is written with the cable
        yield {
          canonicalId: c.canonical_id,
          releasedAt: c.released_at,
          currentVersion: c.current_version,
          versionCount: c.version_count,
          cable: current.parsed,
          versions: withVersions ? versions : [],
        };
      }
      after = cables[cables.length - 1].canonical_id;
      afterReleased = cables[cables.length - 1].released_at ?? '';
    }
  }

  async countBy(dimension: CountDimension, options: CountOptions = {}): Promise<CountRow[]> {
    const released = options.releasedOnly ? `AND ${RELEASED}` : '';
    // The same conditions as the browse lists (browse-sql.ts), each ` AND ...`.
    const conditions: string[] = [];
    const params: unknown[] = [];
    addBrowseFilters(options.where ?? {}, conditions, params);
    const filter = conditions.map((c) => ` AND ${c}`).join('');
    let sql: string;
    if (dimension === 'tag') {
      sql = `SELECT t.tag AS key, count(*) AS count FROM cable_tags t JOIN cables c ON c.id = t.cable_id
             WHERE 1 = 1 ${released}${filter} GROUP BY t.tag ORDER BY key`;
    } else {
      const expr = {
        origin: 'c.origin',
        classification: 'c.classification',
        releasedDay: 'substr(c.released_at, 1, 10)',
        createdMonth: 'substr(c.created, 1, 7)',
        createdYear: 'substr(c.created, 1, 4)',
      }[dimension];
      if (!expr) throw new CablegateError('E_USAGE', `unknown count dimension ${JSON.stringify(dimension)}`);
      sql = `SELECT ${expr} AS key, count(*) AS count FROM cables c WHERE ${expr} IS NOT NULL ${released}${filter} GROUP BY key ORDER BY key`;
    }
    return this.db.prepare(sql).all(...params) as CountRow[];
  }

  async publicDigest(): Promise<PublicDigestRow[]> {
    // Version hashes come from the (cable_id, content_hash) index: no version row (text) is read.
    const rows = this.db
      .prepare<[], DigestRow>(
        `SELECT c.canonical_id, c.released_at, c.created, c.classification, c.origin,
                concat_ws(char(31), c.reference_id, c.subject, c.current_version, c.version_count,
                  (SELECT group_concat(v.content_hash, ' ') FROM versions v INDEXED BY versions_hash WHERE v.cable_id = c.id),
                  (SELECT group_concat(vp.number || '@' || vp.published_at, ' ') FROM version_publications vp WHERE vp.cable_id = c.id AND vp.published_at <= ${NOW_SQL})) AS signature,
                (SELECT group_concat(t.tag, char(31)) FROM cable_tags t WHERE t.cable_id = c.id) AS tags,
                (SELECT group_concat(r.ref_id, char(31)) FROM cable_refs r WHERE r.cable_id = c.id) AS refs
         FROM cables c WHERE ${RELEASED} ORDER BY c.canonical_id`,
      )
      .all();
    return rows.map(toDigest);
  }

  async referenceEdges(ids: string[], options: { releasedOnly?: boolean } = {}): Promise<ReferenceEdge[]> {
    if (ids.length === 0) return [];
    const visible = options.releasedOnly ? `AND ${visibleCableSql('f')} AND ${visibleCableSql('t')}` : '';
    const list = JSON.stringify(ids);
    // Two index lookups (cited by one of them; citing one of them) rather than an OR over both columns.
    return this.db
      .prepare(
        `SELECT f.canonical_id AS "from", t.canonical_id AS "to"
         FROM cable_refs r JOIN cables f ON f.id = r.cable_id JOIN cables t ON t.canonical_id = r.ref_id
         WHERE f.canonical_id IN (SELECT value FROM json_each(?)) AND t.canonical_id <> f.canonical_id ${visible}
         UNION
         SELECT f.canonical_id, t.canonical_id
         FROM cable_refs r JOIN cables f ON f.id = r.cable_id JOIN cables t ON t.canonical_id = r.ref_id
         WHERE r.ref_id IN (SELECT value FROM json_each(?)) AND t.canonical_id <> f.canonical_id ${visible}
         ORDER BY 1, 2`,
      )
      .all(list, list) as ReferenceEdge[];
  }

  async citedBy(canonicalId: string, options: { releasedOnly?: boolean } = {}): Promise<CableSummary[]> {
    const stmt = options.releasedOnly ? this.stmt.citedByReleased : this.stmt.citedBy;
    return stmt.all(canonicalId, canonicalId).map(toSummary);
  }

  async publicCablePaths(range: { offset?: number; limit?: number } = {}): Promise<CablePathRow[]> {
    return this.prepared(`SELECT c.canonical_id AS canonicalId, c.created FROM cables c WHERE ${RELEASED} ORDER BY c.canonical_id LIMIT ? OFFSET ?`).all(
      range.limit ?? -1,
      range.offset ?? 0,
    ) as CablePathRow[];
  }

  async existingIds(canonicalIds: string[], options: { releasedOnly?: boolean } = {}): Promise<Set<string>> {
    const out = new Set<string>();
    if (canonicalIds.length === 0) return out;
    const rows = this.prepared(
      `SELECT c.canonical_id AS id FROM cables c WHERE c.canonical_id IN (SELECT value FROM json_each(?))
         ${options.releasedOnly ? `AND ${RELEASED}` : ''}`,
    ).all(JSON.stringify(canonicalIds)) as { id: string }[];
    for (const r of rows) out.add(r.id);
    return out;
  }

  async setReleased(canonicalIds: string[], releasedAt: string | null): Promise<number> {
    if (canonicalIds.length === 0) return 0;
    const ids = JSON.stringify(canonicalIds);
    return this.db.transaction(() => {
      const info = this.db
        .prepare(
          'UPDATE cables SET released_at = ?, withdrawn_at = NULL, withdrawn_reason = NULL WHERE canonical_id IN (SELECT value FROM json_each(?))',
        )
        .run(releasedAt, ids);
      const of = 'cable_id IN (SELECT id FROM cables WHERE canonical_id IN (SELECT value FROM json_each(?)))';
      if (releasedAt === null) {
        this.db.prepare(`DELETE FROM version_publications WHERE ${of}`).run(ids);
      } else {
        this.db
          .prepare(
            `INSERT OR REPLACE INTO version_publications (cable_id, number, published_at)
             SELECT c.id, c.current_version, ? FROM cables c WHERE c.canonical_id IN (SELECT value FROM json_each(?))`,
          )
          .run(releasedAt, ids);
      }
      return info.changes;
    })();
  }

  async applyRelease(batch: ReleaseBatchInput): Promise<ReleaseOutcome> {
    return this.releases.apply(batch);
  }

  async listReleases(options: { limit?: number; offset?: number } = {}): Promise<ReleaseBatch[]> {
    return this.releases.list(options);
  }

  async releaseDay(day: string): Promise<ReleaseDayView> {
    return this.releases.day(day);
  }

  async releaseLogDays(): Promise<Array<{ day: string; changed: number; withdrawn: number }>> {
    return this.releases.days();
  }

  async publicChanges(range: { limit?: number; offset?: number } = {}): Promise<{ total: number; rows: PublicChange[] }> {
    // A withdrawal shows only when the cable had been public before it (a scheduled cable withdrawn before its release stays unknown).
    const union = `SELECT 'version' AS kind, c.canonical_id, c.created, b.effective_at AS at, i.from_version, i.version AS to_version, NULL AS reason
         FROM release_items i JOIN release_batches b ON b.id = i.batch_id JOIN cables c ON c.canonical_id = i.canonical_id
         JOIN versions v ON v.cable_id = c.id AND v.number = i.version
         WHERE i.action = 'version' AND ${VISIBLE_NOW} AND ${publicVersionSql('v')}
         UNION ALL
         SELECT 'withdrawal', c.canonical_id, NULL, b.effective_at, NULL, NULL, i.reason
         FROM release_items i JOIN release_batches b ON b.id = i.batch_id JOIN cables c ON c.canonical_id = i.canonical_id
         WHERE i.action = 'withdraw' AND b.effective_at <= ${NOW_SQL} AND c.released_at IS NOT NULL AND c.released_at <= b.effective_at`;
    // One read transaction: the total agrees with the rows.
    return this.db.transaction(() => {
      const total = (this.db.prepare(`SELECT count(*) AS n FROM (${union})`).get() as { n: number }).n;
      const rows = this.db
        .prepare(`SELECT * FROM (${union}) ORDER BY at DESC, canonical_id DESC, kind LIMIT ? OFFSET ?`)
        .all(range.limit ?? -1, range.offset ?? 0) as ChangeRow[];
      return { total, rows: rows.map(toChange) };
    })();
  }

  async getWithdrawal(canonicalId: string): Promise<{ canonicalId: string; withdrawnAt: string; reason: string } | null> {
    return this.releases.withdrawal(canonicalId);
  }

  async unreleasedCables(filter: UnreleasedFilter = {}): Promise<CableSummary[]> {
    return this.releases.unreleased(filter).map((r) => toSummary(r));
  }

  async changeToken(): Promise<string> {
    // data_version changes when another connection commits; total_changes() counts this one's.
    const row = this.db
      .prepare(
        `SELECT (SELECT min(c.released_at) FROM cables c WHERE c.released_at > ${NOW_SQL}) AS next_due,
                (SELECT min(vp.published_at) FROM version_publications vp WHERE vp.published_at > ${NOW_SQL}) AS next_version,
                total_changes() AS changes`,
      )
      .get() as { next_due: string | null; next_version: string | null; changes: number };
    return `${this.db.pragma('data_version', { simple: true })}:${row.changes}:${row.next_due ?? ''}:${row.next_version ?? ''}`;
  }

  async stats(options: { releasedOnly?: boolean } = {}): Promise<ArchiveStats> {
    const where = options.releasedOnly ? `WHERE ${RELEASED}` : '';
    const totals = this.db
      .prepare(
        `SELECT count(*) AS total, coalesce(sum(${RELEASED}), 0) AS released, ${
          options.releasedOnly
            ? `(SELECT count(*) FROM cables c CROSS JOIN version_publications vp ON vp.cable_id = c.id WHERE ${RELEASED} AND vp.published_at <= ${NOW_SQL})`
            : 'coalesce(sum(c.version_count), 0)'
        } AS versions FROM cables c ${where}`,
      )
      .get() as { total: number; released: number; versions: number };
    const toRecord = (rows: CountRow[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]));
    return {
      ...totals,
      byClassification: toRecord(await this.countBy('classification', options)),
      byOrigin: toRecord(await this.countBy('origin', options)),
    };
  }

  search(query: SearchQuery): Promise<SearchResult> {
    return this.searcher.search(query);
  }

  searchAll(query: SearchQuery, options?: { batchSize?: number }): AsyncIterable<CableSummary> {
    return this.searcher.searchAll(query, options);
  }

  lookupReference(ref: { station: string; serial: number; year?: string | null }, options?: { limit?: number }): Promise<ReferenceLookup> {
    return this.searcher.lookupReference(ref, options);
  }

  async putArticles(inputs: ArticleInput[]): Promise<PutOutcome[]> {
    return this.articles.put(inputs);
  }

  async getArticle(key: string, options: ArticleReadOptions = {}): Promise<StoredArticle | null> {
    return this.articles.get(key, options);
  }

  async listArticles(options: ArticleReadOptions = {}): Promise<StoredArticle[]> {
    return this.articles.list(options);
  }

  async articlesCiting(canonicalId: string, options: ArticleReadOptions = {}): Promise<StoredArticle[]> {
    return this.articles.citing(canonicalId, options);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}


/** The columns of a version other than its texts. */
const VERSION_FACT_COLUMNS = 'v.cable_id, v.number, v.content_hash, v.source, v.format, v.imported_at';
type VersionFactsRow = Omit<VersionRow, 'raw' | 'parsed'>;

function toVersionFacts(r: VersionFactsRow): VersionFacts {
  return { number: r.number, contentHash: r.content_hash, source: r.source, format: r.format as SourceFormat, importedAt: r.imported_at, publishedAt: r.pub_at ?? null };
}

function toVersion(r: VersionRow): CableVersion {
  return {
    number: r.number,
    contentHash: r.content_hash,
    source: r.source,
    format: r.format as SourceFormat,
    importedAt: r.imported_at,
    raw: r.raw,
    parsed: JSON.parse(r.parsed) as ParsedCable,
    publishedAt: r.pub_at ?? null,
  };
}
