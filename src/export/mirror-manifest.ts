/**
 * MANIFEST.json and SHA256SUMS of a mirror: every file with its SHA-256 and size, plus
 * the build number (one more than the previous export into the same folder), the number
 * of released cables and the time. SHA256SUMS is in `sha256sum -c` format.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CablegateError } from '../domain/errors.js';
import { LEGACY_STATE_FILES, STATE_FILE } from './export-state.js';

export const MANIFEST_FILE = 'MANIFEST.json';
export const SUMS_FILE = 'SHA256SUMS';
export const SIGNATURE_FILE = 'MANIFEST.json.sig';
/** Files about the mirror rather than of it: never listed in the manifest. */
export const META_FILES = new Set([MANIFEST_FILE, SUMS_FILE, SIGNATURE_FILE, STATE_FILE, ...LEGACY_STATE_FILES]);
export const MANIFEST_FORMAT = 'cablegate-mirror/1';
const HEX_HASH = /^[0-9a-f]{64}$/;

export interface ManifestEntry {
  /** Path inside the mirror folder, `/`-separated, no leading slash. */
  path: string;
  sha256: string;
  size: number;
}

export interface MirrorManifest {
  format: typeof MANIFEST_FORMAT;
  /** 1 for the first export into a folder, then +1 each export. */
  build: number;
  generatedAt: string;
  releasedCables: number;
  fileCount: number;
  totalBytes: number;
  /** Sorted by path. */
  files: ManifestEntry[];
}

/** The manifest's order: by path, as `<` compares strings. */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export function buildManifest(entries: ManifestEntry[], meta: { build: number; generatedAt: string; releasedCables: number }): MirrorManifest {
  const files = [...entries].sort(byPath);
  return {
    format: MANIFEST_FORMAT,
    build: meta.build,
    generatedAt: meta.generatedAt,
    releasedCables: meta.releasedCables,
    fileCount: files.length,
    totalBytes: files.reduce((n, f) => n + f.size, 0),
    files,
  };
}

/** A file's line in MANIFEST.json (without the comma between lines). */
export function manifestLine(f: ManifestEntry): string {
  // As JSON.stringify writes an entry, without its cost per entry (a hex hash and an integer size need no escaping).
  return HEX_HASH.test(f.sha256) && Number.isInteger(f.size)
    ? `    {"path":${JSON.stringify(f.path)},"sha256":"${f.sha256}","size":${f.size}}`
    : `    ${JSON.stringify({ path: f.path, sha256: f.sha256, size: f.size })}`;
}

/** A file's line in SHA256SUMS (`sha256sum` format: hash, two spaces, path, newline). */
export function sumsLine(f: ManifestEntry): string {
  return `${f.sha256}  ${f.path}\n`;
}

/**
 * MANIFEST.json's text. `lines`: the files' manifestLine, when the caller has made them
 * already (an export prepares those of the files it keeps while pages render).
 */
export function manifestText(m: MirrorManifest, lines?: string[]): string {
  // One file per line keeps a 500,000-file manifest readable and diffable.
  const head = { ...m, files: undefined };
  return `${JSON.stringify(head, null, 2).replace(/\n}$/, '')},\n  "files": [\n${(lines ?? m.files.map(manifestLine)).join(',\n')}\n  ]\n}\n`;
}

/** SHA256SUMS's text; `lines` as for manifestText. */
export function sumsText(m: MirrorManifest, lines?: string[]): string {
  return (lines ?? m.files.map(sumsLine)).join('');
}

export function parseManifest(text: string, where: string): MirrorManifest {
  let m: MirrorManifest;
  try {
    m = JSON.parse(text) as MirrorManifest;
  } catch (e) {
    throw new CablegateError('E_MANIFEST', `${where} is not valid JSON`, { subject: where, hint: 'export the mirror again, or fetch its MANIFEST.json again', cause: e });
  }
  if (m?.format !== MANIFEST_FORMAT || !Array.isArray(m.files) || !Number.isInteger(m.build)) {
    throw new CablegateError('E_MANIFEST', `${where} is not a cablegate mirror manifest (format ${MANIFEST_FORMAT})`, { subject: where, hint: 'export the mirror again with `cablegate export DIR`' });
  }
  return m;
}

/** The manifest of the previous export into dir, or null when there is none. */
export function readManifest(dir: string): MirrorManifest | null {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return null;
  return parseManifest(readFileSync(file, 'utf8'), file);
}
