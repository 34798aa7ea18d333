/**
 * Choosing the next cables to release (pure): candidates in creation order, id order, or
 * a reproducible random order (a seed gives the same order on every run and machine).
 */
import { CablegateError } from '../domain/errors.js';

export type ReleaseOrder = 'created' | 'id' | 'random';

export const RELEASE_ORDERS: readonly ReleaseOrder[] = ['created', 'id', 'random'];

export interface Candidate {
  canonicalId: string;
  created: string | null;
}

export function parseReleaseOrder(value: string): ReleaseOrder {
  if ((RELEASE_ORDERS as readonly string[]).includes(value)) return value as ReleaseOrder;
  throw new CablegateError('E_USAGE', `--order must be one of ${RELEASE_ORDERS.join(', ')}, not ${JSON.stringify(value)}`);
}

/** mulberry32 over a 32-bit hash of the seed text: small, fast, reproducible. */
function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The candidates in the chosen order, the first `next` of them (all when null).
 * `created`: oldest first, undated last, ties by id; `id`: canonical id order;
 * `random`: a Fisher-Yates shuffle of the id-sorted list driven by `seed`.
 */
export function orderCandidates<T extends Candidate>(candidates: readonly T[], order: ReleaseOrder, options: { seed?: string; next?: number | null } = {}): T[] {
  const byId = [...candidates].sort((a, b) => (a.canonicalId < b.canonicalId ? -1 : a.canonicalId > b.canonicalId ? 1 : 0));
  let out: T[];
  if (order === 'id') out = byId;
  else if (order === 'created') {
    out = byId.sort((a, b) => {
      if (a.created === b.created) return 0;
      if (a.created === null) return 1;
      if (b.created === null) return -1;
      return a.created < b.created ? -1 : 1;
    });
  } else {
    const random = seededRandom(options.seed ?? '');
    out = byId;
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
  }
  return options.next === null || options.next === undefined ? out : out.slice(0, options.next);
}

/** Ids from a file: one per line or separated by spaces/commas; `#` starts a comment. */
export function parseIdList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, ''))
    .flatMap((line) => line.split(/[\s,]+/))
    .filter((w) => w.length > 0);
}
