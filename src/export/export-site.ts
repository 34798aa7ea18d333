/**
 * `cablegate export DIR`: a static mirror of the site. Every public page is rendered
 * through the web app (the server's own code) into a file at its URL path, with its JSON
 * twin; links found in rendered pages are crawled too, so nothing linked is left out.
 * Then the mirror's own files (robots.txt, the static search page, script and index,
 * the bulk data), MANIFEST.json and SHA256SUMS (and MANIFEST.json.sig with a key).
 *
 * Exporting again into the same folder is incremental: the previous export's state
 * (export-state.ts) is compared with the archive and only the affected pages are
 * rendered (affected-pages.ts); every other file is kept as it is. Without a usable
 * state (first export, other settings, other rendering code, `full`) every page is
 * rendered, and still only files whose bytes changed are written. Files of pages no
 * longer public are removed.
 */
import { BULK_FILES } from '../web/bulk-data-routes.js';
import { existsSync, mkdirSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { Store } from '../store/store.js';
import { buildMirrorDataFiles, isDataFile } from './mirror-data-files.js';
import { signManifest } from './manifest-signature.js';
import { mirrorFileForPath } from './mirror-file-path.js';
import { buildManifest, byPath, manifestLine, manifestText, MANIFEST_FILE, META_FILES, readManifest, SIGNATURE_FILE, SUMS_FILE, sumsLine, sumsText, type ManifestEntry, type MirrorManifest } from './mirror-manifest.js';
import { exportAppOptions, inlineRenderPool, workerRenderPool, type RenderPool } from './render-pool.js';
import { sha256Hex, writeIfChanged, type RenderOutcome } from './render-page.js';
import { allPagePaths } from './site-page-paths.js';
import { incrementalPlan, type IncrementalPlan } from './affected-pages.js';
import { articlesFingerprint, exportStateText, rendererFingerprint, writeExportState, type ExportSettings } from './export-state.js';
import { exportFacts } from './export-facts.js';
import { overwriteFile } from './overwrite-file.js';
import { unpackLists } from './browse-lists.js';
import { normalizeBaseUrl } from '../web/base-url.js';

export interface ExportOptions {
  store: Store;
  /** The archive's location, for worker threads (each opens it read-only). Without it, pages render on this thread. */
  dbLocation?: string | null;
  dir: string;
  /** Render threads (default 2; 0 renders on the calling thread). */
  workers?: number;
  pageSize?: number;
  siteTotal?: number | null;
  /** Sign MANIFEST.json with this Ed25519 private key. */
  signingKey?: KeyObject | null;
  /**
   * The mirror's public URL: every absolute URL of the mirror (sitemaps, feeds, robots.txt's
   * Sitemap line) is made from it. Without it the feeds' links are root-relative and no
   * sitemap is written (`needsBaseUrl` in the summary says so).
   */
  baseUrl?: string | null;
  /** Skip cables.csv.gz / cables.jsonl.gz (the search index is always written). */
  skipBulk?: boolean;
  /** Render every page even when the previous export's state allows an incremental one. */
  full?: boolean;
  onProgress?: (p: { rendered: number; queued: number }) => void;
  /** Clock (tests). */
  now?: () => Date;
}

export interface ExportSummary {
  dir: string;
  build: number;
  /** `incremental`: only affected pages were rendered; `full`: every page, for `reason`. */
  mode: 'full' | 'incremental';
  reason: string;
  releasedCables: number;
  /** Cables whose public content is new or changed since the previous export, and cables no longer public. */
  changedCables: number;
  removedCables: number;
  files: number;
  bytes: number;
  /** Files written because they are new or their bytes changed. */
  written: number;
  unchanged: number;
  /** Files of the previous export that are no longer part of the mirror (deleted). */
  removed: number;
  pagesRendered: number;
  /** Paths asked for or linked that gave no page (404, redirects), with a few examples. */
  skipped: number;
  skippedExamples: string[];
  /** Links in rendered pages whose target is not a file of the mirror. */
  brokenLinks: number;
  brokenLinkExamples: string[];
  seconds: number;
  /** True when exported without a base URL: feeds have root-relative links and there is no sitemap. */
  needsBaseUrl: boolean;
  manifest: MirrorManifest;
  /**
   * Seconds spent in each step, one after the other: `previous`, reading the previous
   * manifest; `digest`, until the changed cables are known (the digest is read and compared
   * with the previous state on another thread meanwhile; the archive's stats); `plan`, until
   * the browse lists and the whole plan are (an incremental export's cable pages render
   * meanwhile); `render`, the rest of rendering; `manifest`, the rest (data files still
   * being written, manifest, sums, state, removals). `dataFiles`: the search index and the
   * bulk files, built on the main thread while pages render (overlapping the steps above).
   */
  timings: { previous: number; digest: number; plan: number; render: number; dataFiles: number; manifest: number };
}

const BATCH = 64;

export async function exportSite(options: ExportOptions): Promise<ExportSummary> {
  // The render threads start now and open the archive while the digest is read; they get
  // what the export derives from it (setup) before their first page.
  const pool = renderPoolFor(options);
  try {
    return await exportWith(options, pool);
  } finally {
    await pool.close();
  }
}

function renderPoolFor(options: ExportOptions): RenderPool {
  const pageSize = options.pageSize ?? 50;
  const baseUrl = options.baseUrl ? normalizeBaseUrl(options.baseUrl) : null;
  const workers = Math.max(0, Math.floor(options.workers ?? 2));
  return workers > 0 && options.dbLocation && options.dbLocation !== ':memory:'
    ? workerRenderPool(workers, { dbLocation: options.dbLocation, dir: options.dir, appOptions: { pageSize, siteTotal: options.siteTotal ?? undefined, baseUrl } })
    : inlineRenderPool(options.store, options.dir, exportAppOptions({ pageSize, siteTotal: options.siteTotal ?? undefined, baseUrl }));
}

async function exportWith(options: ExportOptions, pool: RenderPool): Promise<ExportSummary> {
  const started = performance.now();
  const { store, dir } = options;
  const now = options.now ?? (() => new Date());
  mkdirSync(dir, { recursive: true });
  const lap = (() => {
    let t = performance.now();
    return () => {
      const now = performance.now();
      const s = (now - t) / 1000;
      t = now;
      return s;
    };
  })();
  const pageSize = options.pageSize ?? 50;
  const baseUrl = options.baseUrl ? normalizeBaseUrl(options.baseUrl) : null;
  const workers = Math.max(0, Math.floor(options.workers ?? 2));
  const settings: ExportSettings = {
    renderer: rendererFingerprint(),
    pageSize,
    siteTotal: options.siteTotal ?? null,
    baseUrl,
    articles: articlesFingerprint(await store.listArticles({ publicOnly: true })),
  };
  // The digest is read, compared with the previous state and turned into browse lists on
  // another thread meanwhile (export-facts.ts).
  const facts = exportFacts(store, options.dbLocation, { dir, settings, full: options.full ?? false });
  const previous = readManifest(dir);
  const prevByPath = new Map((previous?.files ?? []).map((f) => [f.path, f]));
  const tPrevious = lap();
  // The archive's stats (home page, sitemaps), while the other thread still reads the digest.
  const stats = { all: await store.stats(), released: await store.stats({ releasedOnly: true }) };
  const cableFacts = await facts.cables;

  // Incremental when the previous export left a state that matches its manifest and these settings.
  let fullBecause: string | null = null;
  if (!previous) fullBecause = 'first export into this folder';
  else if (options.full) fullBecause = 'full export asked for';
  else if (cableFacts.stateBuild === null) fullBecause = 'no readable state of the previous export';
  else if (cableFacts.stateBuild !== previous.build) fullBecause = 'the state does not belong to the manifest';
  else fullBecause = cableFacts.fullBecause;
  const cablePlan = fullBecause === null ? cableFacts.plan : null;
  const changes = cablePlan?.changes ?? null;
  const gone = new Set(changes?.removed ?? []);
  for (const id of changes?.added ?? []) gone.delete(id);
  // Cable pages need no browse lists: they render while the other thread makes them.
  if (cablePlan) pool.setup({ stats });
  const tDigest = lap();

  let plan = null as IncrementalPlan | null;
  /** The previous files the export keeps (and those it does not), sorted out while pages render. */
  let keptPart = null as Promise<KeptPart> | null;
  let dataDone = 0;
  const files = new Map<string, ManifestEntry>();
  let written = 0;
  let unchanged = 0;
  const seen = new Set<string>();
  const queue: string[] = [];
  const skippedPaths = new Set<string>();
  const linkTargets = new Set<string>();
  let pagesRendered = 0;
  /** A file of the previous export that this export keeps without rendering it. */
  const kept = (file: string | null) => plan !== null && file !== null && prevByPath.has(file) && !plan.owns(file) && !isDataFile(file);
  /** Crawled links found to be files the export keeps (each is linked from many pages). */
  const keptLinks = new Set<string>();
  /** Links found before the plan was whole (which files it keeps was not known yet). */
  let earlyLinks: string[] | null = cablePlan ? [] : null;
  /** Seeds are rendered; a crawled link only when its file is not one the export keeps. */
  const enqueue = (p: string, seed: boolean) => {
    // The bulk files are streamed by the data-file writer below, not rendered as pages.
    if (seen.has(p) || p in BULK_FILES) return;
    if (!seed) {
      if (earlyLinks) {
        earlyLinks.push(p);
        return;
      }
      if (keptLinks.has(p)) return;
      if (kept(mirrorFileForPath(p))) {
        keptLinks.add(p);
        return;
      }
    }
    seen.add(p);
    queue.push(p);
  };

  const handle = (outcomes: RenderOutcome[]) => {
    for (const o of outcomes) {
      if (o.kind === 'skipped') {
        skippedPaths.add(o.path);
        continue;
      }
      pagesRendered++;
      if (files.has(o.file)) continue;
      files.set(o.file, { path: o.file, sha256: o.sha256, size: o.size });
      if (o.written) written++;
      else unchanged++;
      for (const l of o.links) {
        linkTargets.add(l);
        enqueue(l, false);
      }
    }
    options.onProgress?.({ rendered: pagesRendered, queued: queue.length });
  };
  const taskFor = (path: string) => {
    const file = mirrorFileForPath(path);
    const prev = file ? prevByPath.get(file) : undefined;
    return { path, previousSha256: prev?.sha256 ?? null, previousSize: prev?.size ?? null };
  };

  // The next export's state (its text made when the other thread hands over the digest).
  const build = (previous?.build ?? 0) + 1;
  const stateText = facts.stateCables.then((json) => exportStateText({ ...settings, build }, json));
  stateText.catch(() => {}); // awaited at the end

  // The bulk data and the search index are built on this thread while the workers render.
  const dataStarted = performance.now();
  const dataFiles = buildMirrorDataFiles(store, { dir, skipBulk: options.skipBulk ?? false, changes, previous: (p) => prevByPath.get(p) }).then((d) => {
    dataDone = (performance.now() - dataStarted) / 1000;
    return d;
  });
  // Until awaited below; a failure there must not be an unhandled rejection meanwhile.
  dataFiles.catch(() => {});

  // What to render, in two parts: the cable pages of an incremental plan first (known
  // before the browse lists), then everything else once the lists (and the whole plan) are.
  let tPlan = 0;
  const rest = facts.lists.then(({ counts, lists, browse }): Iterable<string> => {
    // A full export renders every page: reading every summary once beats a read per page.
    pool.setup({ counts, lists, stats, allSummaries: !cablePlan });
    if (cablePlan && browse && previous) {
      plan = incrementalPlan(cablePlan, browse, prevByPath.keys());
      const early = earlyLinks ?? [];
      earlyLinks = null;
      for (const l of early) enqueue(l, false);
      keptPart = prepareKept(previous.files, kept);
      keptPart.catch(() => {}); // awaited at the end
    }
    tPlan = lap();
    return plan ? plan.paths : allPagePaths(unpackLists(lists), counts, pageSize);
  });
  rest.catch(() => {});
  const parts: Array<{ seeds: Promise<Iterable<string>>; ready: Iterable<string> | null }> = [];
  if (cablePlan) parts.push({ seeds: Promise.resolve(cablePlan.paths), ready: cablePlan.paths });
  parts.push({ seeds: rest, ready: null });
  for (const part of parts) void part.seeds.then((s) => (part.ready = s), () => {});

  try {
    let part = 0;
    let source: Iterator<string> | null = null;
    const inflight = new Set<Promise<void>>();
    let failure: unknown = null;
    const maxInFlight = Math.max(2, workers * 3);
    for (;;) {
      if (failure) throw failure;
      while (queue.length < BATCH && part < parts.length) {
        if (!source) {
          const ready = parts[part].ready;
          if (!ready) break;
          source = ready[Symbol.iterator]();
        }
        const n = source.next();
        if (n.done) {
          source = null;
          part++;
        } else enqueue(n.value, true);
      }
      if (queue.length === 0 || inflight.size >= maxInFlight) {
        const waitFor: Array<Promise<unknown>> = [...inflight];
        // The next part's seeds, when they are what the loop waits for.
        if (queue.length === 0 && part < parts.length && !parts[part].ready) waitFor.push(parts[part].seeds);
        if (waitFor.length === 0) break;
        await Promise.race(waitFor);
        continue;
      }
      const batch = queue.splice(0, BATCH).map(taskFor);
      const job: Promise<void> = pool
        .render(batch)
        .then(handle)
        .catch((e: unknown) => {
          failure ??= e;
        })
        .finally(() => inflight.delete(job));
      inflight.add(job);
    }
    if (failure) throw failure;
  } finally {
    await pool.close();
  }

  const tRender = lap();
  const reason = plan
    ? `${changes!.added.length} cables new or changed, ${gone.size} no longer public: ${plan.cables} cable pages and ${plan.keys} browse keys affected`
    : fullBecause!;
  // Files the mirror adds to the app's pages.
  const data = await dataFiles;
  for (const f of data.written) {
    files.set(f.path, { path: f.path, sha256: f.sha256, size: f.size });
    if (f.written) written++;
    else unchanged++;
  }
  const extra = data.files;
  if (!files.has('robots.txt')) extra.push({ path: 'robots.txt', bytes: Buffer.from(robotsTxt(options.baseUrl ? normalizeBaseUrl(options.baseUrl) : null, files.has('sitemap.xml') || kept('sitemap.xml'))) });
  for (const f of extra) {
    const sha256 = sha256Hex(f.bytes);
    const prev = prevByPath.get(f.path);
    if (writeIfChanged(dir, f.path, f.bytes, sha256, { sha256: prev?.sha256 ?? null, size: prev?.size ?? null })) written++;
    else unchanged++;
    files.set(f.path, { path: f.path, sha256, size: f.bytes.byteLength });
  }
  // Files of the previous export outside the re-rendered groups stay as they are (unless
  // rendered again: a neighbour's page); pages no longer public (withdrawn, embargoed
  // again) and files no longer made go.
  const part: KeptPart = keptPart ? await keptPart : { entries: [], manifestLines: [], sumsLines: [], others: previous?.files ?? [] };
  let removed = 0;
  const emptied = new Set<string>();
  for (const f of part.others) {
    if (files.has(f.path) || META_FILES.has(f.path)) continue;
    const full = join(dir, f.path);
    if (existsSync(full)) unlinkSync(full);
    emptied.add(dirname(full));
    removed++;
  }
  // Folders left empty go too (deepest first; once each, not once per removed file).
  for (const d of [...emptied].sort((a, b) => b.length - a.length)) removeEmptyFolders(dir, d);

  const { released } = cableFacts;
  // The kept files come in the previous manifest's order (by path), with their lines made
  // already: merged with the few made now, the manifest's sort has nothing left to do.
  const made = [...files.values()].sort(byPath);
  const merged = mergeByPath(part, made, (f) => files.has(f.path));
  unchanged += merged.entries.length - made.length;
  const manifest = buildManifest(merged.entries, { build, generatedAt: now().toISOString(), releasedCables: released });
  const manifestBytes = Buffer.from(manifestText(manifest, merged.manifestLines));
  writeMetaFile(join(dir, MANIFEST_FILE), manifestBytes);
  writeMetaFile(join(dir, SUMS_FILE), Buffer.from(sumsText(manifest, merged.sumsLines)));
  const sigPath = join(dir, SIGNATURE_FILE);
  if (options.signingKey) writeFileSync(sigPath, signManifest(manifestBytes, options.signingKey));
  else if (existsSync(sigPath)) unlinkSync(sigPath); // a stale signature would not match the new manifest
  writeExportState(dir, await stateText);
  const tManifest = lap();

  const broken = [...linkTargets].filter((l) => {
    if (keptLinks.has(l)) return false;
    const f = mirrorFileForPath(l);
    return f === null || (!files.has(f) && !kept(f));
  });
  return {
    dir,
    build: manifest.build,
    mode: plan ? 'incremental' : 'full',
    reason,
    releasedCables: released,
    changedCables: changes ? changes.added.length : released,
    removedCables: gone.size,
    files: manifest.fileCount,
    bytes: manifest.totalBytes,
    written,
    unchanged,
    removed,
    pagesRendered,
    skipped: skippedPaths.size,
    skippedExamples: [...skippedPaths].slice(0, 10),
    brokenLinks: broken.length,
    brokenLinkExamples: broken.slice(0, 10),
    seconds: (performance.now() - started) / 1000,
    needsBaseUrl: !options.baseUrl,
    timings: { previous: tPrevious, digest: tDigest, plan: tPlan, render: tRender, dataFiles: dataDone, manifest: tManifest },
    manifest,
  };
}

/** Manifest entries with their lines in MANIFEST.json and SHA256SUMS. */
interface EntryLines {
  entries: ManifestEntry[];
  manifestLines: string[];
  sumsLines: string[];
}

/** The previous files an incremental export keeps, with their lines, and the others. */
interface KeptPart extends EntryLines {
  others: ManifestEntry[];
}

/**
 * Sorts the previous export's files into those kept (with their manifest lines made) and
 * the others, a slice at a time: it runs while pages render, and the main thread must
 * keep handing batches to the render threads.
 */
async function prepareKept(previous: ManifestEntry[], kept: (file: string) => boolean): Promise<KeptPart> {
  const out: KeptPart = { entries: [], manifestLines: [], sumsLines: [], others: [] };
  const SLICE = 20_000;
  for (let start = 0; start < previous.length; start += SLICE) {
    for (let i = start; i < Math.min(previous.length, start + SLICE); i++) {
      const f = previous[i];
      if (kept(f.path)) {
        out.entries.push(f);
        out.manifestLines.push(manifestLine(f));
        out.sumsLines.push(sumsLine(f));
      } else out.others.push(f);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}

/**
 * Entries with their lines and more entries, each sorted by path, as one list; entries of
 * `a` that `replaced` says the second list has anew are left out.
 */
function mergeByPath(a: EntryLines, b: ManifestEntry[], replaced: (f: ManifestEntry) => boolean): EntryLines {
  const out: EntryLines = { entries: [], manifestLines: [], sumsLines: [] };
  const take = (f: ManifestEntry, manifest: string, sums: string) => {
    out.entries.push(f);
    out.manifestLines.push(manifest);
    out.sumsLines.push(sums);
  };
  let i = 0;
  let j = 0;
  while (i < a.entries.length || j < b.length) {
    if (j >= b.length || (i < a.entries.length && a.entries[i].path < b[j].path)) {
      if (!replaced(a.entries[i])) take(a.entries[i], a.manifestLines[i], a.sumsLines[i]);
      i++;
    } else {
      take(b[j], manifestLine(b[j]), sumsLine(b[j]));
      j++;
    }
  }
  return out;
}

/** MANIFEST.json and SHA256SUMS: written over the previous ones in place (see overwriteFile). */
function writeMetaFile(target: string, bytes: Buffer): void {
  if (!overwriteFile(target, bytes)) writeFileSync(target, bytes);
}

/** Removes `dir` and its parents up to `root` (not included) while they are empty. */
function removeEmptyFolders(root: string, dir: string): void {
  for (let d = dir; d.startsWith(root) && d !== root; d = dirname(d)) {
    try {
      rmdirSync(d); // fails on a folder that is not empty (or already gone)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return;
    }
  }
}

export function robotsTxt(baseUrl: string | null, hasSitemap: boolean): string {
  const lines = ['# A static mirror of the Cablegate archive.', 'User-agent: *', 'Allow: /', 'Disallow: /search-index/'];
  if (baseUrl && hasSitemap) lines.push(`Sitemap: ${baseUrl.replace(/\/$/, '')}/sitemap.xml`);
  return lines.join('\n') + '\n';
}
