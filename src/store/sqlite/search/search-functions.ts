/**
 * SQL functions the search index triggers call, registered on every connection the
 * store opens (before migrations run). Deterministic, pure JS.
 */
import type Database from 'better-sqlite3';
import { normaliseSearchText } from '../../../query/search-text.js';

export const SEARCH_FUNCTIONS = {
  /** Text as the index sees it (redactions removed, digit runs without leading zeros). */
  text: 'cablegate_search_text',
  /** `10DAMASCUS159` -> `DAMASCUS 159`. */
  idWords: 'cablegate_id_words',
  /** `10DAMASCUS159` -> `DAMASCUS`. */
  station: 'cablegate_id_station',
} as const;

const ID = /^(\d{2})([A-Z][A-Z0-9-]*?)(\d+)$/;

export function registerSearchFunctions(db: Database.Database): void {
  const opts = { deterministic: true, varargs: false } as const;
  db.function(SEARCH_FUNCTIONS.text, opts, (text: unknown) => (typeof text === 'string' ? normaliseSearchText(text) : ''));
  db.function(SEARCH_FUNCTIONS.idWords, opts, (id: unknown) => {
    const m = typeof id === 'string' ? ID.exec(id) : null;
    return m ? `${m[2]} ${m[3]}` : '';
  });
  db.function(SEARCH_FUNCTIONS.station, opts, (id: unknown) => {
    const m = typeof id === 'string' ? ID.exec(id) : null;
    return m ? m[2] : '';
  });
}
