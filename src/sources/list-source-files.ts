/**
 * Walks the given files and folders and lists the files an import reads, in a stable
 * order. A folder that is a site mirror (has `index.html` and `cable/`) contributes only
 * its `cable/` tree; browse pages, static assets and images are skipped silently.
 */
import { opendir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';

/** Extensions read inside folders. A file named explicitly is always read. */
const SOURCE_EXTENSIONS = new Set(['.html', '.htm', '.csv', '.txt', '.jsonl', '.ndjson']);
const SKIPPED_DIRS = new Set(['static', 'img', 'images', 'css', 'js', '.git', 'node_modules']);

export interface SourceFile {
  path: string;
  /** True when the user named the file itself (not found by walking a folder). */
  explicit: boolean;
}

export async function* walkSourceFiles(paths: string[]): AsyncGenerator<SourceFile> {
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch {
      yield { path: p, explicit: true }; // the reader reports it as unreadable
      continue;
    }
    if (st.isDirectory()) yield* walkDir(p);
    else yield { path: p, explicit: true };
  }
}

async function* walkDir(dir: string): AsyncGenerator<SourceFile> {
  let names: { name: string; dir: boolean }[];
  try {
    const entries = [];
    for await (const e of await opendir(dir)) entries.push({ name: e.name, dir: e.isDirectory() });
    names = entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return;
  }
  const isMirror = names.some((e) => e.dir && e.name === 'cable') && names.some((e) => !e.dir && e.name === 'index.html');
  for (const e of names) {
    const p = join(dir, e.name);
    if (isMirror) {
      if (e.dir && e.name === 'cable') yield* walkDir(p);
      continue;
    }
    if (e.dir) {
      if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) yield* walkDir(p);
    } else if (SOURCE_EXTENSIONS.has(extname(e.name).toLowerCase()) && !e.name.startsWith('.') && basename(e.name) !== 'magnet.txt') {
      yield { path: p, explicit: false };
    }
  }
}

/** Every file an import of `paths` reads, in reading order (for a progress bar total). */
export async function listSourceFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const f of walkSourceFiles(paths)) out.push(f.path);
  return out;
}
