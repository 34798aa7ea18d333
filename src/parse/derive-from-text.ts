/**
 * What the cable's own text says about its identity, from the text ONLY (no page
 * metadata): reference id, classification, origin, created. Used by parseCable and
 * by the metadata agreement check (text vs the site's table).
 */
import type { Classification } from '../domain/classification.js';
import { canonicalizeId } from './fields/index.js';
import { classificationOf, findCaveats, findMarking, headerLevel, type Marking } from './classification-marking.js';
import { parseRoutingHeader, type RoutingHeader } from './routing-header.js';
import { originName, stationIdPart } from './origin-names.js';
import { parseDtg, type Dtg } from './dtg.js';
import { asciiUpper } from './routing-header.js';

export interface TextIdentity {
  referenceId: string | null;
  classification: Classification | null;
  origin: string | null;
  /** ISO `YYYY-MM-DDTHH:MMZ` from the DTG, or null. */
  created: string | null;
}

export interface TextAnalysis extends TextIdentity {
  routing: RoutingHeader;
  marking: Marking;
  caveats: string[];
  dtg: Dtg | null;
}

/** The body's marking line names station and serial: `S E C R E T SECTION 01 OF 02 DAMASCUS 000159`. */
function markingStationSerial(marking: Marking): { station: string; serial: string } | null {
  if (!marking.line || !marking.text) return null;
  let rest = marking.line.slice(marking.text.length);
  rest = rest.replace(/\b(?:N\s?O\s?F\s?O\s?R\s?N|NODIS|EXDIS|LIMDIS|SIPDIS|SENSITIVE|E\s?F\s?T\s?O|ONLY)\b/g, ' ');
  rest = rest.replace(/\bSECTION\s+\d+\s+OF\s+\d+\b/, ' ');
  const m = /([A-Z][A-Z .'-]*?)\s+0*(\d{1,6})\s*$/.exec(rest.trim());
  if (!m) return null;
  const station = m[1].replace(/[^A-Z]/g, '');
  if (!station || station.length < 3 || /^X+$/.test(station)) return null; // too short, or redacted
  return { station, serial: m[2] };
}

/**
 * The marking line, also when a converter wrote it in lower or mixed case
 * (`confidential section 01 of 02 paris 000997`). Only a short line that is nothing but a
 * marking (and its section, station, serial and caveats) counts in another case, so prose
 * opening with "Secret ..." is not taken for one. Returned upper-cased, as the teletype wrote it.
 */
function findMarkingAnyCase(body: string): Marking {
  const found = findMarking(body);
  if (found.level !== null) return found;
  const upper = findMarking(asciiUpper(body.slice(0, 2000)));
  if (upper.level === null || !upper.line || upper.line.length > 100) return found;
  const rest = upper.line.slice(upper.text!.length);
  if (!/^[\sA-Z0-9/().,-]*$/.test(rest) || /\b(?:THE|AND|OF THE|IS|ARE|WAS|THAT)\b/.test(rest)) return found;
  return upper;
}

export function analyzeText(header: string | null, body: string): TextAnalysis {
  const routing = parseRoutingHeader(header ?? '');
  const marking = findMarkingAnyCase(body);
  const caveats = findCaveats(body);
  const level = marking.level ?? headerLevel(header);
  const classification = classificationOf(level, caveats);
  const dtg = routing.dtg;
  const origin = routing.from ? originName(routing.from) : null;

  let referenceId: string | null = null;
  const year = dtg ? String(dtg.year).slice(2) : null;
  const ms = markingStationSerial(marking);
  if (year && ms) {
    referenceId = canonicalizeId(`${year}${ms.station}${ms.serial}`);
  } else if (year && routing.from && routing.transmissionSerial) {
    const station = stationIdPart(routing.from);
    // The transmission serial keeps only 4 digits: Washington's serials (100,000+ a year) do not fit.
    if (station && station !== 'STATE') referenceId = canonicalizeId(`${year}${station}${routing.transmissionSerial}`);
  }
  return { referenceId, classification, origin, created: dtg?.iso ?? null, routing, marking, caveats, dtg };
}

/** Reference id, classification, origin and created, computed from the text alone. */
export function deriveFromText(header: string | null, body: string): TextIdentity {
  const a = analyzeText(header, body);
  return { referenceId: a.referenceId, classification: a.classification, origin: a.origin, created: a.created };
}

export { parseDtg };
