/** Signer(s): the upper-case surname line at the end of a cable. */
import { SURNAME_FIXES } from '../tables/surname-fixes.js';

const SKIP_LINE =
  /^(?:(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|NOFORN|LIMITED OFFICIAL USE|SENSITIVE|SIPDIS|NNNN|MINIMIZE|MINIMIZE CONSIDERED|EXDIS|NODIS|LIMDIS|FOR OFFICIAL USE ONLY|BT|END)(?:[\s/]+\w+)*\.?|(?:C O N F I D E N T I A L|S E C R E T|U N C L A S)\b.*|Declassified\/Released.*|NOTE(?: BY|:).*|PAGE \d+.*|\d+|\d{2,4}[A-Z]+\d+\s*-\s*[A-Z ]+|\/\/END\/\/)$/i;
/** `END OF TEXT. BAKER`: the surname closing the last sentence. */
const SENTENCE_END = /[.!?)"]\s+([A-Z][A-Z'’-]{2,})$/;
const NOT_A_NAME = /^(?:END|TEXT|COMMENT|SUMMARY|NNNN|BT|SIPDIS|CONSIDERED|MINIMIZE|ABOVE|PREVIOUS|NOTAL)$/;
const SIGNER = /^[A-Z][A-Z'’.-]*(?: [A-Z][A-Z'’.-]*){0,2}$/;

export function parseSigners(content: string, opts: { canonicalize?: boolean } = {}): string[] {
  const canonicalize = opts.canonicalize ?? true;
  const text = String(content ?? '');
  const tail = text.slice(-300);
  const lines = tail.split('\n').map((l) => l.trim().replace(/#+$/, '').trim());
  for (let i = lines.length - 1; i >= 0; i--) {
    let line = lines[i];
    // `MINIMIZE CONSIDERED SHANNON`: the telegram's instruction before the signer.
    line = line.replace(/^MINIMIZE(?:\s+CONSIDERED)?\s+(?=[A-Z])/, '');
    if (!line || SKIP_LINE.test(line)) continue;
    // A text cut short by the extract (`MEDV...`): the signature is lost.
    if (/(?:\.\.\.|…)$/.test(line)) return [];
    // `TUTTLE.`: a full stop after the name is not part of it; but a lone word ending a
    // sentence that runs over from the line before (`...FOR\nASSISTANCE.`) is no signer.
    if (/\.{1,2}$/.test(line) && /^[A-Z][A-Z'’-]*\.{1,2}$/.test(line)) {
      const before = lines.slice(0, i).reverse().find((l) => l !== '');
      const wrapped =
        before !== undefined && /[A-Za-z,;-]$/.test(before) && !/X{4,}$/.test(before) && !SKIP_LINE.test(before) && before === before.toUpperCase();
      if (wrapped) return [];
      line = line.replace(/\.+$/, '');
    }
    if (NOT_A_NAME.test(line)) return [];
    if (!SIGNER.test(line) || line.length > 40) {
      const se = SENTENCE_END.exec(line);
      if (!se || NOT_A_NAME.test(se[1])) return [];
      line = se[1];
    }
    if (/^(?:END|NNNN)$/.test(line)) return [];
    if (!canonicalize) return [line];
    return line
      .toUpperCase()
      .split(/\s+/)
      .map((s) => SURNAME_FIXES[s] ?? s)
      .flatMap((s) => s.split(' '));
  }
  return [];
}
