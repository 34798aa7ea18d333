/**
 * What an export learns from the archive before and while it renders, in the order it
 * needs it. From the archive's public *digest* (one entry per public cable,
 * `Store.publicDigest`) and the previous export's state:
 * 1. `cables`: whether the export can be incremental and, if so, the cable part of its plan
 *    (affected-pages.ts planCables): enough to start rendering cable pages;
 * 2. `lists`: the browse lists and counts (browse-lists.ts) and the browse part of the plan;
 * 3. `stateCables`: the digest as the next state will hold it.
 * With an archive a thread can open itself, all of it is computed on a worker thread
 * (export-facts-worker.ts) while the export reads the previous manifest and starts
 * rendering; the main thread never holds the digest. Otherwise on the calling thread.
 */
import type { CountDimension, CountRow, Store } from '../store/store.js';
import { browseLists, countsOfLists, packLists, type PackedLists } from './browse-lists.js';
import { digestEntry, entryText, readExportState, stateCablesJson, type ExportSettings } from './export-state.js';
import { planBrowse, planCables, type BrowsePlan, type CablePlan, type DigestComparison } from './affected-pages.js';
import { moduleWorker } from '../threads/module-worker.js';

export interface FactsInput {
  /** The mirror folder (its export state is read there). */
  dir: string;
  settings: ExportSettings;
  /** A full export was asked for: no plan. */
  full: boolean;
}

export interface CableFacts {
  /** Public cables now. */
  released: number;
  /** The build of the previous state (it must be the previous manifest's), null without a readable state. */
  stateBuild: number | null;
  /** Why the export cannot be incremental as far as the state tells (null: it can), and then no plan. */
  fullBecause: string | null;
  plan: CablePlan | null;
}

export interface ListFacts {
  counts: Record<CountDimension, CountRow[]>;
  /** Packed: the main thread hands them on to the render threads (and unpacks them only for a full export's page list). */
  lists: PackedLists;
  /** With a cable plan: its browse part. */
  browse: BrowsePlan | null;
}

export interface ExportFacts {
  cables: Promise<CableFacts>;
  lists: Promise<ListFacts>;
  stateCables: Promise<string>;
}

export type FactsMessage =
  | { kind: 'cables'; facts: CableFacts }
  | { kind: 'lists'; facts: ListFacts }
  | { kind: 'state'; json: string }
  | { kind: 'error'; error: string };

/** Computes the facts, handing each to `emit` as soon as it is known. */
export async function computeFacts(store: Store, input: FactsInput, emit: (m: FactsMessage) => void): Promise<void> {
  const digest = (await store.publicDigest()).map(digestEntry);
  const state = input.full ? null : readExportState(input.dir);
  const { settings } = input;
  let fullBecause: string | null = null;
  if (input.full) fullBecause = 'full export asked for';
  else if (!state) fullBecause = 'no readable state of the previous export';
  else if (state.renderer !== settings.renderer) fullBecause = 'the rendering code changed';
  else if (state.pageSize !== settings.pageSize || state.siteTotal !== settings.siteTotal || state.baseUrl !== settings.baseUrl) fullBecause = 'the export settings changed';
  else if (state.articles !== settings.articles) fullBecause = 'the public articles changed';
  const texts = digest.map(entryText);
  let comparison: DigestComparison | null = null;
  let plan: CablePlan | null = null;
  if (fullBecause === null && state) {
    try {
      ({ plan, comparison } = planCables(state.cables, digest, texts));
    } catch {
      fullBecause = 'no readable state of the previous export'; // an entry of it is not what entryText writes
    }
  }
  emit({ kind: 'cables', facts: { released: digest.length, stateBuild: state?.build ?? null, fullBecause, plan } });
  const lists = browseLists(digest);
  emit({ kind: 'lists', facts: { counts: countsOfLists(lists), lists: packLists(lists), browse: comparison ? planBrowse(comparison, lists, settings.pageSize) : null } });
  emit({ kind: 'state', json: stateCablesJson({ ids: digest.map((e) => e.id), texts }) });
}

/** Starts computing the facts: on a worker thread when `dbLocation` can be opened there. */
export function exportFacts(store: Store, dbLocation: string | null | undefined, input: FactsInput): ExportFacts {
  const cables = deferred<CableFacts>();
  const lists = deferred<ListFacts>();
  const state = deferred<string>();
  const all = [cables, lists, state];
  const fail = (e: Error) => {
    for (const d of all) d.reject(e);
  };
  const receive = (m: FactsMessage) => {
    if (m.kind === 'cables') cables.resolve(m.facts);
    else if (m.kind === 'lists') lists.resolve(m.facts);
    else if (m.kind === 'state') state.resolve(m.json);
    else fail(new Error(m.error));
  };
  if (!dbLocation || dbLocation === ':memory:') {
    computeFacts(store, input, receive).catch(fail);
  } else {
    const worker = moduleWorker(import.meta.url, 'export-facts-worker', { workerData: { dbLocation, input } });
    worker.on('message', receive);
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`the export's digest thread exited (code ${code}) before it was done`)));
  }
  // Each is awaited in turn by the export; a failure meanwhile must not be an unhandled rejection.
  for (const d of all) d.promise.catch(() => {});
  return { cables: cables.promise, lists: lists.promise, stateCables: state.promise };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(v: T): void;
  reject(e: Error): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
