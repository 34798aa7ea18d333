/** The browse columns of `cables c`, in the shape of SummaryRow (src/store/summary-row.ts). */
export const SUMMARY_COLUMNS = 'c.canonical_id, c.reference_id, c.subject, c.created, c.released_at, c.classification, c.origin';
