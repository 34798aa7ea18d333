/**
 * The embargo for PostgreSQL, same rules as the SQLite archive (see
 * src/store/sqlite/visibility.ts): a cable is visible when released at or before now and
 * not withdrawn; a version is public when published at or before now. "Now" is the SQL
 * function `cablegate_now()` (migration 003): the setting `cablegate.now` when a test
 * clock set it on the connection, else the server's clock, as `YYYY-MM-DDTHH:MMZ`.
 */

export const NOW_SQL = 'cablegate_now()';

/** The setting `cablegate_now()` reads first (set per connection by a store with a test clock). */
export const NOW_SETTING = 'cablegate.now';

/** SQL predicate: the cable row aliased `alias` is visible now. */
export function visibleCableSql(alias = 'c'): string {
  return `(${alias}.released_at IS NOT NULL AND ${alias}.released_at <= ${NOW_SQL} AND ${alias}.withdrawn_at IS NULL)`;
}

/** SQL predicate: the version row `v` is public now (its cable must be visible too). */
export function publicVersionSql(alias = 'v'): string {
  return `(${alias}.published_at IS NOT NULL AND ${alias}.published_at <= ${NOW_SQL})`;
}

export const VISIBLE_NOW = visibleCableSql('c');

/** A clock value in the stored format: ISO 8601 UTC to the minute (`2010-11-28T18:00Z`). */
export function minuteIso(date: Date): string {
  return `${date.toISOString().slice(0, 16)}Z`;
}
