/**
 * The rows of the researchers' bulk files, shared by the live site's `/cables.csv.gz` and
 * `/cables.jsonl.gz` and by the mirror export.
 *
 * One row of the researchers' `cables.csv`, in the 2011 dump's format: 8 double-quoted,
 * comma-separated columns — row number, created (`M/D/YYYY HH:MM`), reference id, origin,
 * classification, referenced ids (`|`-separated), header, body — with backslash escapes
 * (`\"`, `\\`, and a backslash before each newline inside a field). Pure.
 */
import type { StoredCable } from '../store/store.js';
import { cablePath } from './paths.js';

/** `2010-02-24T14:08Z` -> `2/24/2010 14:08`; '' when unknown. */
export function csvCreated(created: string | null): string {
  const m = created ? /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(created) : null;
  if (!m) return '';
  return `${Number(m[2])}/${Number(m[3])}/${m[1]} ${m[4] ?? '00'}:${m[5] ?? '00'}`;
}

export function csvField(value: string): string {
  return `"${value.replace(/\r\n?/g, '\n').replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\\n')}"`;
}

/** Reads only `canonicalId` and `cable` (the mirror export also builds rows from its own JSON Lines). */
export function cableCsvRow(rowNumber: number, stored: Pick<StoredCable, 'canonicalId' | 'cable'> & Partial<StoredCable>): string {
  const c = stored.cable;
  return (
    [
      String(rowNumber),
      csvCreated(c.created),
      stored.canonicalId,
      c.origin ?? '',
      c.classification ?? '',
      c.references.join('|'),
      c.header ?? '',
      c.body,
    ]
      .map(csvField)
      .join(',') + '\n'
  );
}

/** One line of `cables.jsonl`: id, URL, release time and everything the parser understood. */
export function cableJsonLine(stored: StoredCable): string {
  const line = { id: stored.canonicalId, url: cablePath(stored.canonicalId, stored.cable.created), releasedAt: stored.releasedAt, cable: stored.cable };
  return JSON.stringify(line) + '\n';
}
