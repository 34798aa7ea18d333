/** SQL shared by the SQLite store's browse lists (listCables, the release planner's unreleased list). */
import type { Classification } from '../../domain/classification.js';

/** The browse columns of `cables c`, in the shape of SummaryRow (src/store/summary-row.ts). */
export const SUMMARY_COLUMNS = 'c.canonical_id, c.reference_id, c.subject, c.created, c.released_at, c.classification, c.origin';

/** Adds the origin, classification, tag and id-list conditions on `cables c` (with their parameters). */
export function addBrowseFilters(
  filter: { origin?: string; classification?: Classification; tag?: string; ids?: string[] },
  where: string[],
  params: unknown[],
): void {
  if (filter.origin !== undefined) {
    where.push('c.origin = ?');
    params.push(filter.origin);
  }
  if (filter.classification !== undefined) {
    where.push('c.classification = ?');
    params.push(filter.classification);
  }
  if (filter.tag !== undefined) {
    where.push('c.id IN (SELECT cable_id FROM cable_tags WHERE tag = ?)');
    params.push(filter.tag);
  }
  if (filter.ids !== undefined) {
    where.push('c.canonical_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.ids));
  }
}
