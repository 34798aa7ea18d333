/**
 * Reference lookup from the search box: an id typed in any form (`10DAMASCUS159`,
 * `DAMASCUS 159`, `STATE 000284`, a garbled id, an old site URL) names a station and a
 * serial (and maybe a year). Pure: the store does the lookup.
 */
import { canonicalizeId, knownStation } from '../parse/fields/canonical-id.js';

export interface ReferenceGuess {
  station: string;
  serial: number;
  /** Two-digit year, when typed. */
  year: string | null;
  /** True when the text was an old site URL (permanent redirect). */
  fromUrl: boolean;
}

const URL_ID = /(?:^|\/)cable\/(?:\d{4}\/\d{2}\/)?([A-Za-z0-9-]+?)(?:\.(?:html?|json))?\/?(?:[?#].*)?$/;
const WITH_YEAR = /^(\d{2})([A-Z][A-Z-]*?)0*(\d{1,7})$/;
const SPACED = /^(?:(\d{2}|19\d{2}|20\d{2})\s+)?([A-Za-z][A-Za-z.'’-]*(?:\s+[A-Za-z][A-Za-z.'’-]*){0,2})\s+0*(\d{1,7})$/;

function split(canonical: string): { year: string; station: string; serial: number } | null {
  const m = WITH_YEAR.exec(canonical);
  return m ? { year: m[1], station: m[2], serial: Number(m[3]) } : null;
}

/** The reference a query text names, or null when it is not an id. */
export function guessReference(text: string): ReferenceGuess | null {
  const q = text.trim();
  if (q.length < 4 || q.length > 300) return null;
  const url = /^(https?:\/\/|www\.|[a-z0-9.-]+\.[a-z]{2,}\/|\/cable\/)/i.test(q) ? URL_ID.exec(q) : null;
  if (url) {
    const parts = split(safeCanonical(url[1]));
    return parts ? { station: parts.station, serial: parts.serial, year: parts.year, fromUrl: true } : null;
  }
  if (/^\d{2}[A-Za-z]/.test(q) && !/\s/.test(q)) {
    const parts = split(safeCanonical(q));
    return parts ? { ...parts, fromUrl: false } : null;
  }
  const m = SPACED.exec(q);
  if (!m) return null;
  const name = m[2];
  if (name.replace(/[^A-Za-z]/g, '').length < 3) return null;
  const station = knownStation(name) ?? name.toUpperCase().replace(/[^A-Z-]/g, '');
  const year = m[1] ? m[1].slice(-2) : null;
  return { station, serial: Number(m[3]), year, fromUrl: false };
}

function safeCanonical(id: string): string {
  try {
    return canonicalizeId(id);
  } catch {
    return id.toUpperCase();
  }
}
