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

export async function* readSources(paths: string[], options: ReadSourcesOptions = {}): AsyncGenerator<SourceItem> {
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
    if (kind === 'csv') {
      yield* readCsv(entry.file.path);
      continue;
    }
    if (kind === 'jsonl') {
      yield* readJsonl(entry.file.path);
      continue;
    }
    const loaded = await entry.loaded!;
    const item = 'error' in loaded ? unreadable(loaded.file.path, loaded.error) : extractFile(loaded.file, loaded.bytes);
    if (item) yield item;
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
