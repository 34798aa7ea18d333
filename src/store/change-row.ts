/** A row of the change log as both adapters read it (publicChanges), and its mapping. */
import type { PublicChange } from './store.js';

export interface ChangeRow {
  kind: 'version' | 'withdrawal';
  canonical_id: string;
  created: string | null;
  at: string;
  from_version: number | null;
  to_version: number | null;
  reason: string | null;
}

export function toChange(r: ChangeRow): PublicChange {
  return { kind: r.kind, canonicalId: r.canonical_id, at: r.at, created: r.created, from: r.from_version, to: r.to_version, reason: r.reason };
}
