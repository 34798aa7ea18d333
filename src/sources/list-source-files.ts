/**
 * Walks the given files and folders and lists the files an import reads, in a stable
 * order. Nothing met is dropped without a word: what is not read is listed as a skip
 * (with a code and reason) or an error, and the import counts it.
 *
 * - A folder that is a site mirror (has `index.html` and `cable/`) contributes its `cable/`
 *   tree; every other page of it (index.html, reldate/, origin/, tag/...) is skipped by name.
 * - Asset folders (static, img, css, js, .git, node_modules) are skipped as one entry each.
 * - A symbolic link to a folder inside a walked tree is not followed (it could loop or
 *   leave the tree): skipped and named. A folder named on the command line is followed.
 * - A folder that cannot be read is an error naming it.
 * - Files are stat'ed here, so a file over the size limit is refused before it is read.
 */
import { opendir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';

/** Extensions read inside folders. A file named explicitly is always read. */
const SOURCE_EXTENSIONS = new Set(['.html', '.htm', '.csv', '.txt', '.jsonl', '.ndjson']);
const ASSET_DIRS = new Set(['static', 'img', 'images', 'css', 'js', '.git', 'node_modules']);

export interface SourceFile {
  path: string;
  /** True when the user named the file itself (not found by walking a folder). */
  explicit: boolean;
  /** Size in bytes from stat, when known. */
  size?: number;
  /** Set when the entry is not read: why (counted as skipped). */
  skip?: { code: string; reason: string };
  /** Set when the entry cannot be read at all (counted as rejected). */
  error?: { code: string; reason: string };
}

export async function* walkSourceFiles(paths: string[]): AsyncGenerator<SourceFile> {
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch (e) {
      yield { path: p, explicit: true, error: unreadable(e) };
      continue;
    }
    if (st.isDirectory()) yield* walkDir(p, true);
    else yield { path: p, explicit: true, size: st.size };
  }
}

function unreadable(e: unknown): { code: string; reason: string } {
  const code = (e as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
  return { code: 'E_SOURCE_UNREADABLE', reason };
}

interface Entry {
  name: string;
  dir: boolean;
  link: boolean;
}

async function* walkDir(dir: string, named: boolean): AsyncGenerator<SourceFile> {
  let names: Entry[];
  try {
    const entries: Entry[] = [];
    for await (const e of await opendir(dir)) entries.push({ name: e.name, dir: e.isDirectory(), link: e.isSymbolicLink() });
    names = entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    const why = unreadable(e);
    yield { path: dir, explicit: named, error: { code: why.code, reason: `the folder cannot be read: ${why.reason}` } };
    return;
  }
  const isMirror = names.some((e) => e.dir && e.name === 'cable') && names.some((e) => !e.dir && e.name === 'index.html');
  for (const e of names) {
    const p = join(dir, e.name);
    if (e.link) {
      let target;
      try {
        target = await stat(p);
      } catch (err) {
        yield { path: p, explicit: false, error: { code: 'E_SOURCE_UNREADABLE', reason: `a broken symbolic link: ${unreadable(err).reason}` } };
        continue;
      }
      if (target.isDirectory()) {
        yield { path: p, explicit: false, skip: { code: 'E_SOURCE_SYMLINK', reason: 'a symbolic link to a folder: not followed (name the folder itself to import it)' } };
        continue;
      }
      e.dir = false;
    }
    if (isMirror && e.name !== 'cable') {
      yield* mirrorBrowsePages(p, e.dir, e.name);
      continue;
    }
    if (e.dir) {
      if (ASSET_DIRS.has(e.name) || e.name.startsWith('.')) {
        yield { path: p, explicit: false, skip: { code: 'E_SOURCE_IGNORED', reason: 'an asset or hidden folder: not read' } };
      } else yield* walkDir(p, false);
    } else if (e.name.startsWith('.') || basename(e.name) === 'magnet.txt' || !SOURCE_EXTENSIONS.has(extname(e.name).toLowerCase())) {
      yield { path: p, explicit: false, skip: { code: 'E_SOURCE_IGNORED', reason: 'not a source file (hidden, magnet.txt, or not .html/.htm/.csv/.txt/.jsonl/.ndjson)' } };
    } else {
      yield await sized(p);
    }
  }
}

/** A file found by walking, with its size (an error when it cannot be stat'ed). */
async function sized(p: string): Promise<SourceFile> {
  try {
    return { path: p, explicit: false, size: (await stat(p)).size };
  } catch (e) {
    return { path: p, explicit: false, error: unreadable(e) };
  }
}

/** The non-cable part of a site mirror: each page skipped by name; asset folders as one entry. */
async function* mirrorBrowsePages(p: string, dir: boolean, name: string): AsyncGenerator<SourceFile> {
  if (dir && (ASSET_DIRS.has(name) || name.startsWith('.'))) {
    yield { path: p, explicit: false, skip: { code: 'E_SOURCE_IGNORED', reason: 'an asset folder of a site mirror: not read' } };
    return;
  }
  if (!dir && name.startsWith('.')) {
    yield { path: p, explicit: false, skip: { code: 'E_SOURCE_IGNORED', reason: 'a hidden file: not read' } };
    return;
  }
  if (!dir) {
    yield { path: p, explicit: false, skip: { code: 'E_SOURCE_BROWSE_PAGE', reason: 'a browse page or file of a site mirror, not a cable page' } };
    return;
  }
  for await (const f of walkDir(p, false)) {
    if (f.skip || f.error) yield f;
    else yield { path: f.path, explicit: false, skip: { code: 'E_SOURCE_BROWSE_PAGE', reason: `a browse page of a site mirror (${name}/), not a cable page` } };
  }
}

/** Every file an import of `paths` reads, in reading order (for a progress bar total). */
export async function listSourceFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const f of walkSourceFiles(paths)) out.push(f.path);
  return out;
}
