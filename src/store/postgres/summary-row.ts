import type { Classification } from '../../domain/classification.js';
import type { CableSummary } from '../store.js';

/** The browse columns of `cables c`, as selected by SUMMARY_COLUMNS. */
export interface SummaryRow {
  canonical_id: string;
  reference_id: string | null;
  subject: string | null;
  created: string | null;
  released_at: string | null;
  classification: string | null;
  origin: string | null;
}

export const SUMMARY_COLUMNS = 'c.canonical_id, c.reference_id, c.subject, c.created, c.released_at, c.classification, c.origin';

/** Condition on `cables c`: released to the public. */
export { VISIBLE_NOW as RELEASED } from './visibility.js';

export function toSummary(r: SummaryRow): CableSummary {
  return {
    canonicalId: r.canonical_id,
    referenceId: r.reference_id,
    subject: r.subject,
    created: r.created,
    releasedAt: r.released_at,
    classification: r.classification as Classification | null,
    origin: r.origin,
  };
}
