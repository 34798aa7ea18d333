/** `Classified by` line: the names of the classifying officials. */

const LABEL = /classified\s+by\s*:?/gi;
/** Where the name part ends. */
const STOP =
  /;|\n\s*1\.\s*\(|\bRe\s+asons\b|\bf[o0]r\s*(?:the\s+)?(?:rea|res|ras|12958|1\.|E\.?\s?O)|\bre?a?s[o0]ns?\b|\breas[o0]n|\bres[o0]ns|\brasons|\breaons|\bReas\b|\bunder\b|\bbased\b|\bper\b|\bE\.\s?O\b|\bE\.O\.?\s*12958|\b1\.\s*[45]\b|\b1\.\s*\n|\n\s*\n|-\s*reasons|\bpara\b|\bsection\s*[(\d]|\s{5,}|\bCONFIDENTIAL\b|\bSECRET\b|\bUNCLASSIFIED\b|\bPAGE\s+\d/i;
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

function nameIn(piece: string, mixedCase: boolean): string[] {
  const tokens = piece
    .replace(/\([A-Z]{1,4}\)/g, ' ')
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
    const isRole =
      t === '/' ||
      t === '-' ||
      /[&]/.test(t) ||
      ROLE_WORD.test(t) ||
      ROLE_WORD.test(bare) ||
      (mixedCase && /^[a-z]/.test(t)) ||
      (mixedCase && /^[A-Z]{2,}\.?$/.test(bare) && bare.length <= 5 && !/^[IVX]+$/.test(bare)) ||
      (/^[A-Z]$/.test(t) && (prevTok === '/' || nextTok(t) === '/')) ||
      afterPreposition;
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
  }
  return [];
}
