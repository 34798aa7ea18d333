import type { Reference } from '../../domain/cable.js';
import { canonicalizeId } from './canonical-id.js';

/** Canonical ids of the cables a REF block cites, de-duplicated, without the citing cable itself. */
export function citedCableIds(refs: Reference[], selfId: string | null): string[] {
  const self = selfId ? canonicalizeId(selfId) : null;
  const out: string[] = [];
  for (const r of refs) {
    if (r.kind !== 'cable') continue;
    if (r.value === self || r.value === selfId) continue;
    if (!out.includes(r.value)) out.push(r.value);
  }
  return out;
}
