/** Kind of a TAGS entry: geo, person, program, subject, org. */
import { TAG_CODES } from '../tables/tag-codes.js';

export type TagKind = 'unknown' | 'subject' | 'person' | 'program' | 'geo' | 'org' | string;

/** Organisation acronyms used as tags. */
const ORG_TAGS = new Set(['NASA', 'NATO', 'IAEA', 'UN', 'UNSC', 'UNGA', 'EU', 'EUN', 'OSCE', 'OAS', 'OECD', 'WTO', 'WHO', 'UNESCO', 'UNHCR', 'UNHRC', 'UNMIK', 'ICRC', 'ICTY', 'ICAO', 'IMO', 'FAO', 'OPCW', 'FBI', 'CIA', 'DEA', 'DHS', 'USTR', 'FARC', 'LTTE', 'EFTA', 'GCC', 'IWC', 'UNEP', 'COE', 'APECO', 'FTAA', 'OPIC', 'UNO', 'USUN', 'WBG']);

export function tagKind(tag: string, fallback: TagKind = 'unknown'): TagKind {
  const t = String(tag ?? '').trim();
  if (t.length === 2) return 'geo';
  if (t.includes(',')) return 'person';
  const u = t.toUpperCase();
  if (t.length === 4 && u.startsWith('K')) return 'program';
  if (ORG_TAGS.has(u)) return 'org';
  if (TAG_CODES.has(u) && u.length === 4) return 'subject';
  return fallback;
}
