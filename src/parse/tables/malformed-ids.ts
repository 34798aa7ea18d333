/**
 * WikiLeaks reference ids whose correct form cannot be recovered by rule (missing or
 * truncated serial, wrong station, unreadable section marker). Each entry is a fact about
 * the published dataset: the right id comes from the cable's own routing header
 * (e.g. `DE RUEHEK #1021/01` for the garbled Bishkek id).
 */
export const MALFORMED_IDS: Readonly<Record<string, string>> = {
  '08SECTION01GF02BISHIEK21': '08BISHKEK1021',
  '092OF5': '09STATE126780',
  '06ASTANA': '06ASTANA204',
  '0901OF02RPODUBAI288': '09DUBAI288',
};
