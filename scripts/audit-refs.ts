/**
 * Audit of the reference and canonical-id fields over every real cable of the corpus:
 * runs the parser on each cable (one version per id: the longest body) and lists the
 * distribution and the outliers (src/parse/reference-audit.ts says what each kind means).
 *
 *   npm run audit:refs -- [--list KIND|all] [--json] [folder-or-file ...]
 *
 * Default: every build and extract of ../shared/corpus. The rates are asserted by
 * test/parse/references-corpus.test.ts; docs/parser-rules.md records them.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSources } from '../src/sources/read-sources.js';
import { parseCable } from '../src/parse/cable.js';
import { parseRoutingHeader } from '../src/parse/routing-header.js';
import type { ParsedCable } from '../src/domain/cable.js';
import {
  canonicalOutliers,
  fullYear,
  referenceOutliers,
  type CanonicalOutlierKind,
  type Outlier,
  type ReferenceOutlierKind,
} from '../src/parse/reference-audit.js';
import { corpusDir, extracted } from '../test/support/corpus.js';

export interface AuditedCable {
  source: string;
  id: string | null;
  references: Outlier<ReferenceOutlierKind>[];
  canonical: Outlier<CanonicalOutlierKind>[];
  cable: ParsedCable;
}

export interface RefsAudit {
  cables: number;
  rejects: number;
  /** Cables whose body has a REF block with at least one item. */
  withRefBlock: number;
  citedCables: number;
  byKind: Record<string, number>;
  /** Citing year minus cited year: distribution. */
  yearGap: Record<string, number>;
  citedStations: Record<string, number>;
  outliers: Record<ReferenceOutlierKind | CanonicalOutlierKind, number>;
  /** Site ids the canonical form repairs (`09EFTOLONDON2187` -> `09LONDON2187`): by rule, not outliers. */
  repairedSiteIds: string[];
  /** Cables with at least one outlier of the field / cables audited for it. */
  rates: { references: number; references_detailed: number; canonical_id: number };
  audited: AuditedCable[];
}

export function defaultCorpusPaths(): string[] {
  return [
    join(extracted('site-2010-12-10-complete'), 'cable'),
    extracted('site-2011-04-cables'),
    extracted('site-2010-11-early-cables'),
    join(corpusDir, 'site-2011-08-final'),
    join(extracted('body-extracts-2011'), 'cables'),
    join(corpusDir, 'plaintext-2011-unredacted'),
  ];
}

const REF_KINDS: ReferenceOutlierKind[] = ['year-after', 'date-serial', 'unaccounted-item', 'unknown-station'];
const ID_KINDS: CanonicalOutlierKind[] = ['id-differs-from-site', 'id-unknown-station', 'fm-station-differs'];

