/**
 * One row of the 2011 `cables.csv`: id, created (`12/28/1966 18:48`), reference id,
 * origin, classification, referenced ids (`|`-separated), header, body. Pure.
 */
import type { SourceItem } from '../domain/source-record.js';

/** Undoes the dump's escapes that the CSV reader leaves: a backslash before a newline. */
export function unescapeCsvField(s: string): string {
  return s.includes('\\') ? s.replace(/\\\r?\n/g, '\n') : s;
}

export function csvRowToItem(fields: string[], source: string, raw: string): SourceItem {
  if (fields.length !== 8) {
    return { ok: false, reject: { source, code: 'E_CSV_MALFORMED', reason: `expected 8 columns, found ${fields.length}` } };
  }
  const [, created, referenceId, origin, classification, refs, headerRaw, bodyRaw] = fields.map(unescapeCsvField);
  if (!referenceId.trim() || (!bodyRaw.trim() && !headerRaw.trim())) {
    return { ok: false, reject: { source, code: 'E_SOURCE_NOT_A_CABLE', reason: 'the row has no reference id or no text' } };
  }
  const referencedIds = refs.split('|').map((s) => s.trim()).filter(Boolean);
  const header = headerRaw.replace(/\r\n?/g, '\n');
  return {
    ok: true,
    record: {
      source,
      format: 'csv',
      header: header.trim() ? header : null,
      body: bodyRaw.replace(/\r\n?/g, '\n'),
      meta: {
        referenceId: referenceId.trim(),
        created: created.trim() || undefined,
        origin: origin.trim() || undefined,
        classification: classification.trim() || undefined,
        referencedIds,
      },
      raw,
    },
  };
}
