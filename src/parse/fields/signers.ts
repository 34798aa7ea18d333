/** Signer(s): the surname line at the end of a cable (upper-case, or a mixed-case name). */
import { SURNAME_FIXES } from '../tables/surname-fixes.js';

const SKIP_LINE =
  /^(?:(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|NOFORN|LIMITED OFFICIAL USE|SENSITIVE|SIPDIS|NNNN|MINIMIZE|MINIMIZE CONSIDERED|EXDIS|NODIS|LIMDIS|FOR OFFICIAL USE ONLY|BT|END)(?:[\s/]+\w+)*\.?|(?:C O N F I D E N T I A L|S E C R E T|U N C L A S)\b.*|Declassified\/Released.*|NOTE(?: BY|:).*|PAGE \d+.*|\d+|\d{2,4}[A-Z]+\d+\s*-\s*[A-Z ]+|\/\/END\/\/)$/i;
/** `END OF TEXT. BAKER`: the surname closing the last sentence. */
const SENTENCE_END = /[.!?)"]\s+([A-Z][A-Z'’-]{2,})$/;
const NOT_A_NAME = /^(?:END|TEXT|COMMENT|SUMMARY|NNNN|BT|SIPDIS|CONSIDERED|MINIMIZE|ABOVE|PREVIOUS|NOTAL)$/;
const SIGNER = /^[A-Z][A-Z'’.-]*(?: [A-Z][A-Z'’.-]*){0,2}$/;
/** A surname written in mixed case on its own line: `Kilner`, `LeBaron`, `McMullen`, `van Voorst`. */
const MIXED_SIGNER = /^(?:(?:van|von|de|del|da|di|du|le|la|al|el)\s+)?(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?$/;
/** A name glued after the last sentence or the post's web address: `... index.cfm Tuttle`. */
const GLUED_MIXED = /(?:[.!?)"”*]|\bcfm|\.html?|\/)\s+((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?)$/;
/** Closing words that are never a signer, in any case. */
const CLOSING = /^(?:end|text|comment|summary|thanks|regards|minimize|considered|note|sipdis|noforn|classified|confidential|secret|unclassified|cable|ends|above|previous|notal)$/i;
/** Name particles kept with the surname after them when signers are split: `VAN VOORST`. */
const PARTICLE = /^(?:VAN|VON|DE|DEL|DA|DI|DU|LE|LA|AL|EL)$/;

export function parseSigners(content: string, opts: { canonicalize?: boolean } = {}): string[] {
  const canonicalize = opts.canonicalize ?? true;
  const text = String(content ?? '');
  const tail = text.slice(-300);
  // Trailing `#`, CSV backslashes and a detached full stop (`EASON .`) are not part of a line.
  const lines = tail.split('\n').map((l) => l.trim().replace(/(?:#+|\\+|\s+\.)$/, '').trim());
  for (let i = lines.length - 1; i >= 0; i--) {
    let line = lines[i];
    // `MINIMIZE CONSIDERED SHANNON`: the telegram's instruction before the signer.
    line = line.replace(/^MINIMIZE(?:\s+CONSIDERED)?\s+(?=[A-Z])/, '');
    if (/^(?:\.\.\.|…)$/.test(line)) return [];
    // Rules and marks: `>`, `"`, `=====CABLE ENDS=====`, `*****`.
    if (!line || SKIP_LINE.test(line) || /^[^A-Za-z0-9]+$/.test(line) || /^=+[A-Z ]*=+$/.test(line)) continue;
    const before = lines.slice(0, i).reverse().find((l) => l !== '');
    if (MIXED_SIGNER.test(line) && !CLOSING.test(line.replace(/^\w+\s+(?=\S)/, (p) => (/^[a-z]/.test(p) ? '' : p)))) {
      // Not the wrapped last word of a sentence: the line before ends one, or is an address.
      if (before === undefined || /[.!?:;)"'”*>]$/.test(before) || /https?:|www\.|sgov|cfm$/.test(before) || SKIP_LINE.test(before)) {
        return canonicalize ? split(line) : [line];
      }
      return [];
    }
    const glued = GLUED_MIXED.exec(line);
    if (glued && !CLOSING.test(glued[1]) && !/[a-z]/.test(line.slice(-glued[0].length - 1, -glued[0].length) + '') ) {
      return canonicalize ? split(glued[1]) : [glued[1]];
    }
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
    return split(line);
  }
  return [];
}

/** Canonical signers: upper-case, one per word (a particle stays with its surname), typos fixed. */
function split(line: string): string[] {
  const words = line.toUpperCase().split(/\s+/).filter(Boolean);
  const merged: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (PARTICLE.test(words[i]) && i + 1 < words.length) {
      merged.push(`${words[i]} ${words[i + 1]}`);
      i++;
    } else merged.push(words[i]);
  }
  return merged.map((s) => SURNAME_FIXES[s] ?? s).flatMap((s) => (s.includes(' ') && !PARTICLE.test(s.split(' ')[0]) ? s.split(' ') : [s]));
}
