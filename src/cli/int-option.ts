import { CablegateError } from '../domain/errors.js';

/** commander option parser for a positive integer (`--batch 500`). */
export function positiveInt(name: string, min = 1) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
      throw new CablegateError('E_USAGE', `${name} must be an integer ≥ ${min}, not ${JSON.stringify(value)}`);
    }
    return n;
  };
}
