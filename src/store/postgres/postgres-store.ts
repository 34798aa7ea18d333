import pg from 'pg';
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
  ReleaseBatch,
  ReleaseBatchInput,
  ReleaseDayView,
  ReleaseOutcome,
  Store,
  StoredCable,
  IterateOptions,
  PublicDigestRow,
  CablePathRow,
  UnreleasedFilter,
} from '../store.js';
import { toDigest, type DigestRow } from '../digest-row.js';
import { migrate } from './migrate.js';
import { takeWriteLock } from './write-lock.js';
import { MIGRATIONS } from './migrations/index.js';
import { redactUrl, storeError } from './connection-errors.js';
import { writeCurrentRows } from './current-rows.js';
import { restoreCables, restoreReleaseLog, type RestoredCable } from './restore.js';
import { PostgresSearch } from './search/postgres-search.js';
import { PostgresReleases } from './postgres-releases.js';
import { PostgresArticles } from './postgres-articles.js';
import { minuteIso, NOW_SETTING, NOW_SQL, publicVersionSql, visibleCableSql } from './visibility.js';
import { RELEASED, SUMMARY_COLUMNS, toSummary, type SummaryRow } from './summary-row.js';
import { toChange, type ChangeRow } from '../change-row.js';

interface CableRow {
  id: string;
  canonical_id: string;
  released_at: string | null;
  current_version: number;
  version_count: number;
}

interface VersionRow {
  cable_id: string;
  number: number;
  content_hash: string;
  source: string;
  format: string;
  imported_at: string;
  raw: string;
  parsed: ParsedCable;
  published_at: string | null;
}

/** Upper bound for prefix ranges over ISO dates (every ISO character sorts below it). */
const PREFIX_END = '~';
/** Opens a read-only transaction whose statements all see one snapshot of the archive. */
const SNAPSHOT_READ = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

export interface PostgresStoreOptions {
  readonly?: boolean;
  /** Fail (E_STORE_OPEN) rather than create the schema when the database has none. */
  mustExist?: boolean;
  /** Schema holding the archive (default: the connection's search_path, normally `public`). */
  schema?: string;
  /** Most connections this process opens (default 10). */
  poolSize?: number;
  /** The clock the embargo reads (default: the server's clock). For tests of scheduled releases. */
  now?: () => Date;
  /** Test hook: called inside a release transaction before each item (to simulate a crash). */
  beforeReleaseItem?: (index: number) => void;
  /**
   * Longest wait for a connection, in ms (default 5000, or CABLEGATE_PG_CONNECT_TIMEOUT_MS):
   * then the call fails E_STORE_UNAVAILABLE (a web request answers 503).
   */
  connectTimeoutMs?: number;
  /**
   * Longest a statement may take, in ms, checked by the server (statement_timeout) and by
   * the client (a held network gives no answer at all); 0: no limit. Default: 10000 for a
   * read-only store (the web server), none for writers (imports and migrations have long
   * statements); CABLEGATE_PG_QUERY_TIMEOUT_MS sets both.
   */
  queryTimeoutMs?: number;
}

/** A timeout setting from the options, else the environment, else the default (ms). */
function timeoutMs(given: number | undefined, envName: string, fallback: number): number {
  if (given !== undefined) return given;
  const env = process.env[envName];
  if (env === undefined || env === '') return fallback;
  const n = Number(env);
  if (!Number.isInteger(n) || n < 0) throw new CablegateError('E_USAGE', `${envName} must be a whole number of milliseconds (0: no limit), not ${JSON.stringify(env)}`);
  return n;
}

/** A function given a client inside BEGIN ... COMMIT. */
type TxBody<T> = (client: pg.PoolClient) => Promise<T>;

