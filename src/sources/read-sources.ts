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
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { SourceItem } from '../domain/source-record.js';
import { extractSitePage } from '../parse/site-page.js';
import { MAX_FILE_BYTES } from './size-limits.js';
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
    else yield extractFile(unit.file, unit.bytes);
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
      const loaded = file.skip || file.error || streamed(file.path) || tooLarge(file) ? null : readWhole(file);
      queue.push({ file, loaded });
    }
  };
  for (;;) {
    await fill();
    const entry = queue.shift();
    if (!entry) return;
    const { file } = entry;
    options.onFile?.(file.path);
    if (file.error) {
      yield { kind: 'item', item: { ok: false, reject: { source: file.path, ...file.error } } };
      continue;
    }
    if (file.skip) {
      yield { kind: 'item', item: { ok: false, reject: { source: file.path, ...file.skip, skipped: true } } };
      continue;
    }
    const kind = streamed(file.path);
    if (kind) {
      for await (const item of kind === 'csv' ? readCsv(file.path) : readJsonl(file.path)) yield { kind: 'item', item };
      continue;
    }
    const size = tooLarge(file);
    if (size !== null) {
      yield { kind: 'item', item: { ok: false, reject: { source: file.path, code: 'E_SOURCE_TOO_LARGE', reason: tooLargeReason(size) } } };
      continue;
    }
    const loaded = await entry.loaded!;
    if ('error' in loaded) yield { kind: 'item', item: unreadable(loaded.file.path, loaded.error) };
    else yield { kind: 'file', file: loaded.file, bytes: loaded.bytes };
  }
}

/** The file's size when it is over the limit (from stat, before reading), else null. */
function tooLarge(file: SourceFile): number | null {
  return file.size !== undefined && file.size > MAX_FILE_BYTES ? file.size : null;
}

function tooLargeReason(size: number): string {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return `${mb(size)} is over the ${mb(MAX_FILE_BYTES)} limit for one cable file (a real cable is under 1 MB); not read`;
}

/**
 * Reads a whole file, at most the size limit: a file that grew past it since it was
 * stat'ed (or was never stat'ed) is refused, not read into memory.
 */
async function readWhole(file: SourceFile): Promise<Loaded> {
  let handle;
  try {
    handle = await open(file.path, 'r');
    const { size } = await handle.stat();
    if (size > MAX_FILE_BYTES) return { file, error: Object.assign(new Error(tooLargeReason(size)), { code: 'E_SOURCE_TOO_LARGE' }) };
    const bytes = Buffer.allocUnsafeSlow(size); // its own buffer: moved to a parse worker without a copy
    let got = 0;
    while (got < size) {
      const { bytesRead } = await handle.read(bytes, got, size - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return { file, bytes: got === size ? bytes : bytes.subarray(0, got) };
  } catch (error) {
    return { file, error: error as Error };
  } finally {
    await handle?.close();
  }
}

function unreadable(path: string, error: Error): SourceItem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'E_SOURCE_TOO_LARGE') return { ok: false, reject: { source: path, code, reason: error.message } };
  const reason = code === 'ENOENT' ? 'no such file or folder' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : error.message;
  return { ok: false, reject: { source: path, code: 'E_SOURCE_UNREADABLE', reason } };
}

/**
 * One whole file -> an item. A page without a cable table is a reject: cut off before its
 * table (`E_SOURCE_TRUNCATED`) or not a cable page (`E_SOURCE_NOT_A_CABLE`); a mirror's
 * browse pages never get here (the walk skips them by name).
 */
export function extractFile(file: SourceFile, bytes: Buffer): SourceItem {
  const path = file.path;
  if (bytes.length === 0) return { ok: false, reject: { source: path, code: 'E_SOURCE_NOT_A_CABLE', reason: 'the file is empty' } };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, reject: { source: path, code: 'E_SOURCE_ENCODING', reason: decoded.reason } };
  const item = extractDecoded(file, decoded.text);
  if (item.ok && decoded.note) item.record.meta.readingNotes = [decoded.note];
  return item;
}

function extractDecoded(file: SourceFile, text: string): SourceItem {
  const path = file.path;
  const ext = extname(path).toLowerCase();
  const looksHtml = ext === '.html' || ext === '.htm' || /^\s*(?:<\?xml|<!DOCTYPE html|<html)/i.test(text.slice(0, 512));
  if (looksHtml) return extractSitePage(text, path);
  if (isBodyExtract(text)) return extractBodyExtract(text, path, idFromFileName(path));
  return extractPlainText(text, path);
}
