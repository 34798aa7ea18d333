/** The row shape both adapters' `publicDigest` queries return, and its mapping to PublicDigestRow. */
import type { PublicDigestRow } from './store.js';

export interface DigestRow {
  canonical_id: string;
  released_at: string;
  created: string | null;
  classification: string | null;
  origin: string | null;
  signature: string;
  /** Joined with U+001F. */
  tags: string | null;
  refs: string | null;
}

const split = (s: string | null): string[] => (s ? s.split('\u001f').sort() : []);

export function toDigest(r: DigestRow): PublicDigestRow {
  return {
    canonicalId: r.canonical_id,
    releasedAt: r.released_at,
    created: r.created,
    classification: r.classification,
    origin: r.origin,
    signature: r.signature,
    tags: split(r.tags),
    refs: split(r.refs),
  };
}
