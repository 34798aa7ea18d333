/** TAGS line of a cable body. */
import { GIVEN_NAMES } from '../tables/given-names.js';
import { PERSON_TAG_FORMS, TAG_CODES, TAG_CODE_FIXES, TAG_PHRASES } from '../tables/tag-codes.js';

/**
 * The TAGS label: at a line start, or glued after the header line before it
 * (`DECL: 06/05/2026TAGS:`) when a colon follows. A `tags` inside prose
 * (`ADDED E.O., TAGS, AND CLASS BY`) is not a label.
 */
const LABEL =
  /(?:^|\n)[ \t]*(?:(?:TAGS?|TAGES|TABS|TGS)(?![A-Z0-9])[ \t]*[:,;]?|(?:TAS|AGS)[ \t]*:)[ \t]*|(?<![A-Za-z])(?:(?:TAGS?|TAGES|TABS|TGS)|(?:TAS|AGS))[ \t]*:[ \t]*/i;
/** Any `TAGS` word not inside another word: used only when no label of its own is found. */
const LOOSE_LABEL = /(?:^|[\s.:;])(?:(?:TAGS?|TAGES|TABS|TGS)(?![A-Z0-9])[ \t]*[:,;]?|(?:TAS|AGS)[ \t]*:)[ \t]*/i;
const SUBJECT = /(?:^|[^A-Z])(?:SUBJECT|SUBJ|UBJECT)(?![A-Z])/i;
/** What an unknown tag code looks like: `MI`, `AU-I` (never a body word such as `RUN-OFF`). */
const CODE_SHAPE = /^[A-Z]{2,6}(?:-[A-Z0-9]{1,2})?$/;
const PHRASE_WORDS = TAG_PHRASES.map((p) => p.split(' '));

/** Splits a glued token into known codes (`KFRDKIRF` -> `KFRD`, `KIRF`), or null. */
function splitGlued(token: string): string[] | null {
  if (token.length < 5 || !/^[A-Z]+$/.test(token) || token.length > 60) return null;
  const n = token.length;
  // best[i]: fewest pieces covering token[i..]
  const best: (string[] | null)[] = new Array(n + 1).fill(null);
  best[n] = [];
  for (let i = n - 1; i >= 0; i--) {
    for (const len of [4, 2, 3, 5, 6]) {
      if (i + len > n) continue;
      const piece = token.slice(i, i + len);
      const rest = best[i + len];
      if (rest && TAG_CODES.has(piece)) {
        const cand = [piece, ...rest];
        if (!best[i] || cand.length < best[i]!.length) best[i] = cand;
      }
    }
  }
  const r = best[0];
  if (!r || r.length < 2) return null;
  return r;
}

function codeOrFix(token: string): string[] {
  const fix = TAG_CODE_FIXES[token];
  if (fix) return [...fix];
  if (TAG_CODES.has(token)) return [token];
  return splitGlued(token) ?? [token];
}

function isCode(token: string): boolean {
  return TAG_CODES.has(token) || token in TAG_CODE_FIXES || splitGlued(token) !== null;
}

/** The raw value of the TAGS line (with its continuation lines), or null. */
function tagsValue(content: string): string | null {
  let text = content.length > 20000 ? content.slice(0, 20000) : content;
  // Named-entity marks of some extracts: `[ORG MDC  ]`.
  if (text.includes('[')) text = text.replace(/\[(?:ORG|LOC|PER|PERSON|MISC)\s+([^\]\n]*?)\s*\]/g, '$1');
  let label = LABEL.exec(text);
  // A label inside a line (`... DECL: 09/21/10 TAGS PGOV , PINS`) counts when a tag code
  // follows it, and it comes first.
  const loose = LOOSE_LABEL.exec(text);
  if (loose && (!label || loose.index < label.index)) {
    const next = /^[A-Za-z]+/.exec(text.slice(loose.index + loose[0].length));
    if (!label || (next && isCode(next[0].toUpperCase()))) label = loose;
  }
  if (!label) return null;
  const sub = SUBJECT.exec(text.slice(label.index + label[0].length));
  const end = sub ? label.index + label[0].length + sub.index + (sub[0].length - sub[0].replace(/^[^A-Z]/i, '').length) : text.length;
  text = text.slice(label.index + label[0].length, end);
  const lines = text.split('\n');
  let value = lines[0];
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1].trimEnd();
    const line = lines[i];
    if (!line.trim()) break;
    const isLastBeforeSubject = sub !== null && i === lines.length - 1;
    const lastLineIsTags = isLastBeforeSubject || (sub !== null && i === lines.length - 2 && !lines[i + 1].trim());
    // The line goes on after a trailing comma, or when the next line opens with a tag code
    // and a comma (`NATO, UK, CN`), or, just before SUBJECT, when it holds only codes or
    // ends a phrase cut by the wrap (`COUNTRY` / `CLEARANCE`). Body text never does.
    const first = /^\s*([A-Za-z][A-Za-z-]*)\s*,/.exec(line);
    const words = line.trim().split(/[\s,]+/).filter(Boolean);
    const onlyCodes = words.length > 0 && words.every((w) => isCode(w.toUpperCase()));
    const codeShaped = words.length > 0 && words.every((w) => CODE_SHAPE.test(w) || isCode(w.toUpperCase()));
    if (
      prev.endsWith(',') ||
      (first && (isCode(first[1].toUpperCase()) || codeShaped)) ||
      (lastLineIsTags && /^[A-Za-z ,-]+$/.test(line.trim()) && (onlyCodes || words.length <= 2))
    ) {
      value += ' ' + line;
    } else break;
  }
  // Page-break noise.
  const noise = /\s{5,}|(?:^|\s)(?:UNCLASSIFIED|SECRET|CONFIDENTIAL|PAGE|SUBJECT)(?![A-Z])/i.exec(value);
  if (noise) value = value.slice(0, noise.index);
  return value;
}

