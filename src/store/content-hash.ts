import { createHash } from 'node:crypto';

/** SHA-256 of a version's raw text, hex: the identity of a version across adapters. */
export function contentHash(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex');
}
