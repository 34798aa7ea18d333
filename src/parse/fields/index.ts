/**
 * The field-level parser API: pure functions, one field each. They never throw on odd
 * input and stay linear on full cable bodies.
 */
export type { TagKind } from './tag-kind.js';
export { canonicalizeId, canonicalizeStation } from './canonical-id.js';
export { parseTags } from './tags.js';
export { parseSubject } from './subject.js';
export { parseReferences } from './references.js';
export { citedCableIds } from './cited-cable-ids.js';
export { parseRecipients, parseInfoRecipients } from './recipients.js';
export { parseSigners } from './signers.js';
export { parseClassifiedBy } from './classified-by.js';
export { parseSummary } from './summary.js';
export { parseNondisclosureDeadline } from './nondisclosure-deadline.js';
export { titlefy } from './titlefy.js';
export { tagKind } from './tag-kind.js';
export { cleanContent } from './clean-content.js';
