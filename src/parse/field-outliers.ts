/**
 * Outlier rules per parsed field, for the corpus audit (`npm run audit -- FIELD`) and the
 * corpus-wide outlier test. An outlier is a value the rules of a field say cannot be right
 * (a title word in a classifier's name, punctuation in a signer, a sentence in the tags, a
 * subject line left unread...). Each rule returns the reasons, empty when the value is fine.
 * Pure: the caller reads the corpus.
 */
import { TAG_CODES, TAG_CODE_FIXES, TAG_PHRASES } from './tables/tag-codes.js';
import { TITLE_WORDS } from './tables/titles.js';
import { STATIONS } from './tables/stations.js';

export const AUDIT_FIELDS = ['classified_by', 'signers', 'subject', 'tags', 'titlefy'] as const;
export type AuditField = (typeof AUDIT_FIELDS)[number];

/** What the audit looks at for one cable. */
export interface AuditedCable {
  id: string;
  body: string;
  subject: string;
  tags: string[];
  classifiedBy: string[];
  signers: string[];
  /** titlefy(subject). */
  title: string;
}

const NAME_SUFFIX = /^(?:JR|SR|II|III|IV)$/;

/** Reasons a `Classified by` name is not a bare name. */
export function classifiedByOutliers(c: AuditedCable): string[] {
  const out: string[] = [];
  for (const name of c.classifiedBy) {
    const tokens = name.split(/[\s,]+/).filter(Boolean);
    const upper = tokens.map((t) => t.replace(/[.]+$/, '').toUpperCase());
    if (/\d/.test(name)) out.push(`digits: ${name}`);
    else if (/[^\p{L} .,'’-]/u.test(name)) out.push(`punctuation: ${name}`);
    else if (/\.\.\.?$|…$/.test(name)) out.push(`truncated: ${name}`);
    else if (upper.some((t) => TITLE_WORDS.has(t))) out.push(`title word: ${name}`);
    else if (upper.some((t) => STATIONS.has(t))) out.push(`station: ${name}`);
    else if (tokens.some((t) => !t.includes(".") && t.length >= 2 && !/[AEIOUY]/i.test(t) && !NAME_SUFFIX.test(t.toUpperCase()) && !/^X+$/.test(t)))
      out.push(`abbreviation: ${name}`);
    else if (tokens.length > 5) out.push(`too long: ${name}`);
    else if (tokens.length === 1 && tokens[0].length <= 2) out.push(`initial only: ${name}`);
  }
  return out;
}

/** A word that closes a text, never a signer. */
const CLOSING_WORD = /^(?:END|TEXT|COMMENT|SUMMARY|NNNN|BT|SIPDIS|NOTE|THANKS|REGARDS|MINIMIZE|CONSIDERED|NOFORN|CONFIDENTIAL|SECRET|UNCLASSIFIED)$/;

export function signersOutliers(c: AuditedCable): string[] {
  const out: string[] = [];
  for (const s of c.signers) {
    if (/[^A-Z' -]|^[' -]|[' -]$/.test(s)) out.push(`punctuation: ${s}`);
    else if (CLOSING_WORD.test(s)) out.push(`closing word: ${s}`);
    else if (s.split(' ').length > 3) out.push(`too long: ${s}`);
  }
  return out;
}

/** A SUBJECT line in the text, in any case and layout (`Subject:`, `SUBJ -`, `2. SUBJECT:`). */
export const SUBJECT_LINE = /(?:^|\n)[ \t]*(?:\d{1,2}\.[ \t]*)?(?:SUBJECT|SUBJ|Subject|Subj)[ \t]*(?::|-{1,2}[ \t]|\.[ \t])[ \t]*\S/;

export function subjectOutliers(c: AuditedCable): string[] {
  const out: string[] = [];
  if (!c.subject) {
    if (SUBJECT_LINE.test(c.body.slice(0, 30000))) out.push('subject line in the text, no subject');
    else if (c.tags.length > 0) out.push('tags but no subject');
  } else if (c.subject.length > 400) out.push(`too long (${c.subject.length} characters)`);
  else if (/\d{5,8}\s+\d{3}\.\d\s+OF\s+\d{3}|\bPAGE\s+\d{2}\b/.test(c.subject)) out.push(`page marker: ${c.subject}`);
  return out;
}

const PHRASES = new Set(TAG_PHRASES);
/** `SURNAME, GIVEN` or `SURNAME, GIVEN M.` */
const PERSON_TAG = /^[A-Z][A-Z'-]+, [A-Z][A-Z'-]+(?: [A-Z]\.)?$/;

/** True when `tag` is something a TAGS line holds: a known code, a person tag, a known phrase. */
export function isKnownTag(tag: string): boolean {
  return TAG_CODES.has(tag) || tag in TAG_CODE_FIXES || PHRASES.has(tag) || PERSON_TAG.test(tag) || Object.values(TAG_CODE_FIXES).some((v) => v.includes(tag));
}

export function tagsOutliers(c: AuditedCable): string[] {
  const out: string[] = [];
  for (const t of c.tags) {
    if (/[.!?"()\[\];:]/.test(t.replace(/ [A-Z]\.$/, ''))) out.push(`punctuation: ${t}`);
    else if (/X{4,}/.test(t)) out.push(`redaction: ${t}`);
    else if (t.split(' ').length > 3) out.push(`sentence: ${t}`);
    else if (!isKnownTag(t)) out.push(`unknown: ${t}`);
  }
  return out;
}

/**
 * How the corpus writes a word in mixed-case text: upper-case (an acronym) or not. Built by
 * `wordCaseEvidence` from the bodies; `titlefy` is an outlier where it disagrees.
 */
export type CaseEvidence = Map<string, { upper: number; other: number; plural?: number }>;

/** Counts, per word, how often mixed-case sentences of the bodies write it upper-case. */
export function wordCaseEvidence(bodies: Iterable<string>): CaseEvidence {
  const ev: CaseEvidence = new Map();
  for (const body of bodies) {
    for (const line of body.split('\n')) {
      // Only prose lines written in mixed case tell an acronym from a word.
      const letters = line.replace(/[^A-Za-z]/g, '');
      if (letters.length < 30) continue;
      const lower = letters.replace(/[^a-z]/g, '').length;
      if (lower < letters.length * 0.6) continue;
      const words = line.split(/[^A-Za-z'’]+/);
      for (let i = 1; i < words.length; i++) {
        const w = words[i].replace(/['’][A-Za-z]*$/, '');
        if (w.length < 2) continue;
        const key = w.toUpperCase();
        let e = ev.get(key);
        if (!e) ev.set(key, (e = { upper: 0, other: 0 }));
        if (w === key) e.upper++;
        else {
          e.other++;
          // `NGOs`, `FTAs`: an acronym's plural.
          if (/^[A-Z]{2,}s$/.test(w)) e.plural = (e.plural ?? 0) + 1;
        }
      }
    }
  }
  return ev;
}

/** Words written upper-case at least `min` times and in at least `share` of their uses. */
export function acronymsOf(ev: CaseEvidence, min = 3, share = 0.9): string[] {
  const upper = [...ev.entries()].filter(([, e]) => e.upper >= min && e.upper >= share * (e.upper + e.other)).map(([w]) => w);
  // Plurals written `NGOs`: as the corpus writes them, in most of their uses.
  const plurals = [...ev.entries()]
    .filter(([, e]) => (e.plural ?? 0) >= min && (e.plural ?? 0) >= 0.5 * (e.upper + e.other))
    .map(([w]) => `${w.slice(0, -1)}s`);
  return [...upper, ...plurals].filter((w) => /^[A-Z]{2,}s?$/.test(w) && !/^X+$/.test(w)).sort();
}

export function titlefyOutliers(c: AuditedCable, ev: CaseEvidence): string[] {
  if (!c.subject || c.subject !== c.subject.toUpperCase()) return [];
  const out: string[] = [];
  for (const raw of c.title.split(/[^A-Za-z'’]+/)) {
    const w = raw.replace(/['’][A-Za-z]*$/, '');
    if (w.length < 2) continue;
    const e = ev.get(w.toUpperCase());
    if (!e || e.upper + e.other < 5) continue;
    const corpusUpper = e.upper >= 0.9 * (e.upper + e.other);
    const corpusLower = e.other >= 0.9 * (e.upper + e.other);
    if (corpusUpper && w !== w.toUpperCase()) out.push(`acronym lowered: ${w}`);
    else if (corpusLower && w.length > 1 && w === w.toUpperCase()) out.push(`word kept upper-case: ${w}`);
  }
  return out;
}
