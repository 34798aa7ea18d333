import type { ParsedCable } from '../domain/cable.js';
import type { SourceFormat, SourceRecord } from '../domain/source-record.js';
import type { SourceFile } from '../sources/list-source-files.js';
import { extractFile } from '../sources/read-sources.js';
import { isCablegateError } from '../domain/errors.js';
import { parseCable } from '../parse/cable.js';
import { contentHash } from '../store/content-hash.js';
import { cableIdProblem, isCableId } from '../domain/cable-id.js';
import { idFromFileName } from '../parse/body-extract.js';

/** What parsing one record gave: a cable, or the reason it was rejected. */
export type ParseOutcome =
  | { ok: true; parsed: ParsedCable; parsedJson: string; contentHash: string }
  | { ok: false; code: string; reason: string };

/** Work for a parse worker: a record already read, or a whole file's bytes to extract first. */
export type ParseJob = { record: SourceRecord } | { file: SourceFile; bytes: Uint8Array };

/** What a job gave: the record (as stored) with its outcome, or a reject (or skip, `skipped: true`) of the file. */
export type JobResult =
  | { kind: 'parsed'; record: { source: string; format: SourceFormat; raw: string }; outcome: ParseOutcome }
  | { kind: 'rejected'; source: string; code: string; reason: string; skipped?: boolean };

/** Runs one job: extraction (for a file) and parsing. */
export function runJob(job: ParseJob): JobResult {
  let record: SourceRecord;
  if ('record' in job) record = job.record;
  else {
    const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
    const item = extractFile(job.file, bytes);
    if (!item.ok) return { kind: 'rejected', ...item.reject };
    record = item.record;
  }
  return { kind: 'parsed', record: { source: record.source, format: record.format, raw: record.raw }, outcome: parseRecord(record) };
}

/**
 * Parses one record, turning every failure (and a missing canonical id) into a reject reason.
 * The JSON and the hash the store needs are made here too, in the parse workers.
 */
export function parseRecord(record: SourceRecord): ParseOutcome {
  let parsed: ParsedCable;
  try {
    parsed = parseCable(record);
    // A text file whose text names no cable (a partial extract) is the cable its file is
    // named after (`10DAMASCUS159.txt`). Only the import does this: `parse` reads the text alone.
    const fileId = record.format === 'text' && !parsed.referenceId ? idFromFileName(record.source) : null;
    if (fileId) {
      parsed = parseCable({ ...record, meta: { ...record.meta, referenceId: fileId } });
      parsed.warnings.push(`reference id ${fileId} taken from the file name: the text names none`);
    }
  } catch (e) {
    if (isCablegateError(e)) return { ok: false, code: e.code, reason: e.hint ? `${e.message} (${e.hint})` : e.message };
    return { ok: false, code: 'E_PARSE_FAILED', reason: `the parser failed: ${(e as Error)?.message ?? String(e)}` };
  }
  if (!parsed.canonicalId) {
    const seen = parsed.referenceId ? ` (reference id as written: ${JSON.stringify(parsed.referenceId)})` : '';
    return { ok: false, code: 'E_INVALID_ID', reason: `parsed, but no canonical cable id could be derived${seen}` };
  }
  // The id names pages, URLs and mirror files: anything outside the grammar is refused here.
  // (The id as written may be in lower case; its canonical form may not.)
  if (parsed.referenceId !== null && !isCableId(parsed.referenceId.toUpperCase())) {
    return { ok: false, code: 'E_INVALID_ID', reason: cableIdProblem(parsed.referenceId) };
  }
  if (!isCableId(parsed.canonicalId)) return { ok: false, code: 'E_INVALID_ID', reason: cableIdProblem(parsed.canonicalId) };
  return { ok: true, parsed, parsedJson: JSON.stringify(parsed), contentHash: contentHash(record.raw) };
}
