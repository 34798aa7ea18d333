/**
 * Runs the parser over every cable record of the real corpus and applies the outlier rules
 * of src/parse/field-outliers.ts. Shared by `npm run audit` and the corpus-wide outlier test.
 */
import { parseCable } from '../../src/parse/cable.js';
import { titlefy } from '../../src/parse/fields/index.js';
import {
  AUDIT_FIELDS,
  classifiedByOutliers,
  signersOutliers,
  subjectOutliers,
  tagsOutliers,
  titlefyOutliers,
  wordCaseEvidence,
  type AuditField,
  type AuditedCable,
  type CaseEvidence,
} from '../../src/parse/field-outliers.js';
import { corpusRecords } from './corpus-records.js';

export interface FieldAudit {
  /** Cables with a non-empty value. */
  withValue: number;
  values: Map<string, number>;
  outliers: { id: string; reason: string }[];
  /** Outlier count / cables. */
  rate: number;
}

export interface CorpusAudit {
  cables: number;
  fields: Record<AuditField, FieldAudit>;
  evidence: CaseEvidence;
  /** Words of CLASSIFIED BY lines that are not part of the parsed name, most common first. */
  classifiedByTokens: [string, number][];
}

export async function auditCorpus(): Promise<CorpusAudit> {
  const { records } = await corpusRecords();
  const cables: AuditedCable[] = [];
  for (const r of records) {
    const p = parseCable(r);
    const subject = p.subject ?? '';
    cables.push({
      id: p.canonicalId ?? r.source,
      body: p.body,
      subject,
      tags: p.tags,
      classifiedBy: p.classifiedBy,
      signers: p.signers,
      title: subject ? titlefy(subject) : '',
    });
  }
  const evidence = wordCaseEvidence(cables.map((c) => c.body));
  const fields = Object.fromEntries(
    AUDIT_FIELDS.map((f) => [f, { withValue: 0, values: new Map<string, number>(), outliers: [] as FieldAudit['outliers'], rate: 0 }]),
  ) as Record<AuditField, FieldAudit>;
  const tokens = new Map<string, number>();
  const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const c of cables) {
    const per: Record<AuditField, { values: string[]; reasons: string[] }> = {
      classified_by: { values: c.classifiedBy, reasons: classifiedByOutliers(c) },
      signers: { values: c.signers, reasons: signersOutliers(c) },
      subject: { values: c.subject ? [c.subject] : [], reasons: subjectOutliers(c) },
      tags: { values: c.tags, reasons: tagsOutliers(c) },
      titlefy: { values: c.title ? [c.title] : [], reasons: titlefyOutliers(c, evidence) },
    };
    for (const f of AUDIT_FIELDS) {
      const a = fields[f];
      if (per[f].values.length) a.withValue++;
      for (const v of per[f].values) count(a.values, v);
      for (const reason of per[f].reasons) a.outliers.push({ id: c.id, reason });
    }
    const line = /classified\s+by\s*:?([^\n]*)/i.exec(c.body);
    if (line) {
      const names = new Set(c.classifiedBy.join(' ').toUpperCase().split(/[\s,]+/));
      const head = line[1].split(/\bf[o0]r\b|reason|;|\b1\.[45]|e\.\s?o\./i)[0];
      for (const t of head.split(/[\s,]+/)) {
        const w = t.replace(/^[.:(]+|[.:)]+$/g, '').toUpperCase();
        if (w && /[A-Z]/.test(w) && !names.has(w)) count(tokens, w);
      }
    }
  }
  for (const f of AUDIT_FIELDS) {
    // An outlier is counted once per cable for the rate.
    fields[f].rate = new Set(fields[f].outliers.map((o) => o.id)).size / Math.max(1, cables.length);
  }
  return { cables: cables.length, fields, evidence, classifiedByTokens: [...tokens.entries()].sort((a, b) => b[1] - a[1]) };
}
