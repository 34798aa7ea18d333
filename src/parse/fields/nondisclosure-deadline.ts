/** E.O. 12958 declassification date (the nondisclosure deadline), as `YYYY-MM-DD`. */
const DECL = /E\.?\s?O\.?\s*1\d{3,4}\s*:?\s*DECL\s*:?\s*(\d{1,2})\/(\d{1,2})\/(\d{2,4})(?!\d)/i;
const BARE = /(?:^\s*|DECL\s*:?\s*)(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d/])/i;

function iso(y: string, m: string, d: string): string | null {
  const year = y.length === 2 ? `20${y}` : y.length === 4 ? y : null;
  const mm = Number(m);
  const dd = Number(d);
  if (!year || mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  return `${year}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

const WORD = /DECL/gi;

/**
 * The date after `E.O. 12958: DECL:` (or a bare `YYYY/MM/DD` after DECL or at the very
 * start). Only short windows around each `DECL` are searched.
 */
export function parseNondisclosureDeadline(content: string): string | null {
  const text = String(content ?? '');
  const start = BARE.exec(text.slice(0, 40));
  const bounded = text.length > 20000 ? text.slice(0, 20000) : text;
  WORD.lastIndex = 0;
  let w: RegExpExecArray | null;
  let bare: RegExpExecArray | null = null;
  while ((w = WORD.exec(bounded))) {
    const window = bounded.slice(Math.max(0, w.index - 30), w.index + 40);
    const m = DECL.exec(window);
    if (m) return iso(m[3], m[1], m[2]);
    bare ??= BARE.exec(bounded.slice(w.index, w.index + 40));
  }
  const b = start ?? bare;
  if (b) return iso(b[1], b[2], b[3]);
  return null;
}
