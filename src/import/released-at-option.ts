import { CablegateError } from '../domain/errors.js';

/**
 * Reads a `--released-at` value: an ISO date (`2010-11-28`) or date-time
 * (`2010-11-28T18:00`, `2010-11-28T18:00:00Z`, `2010-11-28T20:00+02:00`; no zone = UTC).
 * Returns ISO 8601 UTC to the minute, like the parser's dates: `2010-11-28T18:00Z`.
 */
export function parseReleasedAt(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  const bad = () =>
    new CablegateError('E_INVALID_DATE', `not an ISO date or date-time: ${JSON.stringify(value)}`, {
      hint: 'write e.g. 2010-11-28 or 2010-11-28T18:00Z',
    });
  if (!m) throw bad();
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone = 'Z'] = m;
  const z = zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${z}`);
  const calendar = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const realDay = calendar.getUTCMonth() === Number(mo) - 1 && calendar.getUTCDate() === Number(d);
  if (Number.isNaN(date.getTime()) || !realDay || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) throw bad();
  return `${date.toISOString().slice(0, 16)}Z`;
}
