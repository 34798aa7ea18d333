/**
 * The positions of `keys` in ascending order (code-unit order, as `<` compares strings):
 * the identity when they already are (the usual case: digests come sorted by id). Pure.
 */
export function ascendingOrder(keys: readonly string[]): number[] {
  const order = keys.map((_, i) => i);
  for (let i = 1; i < keys.length; i++) {
    if (!(keys[i - 1] < keys[i])) return order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  }
  return order;
}
