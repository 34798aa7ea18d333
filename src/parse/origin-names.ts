/**
 * Display name of the originating post, as the Cablegate site wrote it, from the
 * FM line of the routing header (`FM AMEMBASSY DAMASCUS` -> `Embassy Damascus`).
 * Rules measured on the corpus: every cable page's FM line against its table's Origin
 * (see docs/parser-agreement.md).
 */

/** Whole-station names that do not follow the prefix rules. */
const SPECIAL: Record<string, string> = {
  'SECSTATE WASHDC': 'Secretary of State',
  'USMISSION USUN NEW YORK': 'USUN New York',
  'USUN NEW YORK': 'USUN New York',
  'USMISSION UNVIE VIENNA': 'UNVIE',
  'UNVIE VIENNA': 'UNVIE',
  'USMISSION GENEVA': 'US Mission Geneva',
  'USMISSION USNATO': 'Mission USNATO',
  'USNATO': 'Mission USNATO',
  'USEU BRUSSELS': 'USEU Brussels',
  'RPO DUBAI': 'Iran RPO Dubai',
  'IRAN RPO DUBAI': 'Iran RPO Dubai',
  'AIT TAIPEI': 'American Institute Taiwan, Taipei',
  'USLO TRIPOLI': 'Embassy Tripoli',
  'AMCONSUL CALCUTTA': 'Consulate Kolkata',
  'USDEL SECRETARY': 'US Delegation, Secretary',
  // The site used the post's current name.
  'AMEMBASSY KIEV': 'Embassy Kyiv',
};

/** Prefix of the FM line -> display prefix; the rest is title-cased. */
const PREFIXES: [string, string][] = [
  ['AMEMBASSY ', 'Embassy '],
  ['AMCONSUL ', 'Consulate '],
  ['USINT ', 'US Interests Section '],
  ['USMISSION ', 'Mission '],
  ['USOFFICE ', 'US Office '],
  ['AMCONSULATE ', 'Consulate '],
  ['REO ', 'REO '],
  ['PRT ', 'PRT '],
];

/** Title case as the site wrote it: every word capitalized (`Rio De Janeiro`). */
export function titleCaseWords(s: string): string {
  return s
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((w) => (w.length > 0 ? w[0].toUpperCase() + w.slice(1) : w))
    .join('');
}

/** Normalizes the FM line's station: collapses spaces, drops `//...//` office suffixes. */
export function normalizeStation(fm: string): string {
  const st = fm.replace(/\/\/.*$/, '').replace(/\s+/g, ' ').trim().toUpperCase();
  // A trailing two-letter country code (`AMEMBASSY TRIPOLI LY`) is not part of the post's name.
  return /^(?:AMEMBASSY|AMCONSUL) \S{3,}( \S+)* [A-Z]{2}$/.test(st) ? st.slice(0, -3) : st;
}

/** Display name for an FM station (`AMEMBASSY NEW DELHI` -> `Embassy New Delhi`), or null if not a known kind. */
export function originName(fmStation: string): string | null {
  const st = normalizeStation(fmStation);
  if (!st) return null;
  if (SPECIAL[st]) return SPECIAL[st];
  for (const [prefix, display] of PREFIXES) {
    if (st.startsWith(prefix)) return display + titleCaseWords(st.slice(prefix.length));
  }
  return null;
}

/** The station part used in reference ids: `AMEMBASSY NEW DELHI` -> `NEWDELHI`, `SECSTATE WASHDC` -> `STATE`. */
export function stationIdPart(fmStation: string): string | null {
  const st = normalizeStation(fmStation);
  if (st === 'SECSTATE WASHDC') return 'STATE';
  for (const [prefix] of PREFIXES) {
    if (st.startsWith(prefix)) return st.slice(prefix.length).replace(/[^A-Z]/g, '');
  }
  return null;
}
