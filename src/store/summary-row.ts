import type { Classification } from '../domain/classification.js';
import type { CableSummary } from './store.js';

/**
 * A browse row as both adapters select it from `cables c` (each adapter names the
 * columns in its own SUMMARY_COLUMNS), and its conversion to the store's CableSummary.
 */
export interface SummaryRow {
  canonical_id: string;
  reference_id: string | null;
  subject: string | null;
  created: string | null;
  released_at: string | null;
  classification: string | null;
  origin: string | null;
}

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
