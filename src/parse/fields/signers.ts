/** Signer(s): the upper-case surname line at the end of a cable. */
import { SURNAME_FIXES } from '../tables/surname-fixes.js';

const SKIP_LINE =
  /^(?:(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|NOFORN|LIMITED OFFICIAL USE|SENSITIVE|SIPDIS|NNNN|EXDIS|NODIS|LIMDIS|FOR OFFICIAL USE ONLY|BT|END)(?:[\s/]+\w+)*\.?|(?:C O N F I D E N T I A L|S E C R E T|U N C L A S)\b.*|Declassified\/Released.*|NOTE BY.*|PAGE \d+.*|\d+)$/i;
const SIGNER = /^[A-Z][A-Z'’.-]*(?: [A-Z][A-Z'’.-]*){0,2}$/;

export function parseSigners(content: string, opts: { canonicalize?: boolean } = {}): string[] {
  const canonicalize = opts.canonicalize ?? true;
  const text = String(content ?? '');
  const tail = text.slice(-300);
  const lines = tail.split('\n').map((l) => l.trim());
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (!line || SKIP_LINE.test(line)) continue;
    if (!SIGNER.test(line) || /^(?:END|NNNN)$/.test(line) || line.length > 40) return [];
    if (!canonicalize) return [line];
    return line
      .toUpperCase()
      .split(/\s+/)
      .map((s) => SURNAME_FIXES[s] ?? s)
      .flatMap((s) => s.split(' '));
  }
  return [];
}
