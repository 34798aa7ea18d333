/**
 * What an export remembers for the next one into the same folder
 * (`.cablegate-export-state.json`, beside MANIFEST.json and not listed in it): the
 * settings the pages were rendered with, a fingerprint of the code that rendered them,
 * and one digest entry per public cable (its browse keys, tags, references and a hash of
 * everything shown about it), each kept as one JSON text beside its id. The next export
 * compares digests (the texts; it parses only those that differ) to render only the
 * pages that changed; without a usable state it renders everything.
 */
import { createHash, hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PublicDigestRow } from '../store/store.js';


export const STATE_FILE = '.cablegate-export-state.json';
/** State files of earlier versions (gzipped): not part of a mirror, removed by the next export. */
export const LEGACY_STATE_FILES = ['.cablegate-export-state.json.gz'];
const FORMAT = 'cablegate-export-state/2';

/** One public cable as the export saw it. */
export interface DigestEntry {
  id: string;
  releasedAt: string;
  created: string | null;
  classification: string | null;
  origin: string | null;
  /** Short hash of the store's signature: changes when anything shown about the cable changes. */
  fp: string;
  tags: string[];
  refs: string[];
}

export interface ExportSettings {
  /** Fingerprint of the rendering code (see rendererFingerprint). */
  renderer: string;
  pageSize: number;
  siteTotal: number | null;
  baseUrl: string | null;
  /**
   * Fingerprint of the public articles (keys and content hashes, articlesFingerprint): the
   * cable digest does not cover them, so a change of them makes the next export full.
   */
  articles: string;
}

export interface ExportState extends ExportSettings {
  /** Build number of the manifest written with this state. */
  build: number;
  cables: StateDigest;
}

/** A digest as the state keeps it: the ids (in the digest's order) and each entry's text (entryText). */
export interface StateDigest {
  ids: string[];
  texts: string[];
}

type Packed = [string, string | null, string | null, string | null, string, string[], string[]];

/** An entry without its id, as one JSON text: two entries are the same when their texts are. */
export function entryText(e: DigestEntry): string {
  const packed: Packed = [e.releasedAt, e.created, e.classification, e.origin, e.fp, e.tags, e.refs];
  return JSON.stringify(packed);
}

/** The entry of `id` whose text (entryText) this is. */
export function entryOfText(id: string, text: string): DigestEntry {
  const [releasedAt, created, classification, origin, fp, tags, refs] = JSON.parse(text) as Packed;
  return { id, releasedAt, created, classification, origin, fp, tags, refs };
}

export function digestEntry(row: PublicDigestRow): DigestEntry {
  return {
    id: row.canonicalId,
    releasedAt: row.releasedAt,
    created: row.created,
    classification: row.classification,
    origin: row.origin,
    fp: hash('sha1', row.signature, 'base64').slice(0, 16),
    tags: row.tags,
    refs: row.refs,
  };
}

/** The state's digest as JSON (the large part of the state file; made where the digest is). */
export function stateCablesJson(cables: StateDigest): string {
  return JSON.stringify({ ids: cables.ids, texts: cables.texts });
}

/**
 * The text of the state file, from the settings, the build and the digest's JSON
 * (stateCablesJson). Not compressed: at 251,287 cables it is ~40 MB beside a 6.6 GB
 * mirror, and compressing and uncompressing it cost more time than writing and reading it.
 */
export function exportStateText(state: Omit<ExportState, 'cables'>, cablesJson: string): string {
  const head = JSON.stringify({ format: FORMAT, ...state });
  return `${head.slice(0, -1)},"cables":${cablesJson}}`;
}

/** Writes the state file (its text from exportStateText), replacing the old one at once. */
export function writeExportState(dir: string, text: string): void {
  const tmp = join(dir, `${STATE_FILE}.partial`);
  writeFileSync(tmp, text);
  renameSync(tmp, join(dir, STATE_FILE));
  for (const f of LEGACY_STATE_FILES) rmSync(join(dir, f), { force: true });
}

/** The previous export's state, or null when there is none or it cannot be read (the export is then full). */
export function readExportState(dir: string): ExportState | null {
  const file = join(dir, STATE_FILE);
  if (!existsSync(file)) return null;
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as ExportSettings & { format: string; build: number; cables: StateDigest };
    if (raw.format !== FORMAT || !Array.isArray(raw.cables?.ids) || !Array.isArray(raw.cables.texts) || raw.cables.ids.length !== raw.cables.texts.length) return null;
    const cables = { ids: raw.cables.ids, texts: raw.cables.texts };
    return { renderer: raw.renderer, pageSize: raw.pageSize, siteTotal: raw.siteTotal, baseUrl: raw.baseUrl, articles: raw.articles ?? '', build: raw.build, cables };
  } catch {
    return null;
  }
}

let fingerprint: string | null = null;

/**
 * A hash of the code that renders pages (the web and export folders, whichever build runs)
 * and the package version: when it changes, every page is rendered again.
 */
export function rendererFingerprint(): string {
  if (fingerprint) return fingerprint;
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const folder of [join(here, '..', 'web'), here]) {
    for (const name of readdirSync(folder).sort()) {
      const file = join(folder, name);
      if (!/\.(js|ts)$/.test(name) || !statSync(file).isFile()) continue;
      hash.update(name).update(readFileSync(file));
    }
  }
  fingerprint = hash.digest('hex').slice(0, 32);
  return fingerprint;
}

/** What the export state records of the public articles: one hash over their keys and content hashes. */
export function articlesFingerprint(articles: Array<{ article: { key: string }; contentHash: string }>): string {
  const h = createHash('sha256');
  for (const a of [...articles].sort((x, y) => (x.article.key < y.article.key ? -1 : x.article.key > y.article.key ? 1 : 0))) h.update(`${a.article.key}\t${a.contentHash}\n`);
  return articles.length ? h.digest('hex').slice(0, 16) : '';
}
