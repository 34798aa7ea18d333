/**
 * Compares what a site page's table says (reference id, classification, origin,
 * created) with what the cable's text alone says (deriveFromText). A field the text
 * does not carry (derived null) is "unknown", not a disagreement. Pure.
 */
import type { SourceRecord } from '../domain/source-record.js';
import { canonicalizeId } from './fields/index.js';
import { deriveFromText } from './derive-from-text.js';

export const AGREEMENT_FIELDS = ['referenceId', 'classificationLevel', 'classification', 'origin', 'createdHour'] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];

export interface FieldComparison {
  field: AgreementField;
  table: string | null;
  derived: string | null;
  /** 'agree' | 'disagree' | 'unknown' (the text does not carry it, or the table has no value). */
  outcome: 'agree' | 'disagree' | 'unknown';
}

/** `2010-02-24 14:02` -> `2010-02-24T14`; `2010-02-24T14:08Z` -> `2010-02-24T14`. */
function dayHour(s: string | null | undefined): string | null {
  const m = s ? /^(\d{4}-\d{2}-\d{2})[ T](\d{2})/.exec(s.trim()) : null;
  return m ? `${m[1]}T${m[2]}` : null;
}

export function compareWithTable(record: SourceRecord): FieldComparison[] {
  const d = deriveFromText(record.header, record.body);
  const t = record.meta;
  const level = (c: string | null | undefined) => (c ? c.split('//')[0].trim().toUpperCase() : null);
  const pairs: [AgreementField, string | null, string | null][] = [
    ['referenceId', t.referenceId ? canonicalizeId(t.referenceId) : null, d.referenceId],
    ['classificationLevel', level(t.classification), level(d.classification)],
    ['classification', t.classification?.trim().toUpperCase() ?? null, d.classification],
    ['origin', t.origin?.trim() ?? null, d.origin],
    ['createdHour', dayHour(t.created), dayHour(d.created)],
  ];
  return pairs.map(([field, table, derived]) => ({
    field,
    table,
    derived,
    outcome: table === null || derived === null ? 'unknown' : table === derived ? 'agree' : 'disagree',
  }));
}
