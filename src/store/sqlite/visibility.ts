/**
 * The embargo, in one place. A cable is visible to readers when it has a release time
 * at or before now and is not withdrawn; a version is visible when its cable is and the
 * version itself is public (published at or before now). Every reader-facing query
 * (listCables, getCable, countBy, citedBy, existingIds, stats, search, feeds, sitemap)
 * filters with these predicates. "Now" is read at query time through the SQL function
 * `cablegate_now()` (registered on the connection by the store, injectable for tests),
 * so scheduled releases appear at their time without any background job.
 */

/** Name of the SQL function returning the current time as `YYYY-MM-DDTHH:MMZ`. */
export const NOW_FUNCTION = 'cablegate_now';

/** `now` as a once-per-statement scalar (an uncorrelated subquery SQLite evaluates once). */
export const NOW_SQL = `(SELECT ${NOW_FUNCTION}())`;

/**
 * SQL predicate: the cable row aliased `alias` is visible now. The unary `+` keeps SQLite
 * from driving queries through the release-time index for this test: a scan of the small
 * cable rows is far cheaper than an index walk with a table lookup per row (measured:
 * 0.07 s against 0.75 s on 251,287 cables), and other indexes (origin, tag, ordering)
 * stay usable.
 */
export function visibleCableSql(alias = 'c'): string {
  return `(+${alias}.released_at IS NOT NULL AND +${alias}.released_at <= ${NOW_SQL} AND ${alias}.withdrawn_at IS NULL)`;
}

/** SQL predicate: the version row `v` is public now (its cable must be visible too). */
export function publicVersionSql(alias = 'v'): string {
  return `EXISTS (SELECT 1 FROM version_publications vp WHERE vp.cable_id = ${alias}.cable_id AND vp.number = ${alias}.number AND vp.published_at <= ${NOW_SQL})`;
}

/** SQL expression: when the version row `v` became (or becomes) public, or null. */
export function publishedAtSql(alias = 'v'): string {
  return `(SELECT vp.published_at FROM version_publications vp WHERE vp.cable_id = ${alias}.cable_id AND vp.number = ${alias}.number)`;
}

/** The visible-now predicate for the cables table aliased `c` (the usual alias). */
export const VISIBLE_NOW = visibleCableSql('c');

/** A clock value in the stored format: ISO 8601 UTC to the minute (`2010-11-28T18:00Z`). */
export function minuteIso(date: Date): string {
  return `${date.toISOString().slice(0, 16)}Z`;
}
