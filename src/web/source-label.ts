/**
 * How public pages name where a version came from: by the kind of source only. The path
 * a publisher imported from (`/home/.../cable/2010/02/10DAMASCUS159.html`) tells readers
 * about the publisher's machine (user and folder names) and nothing about the cable, so
 * it stays in the archive (the CLI, `export-jsonl --private`) and never reaches a page,
 * a JSON twin or a mirror.
 */
import type { SourceFormat } from '../domain/source-record.js';

const LABELS: Record<SourceFormat, string> = {
  'site-page': 'site page',
  csv: 'cables.csv',
  text: 'plain text',
  'body-extract': 'body extract',
  jsonl: 'JSON Lines archive',
};

/** The public name of a source kind (an unknown format is named as stored: it is a kind, never a path). */
export function publicSourceLabel(format: SourceFormat | string): string {
  return (LABELS as Record<string, string>)[format] ?? 'other source';
}
