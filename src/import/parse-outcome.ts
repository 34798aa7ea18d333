import type { ParsedCable } from '../domain/cable.js';
import type { SourceRecord } from '../domain/source-record.js';
import { isCablegateError } from '../domain/errors.js';
import { parseCable } from '../parse/cable.js';
import { contentHash } from '../store/content-hash.js';

/** What parsing one record gave: a cable, or the reason it was rejected. */
export type ParseOutcome =
  | { ok: true; parsed: ParsedCable; parsedJson: string; contentHash: string }
  | { ok: false; code: string; reason: string };

/**
 * Parses one record, turning every failure (and a missing canonical id) into a reject reason.
 * The JSON and the hash the store needs are made here too, in the parse workers.
 */
export function parseRecord(record: SourceRecord): ParseOutcome {
  let parsed: ParsedCable;
  try {
    parsed = parseCable(record);
  } catch (e) {
    if (isCablegateError(e)) return { ok: false, code: e.code, reason: e.hint ? `${e.message} (${e.hint})` : e.message };
    return { ok: false, code: 'E_PARSE_FAILED', reason: `the parser failed: ${(e as Error)?.message ?? String(e)}` };
  }
  if (!parsed.canonicalId) {
    const seen = parsed.referenceId ? ` (reference id as written: ${JSON.stringify(parsed.referenceId)})` : '';
    return { ok: false, code: 'E_INVALID_ID', reason: `parsed, but no canonical cable id could be derived${seen}` };
  }
  return { ok: true, parsed, parsedJson: JSON.stringify(parsed), contentHash: contentHash(record.raw) };
}
