/**
 * Canonical cable reference ids: `YY` + station + serial, e.g. `09DAMASCUS123`.
 * Garbled ids (section markers glued in, `EFTO`/`AMEMBASSY` prefixes, typos in the
 * station name, duplicate markers after the serial) are repaired by rule.
 */
import { MALFORMED_IDS } from '../tables/malformed-ids.js';
import { STATIONS, STATION_ALIASES, STATION_NOISE_PREFIXES } from '../tables/stations.js';

const STATION_LIST = [...STATIONS];

/** Damerau-Levenshtein (optimal string alignment) distance, bounded by `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j];
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length];
}

const fuzzyCache = new Map<string, string | null>();

/**
 * Nearest known station for a misspelt name, or null when none is close or it is ambiguous.
 * In a REF line (`prose`) the name may be an ordinary word (`LONDON DAILY 11/3/2009`,
 * `NEA/MAG OI`), so there a station of fewer than 5 letters (DILI, LIMA, ROME, OSLO: many
 * English words are one edit away) is reached only as written or by alias, and two edits
 * are allowed only in names of 8 letters or more.
 */
function nearestStation(name: string, prose = false): string | null {
  const cacheKey = prose ? `p|${name}` : name;
  const cached = fuzzyCache.get(cacheKey);
  if (cached !== undefined) return cached;
  let result: string | null = null;
  if (name.length >= 3) {
    const max = name.length >= (prose ? 8 : 5) ? 2 : 1;
    let best = max + 1;
    let found: string[] = [];
    for (const s of STATION_LIST) {
      if (prose && s.length < 5) continue;
      if (Math.abs(s.length - name.length) > max && !s.startsWith(name)) continue;
      const d = editDistance(name, s, max);
      if (d < best) {
        best = d;
        found = [s];
      } else if (d === best && d <= max) {
        found.push(s);
      }
    }
    if (found.length > 1 && best <= max) {
      // Tie: the candidate sharing the longest start and end with the name.
      const affinity = (c: string) => {
        let p = 0;
        while (p < c.length && p < name.length && c[p] === name[p]) p++;
        let q = 0;
        while (q < c.length - p && q < name.length - p && c[c.length - 1 - q] === name[name.length - 1 - q]) q++;
        return p + q;
      };
      const scored = found.map((c) => [affinity(c), c] as const).sort((a, b) => b[0] - a[0]);
      if (scored[0][0] > scored[1][0]) found = [scored[0][1]];
    }
    if (found.length === 1 && best <= max) result = found[0];
    if (result === null || best === 2) {
      // A truncated name: the unique station it starts.
      const prefixed = STATION_LIST.filter((s) => s.startsWith(name));
      if (prefixed.length === 1 && (result === null || prefixed[0] === result)) result = prefixed[0];
      else if (best === 2 && found.length === 1 && prefixed.length === 0) result = found[0];
      else if (prefixed.length > 1 && best === 2) result = null;
    }
  }
  if (fuzzyCache.size > 10000) fuzzyCache.clear();
  fuzzyCache.set(cacheKey, result);
  return result;
}

export interface StationOptions {
  /** In REF lines Taipei stays `TAIPEI`; in cable ids it becomes `AITTAIPEI`. */
  context?: 'id' | 'reference';
  /** Repair misspellings by nearest known name (default true). */
  fuzzy?: boolean;
}

