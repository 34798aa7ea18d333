/**
 * Lines of the project's own JSON Lines export (`cablegate export-jsonl`). Accepted shapes:
 *
 *   a cable line   {"canonicalId": "10DAMASCUS159", "releasedAt": "...",
 *                   "versions": [{"format": "site-page", "source": "...", "raw": "...", "releasedAt": "..."}, ...]}
 *   a version line {"format": "site-page", "source": "...", "raw": "...", "releasedAt": "..."}
 *
 * Each version's `raw` is the original record verbatim; it is re-extracted with its own
 * format's extractor, so export -> import round-trips. `publishedAt` (the version's own) or
 * else `releasedAt` (ISO) fills the release time when the raw record does not carry one. Pure.
 */
import type { SourceFormat, SourceItem } from '../domain/source-record.js';
import { extractSitePage } from './site-page.js';
import { extractPlainText } from './plain-text.js';
import { extractBodyExtract, idFromFileName } from './body-extract.js';

interface VersionLine {
  format: SourceFormat;
  source?: string;
  raw: string;
  releasedAt?: string | null;
  /** Written by export-jsonl: when this version became public, or null if it never was. */
  publishedAt?: string | null;
  canonicalId?: string;
}

/** Extracts a raw CSV row (used for `csv` versions); supplied by the caller to keep this module free of the CSV engine. */
export type CsvRowExtractor = (raw: string, source: string) => SourceItem;

export function extractJsonlLine(line: string, where: string, csvRow: CsvRowExtractor): SourceItem[] {
  const reject = (reason: string): SourceItem[] => [{ ok: false, reject: { source: where, code: 'E_JSONL_MALFORMED', reason } }];
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return reject(`not valid JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null) return reject('not a JSON object');
  const obj = value as Record<string, unknown>;
  const versions: unknown[] = Array.isArray(obj.versions) ? obj.versions : [obj];
  const out: SourceItem[] = [];
  versions.forEach((v, i) => {
    const at = versions.length > 1 || Array.isArray(obj.versions) ? `${where}#v${i + 1}` : where;
    if (!isVersion(v)) {
      out.push({ ok: false, reject: { source: at, code: 'E_JSONL_MALFORMED', reason: 'a version needs string "format" and "raw"' } });
      return;
    }
    // A version's own publication time wins; a version that was never public (a hidden
    // correction) brings no release time, so it is stored non-public again.
    const releasedAt =
      'publishedAt' in v ? (v.publishedAt ?? null) : (v.releasedAt ?? (typeof obj.releasedAt === 'string' ? obj.releasedAt : null));
    const canonicalId = v.canonicalId ?? (typeof obj.canonicalId === 'string' ? obj.canonicalId : null);
    const source = v.source ?? at;
    let item: SourceItem;
    switch (v.format) {
      case 'site-page': item = extractSitePage(v.raw, source); break;
      case 'text': item = extractPlainText(v.raw, source); break;
      case 'body-extract': item = extractBodyExtract(v.raw, source, idFromFileName(source) ?? canonicalId); break;
      case 'csv': item = csvRow(v.raw, source); break;
      default:
        item = { ok: false, reject: { source: at, code: 'E_JSONL_MALFORMED', reason: `unknown format ${JSON.stringify(v.format)}` } };
    }
    if (item.ok && releasedAt && !item.record.meta.released) {
      item.record.meta.released = releasedAt.replace('T', ' ').replace(/Z$/, '').slice(0, 16);
    }
    out.push(item);
  });
  return out;
}

function isVersion(v: unknown): v is VersionLine {
  return typeof v === 'object' && v !== null && typeof (v as VersionLine).format === 'string' && typeof (v as VersionLine).raw === 'string';
}
