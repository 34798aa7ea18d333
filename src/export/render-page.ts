/**
 * Renders one path of the site through the web app (the same app the server runs) and
 * writes it into the mirror folder when its bytes differ from the previous export.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import { mirrorFileForPath } from './mirror-file-path.js';
import { pageLinks } from './page-links.js';
import { overwriteFile } from './overwrite-file.js';

export interface RenderTask {
  path: string;
  /** SHA-256 of the file the previous export wrote for this path, if any. */
  previousSha256: string | null;
  previousSize: number | null;
}

export type RenderOutcome =
  | { path: string; kind: 'file'; file: string; sha256: string; size: number; written: boolean; links: string[] }
  /** Redirects, 404s and paths with no file name: nothing written. */
  | { path: string; kind: 'skipped'; status: number; location: string | null; reason: string };

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Folders this thread has made (or found): one mkdir per folder, not one per file. */
const madeFolders = new Set<string>();

/** Writes `bytes` to `dir/file` unless the file already has exactly these bytes (by the previous hash and size). */
export function writeIfChanged(dir: string, file: string, bytes: Uint8Array, sha256: string, previous: { sha256: string | null; size: number | null }): boolean {
  const target = join(dir, file);
  if (previous.sha256 === sha256 && previous.size === bytes.byteLength) {
    try {
      if (statSync(target).size === bytes.byteLength) return false;
    } catch {
      // missing: write it again
    }
  }
  if (previous.size !== null && overwriteFile(target, bytes)) return true;
  const folder = dirname(target);
  if (!madeFolders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    if (madeFolders.size >= 100_000) madeFolders.clear();
    madeFolders.add(folder);
  }
  try {
    writeFileSync(target, bytes);
  } catch (e) {
    // The folder went away since (another export into a folder removed meanwhile): make it again.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(folder, { recursive: true });
    writeFileSync(target, bytes);
  }
  return true;
}


export async function renderPath(app: Hono, dir: string, task: RenderTask): Promise<RenderOutcome> {
  const file = mirrorFileForPath(task.path);
  if (file === null) return { path: task.path, kind: 'skipped', status: 0, location: null, reason: 'no file name for this path' };
  const res = await app.request(task.path);
  if (res.status !== 200) {
    await res.body?.cancel();
    return { path: task.path, kind: 'skipped', status: res.status, location: res.headers.get('location'), reason: `HTTP ${res.status}` };
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const contentType = res.headers.get('content-type') ?? '';
  const links = /html|xml/.test(contentType) ? pageLinks(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), contentType) : [];
  const sha256 = sha256Hex(bytes);
  const written = writeIfChanged(dir, file, bytes, sha256, { sha256: task.previousSha256, size: task.previousSize });
  return { path: task.path, kind: 'file', file, sha256, size: bytes.byteLength, written, links };
}

/**
 * Drops links a render thread has already reported: most links of a page (navigation, tags,
 * browse keys) repeat on thousands of pages, and the export needs each target once.
 */
export function newLinkFilter(): (outcome: RenderOutcome) => RenderOutcome {
  const reported = new Set<string>();
  return (o) => {
    if (o.kind !== 'file' || o.links.length === 0) return o;
    const links: string[] = [];
    for (const l of o.links) {
      if (reported.has(l)) continue;
      // A copy: the link is a slice of the page's text, and keeping the slice would keep
      // the whole page in memory (measured: ~30 KB per rendered page, a worker ran out of heap).
      const own = Buffer.from(l, 'utf8').toString('utf8');
      reported.add(own);
      links.push(own);
    }
    return { ...o, links };
  };
}
