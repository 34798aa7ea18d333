/**
 * Outliers of the reference and canonical-id fields of one parsed cable: the checks the
 * corpus audit (scripts/audit-refs.ts) and its test run over every real cable. Each
 * outlier is a thing the rules should never produce on real text, so a count above zero
 * is either a rule to fix or a fact of the text to explain (docs/parser-rules.md).
 */
import type { ParsedCable } from '../domain/cable.js';
import { referenceSegments } from './fields/references.js';
import { canonicalizeId, canonicalizeStation } from './fields/canonical-id.js';
import { STATIONS } from './tables/stations.js';

export type ReferenceOutlierKind =
  /** A cited cable dated after the citing cable. */
  | 'year-after'
  /** A serial that is part of a date or DTG in the REF text (`12 JAN`, `011234Z`, `12/01`). */
  | 'date-serial'
  /** An item of the REF block (lettered or not) holding a number that produced no reference. */
  | 'unaccounted-item'
  /** A cited cable whose station is not a known station. */
  | 'unknown-station';

export type CanonicalOutlierKind =
  /** The canonical id is not the canonical form of the id the site gives the cable. */
  | 'id-differs-from-site'
  /** The canonical id's station is not a known station. */
  | 'id-unknown-station'
  /** The station of the routing header's FM line does not canonicalise to the id's station. */
  | 'fm-station-differs';

export interface Outlier<K> {
  kind: K;
  detail: string;
}

/** Full year of a two-digit cable year (cables run 1966-2010). */
export function fullYear(yy: string): number {
  const n = Number(yy);
  return n >= 60 ? 1900 + n : 2000 + n;
}

function stationOfId(id: string): string | null {
  return /^\d{2}([A-Z]+)\d+$/.exec(id)?.[1] ?? null;
}

const MONTH = String.raw`(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)`;

/** Outliers of the references of a cable; `body` is the text the parser read. */
export function referenceOutliers(cable: ParsedCable, body: string): Outlier<ReferenceOutlierKind>[] {
  const out: Outlier<ReferenceOutlierKind>[] = [];
  const refs = cable.referencesDetailed;
  const created = cable.created ? Number(cable.created.slice(0, 4)) : null;
  const citing = created ?? (cable.canonicalId && /^\d{2}/.test(cable.canonicalId) ? fullYear(cable.canonicalId.slice(0, 2)) : null);
  const segs = referenceSegments(body);
  const blockText = segs.map((s) => s.text).join(' ');
  for (const r of refs) {
    if (r.kind !== 'cable') continue;
    const y = fullYear(r.value.slice(0, 2));
    if (citing !== null && y > citing) out.push({ kind: 'year-after', detail: `${r.value} cited by a cable of ${citing}` });
    const station = stationOfId(r.value);
    if (station && !STATIONS.has(station) && station !== 'TAIPEI' && station !== 'ADDIS') {
      out.push({ kind: 'unknown-station', detail: r.value });
    }
    const serial = /\d+$/.exec(r.value)?.[0] ?? '';
    const day = Number(serial) <= 31 ? String.raw`|\b${MONTH}\s+0*${serial}(?!\d)` : '';
    const dateLike = new RegExp(String.raw`(?<![\d/])0*${serial}(?:Z\b|\s*${MONTH}\b|/\d{1,2}/)${day}`, 'i');
    // Within the reference's own item: the next item may start with a date.
    const own = segs.filter((x) => x.bullet === r.bullet && x.text.includes(serial)).map((x) => x.text).join(' ') || blockText;
    if (serial && dateLike.test(own)) out.push({ kind: 'date-serial', detail: r.value });
  }
  const withBullet = new Set(refs.map((r) => r.bullet).filter((b) => b !== null));
  const produced = refs.map((r) => r.value.replace(/\s+/g, ' ').trim());
  for (const s of segs) {
    const text = s.text.replace(/\s+/g, ' ').trim();
    if (!/\d{2,}/.test(text)) continue;
    const accounted = s.bullet !== null ? withBullet.has(s.bullet) : produced.some((v) => text.includes(/\d+$/.exec(v)?.[0] ?? '\0') || text.startsWith(v));
    if (!accounted) out.push({ kind: 'unaccounted-item', detail: `${s.bullet ?? '-'}: ${text.slice(0, 80)}` });
  }
  return out;
}

/**
 * Outliers of the canonical id of a cable, against the id the site gives it (or null) and
 * the FM line of its routing header (`fmStation`, as written, or null).
 */
export function canonicalOutliers(cable: ParsedCable, siteId: string | null, fmStation: string | null = null): Outlier<CanonicalOutlierKind>[] {
  const out: Outlier<CanonicalOutlierKind>[] = [];
  const id = cable.canonicalId;
  if (siteId && id !== null && id !== canonicalizeId(siteId)) out.push({ kind: 'id-differs-from-site', detail: `${siteId} -> ${id}` });
  const station = id ? stationOfId(id) : null;
  if (id && (!station || !STATIONS.has(station))) out.push({ kind: 'id-unknown-station', detail: id });
  if (id && station && fmStation) {
    // Explained: Washington's cables carry STATE whatever office sent them; a mission that
    // is a station of its own may carry its host city (FM USEU BRUSSELS, id BRUSSELS); a travelling
    // delegation's cables carry PARTO/SECTO (FM USDEL SECRETARY).
    const written = fmStation.toUpperCase().replace(/\s*[(/].*$/, '');
    const fm = canonicalizeStation(written);
    const washington = station === 'STATE' && /WASHDC|WASHINGTON/.test(written);
    const delegation = /^USDEL\b/.test(written) && /^(?:PARTO|SECTO|TOSEC)$/.test(station);
    const hostCity = STATIONS.has(fm) && fm.endsWith(station);
    if (fm !== station && !hostCity && !washington && !delegation) {
      out.push({ kind: 'fm-station-differs', detail: `FM ${fmStation} -> ${fm}, id ${id}` });
    }
  }
  return out;
}
