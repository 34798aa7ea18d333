/**
 * A fingerprint of the bulk files' row format: the hash of both rows of one fixed,
 * fictional probe cable. Rows appended to a bulk file must be written by the same code as
 * the rows already in it; the appendable state records this fingerprint, so a change to
 * src/web/bulk-data-rows.ts (or to what it writes, such as the cable URL or a new field
 * of ParsedCable) makes the next export rewrite both files instead of appending.
 */
import { createHash } from 'node:crypto';
import type { StoredCable } from '../store/store.js';
import { cableCsvRow, cableJsonLine } from '../web/bulk-data-rows.js';

/** Fictional: every field set, with the characters the CSV format escapes. */
const PROBE: StoredCable = {
  canonicalId: '99NOWHERE1',
  releasedAt: '2011-01-02T03:04:05Z',
  currentVersion: 1,
  versionCount: 1,
  cable: {
    referenceId: '99NOWHERE1',
    canonicalId: '99NOWHERE1',
    created: '1999-01-02T03:04Z',
    createdDisplayed: '1999-01-02 03:04',
    released: '2011-01-02 03:04',
    classification: 'CONFIDENTIAL',
    classificationMarking: 'C O N F I D E N T I A L',
    caveats: ['SIPDIS'],
    origin: 'Embassy Nowhere',
    originRoute: 'RUEHNW',
    transmissionId: 'RUEHNW #0001/01 0020304',
    precedence: 'PRIORITY',
    dtg: '020304Z JAN 99',
    recipients: [{ route: 'RUEHC', name: 'SECSTATE WASHDC', precedence: 'PRIORITY', mcn: '0001', excluded: ['X'] }],
    infoRecipients: [{ route: null, name: 'AMEMBASSY ELSEWHERE', precedence: null, mcn: null, excluded: [] }],
    tags: ['PREL', 'XX'],
    subject: 'FICTIONAL PROBE "QUOTED" \\ SLASH',
    references: ['98NOWHERE2', '98STATE3'],
    referencesDetailed: [{ value: '98NOWHERE2', kind: 'cable', bullet: 'A', title: null }],
    classifiedBy: ['Nobody'],
    classificationReasons: ['1.4 (b)'],
    nondisclosureDeadline: '2019-01-02',
    summary: 'Summary.',
    comment: 'Comment.',
    signers: ['NOBODY'],
    paragraphs: [{ number: '1', marking: 'C', text: 'Fictional "text" \\ é\r\nline.' }],
    partial: false,
    redactions: [{ start: 1, end: 2 }],
    section: { n: 1, of: 2 },
    articles: [{ title: 'T', url: 'https://example.invalid/a' }],
    header: 'R 020304Z JAN 99\nFM AMEMBASSY NOWHERE',
    body: '1. (C) Fictional "text" \\ é\r\nline \u2028 end.\n',
    warnings: ['w'],
  },
};

let fingerprint: string | null = null;

export function bulkRowFormat(): string {
  fingerprint ??= createHash('sha256')
    .update(cableCsvRow(1, PROBE) + cableJsonLine(PROBE))
    .digest('hex')
    .slice(0, 16);
  return fingerprint;
}
