/**
 * Binary search: the first index in [0, length) whose element is not `below` the sought
 * value, for elements ordered so that `below` holds for a prefix of them (length when it
 * holds for all). Pure.
 */
export function lowerBound(length: number, below: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