/** Canonical station name for a station as written (spaces, dashes and apostrophes allowed). */
export function canonicalizeStation(raw: string, opts: StationOptions = {}): string {
  // An office designator after the station (`SECDEF WASHINGTON DC//USDP/ISA//`) is no part of it.
  let s = raw.toUpperCase().replace(/\/\/.*$/, '').replace(/[\s'’.-]+/g, '').replace(/0/g, 'O');
  const resolve = (x: string): string | null => {
    if (opts.context === 'reference' && (x === 'TAIPEI' || x === 'AITTAIPEI')) return 'TAIPEI';
    // REF lines keep the short form of Addis Ababa, as the peer's references do.
    if (opts.context === 'reference' && x === 'ADDIS') return 'ADDIS';
    const alias = STATION_ALIASES[x];
    if (alias) return opts.context === 'reference' && alias === 'AITTAIPEI' ? 'TAIPEI' : alias;
    if (STATIONS.has(x)) return x;
    return null;
  };
  const direct = resolve(s);
  if (direct) return direct;
  let changed = true;
  while (changed) {
    changed = false;
    for (const p of STATION_NOISE_PREFIXES) {
      if (s.startsWith(p) && s.length > p.length + 1) {
        s = s.slice(p.length);
        changed = true;
      }
    }
    // Washington agencies are written with their city (`CIA WASHDC`, `DIA WASHINGTON DC`).
    for (const city of ['WASHINGTONDC', 'WASHDC']) {
      if (s.endsWith(city) && s.length > city.length + 1) {
        s = s.slice(0, -city.length);
        changed = true;
      }
    }
    const r = resolve(s);
    if (r) return r;
  }
  const near = opts.fuzzy === false ? null : nearestStation(s, opts.context === 'reference');
  if (near) return resolve(near) ?? near;
  return s;
}

/**
 * Canonical form of a WikiLeaks reference id. Never throws; an id it cannot read is
 * returned upper-cased and trimmed.
 */
export function canonicalizeId(id: string): string {
  const raw = String(id ?? '').toUpperCase().replace(/\s+/g, '');
  const known = MALFORMED_IDS[raw];
  if (known) return known;
  const m = /^(\d{2})(.+)$/.exec(raw);
  if (!m) return raw;
  const year = m[1];
  let rest = m[2];
  // Duplicate and re-transmission markers after the serial.
  const dup = /^(.*?[A-Z-])\d+SUSPECTEDDUPLICATE(\d+)$/.exec(rest);
  if (dup) rest = dup[1] + dup[2];
  rest = rest.replace(/^(.*?[A-Z-]\d+)TOSEC\d+$/, '$1').replace(/^(.*?[A-Z-]\d+)Z[A-Z]{2}\d+$/, '$1');
  // A section marker glued in front of the station (SECTION01OF02, SECTIOQ1OF06, 01OF02...).
  const sect = /^[A-Z]{0,9}?[0-9Q]{1,2}[A-Z]{0,2}\d{1,2}(?=[A-Z])/.exec(rest);
  if (sect && /^[A-Z]*\d/.test(rest) && /[A-Z]/.test(rest.slice(sect[0].length))) {
    rest = rest.slice(sect[0].length);
    // Section-garbled ids name the host city of a Regional Presence Office (`01OF02RPODUBAI288`).
    if (/^RPO[A-Z]{3,}\d/.test(rest) && STATIONS.has(rest.slice(3).replace(/\d+$/, ''))) rest = rest.slice(3);
  }
  const parts = /^([A-Z][A-Z0-9-]*?)(\d*)$/.exec(rest);
  if (!parts) return raw;
  const station = canonicalizeStation(parts[1]);
  const serial = parts[2].replace(/^0+(?=\d)/, '');
  return `${year}${station}${serial}`;
}

/**
 * The canonical station a REF-line name stands for, or null when the words are not a
 * known post (misspellings are repaired only for names of 5 letters or more).
 */
export function knownStation(raw: string, opts: StationOptions = {}): string | null {
  const key = `${opts.context ?? ''}|${opts.fuzzy ?? ''}|${raw}`;
  const hit = knownCache.get(key);
  if (hit !== undefined) return hit;
  const result = lookUpStation(raw, opts);
  if (knownCache.size > 20000) knownCache.clear();
  knownCache.set(key, result);
  return result;
}

const knownCache = new Map<string, string | null>();

function lookUpStation(raw: string, opts: StationOptions): string | null {
  const squeezed = raw.toUpperCase().replace(/[\s'’.-]+/g, '').replace(/0/g, 'O');
  if (!squeezed || !/^[A-Z]+$/.test(squeezed)) return null;
  const words = raw.trim().split(/\s+/).length;
  if (words > 4 || squeezed.length > 24) return null;
  let c = canonicalizeStation(squeezed, { ...opts, fuzzy: (words <= 2 && squeezed.length >= 5) || squeezed.length >= 9 });
  if (!STATIONS.has(c) && squeezed.length >= 6) {
    // A name cut short over several words (`RIO DE JAN`): the one station it starts.
    const prefixed = STATION_LIST.filter((x) => x.startsWith(squeezed));
    if (prefixed.length === 1) c = prefixed[0];
  }
  if (STATIONS.has(c) || (opts.context === 'reference' && (c === 'TAIPEI' || c === 'ADDIS'))) {
    if (c === squeezed || STATION_ALIASES[squeezed] || squeezed.length >= 5) return c;
    return STATIONS.has(squeezed) ? c : null;
  }
  return null;
}
