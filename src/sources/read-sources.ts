/**
 * Reads cables from files and folders of any supported format, as a stream of
 * source items: `{ok: true, record}` or `{ok: false, reject}`. Never throws for a bad
 * file: it becomes a reject and the reading goes on.
 *
 * Formats (detected per file): site pages of every build (`.html`), the 2011
 * `cables.csv`, plain text cables (`.txt`, UTF-8 or Windows-1252, LF or CRLF), body
 * extracts (`<ID>.txt` holding a `<pre>` block), the project's JSON Lines export.
 * Whole files are read a few at a time ahead of the consumer (CSV and JSONL are
 * streamed), so memory stays flat on any corpus size.
 */
import { readFile } from 'node:fs/promises';
import { extname, sep } from 'node:path';
import type { SourceItem } from '../domain/source-record.js';
import { extractSitePage, isCablePage } from '../parse/site-page.js';
import { extractPlainText } from '../parse/plain-text.js';
import { extractBodyExtract, idFromFileName, isBodyExtract } from '../parse/body-extract.js';
import { decodeText } from './decode-text.js';
import { readCsv } from './csv-reader.js';
import { readJsonl } from './jsonl-reader.js';
import { walkSourceFiles, type SourceFile } from './list-source-files.js';

export { listSourceFiles } from './list-source-files.js';

export interface ReadSourcesOptions {
  /** Called when a file is started. */
  onFile?: (path: string) => void;
  /** Whole files read ahead of the consumer (default 16). */
  readAhead?: number;
}

type Loaded = { file: SourceFile; bytes: Buffer } | { file: SourceFile; error: Error };

function streamed(path: string): 'csv' | 'jsonl' | null {
  const ext = extname(path).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : null;
}

/**
 * A unit of reading: an item already made (a CSV or JSONL record, an unreadable file), or a
 * whole file's bytes still to be turned into an item with `extractFile` (which the import
 * does on its worker threads, off the reading thread).
 */
export type SourceUnit = { kind: 'item'; item: SourceItem } | { kind: 'file'; file: SourceFile; bytes: Buffer };

export async function* readSources(paths: string[], options: ReadSourcesOptions = {}): AsyncGenerator<SourceItem> {
  for await (const unit of readSourceUnits(paths, options)) {
    if (unit.kind === 'item') yield unit.item;
    else {
      const item = extractFile(unit.file, unit.bytes);
      if (item) yield item;
    }
  }
}

/** The units of `paths` in order: whole files read a few at a time ahead, CSV and JSONL streamed. */
export async function* readSourceUnits(paths: string[], options: ReadSourcesOptions = {}): AsyncGenerator<SourceUnit> {
  const ahead = Math.max(1, options.readAhead ?? 16);
  const files = walkSourceFiles(paths);
  const queue: { file: SourceFile; loaded: Promise<Loaded> | null }[] = [];
  let done = false;
  const fill = async () => {
    while (!done && queue.length < ahead) {
      const next = await files.next();
      if (next.done) {
        done = true;
        break;
      }
      const file = next.value;
      const loaded = streamed(file.path)
        ? null
        : readFile(file.path).then(
            (bytes): Loaded => ({ file, bytes }),
            (error: Error): Loaded => ({ file, error }),
          );
      queue.push({ file, loaded });
    }
  };
  for (;;) {
    await fill();
    const entry = queue.shift();
    if (!entry) return;
    options.onFile?.(entry.file.path);
    const kind = streamed(entry.file.path);
    if (kind) {
      for await (const item of kind === 'csv' ? readCsv(entry.file.path) : readJsonl(entry.file.path)) yield { kind: 'item', item };
      continue;
    }
    const loaded = await entry.loaded!;
    if ('error' in loaded) yield { kind: 'item', item: unreadable(loaded.file.path, loaded.error) };
    else yield { kind: 'file', file: loaded.file, bytes: loaded.bytes };
  }
}

function unreadable(path: string, error: Error): SourceItem {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file or folder' : code === 'EISDIR' ? 'is a folder' : error.message;
  return { ok: false, reject: { source: path, code: 'E_SOURCE_UNREADABLE', reason } };
}

/** One whole file -> an item, or null when it is a non-cable page of a site mirror (skipped silently). */
export function extractFile(file: SourceFile, bytes: Buffer): SourceItem | null {
  const path = file.path;
  if (bytes.length === 0) return { ok: false, reject: { source: path, code: 'E_SOURCE_NOT_A_CABLE', reason: 'the file is empty' } };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, reject: { source: path, code: 'E_SOURCE_ENCODING', reason: decoded.reason } };
  const text = decoded.text;
  const ext = extname(path).toLowerCase();
  const looksHtml = ext === '.html' || ext === '.htm' || /^\s*(?:<\?xml|<!DOCTYPE html|<html)/i.test(text.slice(0, 512));
  if (looksHtml) {
    if (!isCablePage(text) && !file.explicit && !path.split(sep).includes('cable')) return null;
    return extractSitePage(text, path);
  }
  if (isBodyExtract(text)) return extractBodyExtract(text, path, idFromFileName(path));
  return extractPlainText(text, path);
}
