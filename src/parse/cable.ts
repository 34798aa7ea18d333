/**
 * The whole-cable parser: one SourceRecord (site page, CSV row, plain text, body
 * extract) in, a ParsedCable out. Pure. Identity fields come from the source's
 * metadata when it has them (the publisher's database), else from the text alone
 * (deriveFromText); anything odd is reported in `warnings`.
 */
import type { ParsedCable } from '../domain/cable.js';
import { isClassification, type Classification } from '../domain/classification.js';
import type { SourceRecord } from '../domain/source-record.js';
import {
  canonicalizeId,
  parseClassifiedBy,
  parseInfoRecipients,
  parseNondisclosureDeadline,
  parseRecipients,
  parseReferences,
  parseSigners,
  parseSubject,
  parseSummary,
  parseTags,
} from './fields/index.js';
import { analyzeText } from './derive-from-text.js';
import { findComment, findRedactions, findSection, parseParagraphs } from './body-structure.js';
import { metaTimeToIso } from './meta-time.js';
import { classificationReasons } from './classification-reasons.js';
import { unglueHeader } from './routing-header.js';

export { deriveFromText } from './derive-from-text.js';

export function parseCable(record: SourceRecord): ParsedCable {
  const warnings: string[] = [...(record.meta.readingNotes ?? [])];
  // A header glued onto one line is put back on its lines first (see unglueHeader).
  const header = record.header !== null && record.header.trim() !== '' ? unglueHeader(normalizeNewlines(record.header)) : null;
  const body = normalizeNewlines(record.body);
  const meta = record.meta;
  const text = analyzeText(header, body);
  const content = header ? `${header}\n${body}` : body;

  const referenceId = meta.referenceId?.trim() || text.referenceId;
  const canonicalId = referenceId ? safe(() => canonicalizeId(referenceId), referenceId) : null;
  if (meta.referenceId && text.referenceId && canonicalId !== text.referenceId) {
    warnings.push(`reference id ${meta.referenceId} differs from the text's ${text.referenceId}`);
  }
  if (!referenceId) warnings.push('no reference id: neither the source nor the text names one');

  let created = text.created;
  if (created === null && meta.created) {
    created = metaTimeToIso(meta.created);
    if (created) warnings.push(`no DTG in the text: created taken from the source (${meta.created}); its minutes may be wrong`);
  }

  let classification: Classification | null = null;
  const metaClass = meta.classification?.trim().toUpperCase();
  if (metaClass && isClassification(metaClass)) {
    classification = metaClass;
    if (text.classification && text.classification !== metaClass) {
      warnings.push(`classification ${metaClass} (source) differs from the text's ${text.classification}`);
    }
  } else {
    if (metaClass) warnings.push(`unknown classification label in the source: ${meta.classification}`);
    classification = text.classification;
  }
  if (!classification) warnings.push('no classification marking found');

  const origin = meta.origin?.trim() || text.origin;
  if (meta.origin && text.origin && meta.origin.trim() !== text.origin) {
    warnings.push(`origin ${meta.origin} (source) differs from the text's ${text.origin}`);
  }
  if (text.routing.from && !text.origin) warnings.push(`unknown kind of station in the FM line: ${text.routing.from}`);

  const year = text.dtg?.year ?? yearOfId(canonicalId);
  const refs = safe(() => parseReferences(body, { year, referenceId: canonicalId }), []);
  const cableRefs = [...new Set(refs.filter((r) => r.kind === 'cable').map((r) => r.value).filter((v) => v !== canonicalId))];

  const classifiedBy = safe(() => parseClassifiedBy(body), []);
  const partial = meta.partial === true;
  if (partial) warnings.push('partial extract: the full text of the original cable is not available');
  if (record.format === 'site-page' && header === null && !partial) warnings.push('no routing header in the source');

  const subject = safe(() => parseSubject(content), '');
  return {
    referenceId: referenceId ?? null,
    canonicalId,
    created,
    createdDisplayed: meta.created?.trim() || null,
    released: meta.released ? metaTimeToIso(meta.released) : null,
    classification,
    classificationMarking: text.marking.text,
    caveats: text.caveats,
    origin: origin ?? null,
    originRoute: text.routing.originRoute,
    transmissionId: text.routing.transmissionId,
    precedence: text.routing.precedence,
    dtg: text.dtg?.text ?? null,
    recipients: header ? safe(() => parseRecipients(header), []) : [],
    infoRecipients: header ? safe(() => parseInfoRecipients(header), []) : [],
    tags: safe(() => parseTags(body), []),
    subject: subject || null,
    references: cableRefs,
    referencesDetailed: refs,
    classifiedBy,
    classificationReasons: classificationReasons(body),
    nondisclosureDeadline: safe(() => parseNondisclosureDeadline(body), null),
    summary: safe(() => parseSummary(body), null),
    comment: findComment(body),
    signers: safe(() => parseSigners(body), []),
    paragraphs: parseParagraphs(body),
    partial,
    redactions: findRedactions(body),
    section: findSection(text.marking.line ?? body.slice(0, 400)),
    articles: meta.articles ?? [],
    header,
    body,
    warnings,
  };
}

function normalizeNewlines(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

function yearOfId(id: string | null): number | null {
  const m = id ? /^(\d{2})/.exec(id) : null;
  if (!m) return null;
  const n = +m[1];
  return n >= 66 ? 1900 + n : 2000 + n;
}

/** A field parser must never sink the whole cable: on a throw, the fallback. */
function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
