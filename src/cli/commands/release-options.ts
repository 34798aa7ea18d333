/** Shared pieces of `release` and `withdraw`: who runs it, ids from arguments, printing an outcome. */
import { userInfo } from 'node:os';
import { canonicalizeId } from '../../parse/fields/canonical-id.js';
import type { ReleaseOutcome } from '../../store/store.js';

/** `--by`, else $CABLEGATE_USER, else the login name. */
export function releaseActor(by: string | undefined): string {
  if (by) return by;
  if (process.env.CABLEGATE_USER) return process.env.CABLEGATE_USER;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** Any spelling of an id to its canonical form; an id that cannot be read stays as typed (and is reported unknown). */
export function canonicalIdOrRaw(raw: string): string {
  try {
    return canonicalizeId(raw) || raw;
  } catch {
    return raw;
  }
}

export function formatOutcome(o: ReleaseOutcome, now: string): string {
  const b = o.batch;
  const lines: string[] = [];
  const verb =
    b.action === 'withdraw'
      ? o.dryRun ? 'would withdraw' : 'withdrew'
      : o.dryRun ? (b.at > now ? `would schedule for ${b.at}` : 'would release') : b.at > now ? `scheduled for ${b.at}` : `released at ${b.at}`;
  lines.push(`${verb}: ${b.items.length} cable${b.items.length === 1 ? '' : 's'}${o.dryRun ? '' : ` (batch #${b.id})`}`);
  for (const i of b.items) {
    const what = i.action === 'version' ? `public version -> ${i.version}` : i.action === 'publish' ? `version ${i.version}` : `reason: ${i.reason}`;
    lines.push(`  ${i.canonicalId}  ${what}`);
  }
  if (o.skipped.length > 0) {
    lines.push(`${o.dryRun ? 'would fail' : 'skipped'}: ${o.skipped.length}`);
    for (const p of o.skipped) lines.push(`  ${p.message}`);
  }
  return lines.join('\n');
}
