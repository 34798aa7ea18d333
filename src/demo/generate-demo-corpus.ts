/**
 * Writes a fictional demo corpus: `count` cable pages in the 2010-2011 site format
 * at `OUT/cable/YYYY/MM/<ID>.html`. Same seed and count, same bytes.
 */
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CablegateError } from '../domain/errors.js';
import { composeDemoCable, indexByPost, type DemoCable } from './compose-demo-cable.js';
import { planDemoArchive } from './plan-demo-archive.js';
import { renderSitePage } from './render-site-page.js';

export const DEFAULT_DEMO_SEED = 1295;
/** Bumped whenever the generator's output changes, so caches of old output are not reused. */
export const DEMO_FORMAT_VERSION = 1;

export interface GenerateDemoOptions {
  count: number;
  seed?: number;
  out: string;
  /** Called with the number of pages written so far (every batch, and at the end). */
  onProgress?: (n: number) => void;
}

export interface DemoPage {
  cable: DemoCable;
  /** Path relative to the output folder, e.g. `cable/2008/05/08DAMASCUS1234.html`. */
  path: string;
  html: string;
}

function checkOptions(count: number, seed: number): void {
  if (!Number.isInteger(count) || count < 1) {
    throw new CablegateError('E_USAGE', `Cannot generate ${String(count)} demo cables: the count must be a whole number of at least 1.`, { hint: 'Pass --count N with N >= 1, e.g. --count 1000.' });
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new CablegateError('E_USAGE', `Cannot use seed ${String(seed)}: the seed must be a whole number from 0 to 4294967295.`, { hint: 'Pass --seed S with a non-negative integer, or leave it out.' });
  }
}

/** Every demo page, oldest cable first, without touching the disk. */
export function* demoPages(count: number, seed: number = DEFAULT_DEMO_SEED): Generator<DemoPage> {
  checkOptions(count, seed);
  const plans = planDemoArchive(count, seed);
  const byPost = indexByPost(plans);
  const build = `${count} / ${count.toLocaleString('en-US')}`;
  for (const plan of plans) {
    const cable = composeDemoCable(plan, plans, byPost, seed);
    yield { cable, path: `cable/${cable.folder}/${cable.id}.html`, html: renderSitePage(cable, { build }) };
  }
}

const PROGRESS_EVERY = 2000;
/** Writes in flight at once: enough to keep libuv's threads busy while the next pages are composed. */
const MAX_PENDING_WRITES = 32;

export async function generateDemoCorpus(options: GenerateDemoOptions): Promise<{ files: number; bytes: number }> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  checkOptions(options.count, seed);
  const made = new Set<string>();
  const pending = new Set<Promise<void>>();
  let failure: unknown = null;
  let files = 0;
  let bytes = 0;
  try {
    for (const page of demoPages(options.count, seed)) {
      const dir = join(options.out, 'cable', page.cable.folder);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      const write: Promise<void> = writeFile(join(dir, `${page.cable.id}.html`), page.html, 'utf8').then(
        () => void pending.delete(write),
        (e: unknown) => {
          pending.delete(write);
          failure ??= e;
        },
      );
      pending.add(write);
      files++;
      bytes += Buffer.byteLength(page.html, 'utf8');
      if (pending.size >= MAX_PENDING_WRITES) await Promise.race(pending);
      if (failure) throw failure;
      if (files % PROGRESS_EVERY === 0) options.onProgress?.(files);
    }
    await Promise.all(pending);
    if (failure) throw failure;
  } catch (e) {
    await Promise.allSettled(pending);
    if (e instanceof CablegateError) throw e;
    throw new CablegateError('E_USAGE', `Cannot write the demo corpus to ${options.out}: ${(e as Error).message}`, {
      hint: 'Check that the output folder is writable and the disk has room (about 6 KB per cable).',
      subject: options.out,
      cause: e,
    });
  }
  options.onProgress?.(files);
  return { files, bytes };
}
