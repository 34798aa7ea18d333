import type { Classification } from './classification.js';

/** Message precedence, highest first. */
export type Precedence = 'FLASH' | 'NIACT IMMEDIATE' | 'IMMEDIATE' | 'PRIORITY' | 'ROUTINE';

/** One addressee of the TO or INFO block of a cable's routing header. */
export interface Recipient {
  /** Routing indicator before the slash, e.g. `RUEHC`, or null. */
  route: string | null;
  /** Addressee as written, e.g. `SECSTATE WASHDC`. */
  name: string;
  precedence: Precedence | null;
  /** Message continuity number (4+ digits, leading zeros kept), or null. */
  mcn: string | null;
  /** Posts excluded from a collective by an `XMT` line. */
  excluded: string[];
}

export type ReferenceKind = 'cable' | 'email' | 'book' | 'tel' | 'report';

/** One entry of a cable's REF block. */
export interface Reference {
  /** Canonical cable id for kind `cable`, the raw text otherwise. */
  value: string;
  kind: ReferenceKind;
  /** Enumeration letter (A, B, ...), upper-cased, or null. */
  bullet: string | null;
  title: string | null;
}

/** A numbered (or unnumbered) paragraph of the body. */
export interface Paragraph {
  /** `1`, `2`... as written, or null for unnumbered text. */
  number: string | null;
  /** Portion marking without parentheses, e.g. `S/NF`, `C`, `SBU`, or null. */
  marking: string | null;
  text: string;
}

/** A redacted span of the body text (offsets into `body`, end exclusive). */
export interface Redaction {
  start: number;
  end: number;
}

export interface Article {
  title: string;
  url: string;
}

/**
 * Everything the parser understands of one cable. Fields the text does not carry
 * are null (or empty lists): the parser says unknown rather than guess.
 */
export interface ParsedCable {
  /** Reference id as the source published it (may be garbled). */
  referenceId: string | null;
  /** Canonical reference id, e.g. `10DAMASCUS159`. */
  canonicalId: string | null;
  /** Creation time from the DTG, ISO 8601 UTC to the minute (`2010-02-24T14:08Z`). */
  created: string | null;
  /** The created time the site displayed (`2010-02-24 14:02`), kept apart: its minutes may be bogus. */
  createdDisplayed: string | null;
  /** Release time the source shows (ISO 8601 UTC), or null. */
  released: string | null;
  classification: Classification | null;
  /** Classification as marked in the text, e.g. `S E C R E T`, or null. */
  classificationMarking: string | null;
  /** Handling caveats: NOFORN, EXDIS, NODIS, LIMDIS, SIPDIS, ... */
  caveats: string[];
  /** Display name of the originating post, e.g. `Embassy Damascus`. */
  origin: string | null;
  /** Routing indicator of the sending station, e.g. `RUEHDM`. */
  originRoute: string | null;
  /** Transmission id, e.g. `RUEHDM #0159/01 0551408`. */
  transmissionId: string | null;
  precedence: Precedence | null;
  /** Date-time group as written, e.g. `241408Z FEB 10`. */
  dtg: string | null;
  recipients: Recipient[];
  infoRecipients: Recipient[];
  tags: string[];
  subject: string | null;
  /** Canonical ids of the cables the REF block cites. */
  references: string[];
  /** Every REF entry, cables and other kinds (email, telcon, report...). */
  referencesDetailed: Reference[];
  classifiedBy: string[];
  /** Classification reasons, e.g. `1.4 (b)`, `1.4 (d)`. */
  classificationReasons: string[];
  /** E.O. 12958 DECL date (the nondisclosure deadline), `YYYY-MM-DD`, or null. */
  nondisclosureDeadline: string | null;
  summary: string | null;
  comment: string | null;
  signers: string[];
  paragraphs: Paragraph[];
  /** True when the source says the text is a partial extract of the original cable. */
  partial: boolean;
  redactions: Redaction[];
  section: { n: number; of: number } | null;
  articles: Article[];
  /** Routing header text (the middle box), or null when the source has none. */
  header: string | null;
  /** Body text (the bottom box). */
  body: string;
  warnings: string[];
}
