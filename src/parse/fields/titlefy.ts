/** Title case for subjects, keeping acronyms, small words and apostrophes right. */
import { ACRONYMS } from '../tables/acronyms.js';
import { CORPUS_ACRONYMS } from '../tables/corpus-acronyms.js';

const SMALL = new Set(['a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'as', 'vs', 'vs.', 'via', 'per']);
const ROMAN = /^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})$/;

/**
 * Vowel-less words that are honorifics, not acronyms (`Mr.`, `Dr.`): the audit's
 * `word kept upper-case` outliers (`npm run audit -- titlefy`).
 */
const HONORIFICS = new Set(['MR', 'MRS', 'MS', 'DR', 'ST', 'JR', 'SR']);

function isAcronym(core: string): boolean {
  if (!/^[A-Z]+$/.test(core)) return false;
  if (ACRONYMS.has(core) || CORPUS_ACRONYMS.has(core)) return true;
  if (/^X{3,}$/.test(core)) return true;
  return core.length >= 2 && !/[AEIOUY]/.test(core) && !HONORIFICS.has(core);
}

/** `NGOS` -> `NGOs`: an acronym's plural as the corpus writes it (tables/corpus-acronyms.ts). */
function acronymPlural(core: string): string | null {
  if (!core.endsWith('S')) return null;
  const plural = `${core.slice(0, -1)}s`;
  return CORPUS_ACRONYMS.has(plural) ? plural : null;
}

function titleWord(word: string, first: boolean, allUpperInput: boolean): string {
  // Hyphenated words: each part on its own.
  if (word.includes('-') && !/^-+$/.test(word)) {
    return word
      .split('-')
      .map((p, i) => (p ? titleWord(p, first || i > 0, allUpperInput) : p))
      .join('-');
  }
  if (word.includes('/')) return word.split('/').map((p) => titleWord(p, true, allUpperInput)).join('/');
  // `YEMEN,S`: a comma written for the apostrophe.
  word = word.replace(/^([A-Za-z]{2,}),(S|T|LL|RE|VE|D)(?=[^A-Za-z]*$)/i, "$1'$2");
  // Dotted abbreviations stay upper-case: `U.S.`, `U.N.`
  if (/^[^A-Za-z]*(?:[A-Za-z]\.){2,}[^A-Za-z]*$/.test(word)) return word.toUpperCase();
  const m = /^([^A-Za-z0-9]*)([A-Za-z0-9][A-Za-z0-9.&]*?)((?:['’][A-Za-z]+)?)([^A-Za-z0-9]*)$/.exec(word);
  if (!m) return word;
  const [, pre, core, apos, post] = m;
  const upper = core.toUpperCase();
  if (/^x{3,}$/i.test(core)) return pre + upper + apos.toLowerCase() + post;
  const plural = core === upper ? acronymPlural(upper) : null;
  if (plural) return pre + plural + apos.toLowerCase() + post;
  if (/^\d+(?:ST|ND|RD|TH)$/i.test(core)) return pre + core.toLowerCase() + apos + post;
  if (/\d/.test(core)) return word;
  if (!allUpperInput && core !== core.toUpperCase()) return word; // mixed case kept
  if (core === upper && (isAcronym(upper) || (ROMAN.test(upper) && upper.length > 1))) return pre + upper + apos.toLowerCase() + post;
  const lower = core.toLowerCase();
  if (!first && SMALL.has(lower) && pre === '') return lower + apos.toLowerCase() + post;
  return pre + lower.charAt(0).toUpperCase() + lower.slice(1) + apos.toLowerCase() + post;
}

export function titlefy(s: string): string {
  const text = String(s ?? '').trim();
  const allUpperInput = text === text.toUpperCase() || text === text.toLowerCase();
  const words = text.split(/(\s+)/);
  let first = true;
  return words
    .map((w) => {
      if (/^\s+$/.test(w) || w === '') return w;
      const out = titleWord(w, first, allUpperInput);
      first = /[:\-–]$/.test(w) || /^[-–]+$/.test(w);
      return out;
    })
    .join('');
}
