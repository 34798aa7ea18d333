/**
 * Times as sources display them -> ISO 8601 UTC to the minute.
 * Site: `2010-02-24 14:02`; CSV: `12/28/1966 18:48` (no zero padding).
 */
export function metaTimeToIso(s: string): string | null {
  const t = s.trim();
  const p = (n: string) => n.padStart(2, '0');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?/.exec(t);
  if (m) return `${m[1]}-${p(m[2])}-${p(m[3])}T${p(m[4] ?? '0')}:${m[5] ?? '00'}Z`;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?/.exec(t);
  if (m) return `${m[3]}-${p(m[1])}-${p(m[2])}T${p(m[4] ?? '0')}:${m[5] ?? '00'}Z`;
  return null;
}
