/**
 * WikiLeaks reference ids that carry too little to be repaired by rule: the serial is
 * missing or truncated, or the station is missing altogether. Each entry is a fact about
 * the published dataset, read from the cable's own routing header (e.g. `DE RUEHEK
 * #1021/01` for the garbled Bishkek id); every other garbled form (section markers,
 * EFTO/AMEMBASSY prefixes, station typos, duplicate markers) is repaired by rule in
 * canonical-id.ts.
 *
 * Only ids verified against the corpus in ../shared/corpus belong here. Ids such as
 * `092OF5` or `06ASTANA` (no station or no serial, and no page of ours to read the
 * routing header from) are left unrepaired rather than answered from a test's expectation.
 */
export const MALFORMED_IDS: Readonly<Record<string, string>> = {
  '08SECTION01GF02BISHIEK21': '08BISHKEK1021',
};
