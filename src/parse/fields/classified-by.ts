/**
 * `Classified by` line: the names of the classifying officials.
 *
 * The rule (docs/parser-rules.md): the name part runs from the label to the first reason or
 * separator (`for reasons`, `Reason`, `;`, `E.O.`, `1.4`, a date, a blank line, the next
 * header label); it is cut at commas; in the first piece that has one, the name is a run of
 * name-shaped tokens, title tokens between them. A title token is a word of the title table
 * (tables/titles.ts, from the corpus), a misspelling or truncation of one, an office
 * abbreviation (no vowel: `DCM`, `CG`; `/` or `-` compounds: `A/DCM`, `POL/ECON`), or a
 * compound of office parts (`POLCOUNS`, `ECONMINCOUNS`).
 */
import { TITLE_WORDS } from '../tables/titles.js';

const LABEL = /classified\s+by\s*:?/gi;
/** Where the name part ends. */
const STOP =
  /;|\n\s*1\.\s*\(|\bRe\s+asons\b|\bf[o0]r\s*(?:the\s+)?(?:rea|res|ras|12958|1\.|E\.?\s?O)|\bre?a?s[o0]ns?\b|\breas[o0]n|\bres[o0]ns|\brasons|\breaons|\bReas\b|\bunder\b|\bbased\b|\bper\b|\bE\.\s?O\b|\bE\.O\.?\s*12958|\b1\.\s*[45]\b|\b1\.\s*\n|\n\s*\n|-\s*reasons|\bpara\b|\bsection\s*[(\d]|\s{5,}|\bCONFIDENTIAL\b|\bSECRET\b|\bUNCLASSIFIED\b|\bPAGE\s+\d|\n\s*(?:TAGS?|SUBJECT|SUBJ|REF|E\.\s?O)\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\bderived\s+from\b|\b\d{1,2}\.\s?\([A-Z/]{1,6}\)/i;
const ROLE_WORD =
  /^(?:amb\w*|ambassad[o0]r\w*|abassador|charge|chargé|affair\w*|affaries|afairs|deputy|dep|chief|cief|mission|political|pol|econ\w*|counse\w*|councilor|counsleor|counseor|counsel[o0]r|coun|mc|m-c|minister|min|acting|dcm|cda|director|dir|officer|off|office|consul|congen|general|principal|assistant|asst|secretary|special|advisor|adviser|attache|permanent|representative|head|unit|section|chargé|ldr|leader|the|this|message|classified|by|guide|classification|to|for|of|and|in|at|a\.?i\.?|ai\.?|a\.y\.|rso|ltc|col|dos|state|department|dept|embassy|u\.s\.|us|usg|usun|useu|mil|polmil|labor|defense|economic|economical|institutional|affairs|affair|commercial|public|management|regional|security|central|asia|africa|europe|ait|isn|das|prm|from|legatt|legal|arms|control|delegate|delegation|sub-national|governance|prt|est&h|dpo|com|amb\.|amb:|jr|\w*-(?:counsel\w*|at-large)|af|eur|nea|wha|eap|sca|drl|inr|ct|(?:pol|econ|con|mgmt|pao|gso|ecpo)off|polmincons|couns|mincouns|econmincouns|dpo|dcm\w*)$/i;

/** Hard-wrapped lines (about 70 columns) split words: join them back. */
function unwrap(text: string): string {
  return text.replace(/^([^\n]{66,})\n(?=\S)/gm, (m, line: string) => {
    const lastChar = line.trimEnd().slice(-1);
    if (line.trimEnd().length >= 68 && /[A-Za-z(]/.test(lastChar) && line.endsWith(' ')) return line.trimEnd();
    return `${line.trimEnd()} `;
  });
}

/** Parts office abbreviations are glued from (`POLCOUNS`, `ECONMINCOUNS`, `POLOFF`). */
const OFFICE_COMPOUND = /^(?:A|D)?(?:POL|ECON|ECO|EC|MC|MIN|COUNS|COUN|OFF|MIL|CONS|MGMT|MGT|PUB|RSO|DEP|CHIEF|AD|DIR|AMB|GEN|ECPO|PA)+$/;
const TITLE_LIST = [...TITLE_WORDS];

/** Edit distance (with transpositions) up to `max`, or max + 1. */
function within(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length] <= max;
}

/**
 * True for a title, rank or office token, also misspelt (`AMBASADOR`, `MINSTER`), cut
 * short (`AMBAS`, `COUNSE`), glued from office parts (`POLCOUNS`) or an abbreviation
 * without a vowel (`DCM`, `CG`, `PRM`).
 */
export function isTitleToken(token: string): boolean {
  const w = token.replace(/^[("'“]+|[)"'”.,:;]+$/g, '').toUpperCase();
  if (!w || !/^[A-Z'’É-]+$/.test(w)) return false;
  if (TITLE_WORDS.has(w)) return true;
  if (/^D['’]/.test(w) && /^D['’]AF/.test(w)) return true; // D'AFFAIRES and its spellings
  if (w.length >= 2 && !/[AEIOUY]/.test(w) && !/^(?:JR|SR|X+)$/.test(w) && !/['’]/.test(w)) return true;
  if (w.length >= 5 && OFFICE_COMPOUND.test(w)) return true;
  if (w.includes('-')) return w.split('-').every((p) => p && isTitleToken(p));
  if (w.length >= 5) {
    for (const t of TITLE_LIST) {
      if (t.length >= 6 && t.startsWith(w)) return true; // cut short
      if (w.length >= 6 && t.length >= 6 && within(w, t, w.length >= 8 ? 2 : 1)) return true;
    }
  }
  return false;
}

/** Name particles written in lower case inside a name (`Carol van Voorst`). */
const PARTICLE = /^(?:van|von|de|der|den|da|das|dos|del|della|di|du|la|le|bin|ibn|al|el|ten|ter|st\.?)$/;

function nameIn(piece: string, mixedCase: boolean): string[] {
  const tokens = piece
    .replace(/\([^()]{1,30}\)/g, ' ')
    .replace(/["“”][^"“”]{1,20}["“”]/g, ' ')
    .replace(/\\/g, ' ')
    .replace(/\s\?\s/g, ' / ') // a dash lost in transmission: `EUR/FO ? IAN KELLY`
    .replace(/[/:]/g, ' / ')
    .split(/\s+/)
    .filter(Boolean);
  const runs: string[][] = [];
  let run: string[] = [];
  let afterPreposition = false;
  let objectBefore = false;
  let idx = -1;
  let prevTok = '';
  const nextTok = (_t: string) => tokens[idx + 1] ?? '';
  for (const t of tokens) {
    idx++;
    if (idx > 0) prevTok = tokens[idx - 1];
    const bare = t.replace(/[,.]+$/, '').replace(/^d['’](?=\w)/i, '');
    const particle = mixedCase && PARTICLE.test(t) && run.length > 0 && /^[A-Z]/.test(nextTok(t));
    const isRole =
      !particle &&
      (t === '/' ||
      t === '-' ||
      /[&]/.test(t) ||
      ROLE_WORD.test(t) ||
      ROLE_WORD.test(bare) ||
      isTitleToken(bare) ||
      (mixedCase && /^[a-z]/.test(t)) ||
      (mixedCase && /^[A-Z]{2,}\.?$/.test(bare) && bare.length <= 5 && !/^[IVX]+$/.test(bare)) ||
      (/^[A-Z]$/.test(t) && (prevTok === '/' || nextTok(t) === '/')) ||
      afterPreposition);
    // `for Afghanistan and Pakistan`: the object of a preposition runs over `and`.
    const wasObject: boolean = afterPreposition;
    afterPreposition =
      (/^(?:to|of|for)$/i.test(bare) && !/^(?:mission|state)$/i.test(bare)) || (/^and$/i.test(bare) && objectBefore);
    objectBefore = wasObject;
    if (isRole) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(t);
  }
  if (run.length) runs.push(run);
  // The name is the last run of two or more tokens (a title may follow it: `JOHN DOE
  // SENIOR WATCH OFFICER`), else the last run (`Ambassador Wayne`).
  const full = runs.filter((r) => r.filter((t) => !/^[A-Z]\.?$/.test(t)).length >= 2);
  if (full.length) return full[full.length - 1];
  return runs.length ? runs[runs.length - 1] : [];
}

function normalizeName(name: string): string {
  return name
    .replace(/0/g, 'O')
    .split(/(\s+)/)
    .map((w) => {
      if (/^[IVX]+\.?$/.test(w)) return w;
      if (w === w.toUpperCase() && /[A-Z]{2}/.test(w)) return w.charAt(0) + w.slice(1).toLowerCase().replace(/([-'.])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());
      return w;
    })
    .join('');
}

/** True when every word of `text` is a role word (`ACTING`, `DEPUTY CHIEF`). */
function onlyRoles(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w) => ROLE_WORD.test(w.replace(/[,.]+$/, '')));
}

function nameOf(piece: string, mixedCase: boolean, normalize: boolean): string | null {
  const suffix = /, ((?:JR|Jr|SR|Sr)\.?|I{2,3}|IV)\.?$/.exec(piece);
  const core = suffix ? piece.slice(0, suffix.index) : piece;
  const tokens = nameIn(core, mixedCase);
  if (tokens.length === 0) return null;
  let name = tokens.join(' ');
  if (suffix) name += `, ${suffix[1]}`;
  if (!/(?:Jr|JR|Sr|SR)\.$/.test(name)) name = name.replace(/[.,]+$/, '');
  return normalize ? normalizeName(name) : name;
}

/** Names after `Classified by` (role titles removed). */
export function parseClassifiedBy(content: string, opts: { normalize?: boolean } = {}): string[] {
  const text = String(content ?? '').slice(0, 40000);
  LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABEL.exec(text))) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const window = unwrap(text.slice(lineStart, m.index + m[0].length + 400));
    let rest = window.slice(m.index + m[0].length - lineStart);
    // Doubled label: "Classified By: Classified by ...", "(U) Classified by", "1. CLASSIFIED BY"
    const again = /^\s*(?:\(\w\)\s*|1\.\s*)?(?:This message\s+)?classified\s+by\s*:?/i.exec(rest);
    if (again) rest = rest.slice(again[0].length);
    if (/^\s*LINE\b/i.test(rest)) continue;
    rest = rest.replace(/^[^\n]*?\bGUIDE\s+BY\b/i, '');
    const stop = STOP.exec(rest);
    let part = stop ? rest.slice(0, stop.index) : rest.slice(0, 200);
    part = part.replace(/\s+/g, ' ').trim();
    // A line cut short by the extract (`Ambassador Cl...`): the cut word is lost; when it
    // may be part of the name (not a title, not `for`), the last piece gives no name.
    let cutInName = false;
    const cut = /(\S*)(?:\.\.\.|…)$/.exec(part);
    if (cut) {
      const w = cut[1].replace(/[,.]+$/, '');
      part = cut[1].endsWith(',') ? part.slice(0, cut.index + cut[1].length - 1).trim() : part.slice(0, cut.index).trim();
      cutInName = !cut[1].endsWith(',') && !(isTitleToken(w) && /[AEIOUY]/i.test(w)) && !/^(?:f|fo|for|r|re|rea|reas|reaso|reason|reasons)$/i.test(w);
    }
    const mixedCase = /[a-z]{2}/.test(part);
    // Split on commas; keep ", JR." / ", III" suffixes with the name.
    const pieces = part.split(',').map((p) => p.trim());
    const merged: string[] = [];
    for (const p of pieces) {
      if (/^(?:JR\.?|Jr\.?|SR\.?|Sr\.?|I{2,3}\.?|IV\.?)$/.test(p) && merged.length) merged[merged.length - 1] += `, ${p}`;
      else merged.push(p);
    }
    const names: string[] = [];
    for (let i = 0; i < merged.length; i++) {
      if (cutInName && i === merged.length - 1) break;
      const name = nameOf(merged[i], mixedCase, opts.normalize === true);
      if (!name) continue;
      names.push(name);
      // `NAME, ACTING AND S/CT DAS OTHER NAME`: a second classifier after AND.
      for (const later of merged.slice(i + 1)) {
        const and = /^(.*?)\bAND\s+(.+)$/i.exec(later);
        if (!and || !onlyRoles(and[1])) continue;
        const second = nameOf(and[2], mixedCase, opts.normalize === true);
        if (second && second.includes(' ')) names.push(second);
      }
      return names;
    }
    // A label of its own (at a line start, or with a colon) without a name: no classifier
    // (`Classified by: Derived from ...`); a later `classified by` in the text is not one.
    if (m[0].includes(':') || /^\s*(?:\(\w{1,4}\)\s*|\d{1,2}\.\s*)*$/.test(text.slice(lineStart, m.index))) return [];
  }
  return [];
}
