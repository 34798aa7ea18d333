/** The browse row shared by both adapters (src/store/summary-row.ts), selected here by SUMMARY_COLUMNS. */
export { toSummary, type SummaryRow } from '../summary-row.js';

export const SUMMARY_COLUMNS = 'c.canonical_id, c.reference_id, c.subject, c.created, c.released_at, c.classification, c.origin';

/** Condition on `cables c`: released to the public. */
export { VISIBLE_NOW as RELEASED } from './visibility.js';