/** Parses TAGS: an ordered, de-duplicated list of upper-case tags. */
export function parseTags(content: string, opts: { canonicalize?: boolean } = {}): string[] {
  const canonicalize = opts.canonicalize ?? true;
  const value = tagsValue(String(content ?? ''));
  if (value === null) return [];
  const upper = value.toUpperCase();
  if (!canonicalize) {
    return upper.split(/[\s,;]+/).filter((t) => t && t !== 'SIPDIS');
  }
  const out: string[] = [];
  const push = (t: string) => {
    const tag = t.trim().replace(/\s+/g, ' ');
    if (tag && tag !== 'SIPDIS' && !out.includes(tag)) out.push(tag);
  };
  // Parenthesised person tags: (STEINBERG, JAMES B.)
  const rest = upper.replace(/\(([^()]*)\)/g, (_m, inner: string) => {
    push(inner);
    return ',';
  });
  for (const segment of rest.split(/[,;]/)) {
    const words = segment.split(/\s+/).filter((w) => w && /[A-Z0-9]/.test(w));
    let free: string[] = [];
    const flushFree = () => {
      let phrase: string[] = [];
      const flushPhrase = () => {
        if (phrase.length === 0) return;
        const joined = phrase.join(' ');
        for (const t of TAG_CODE_FIXES[joined] ?? [joined]) push(t);
        phrase = [];
      };
      for (let j = 0; j < free.length; j++) {
        if (j + 1 < free.length && GIVEN_NAMES.has(free[j + 1]) && !GIVEN_NAMES.has(free[j])) {
          flushPhrase();
          const key = `${free[j]} ${free[j + 1]}`;
          push(PERSON_TAG_FORMS[key] ?? `${free[j]}, ${free[j + 1]}`);
          j++;
        } else phrase.push(free[j]);
      }
      flushPhrase();
      free = [];
    };
    let i = 0;
    while (i < words.length) {
      // Known multi-word phrase (its last word may have codes glued to it).
      let matched = false;
      for (const pw of PHRASE_WORDS) {
        if (i + pw.length > words.length) continue;
        let ok = true;
        for (let k = 0; k < pw.length - 1 && ok; k++) ok = words[i + k] === pw[k];
        if (!ok) continue;
        const last = words[i + pw.length - 1];
        const tail = pw[pw.length - 1];
        let glued: string[] | null = null;
        if (last !== tail) {
          if (!last.startsWith(tail)) continue;
          glued = splitGlued(last.slice(tail.length)) ?? (TAG_CODES.has(last.slice(tail.length)) ? [last.slice(tail.length)] : null);
          if (!glued) continue;
        }
        flushFree();
        const phrase = pw.join(' ');
        for (const t of TAG_CODE_FIXES[phrase] ?? [phrase]) push(t);
        for (const g of glued ?? []) push(g);
        i += pw.length;
        matched = true;
        break;
      }
      if (matched) continue;
      const w = words[i];
      if (isCode(w) && !(free.length > 0 && GIVEN_NAMES.has(w))) {
        flushFree();
        for (const t of codeOrFix(w)) push(t);
      } else if (w.length <= 1) {
        // stray punctuation or initials
      } else {
        free.push(w);
      }
      i++;
    }
    flushFree();
  }
  return out;
}
