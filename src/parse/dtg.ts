/**
 * Date-time groups (`241408Z FEB 10`): day, hour, minute, Zulu, month, year.
 * Two-digit years: 66-99 -> 19xx, 00-65 -> 20xx.
 */
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

export const DTG_PATTERN = /\b(\d{2})(\d{2})(\d{2})Z\s*(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s*(\d{4}|\d{2})\b/;

export interface Dtg {
  /** As written, spaces normalized: `241408Z FEB 10`. */
  text: string;
  /** ISO 8601 UTC to the minute: `2010-02-24T14:08Z`. */
  iso: string;
  year: number;
}

export function fullYear(twoOrFour: string): number {
  const n = parseInt(twoOrFour, 10);
  if (twoOrFour.length === 4) return n;
  return n >= 66 ? 1900 + n : 2000 + n;
}

/** Parses the first DTG in `s`, or null (also null when day/hour/minute are out of range). */
export function parseDtg(s: string): Dtg | null {
  const m = DTG_PATTERN.exec(s);
  if (!m) return null;
  const [, dd, hh, mi, mon, yy] = m;
  const day = +dd, hour = +hh, minute = +mi, month = MONTHS.indexOf(mon) + 1, year = fullYear(yy);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth || hour > 23 || minute > 59) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return {
    text: `${dd}${hh}${mi}Z ${mon} ${yy}`,
    iso: `${year}-${p(month)}-${p(day)}T${p(hour)}:${p(minute)}Z`,
    year,
  };
}