export async function auditRefs(paths: string[] = defaultCorpusPaths()): Promise<RefsAudit> {
  // One version per cable: the same id appears in several builds; the longest body wins.
  const best = new Map<string, { source: string; body: string; siteId: string | null; fm: string | null; cable: ParsedCable }>();
  let rejects = 0;
  let anon = 0;
  for await (const item of readSources(paths)) {
    if (!item.ok) {
      rejects++;
      continue;
    }
    const r = item.record;
    const cable = parseCable(r);
    const key = cable.canonicalId ?? `?${anon++}`;
    const prev = best.get(key);
    if (!prev || r.body.length > prev.body.length) {
      const fm = r.header ? parseRoutingHeader(r.header.replace(/\r\n?/g, '\n')).from : null;
      best.set(key, { source: r.source, body: r.body.replace(/\r\n?/g, '\n'), siteId: r.meta.referenceId?.trim() || null, fm, cable });
    }
  }
  const outliers = Object.fromEntries([...REF_KINDS, ...ID_KINDS].map((k) => [k, 0])) as RefsAudit['outliers'];
  const byKind: Record<string, number> = {};
  const yearGap: Record<string, number> = {};
  const citedStations: Record<string, number> = {};
  const audited: AuditedCable[] = [];
  let withRefBlock = 0;
  let citedCables = 0;
  let refCablesOut = 0;
  let detailedOut = 0;
  let idOut = 0;
  let idAudited = 0;
  const repairedSiteIds: string[] = [];
  for (const { source, body, siteId, fm, cable } of best.values()) {
    const references = referenceOutliers(cable, body);
    const canonical = canonicalOutliers(cable, siteId, fm);
    if (cable.canonicalId) idAudited++;
    if (siteId && cable.canonicalId && siteId !== cable.canonicalId) repairedSiteIds.push(`${siteId} -> ${cable.canonicalId}`);
    if (cable.referencesDetailed.length || references.some((o) => o.kind === 'unaccounted-item')) withRefBlock++;
    for (const r of cable.referencesDetailed) {
      byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
      if (r.kind !== 'cable') continue;
      citedCables++;
      const st = /^\d{2}([A-Z]+)\d+$/.exec(r.value)?.[1] ?? '?';
      citedStations[st] = (citedStations[st] ?? 0) + 1;
      if (cable.created) {
        const gap = Number(cable.created.slice(0, 4)) - fullYear(r.value.slice(0, 2));
        const k = gap < 0 ? 'later' : gap > 5 ? '>5' : String(gap);
        yearGap[k] = (yearGap[k] ?? 0) + 1;
      }
    }
    for (const o of [...references, ...canonical]) outliers[o.kind]++;
    if (references.some((o) => o.kind !== 'unaccounted-item')) refCablesOut++;
    if (references.length) detailedOut++;
    if (canonical.length) idOut++;
    audited.push({ source, id: cable.canonicalId, references, canonical, cable });
  }
  return {
    cables: best.size,
    rejects,
    withRefBlock,
    citedCables,
    byKind,
    yearGap,
    citedStations,
    outliers,
    repairedSiteIds,
    rates: {
      references: withRefBlock ? refCablesOut / withRefBlock : 0,
      references_detailed: withRefBlock ? detailedOut / withRefBlock : 0,
      canonical_id: idAudited ? idOut / idAudited : 0,
    },
    audited,
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const listAt = args.indexOf('--list');
  const list = listAt >= 0 ? args[listAt + 1] ?? 'all' : null;
  const json = args.includes('--json');
  const given = args.filter((a, i) => !a.startsWith('--') && !(listAt >= 0 && i === listAt + 1));
  const audit = await auditRefs(given.length ? given : undefined);
  if (list) {
    for (const a of audit.audited) {
      for (const o of [...a.references, ...a.canonical]) {
        if (list === 'all' || list === o.kind) console.log(`${a.id ?? '-'}\t${o.kind}\t${o.detail}\t${a.source}`);
      }
    }
  }
  const { audited: _, ...summary } = audit;
  const top = Object.entries(audit.citedStations).sort((a, b) => b[1] - a[1]);
  if (json) {
    console.log(JSON.stringify({ ...summary, citedStations: Object.fromEntries(top) }));
    return;
  }
  console.log(`${audit.cables} cables (one version per id), ${audit.rejects} rejected sources`);
  console.log(`${audit.withRefBlock} with a REF block; ${audit.citedCables} cited cables; kinds ${JSON.stringify(audit.byKind)}`);
  console.log(`citing year - cited year: ${JSON.stringify(audit.yearGap)}`);
  console.log(`cited stations: ${top.length} distinct; top ${top.slice(0, 15).map(([s, n]) => `${s} ${n}`).join(', ')}`);
  console.log(`site ids repaired by rule: ${audit.repairedSiteIds.length} (${audit.repairedSiteIds.join(', ')})`);
  console.log('outliers:');
  for (const [k, n] of Object.entries(audit.outliers)) console.log(`  ${k.padEnd(24)} ${n}`);
  console.log('cables with outliers (rate):');
  for (const [k, r] of Object.entries(audit.rates)) console.log(`  ${k.padEnd(24)} ${(100 * r).toFixed(2)}%`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
