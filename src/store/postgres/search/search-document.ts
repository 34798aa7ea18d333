/**
 * The tsvector of one cable, built in JS from the words the SQLite FTS5 index sees
 * (src/query/search-text.ts folds case, accents and leading zeros, drops redactions),
 * so both stores find the same cables. Fields carry weights so a query can be limited
 * to one: A subject, B sender, C recipients, D the rest (body, tags, origin, ids).
 */
import type { ParsedCable } from '../../../domain/cable.js';
import { searchWords } from '../../../query/search-text.js';

export type FieldWeight = 'A' | 'B' | 'C' | 'D';

/** PostgreSQL limits: positions 1..16383, 256 positions per lexeme, lexemes under 2 KB. */
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_WORD = 256;
const MAX_WORD_BYTES = 2000;
/** Positions left empty between fields, so a phrase never spans two fields. */
const FIELD_GAP = 2;

const ID = /^(\d{2})([A-Z][A-Z0-9-]*?)(\d+)$/;

function recipientsText(list: ParsedCable['recipients']): string {
  return list.map((r) => `${r.route ?? ''} ${r.name}`).join(' ');
}

/** The fields of a cable as (weight, text) pairs, in index order. */
export function documentFields(canonicalId: string, p: ParsedCable): Array<[FieldWeight, string]> {
  const m = ID.exec(canonicalId);
  return [
    ['A', p.subject ?? ''],
    ['D', p.body ?? ''],
    ['D', p.tags.join(' ')],
    ['D', p.origin ?? ''],
    ['B', `${p.origin ?? ''} ${p.originRoute ?? ''} ${m ? m[2] : ''}`],
    ['C', `${recipientsText(p.recipients)} ${recipientsText(p.infoRecipients)}`],
    ['D', `${canonicalId} ${p.referenceId ?? ''} ${m ? `${m[2]} ${m[3]}` : ''}`],
  ];
}

/** Quotes a lexeme for tsvector / tsquery input. */
export function quoteLexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The cable's tsvector in PostgreSQL's input syntax (`'word':1A,7A 'other':2`). */
export function searchDocument(canonicalId: string, p: ParsedCable): string {
  const positions = new Map<string, string[]>();
  let pos = 0;
  for (const [weight, text] of documentFields(canonicalId, p)) {
    for (const w of searchWords(text)) {
      pos = Math.min(pos + 1, MAX_POSITION);
      if (Buffer.byteLength(w) > MAX_WORD_BYTES) continue;
      let list = positions.get(w);
      if (!list) positions.set(w, (list = []));
      if (list.length < MAX_POSITIONS_PER_WORD) list.push(`${pos}${weight}`);
    }
    pos = Math.min(pos + FIELD_GAP, MAX_POSITION);
  }
  const parts: string[] = [];
  for (const [w, list] of positions) parts.push(`${quoteLexeme(w)}:${list.join(',')}`);
  return parts.join(' ');
}