/** The conditions of a CountFilter (` AND ...`, placeholders `$1`...) and their values. */
function countFilterSql(where: CountFilter | undefined): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  if (where?.origin !== undefined) {
    params.push(where.origin);
    parts.push(`c.origin = $${params.length}`);
  }
  if (where?.classification !== undefined) {
    params.push(where.classification);
    parts.push(`c.classification = $${params.length}`);
  }
  if (where?.tag !== undefined) {
    params.push(where.tag);
    parts.push(`c.id IN (SELECT cable_id FROM cable_tags WHERE tag = $${params.length})`);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/**
 * The archive in a PostgreSQL database, through a connection pool. The pool reconnects by
 * itself: while the server is away every call fails with E_STORE_UNAVAILABLE, and works
 * again once it is back. Several processes may share one database.
 */
export class PostgresStore implements Store {
  private readonly pool: pg.Pool;
  private readonly url: string;
  private readonly searcher: PostgresSearch;
  private readonly releases: PostgresReleases;
  private readonly clock: (() => Date) | undefined;
  private closed = false;

  private constructor(pool: pg.Pool, url: string, options: PostgresStoreOptions) {
    this.pool = pool;
    this.url = url;
    this.clock = options.now;
    this.searcher = new PostgresSearch((sql, params) => this.query(sql, params));
    this.releases = new PostgresReleases(
      (body) => this.transaction(body),
      (sql, params) => this.query(sql, params),
      options.now ?? (() => new Date()),
      options.beforeReleaseItem,
    );
  }

  /** Opens the archive at `url` (postgres://...), creating and migrating the schema when needed. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
      throw new CablegateError('E_STORE_OPEN', `not a plain schema name: ${JSON.stringify(options.schema)}`, { hint: 'use lower-case letters, digits and _' });
    }
    // pg lets a URL's `options` parameter replace the `options` given here: take it out of
    // the URL and keep it with ours, so that a read-only store stays read-only.
    const session = splitSessionOptions(url);
    const connectTimeout = timeoutMs(options.connectTimeoutMs, 'CABLEGATE_PG_CONNECT_TIMEOUT_MS', 5000);
    const queryTimeout = timeoutMs(options.queryTimeoutMs, 'CABLEGATE_PG_QUERY_TIMEOUT_MS', options.readonly ? 10_000 : 0);
    const pool = new pg.Pool({
      connectionString: session.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: connectTimeout,
      idleTimeoutMillis: 30000,
      // A held network sends no error: the client gives up after the query timeout (the
      // server's statement_timeout cannot answer then), and keepalive finds dead sockets.
      ...(queryTimeout > 0 ? { query_timeout: queryTimeout } : {}),
      keepAlive: true,
      // Session settings: the URL's, the schema, and read-only transactions for a read-only store.
      options:
        [session.options, options.schema ? `-c search_path=${options.schema}` : '', options.readonly ? '-c default_transaction_read_only=on' : '', queryTimeout > 0 ? `-c statement_timeout=${queryTimeout}` : '']
          .filter((o) => o !== '')
          .join(' ') || undefined,
    });
    // An idle client losing its connection must not crash the process; the pool drops it.
    pool.on('error', () => undefined);
    const store = new PostgresStore(pool, url, options);
    try {
      const client = await pool.connect();
      try {
        if (options.schema && !options.readonly) {
          // Two processes creating the same schema at once: the loser sees a unique violation.
          await client.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`).catch((e: { code?: string }) => {
            if (e.code !== '23505') throw e;
          });
        }
        if (options.readonly || options.mustExist) {
          const { rows } = await client.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
          if (!rows[0].t) {
            throw new CablegateError('E_STORE_OPEN', 'there is no archive in this database', {
              subject: redactUrl(url),
              hint: 'build one with `cablegate import --db postgres://... PATH...`',
            });
          }
        }
        if (!options.readonly) await migrate(client, MIGRATIONS);
      } finally {
        client.release();
      }
    } catch (e) {
      await pool.end().catch(() => undefined);
      if (e instanceof CablegateError) throw e;
      const mapped = storeError(e, url);
      if (mapped instanceof CablegateError) {
        throw new CablegateError(mapped.code, `cannot open the archive: ${(e as Error).message}`, { subject: redactUrl(url), hint: mapped.hint, cause: e });
      }
      throw new CablegateError('E_STORE_OPEN', `cannot open the archive: ${(e as Error).message}`, {
        subject: redactUrl(url),
        hint: 'check the URL, the role and its rights on the database',
        cause: e,
      });
    }
    return store;
  }

  /** One statement on any pooled connection. */
  async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    try {
      if (!this.clock) return await this.pool.query<R>(sql, params);
      const client = await this.pool.connect();
      try {
        await this.setClock(client);
        return await client.query<R>(sql, params);
      } finally {
        client.release();
      }
    } catch (e) {
      throw storeError(e, this.url);
    }
  }

  /** With a test clock, tells `cablegate_now()` on this connection what time it is. */
  private async setClock(client: pg.ClientBase): Promise<void> {
    if (this.clock) await client.query('SELECT set_config($1, $2, false)', [NOW_SETTING, minuteIso(this.clock())]);
  }

  /**
   * Runs `body` in one transaction; rolled back on any error (or a lost connection).
   * `begin` is the statement that opens it (a snapshot for several reads: SNAPSHOT_READ).
   */
  private async transaction<T>(body: TxBody<T>, begin = 'BEGIN'): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw storeError(e, this.url);
    }
    let broken: unknown = undefined;
    // A connection reset while this client is checked out is emitted as an 'error' event
    // on the client (no pool listener then): without a listener it would end the process
    // with an unhandled 'error'. The failing query rejects too, and is reported from there.
    const onError = (e: Error) => (broken = e);
    client.on('error', onError);
    try {
      await client.query(begin);
      await this.setClock(client);
      const out = await body(client);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        broken = rollbackError;
      }
      throw storeError(e, this.url);
    } finally {
      // A connection that failed mid-transaction is destroyed, not reused.
      client.off('error', onError);
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  async putCables(inputs: CableInput[]): Promise<PutOutcome[]> {
    if (inputs.length === 0) return [];
    for (const input of inputs) {
      if (!input.parsed.canonicalId) {
        throw new CablegateError('E_INVALID_ID', 'a cable without a canonical id cannot be stored', {
          subject: input.source,
          hint: 'reject records the parser could not identify before storing them',
        });
      }
      // A second line of defence behind the importer: an id names URLs and mirror files.
      if (!isCableId(input.parsed.canonicalId)) {
        throw new CablegateError('E_INVALID_ID', `refused at write: ${cableIdProblem(input.parsed.canonicalId)}`, { subject: input.source });
      }
    }
    const importedAt = new Date().toISOString();
    return this.transaction((client) => writeBatch(client, inputs, importedAt));
  }

  async getCable(canonicalId: string, options: { releasedOnly?: boolean } = {}): Promise<StoredCable | null> {
    // Readers count only the public versions.
    const count = options.releasedOnly
      ? `(SELECT count(*)::int FROM versions p WHERE p.cable_id = c.id AND ${publicVersionSql('p')}) AS version_count`
      : 'c.version_count';
    const { rows } = await this.query<CableRow & { parsed: ParsedCable }>(
      `SELECT c.id, c.canonical_id, c.released_at, c.current_version, ${count}, v.parsed
       FROM cables c JOIN versions v ON v.cable_id = c.id AND v.number = c.current_version
       WHERE c.canonical_id = $1 ${options.releasedOnly ? `AND ${RELEASED}` : ''}`,
      [canonicalId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      canonicalId: row.canonical_id,
      releasedAt: row.released_at,
      currentVersion: row.current_version,
      versionCount: row.version_count,
      cable: row.parsed,
    };
  }

  async getVersions(canonicalId: string, options: { releasedOnly?: boolean } = {}): Promise<CableVersion[]> {
    const visible = options.releasedOnly ? `AND ${RELEASED} AND ${publicVersionSql('v')}` : '';
    const { rows } = await this.query<VersionRow>(
      `SELECT v.* FROM versions v JOIN cables c ON c.id = v.cable_id WHERE c.canonical_id = $1 ${visible} ORDER BY v.number`,
      [canonicalId],
    );
    return rows.map(toVersion);
  }

  async versionFacts(canonicalId: string, options: { releasedOnly?: boolean } = {}): Promise<VersionFacts[]> {
    const visible = options.releasedOnly ? `AND ${RELEASED} AND ${publicVersionSql('v')}` : '';
    const { rows } = await this.query<VersionFactsRow>(
      `SELECT ${VERSION_FACT_COLUMNS} FROM versions v JOIN cables c ON c.id = v.cable_id WHERE c.canonical_id = $1 ${visible} ORDER BY v.number`,
      [canonicalId],
    );
    return rows.map(toVersionFacts);
  }

  async listCables(query: ListQuery): Promise<{ total: number; rows: CableSummary[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (query.releasedOnly) where.push(RELEASED);
    if (query.origin !== undefined) where.push(`c.origin = ${p(query.origin)}`);
    if (query.classification !== undefined) where.push(`c.classification = ${p(query.classification)}`);
    if (query.tag !== undefined) where.push(`c.id IN (SELECT cable_id FROM cable_tags WHERE tag = ${p(query.tag)})`);
    if (query.ids !== undefined) where.push(`c.canonical_id = ANY(${p(query.ids)}::text[])`);
    if (query.createdPrefix !== undefined) {
      if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(query.createdPrefix)) {
        throw new CablegateError('E_INVALID_DATE', `not a YYYY, YYYY-MM or YYYY-MM-DD prefix: ${JSON.stringify(query.createdPrefix)}`);
      }
      where.push(`c.created >= ${p(query.createdPrefix)} AND c.created < ${p(query.createdPrefix + PREFIX_END)}`);
    }
    if (query.releasedDay !== undefined) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(query.releasedDay)) {
        throw new CablegateError('E_INVALID_DATE', `not a YYYY-MM-DD day: ${JSON.stringify(query.releasedDay)}`);
      }
      where.push(`c.released_at >= ${p(query.releasedDay)} AND c.released_at < ${p(query.releasedDay + PREFIX_END)}`);
    }
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const order = query.order === 'desc' ? 'DESC' : 'ASC';
    const column = query.sort === 'created' ? 'c.created' : query.sort === 'released' ? 'c.released_at' : null;
    const orderSql = column
      ? `ORDER BY ${column} IS NULL, ${column} ${order}, c.canonical_id ${order}`
      : `ORDER BY c.canonical_id ${order}`;
    const filterParams = [...params];
    const limit = p(query.limit ?? null);
    const offset = p(query.offset ?? 0);
    // One snapshot for both: the total never counts a cable the rows miss (or the reverse)
    // while another process imports or releases (two statements on two connections could).
    if (query.limit === undefined && !query.offset) {
      // Every matching row: the total is their number.
      const { rows } = await this.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM cables c ${whereSql} ${orderSql} LIMIT ${limit} OFFSET ${offset}`, params);
      return { total: rows.length, rows: rows.map(toSummary) };
    }
    return this.transaction(async (client) => {
      const count = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM cables c ${whereSql}`, filterParams);
      const page = await client.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM cables c ${whereSql} ${orderSql} LIMIT ${limit} OFFSET ${offset}`, params);
      return { total: count.rows[0].n, rows: page.rows.map(toSummary) };
    }, SNAPSHOT_READ);
  }

  async *iterateCables(options: IterateOptions = {}): AsyncIterable<StoredCable & { versions: CableVersion[] }> {
    const batchSize = Math.max(1, options.batchSize ?? 500);
    const released = options.releasedOnly ? `AND ${RELEASED}` : '';
    const cols = 'c.id, c.canonical_id, c.released_at, c.current_version, c.version_count';
    const withVersions = options.withVersions ?? true;
    // Keyset pages: (release time, id) while released cables last, then (id) for the rest.
    let phase: 'id' | 'released' | 'unreleased' = options.order === 'released' ? 'released' : 'id';
    let after = '';
    let afterReleased: string | null = null;
    for (;;) {
      const params: unknown[] = [after, batchSize];
      const only = options.ids ? `AND c.canonical_id = ANY($${params.push(options.ids)}::text[])` : '';
      let sql: string;
      if (phase === 'id') sql = `SELECT ${cols} FROM cables c WHERE c.canonical_id > $1 ${released} ${only} ORDER BY c.canonical_id LIMIT $2`;
      else if (phase === 'unreleased') sql = `SELECT ${cols} FROM cables c WHERE c.released_at IS NULL AND c.canonical_id > $1 ${only} ORDER BY c.canonical_id LIMIT $2`;
      else {
        const since = `AND (c.released_at, c.canonical_id) > ($${params.push(afterReleased ?? '')}::text, $1::text)`;
        sql = `SELECT ${cols} FROM cables c WHERE c.released_at IS NOT NULL ${since} ${released} ${only} ORDER BY c.released_at, c.canonical_id LIMIT $2`;
      }
      const { rows: cables } = await this.query<CableRow>(sql, params);
      if (cables.length === 0) {
        if (phase !== 'released' || options.releasedOnly) return;
        phase = 'unreleased';
        after = '';
        continue;
      }
      // Without versions: the current one's parsed cable only, not the verbatim texts.
      const { rows: versionRows } = await this.query<VersionRow>(
        withVersions
          ? `SELECT * FROM versions v WHERE v.cable_id = ANY($1::bigint[])
             ${options.releasedOnly ? `AND ${publicVersionSql('v')}` : ''} ORDER BY v.cable_id, v.number`
          : `SELECT ${VERSION_FACT_COLUMNS}, '' AS raw, v.parsed
             FROM versions v JOIN cables c2 ON c2.id = v.cable_id AND c2.current_version = v.number WHERE v.cable_id = ANY($1::bigint[])
             ${options.releasedOnly ? `AND ${publicVersionSql('v')}` : ''} ORDER BY v.cable_id, v.number`,
        [cables.map((c) => c.id)],
      );
      const byCable = new Map<string, CableVersion[]>();
      for (const v of versionRows) {
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
      afterReleased = cables[cables.length - 1].released_at;
    }
  }

  async countBy(dimension: CountDimension, options: CountOptions = {}): Promise<CountRow[]> {
    const released = options.releasedOnly ? `AND ${RELEASED}` : '';
    const { sql: filter, params } = countFilterSql(options.where);
    let sql: string;
    if (dimension === 'tag') {
      sql = `SELECT t.tag AS key, count(*)::int AS count FROM cable_tags t JOIN cables c ON c.id = t.cable_id
             WHERE true ${released}${filter} GROUP BY t.tag ORDER BY key`;
    } else {
      const expr = {
        origin: 'c.origin',
        classification: 'c.classification',
        releasedDay: 'substr(c.released_at, 1, 10)',
        createdMonth: 'substr(c.created, 1, 7)',
        createdYear: 'substr(c.created, 1, 4)',
      }[dimension];
      if (!expr) throw new CablegateError('E_USAGE', `unknown count dimension ${JSON.stringify(dimension)}`);
      sql = `SELECT ${expr} AS key, count(*)::int AS count FROM cables c WHERE ${expr} IS NOT NULL ${released}${filter} GROUP BY key ORDER BY key`;
    }
    return (await this.query<CountRow>(sql, params)).rows;
  }

  async publicDigest(): Promise<PublicDigestRow[]> {
    const { rows } = await this.query<DigestRow>(
      `SELECT c.canonical_id, c.released_at, c.created, c.classification, c.origin,
              concat_ws(chr(31), c.reference_id, c.subject, c.current_version, c.version_count,
                (SELECT string_agg(v.content_hash || CASE WHEN ${publicVersionSql('v')} THEN '@' || v.published_at ELSE '' END, ' ' ORDER BY v.number)
                 FROM versions v WHERE v.cable_id = c.id)) AS signature,
              (SELECT string_agg(t.tag, chr(31) ORDER BY t.tag) FROM cable_tags t WHERE t.cable_id = c.id) AS tags,
              (SELECT string_agg(r.ref_id, chr(31) ORDER BY r.ref_id) FROM cable_refs r WHERE r.cable_id = c.id) AS refs
       FROM cables c WHERE ${RELEASED} ORDER BY c.canonical_id`,
      [],
    );
    return rows.map(toDigest);
  }

  async referenceEdges(ids: string[], options: { releasedOnly?: boolean } = {}): Promise<ReferenceEdge[]> {
    if (ids.length === 0) return [];
    const visible = options.releasedOnly ? `AND ${visibleCableSql('f')} AND ${visibleCableSql('t')}` : '';
    // Two index lookups (cited by one of them; citing one of them) rather than an OR over both columns.
    const { rows } = await this.query<ReferenceEdge>(
      `SELECT e."from", e."to" FROM (
         SELECT f.canonical_id AS "from", t.canonical_id AS "to"
         FROM cable_refs r JOIN cables f ON f.id = r.cable_id JOIN cables t ON t.canonical_id = r.ref_id
         WHERE f.canonical_id = ANY($1::text[]) AND t.canonical_id <> f.canonical_id ${visible}
         UNION
         SELECT f.canonical_id, t.canonical_id
         FROM cable_refs r JOIN cables f ON f.id = r.cable_id JOIN cables t ON t.canonical_id = r.ref_id
         WHERE r.ref_id = ANY($1::text[]) AND t.canonical_id <> f.canonical_id ${visible}
       ) e ORDER BY e."from" COLLATE "C", e."to" COLLATE "C"`,
      [ids],
    );
    return rows;
  }

  async citedBy(canonicalId: string, options: { releasedOnly?: boolean } = {}): Promise<CableSummary[]> {
    const { rows } = await this.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM cable_refs r JOIN cables c ON c.id = r.cable_id
       WHERE r.ref_id = $1 AND c.canonical_id <> $1 ${options.releasedOnly ? `AND ${RELEASED}` : ''}
       ORDER BY c.created IS NULL, c.created, c.canonical_id`,
      [canonicalId],
    );
    return rows.map(toSummary);
  }

  async publicCablePaths(range: { offset?: number; limit?: number } = {}): Promise<CablePathRow[]> {
    const { rows } = await this.query<CablePathRow>(
      `SELECT c.canonical_id AS "canonicalId", c.created FROM cables c WHERE ${RELEASED} ORDER BY c.canonical_id LIMIT $1 OFFSET $2`,
      [range.limit ?? null, range.offset ?? 0],
    );
    return rows;
  }

  async existingIds(canonicalIds: string[], options: { releasedOnly?: boolean } = {}): Promise<Set<string>> {
    const out = new Set<string>();
    if (canonicalIds.length === 0) return out;
    const { rows } = await this.query<{ id: string }>(
      `SELECT c.canonical_id AS id FROM cables c WHERE c.canonical_id = ANY($1::text[]) ${options.releasedOnly ? `AND ${RELEASED}` : ''}`,
      [canonicalIds],
    );
    for (const r of rows) out.add(r.id);
    return out;
  }

  async setReleased(canonicalIds: string[], releasedAt: string | null): Promise<number> {
    if (canonicalIds.length === 0) return 0;
    return this.transaction(async (client) => {
      await takeWriteLock(client);
      const res = await client.query(
        'UPDATE cables SET released_at = $1, withdrawn_at = NULL, withdrawn_reason = NULL WHERE canonical_id = ANY($2::text[])',
        [releasedAt, canonicalIds],
      );
      if (releasedAt === null) {
        await client.query(
          'UPDATE versions v SET published_at = NULL FROM cables c WHERE c.id = v.cable_id AND c.canonical_id = ANY($1::text[])',
          [canonicalIds],
        );
      } else {
        await client.query(
          `UPDATE versions v SET published_at = $1 FROM cables c
           WHERE c.id = v.cable_id AND v.number = c.current_version AND c.canonical_id = ANY($2::text[])`,
          [releasedAt, canonicalIds],
        );
      }
      return res.rowCount ?? 0;
    });
  }

  applyRelease(batch: ReleaseBatchInput): Promise<ReleaseOutcome> {
    return this.releases.apply(batch);
  }

  listReleases(options: { limit?: number; offset?: number } = {}): Promise<ReleaseBatch[]> {
    return this.releases.list(options);
  }

  releaseDay(day: string): Promise<ReleaseDayView> {
    return this.releases.day(day);
  }

  releaseLogDays(): Promise<Array<{ day: string; changed: number; withdrawn: number }>> {
    return this.releases.days();
  }

  async publicChanges(range: { limit?: number; offset?: number } = {}): Promise<{ total: number; rows: PublicChange[] }> {
    // A withdrawal shows only when the cable had been public before it (a scheduled cable withdrawn before its release stays unknown).
    // One statement: the total agrees with the rows.
    const { rows } = await this.query<ChangeRow & { total: number }>(
      `WITH e AS (
         SELECT 'version' AS kind, c.canonical_id, c.created, b.effective_at AS at, i.from_version, i.version AS to_version, NULL AS reason
         FROM release_items i JOIN release_batches b ON b.id = i.batch_id JOIN cables c ON c.canonical_id = i.canonical_id
         JOIN versions v ON v.cable_id = c.id AND v.number = i.version
         WHERE i.action = 'version' AND ${visibleCableSql('c')} AND ${publicVersionSql('v')}
         UNION ALL
         SELECT 'withdrawal', c.canonical_id, NULL, b.effective_at, NULL, NULL, i.reason
         FROM release_items i JOIN release_batches b ON b.id = i.batch_id JOIN cables c ON c.canonical_id = i.canonical_id
         WHERE i.action = 'withdraw' AND b.effective_at <= ${NOW_SQL} AND c.released_at IS NOT NULL AND c.released_at <= b.effective_at
       )
       SELECT p.*, t.total FROM (SELECT count(*)::int AS total FROM e) t
       LEFT JOIN LATERAL (SELECT * FROM e ORDER BY e.at DESC, e.canonical_id COLLATE "C" DESC, e.kind LIMIT $1 OFFSET $2) p ON true`,
      [range.limit ?? null, range.offset ?? 0],
    );
    return { total: rows[0]?.total ?? 0, rows: rows.filter((r) => r.canonical_id !== null).map(toChange) };
  }

  getWithdrawal(canonicalId: string): Promise<{ canonicalId: string; withdrawnAt: string; reason: string } | null> {
    return this.releases.withdrawal(canonicalId);
  }

  unreleasedCables(filter: UnreleasedFilter = {}): Promise<CableSummary[]> {
    return this.releases.unreleased(filter);
  }

  async changeToken(): Promise<string> {
    const { rows } = await this.query<{ generation: string; next_due: string | null; next_version: string | null }>(
      `SELECT (SELECT generation FROM archive_state WHERE id = 1)::text AS generation,
              (SELECT min(c.released_at) FROM cables c WHERE c.released_at > ${NOW_SQL}) AS next_due,
              (SELECT min(v.published_at) FROM versions v WHERE v.published_at > ${NOW_SQL}) AS next_version`,
    );
    const r = rows[0];
    return `${r.generation}:${r.next_due ?? ''}:${r.next_version ?? ''}`;
  }

  async stats(options: { releasedOnly?: boolean } = {}): Promise<ArchiveStats> {
    const where = options.releasedOnly ? `WHERE ${RELEASED}` : '';
    const { rows } = await this.query<{ total: number; released: number; versions: number }>(
      `SELECT count(*)::int AS total, (count(*) FILTER (WHERE ${RELEASED}))::int AS released, ${
        options.releasedOnly
          ? `(SELECT count(*) FROM versions v JOIN cables c ON c.id = v.cable_id WHERE ${RELEASED} AND ${publicVersionSql('v')})::int`
          : 'coalesce(sum(c.version_count), 0)::int'
      } AS versions FROM cables c ${where}`,
    );
    const toRecord = (list: CountRow[]) => Object.fromEntries(list.map((r) => [r.key, r.count]));
    return {
      ...rows[0],
      byClassification: toRecord(await this.countBy('classification', options)),
      byOrigin: toRecord(await this.countBy('origin', options)),
    };
  }

  search: Store['search'] = (query) => this.searcher.search(query);
  searchAll: Store['searchAll'] = (query, options) => this.searcher.searchAll(query, options);
  lookupReference: Store['lookupReference'] = (ref, options) => this.searcher.lookupReference(ref, options);

  /** Migration: writes cables exactly as another archive holds them, in one transaction. */
  async restoreCables(list: RestoredCable[]): Promise<void> {
    await this.transaction(async (client) => {
      await takeWriteLock(client);
      await restoreCables(client, list);
    });
  }

  /** Migration: appends another archive's release log (batches oldest first). */
  async restoreReleaseLog(batches: ReleaseBatch[]): Promise<void> {
    await this.transaction((client) => restoreReleaseLog(client, batches));
  }

  /** Articles (migration 007), through this store's statements and transactions. */
  private get articles(): PostgresArticles {
    return (this.articlesAdapter ??= new PostgresArticles((sql, params) => this.query(sql, params), (body) => this.transaction(body)));
  }
  private articlesAdapter: PostgresArticles | null = null;

  async putArticles(inputs: ArticleInput[]): Promise<PutOutcome[]> {
    return inputs.length ? this.articles.put(inputs) : [];
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
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** The URL without its `options` parameter (libpq session settings, `-c name=value ...`), and that parameter. */
function splitSessionOptions(url: string): { url: string; options: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url, options: '' };
  }
  const options = parsed.searchParams.get('options');
  if (options === null) return { url, options: '' };
  parsed.searchParams.delete('options');
  return { url: parsed.toString(), options: options.trim() };
}

