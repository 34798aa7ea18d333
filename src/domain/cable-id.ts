/**
 * The cable reference id grammar: what may name a cable anywhere (store keys, URLs, file
 * names of a mirror). Pure; one function, used by the importer (reject `E_INVALID_ID`),
 * the stores (refuse at write) and the exporter (refuse when mapping an id to a path).
 *
 *   well formed   YY STATION SERIAL          `10DAMASCUS159`, `06AITTAIPEI2921`, `09USUNNEWYORK12`
 *   malformed forms WikiLeaks published (the id as written in the site's table or cables.csv):
 *     a noise prefix before the station      `09EFTOLONDON2187` (letters only: the form above)
 *     a section marker glued in              `09SECTION01OF03SANJOSE525`, `08SECTION01GF02BISHIEK21`, `0901OF02RPODUBAI288`, `08ECTION01OF02MANAMA492`
 *     no serial                              `06ASTANA`
 *     no station                             `092OF5`
 *     a duplicate or re-transmission marker  `07KABUL1234SUSPECTEDDUPLICATE1`, `09STATE1234TOSEC5`, `09STATE1234ZDK5`
 *
 * Year: two digits. Station: upper-case letters (a hyphen inside). Serial: 1-7 digits. At
 * most 64 characters. Nothing else: no lower case, spaces, dots, slashes, `?`, `<`, `%`.
 * Sources: the corpus in ../shared/corpus and src/parse/tables/malformed-ids.ts.
 */
const STATION = '[A-Z](?:[A-Z-]*[A-Z])?';
const SERIAL = '\\d{1,7}';
const FORMS: readonly RegExp[] = [
  new RegExp(`^\\d{2}${STATION}${SERIAL}$`),
  new RegExp(`^\\d{2}[A-Z]{0,9}[0-9Q]{1,2}[A-Z]{0,2}\\d{1,2}${STATION}${SERIAL}$`),
  new RegExp(`^\\d{2}${STATION}$`),
  /^\d{2}\d{1,2}OF\d{1,2}$/,
  new RegExp(`^\\d{2}${STATION}${SERIAL}(?:SUSPECTEDDUPLICATE\\d{1,7}|TOSEC\\d{1,7}|Z[A-Z]{2}\\d{1,7})$`),
];

export const CABLE_ID_MAX_LENGTH = 64;

/** True when `id` is a cable reference id (canonical or one of the published malformed forms). */
export function isCableId(id: string): boolean {
  if (typeof id !== 'string' || id.length < 3 || id.length > CABLE_ID_MAX_LENGTH) return false;
  return FORMS.some((re) => re.test(id));
}

/** Why `id` is not a cable id (for reject reasons and errors). */
export function cableIdProblem(id: string): string {
  const shown = JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id);
  return `${shown} is not a cable reference id (2-digit year, station in capital letters, serial: e.g. 10DAMASCUS159)`;
}