/** What a batch leaves of one cable: its final browse columns, tags, references and index. */
interface Touched {
  id: string;
  isNew: boolean;
  canonicalId: string;
  releasedAt: string | null;
  /** Highest version number. */
  number: number;
  hashes: Set<string>;
  /** Versions added by this batch. */
  added: number;
  /** The new current version (null: the current version did not change). */
  current: { number: number; parsed: ParsedCable } | null;
  /** What the highest version says (read only when a text with an unknown hash comes). */
  latest?: ParsedCable;
}

/**
 * Writes a batch with a fixed number of statements whatever its size: read what exists,
 * decide every outcome in JS (the same cable may come twice), then bulk-insert. Same
 * rules as the SQLite store: a new text of a released cable, imported without a release
 * time, is stored as a non-public version and the public one does not change.
 */
async function writeBatch(client: pg.PoolClient, inputs: CableInput[], importedAt: string): Promise<PutOutcome[]> {
  await takeWriteLock(client);
  const ids = [...new Set(inputs.map((i) => i.parsed.canonicalId as string))];
  const { rows: existing } = await client.query<{ id: string; canonical_id: string; released_at: string | null }>(
    'SELECT id, canonical_id, released_at FROM cables WHERE canonical_id = ANY($1::text[])',
    [ids],
  );
  const state = new Map<string, Touched>();
  for (const r of existing) {
    state.set(r.canonical_id, { id: r.id, isNew: false, canonicalId: r.canonical_id, releasedAt: r.released_at, number: 0, hashes: new Set(), added: 0, current: null });
  }
  if (existing.length > 0) {
    const { rows: known } = await client.query<{ cable_id: string; content_hash: string; number: number }>(
      'SELECT cable_id, content_hash, number FROM versions WHERE cable_id = ANY($1::bigint[])',
      [existing.map((r) => r.id)],
    );
    const byId = new Map([...state.values()].map((t) => [t.id, t]));
    for (const v of known) {
      const t = byId.get(v.cable_id);
      if (!t) continue;
      t.hashes.add(v.content_hash);
      t.number = Math.max(t.number, v.number);
    }
  }
  // A text with an unknown hash may still say what the latest version says (another
  // build's markup): read those versions' parses, for the cables that need them only.
  const unknown = [...new Set(inputs.filter((i) => { const t = state.get(i.parsed.canonicalId as string); return t && !t.hashes.has(i.contentHash ?? contentHash(i.raw)); }).map((i) => state.get(i.parsed.canonicalId as string)!.id))];
  if (unknown.length > 0) {
    const { rows: latest } = await client.query<{ cable_id: string; parsed: ParsedCable }>(
      'SELECT DISTINCT ON (cable_id) cable_id, parsed FROM versions WHERE cable_id = ANY($1::bigint[]) ORDER BY cable_id, number DESC',
      [unknown],
    );
    const byId = new Map([...state.values()].map((t) => [t.id, t]));
    for (const r of latest) byId.get(r.cable_id)!.latest = r.parsed;
  }
  const firstReleases: Array<{ id: string; number: number; at: string }> = [];
  const sightings = { cable: [] as string[], number: [] as number[], hash: [] as string[], source: [] as string[], format: [] as string[] };
  const newCount = ids.length - existing.length;
  const fresh =
    newCount > 0
      ? (await client.query<{ id: string }>("SELECT nextval(pg_get_serial_sequence('cables', 'id'))::text AS id FROM generate_series(1, $1)", [newCount])).rows.map((r) => r.id)
      : [];

  const v = { cable: [] as string[], number: [] as number[], hash: [] as string[], source: [] as string[], format: [] as string[], raw: [] as string[], parsed: [] as string[], published: [] as (string | null)[] };
  const outcomes: PutOutcome[] = [];
  for (const input of inputs) {
    const canonicalId = input.parsed.canonicalId as string;
    const hash = input.contentHash ?? contentHash(input.raw);
    let t = state.get(canonicalId);
    let outcome: PutOutcome;
    let becomesCurrent = true;
    if (!t) {
      t = { id: fresh.pop() as string, isNew: true, canonicalId, releasedAt: input.releasedAt, number: 0, hashes: new Set(), added: 0, current: null };
      state.set(canonicalId, t);
      outcome = 'new';
    } else if (t.hashes.has(hash)) {
      outcomes.push('unchanged');
      continue;
    } else if (t.latest && saysSame(t.latest, input.parsed)) {
      // The same text in another build's markup: a sighting of the latest version, not a new one.
      sightings.cable.push(t.id);
      sightings.number.push(t.number);
      sightings.hash.push(hash);
      sightings.source.push(input.source);
      sightings.format.push(input.format);
      t.hashes.add(hash);
      // It may bring the first release time (an unreleased cable's latest version is its current one).
      if (t.releasedAt === null && input.releasedAt !== null && !t.isNew) {
        t.releasedAt = input.releasedAt;
        firstReleases.push({ id: t.id, number: t.number, at: input.releasedAt });
      }
      outcomes.push('unchanged');
      continue;
    } else {
      outcome = 'changed';
      if (t.releasedAt !== null && input.releasedAt === null) becomesCurrent = false;
      else t.releasedAt = t.releasedAt ?? input.releasedAt;
    }
    t.number += 1;
    t.added += 1;
    t.hashes.add(hash);
    if (becomesCurrent) t.current = { number: t.number, parsed: input.parsed };
    t.latest = input.parsed;
    v.cable.push(t.id);
    v.number.push(t.number);
    v.hash.push(hash);
    v.source.push(input.source);
    v.format.push(input.format);
    v.raw.push(input.raw);
    v.parsed.push(input.parsedJson ?? JSON.stringify(input.parsed));
    v.published.push(becomesCurrent ? input.releasedAt : null);
    outcomes.push(outcome);
  }

  const writeSightings = async () => {
  // After the cables and versions they name are written (a cable new in this batch may be seen twice).
    if (sightings.cable.length > 0) {
      await client.query(
        `INSERT INTO version_sightings (cable_id, number, content_hash, source, format, seen_at)
         SELECT u.cable_id, u.number, u.hash, u.source, u.format, $6
         FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[]) AS u(cable_id, number, hash, source, format)
         ON CONFLICT (cable_id, content_hash) DO NOTHING`,
        [sightings.cable, sightings.number, sightings.hash, sightings.source, sightings.format, importedAt],
      );
    }
    for (const r of firstReleases) {
      await client.query('UPDATE cables SET released_at = $2 WHERE id = $1 AND released_at IS NULL', [r.id, r.at]);
      await client.query('UPDATE versions SET published_at = $3 WHERE cable_id = $1 AND number = $2', [r.id, r.number, r.at]);
    }
  };
  const all = [...state.values()].filter((t) => t.added > 0);
  if (all.length === 0) {
    await writeSightings();
    return outcomes;
  }
  const withCurrent = all.filter((t) => t.current !== null);
  const browse = (list: Touched[]) => {
    const of = (f: (t: Touched, p: ParsedCable) => unknown) => list.map((t) => f(t, (t.current as { parsed: ParsedCable }).parsed));
    return [
      of((t) => t.id),
      of((t) => t.releasedAt),
      of((t) => (t.current as { number: number }).number),
      of((t) => t.number),
      of((_, p) => p.referenceId),
      of((_, p) => p.subject),
      of((_, p) => p.created),
      of((_, p) => p.classification),
      of((_, p) => p.origin),
    ];
  };
  const inserted = all.filter((t) => t.isNew);
  const updated = withCurrent.filter((t) => !t.isNew);
  const countOnly = all.filter((t) => !t.isNew && t.current === null);
  if (inserted.length > 0) {
    const [id, ...rest] = browse(inserted);
    await client.query(
      `INSERT INTO cables (id, canonical_id, released_at, current_version, version_count, reference_id, subject, created, classification, origin)
       SELECT u.id, u.canonical_id, u.released_at, u.cur, u.n, u.reference_id, u.subject, u.created, u.classification, u.origin
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
         AS u(id, canonical_id, released_at, cur, n, reference_id, subject, created, classification, origin)`,
      [id, inserted.map((t) => t.canonicalId), ...rest],
    );
  }
  if (updated.length > 0) {
    await client.query(
      `UPDATE cables c SET released_at = COALESCE(c.released_at, u.released_at), current_version = u.cur, version_count = u.n,
         reference_id = u.reference_id, subject = u.subject, created = u.created, classification = u.classification, origin = u.origin
       FROM unnest($1::bigint[], $2::text[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
         AS u(id, released_at, cur, n, reference_id, subject, created, classification, origin)
       WHERE c.id = u.id`,
      browse(updated),
    );
    const changedIds = updated.map((t) => t.id);
    await client.query('DELETE FROM cable_tags WHERE cable_id = ANY($1::bigint[])', [changedIds]);
    await client.query('DELETE FROM cable_refs WHERE cable_id = ANY($1::bigint[])', [changedIds]);
  }
  if (countOnly.length > 0) {
    await client.query('UPDATE cables c SET version_count = u.n FROM unnest($1::bigint[], $2::int[]) AS u(id, n) WHERE c.id = u.id', [
      countOnly.map((t) => t.id),
      countOnly.map((t) => t.number),
    ]);
  }
  await client.query(
    `INSERT INTO versions (cable_id, number, content_hash, source, format, imported_at, raw, parsed, published_at)
     SELECT u.cable_id, u.number, u.hash, u.source, u.format, $9, u.raw, u.parsed::jsonb, u.published
     FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
       AS u(cable_id, number, hash, source, format, raw, parsed, published)`,
    [v.cable, v.number, v.hash, v.source, v.format, v.raw, v.parsed, v.published, importedAt],
  );
  await writeCurrentRows(client, withCurrent.map((t) => ({ id: t.id, canonicalId: t.canonicalId, parsed: (t.current as { parsed: ParsedCable }).parsed })));
  await writeSightings();
  return outcomes;
}

/** The columns of a version other than its texts. */
const VERSION_FACT_COLUMNS = 'v.cable_id, v.number, v.content_hash, v.source, v.format, v.imported_at, v.published_at';
type VersionFactsRow = Omit<VersionRow, 'raw' | 'parsed'>;

function toVersionFacts(r: VersionFactsRow): VersionFacts {
  return { number: r.number, contentHash: r.content_hash, source: r.source, format: r.format as SourceFormat, importedAt: r.imported_at, publishedAt: r.published_at ?? null };
}

function toVersion(r: VersionRow): CableVersion {
  return {
    number: r.number,
    contentHash: r.content_hash,
    source: r.source,
    format: r.format as SourceFormat,
    importedAt: r.imported_at,
    raw: r.raw,
    parsed: r.parsed,
    publishedAt: r.published_at ?? null,
  };
}
