/**
 * Second pass of the demo generator: the text of one fictional cable (routing header
 * and body) built from the project's own templates and word lists. The body says in
 * its first paragraph that the cable is fictional.
 */
import type { Article } from '../domain/cable.js';
import { classificationNumber, type Classification } from '../domain/classification.js';
import { lowerBound } from '../domain/lower-bound.js';
import type { DemoCablePlan } from './plan-demo-archive.js';
import { DEMO_POSTS, type DemoPost } from './posts.js';
import { Prng } from './prng.js';
import {
  ADVERB_OPENERS, ARTICLE_SITES, COMMENTS, DEPARTMENT_OFFICES, EMBASSY_ACTORS, FIRST_NAMES, HOST_TITLES, MONTHS,
  MONTH_NAMES, OUTCOMES, SURNAMES, TOPICS, US_SIGNER_TITLES, VERBS_SAID,
} from './vocabulary.js';

export const FICTION_NOTICE = 'THIS IS A FICTIONAL CABLE GENERATED FOR THE CABLEGATE DEMO ARCHIVE.';
export const PARTIAL_NOTICE = 'This record is a partial extract of the original cable. The full text of the original cable is not available.';
export const REDACTION = 'XXXXXXXXXXXX';

/**
 * Markup markers inside composed text: `\u0001par1\u0002` is a paragraph anchor
 * (rendered `<a id='par1' href='#par1'>¶</a>`), `\u0003PREL\u0004` a tag link.
 */
export const ANCHOR_OPEN = '\u0001';
export const ANCHOR_CLOSE = '\u0002';
export const TAG_OPEN = '\u0003';
export const TAG_CLOSE = '\u0004';

/** One demo cable: what the page shows, and the facts a parser should find in it. */
export interface DemoCable {
  id: string;
  /** `YYYY/MM` folder of the page (creation month). */
  folder: string;
  /** Creation time, ISO 8601 UTC to the minute (`2008-05-01T09:30Z`). */
  created: string;
  /** As the site table shows it: `2008-05-01 09:30`. */
  createdDisplayed: string;
  released: string;
  releasedDisplayed: string;
  classification: Classification;
  classificationNumber: number;
  origin: string;
  originNumber: number;
  tags: string[];
  subject: string;
  /** Canonical ids cited in the REF block, in order. */
  references: string[];
  signer: string;
  partial: boolean;
  articles: Article[];
  /** Routing header with real newlines, or null (old cables, partial extracts). */
  header: string | null;
  /** Body with real newlines and the markers above. */
  body: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function isoMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16) + 'Z';
}

function displayed(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/\b([a-z])/g, (m) => m.toUpperCase());
}

/** Wraps prose at about `width` columns; wrapped lines end with a space, as on the site. */
function wrap(text: string, width: number): string {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line.length > 0 && line.length + 1 + w.length > width) {
      lines.push(line + ' ');
      line = w;
    } else {
      line = line.length > 0 ? `${line} ${w}` : w;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

const MARKING_SPACED: Record<string, string> = {
  CONFIDENTIAL: 'C O N F I D E N T I A L',
  SECRET: 'S E C R E T',
};

function portionMarkings(c: Classification): string[] {
  switch (c) {
    case 'UNCLASSIFIED': return ['U'];
    case 'UNCLASSIFIED//FOR OFFICIAL USE ONLY': return ['SBU', 'U'];
    case 'CONFIDENTIAL': return ['C', 'C', 'U', 'SBU'];
    case 'CONFIDENTIAL//NOFORN': return ['C/NF', 'C', 'U'];
    case 'SECRET': return ['S', 'C', 'S', 'U'];
    case 'SECRET//NOFORN': return ['S/NF', 'S', 'C'];
  }
}

function precedenceOf(rng: Prng): { letter: string; word: string } {
  const r = rng.next();
  if (r < 0.45) return { letter: 'R', word: 'ROUTINE' };
  if (r < 0.9) return { letter: 'P', word: 'PRIORITY' };
  if (r < 0.995) return { letter: 'O', word: 'IMMEDIATE' };
  return { letter: 'Z', word: 'FLASH' };
}

function dayOfYear(ms: number): number {
  const d = new Date(ms);
  return Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

class Writer {
  constructor(
    private readonly rng: Prng,
    private readonly upper: boolean,
    private readonly redact: number,
  ) {}

  person(): string {
    if (this.rng.chance(this.redact)) return REDACTION;
    return `${this.rng.pick(FIRST_NAMES)} ${this.rng.pick(SURNAMES)}`;
  }

  sentence(topic: (typeof TOPICS)[number], country: string, created: Date): string {
    const r = this.rng;
    const issue = r.pick(topic.issues);
    const office = r.pick(topic.offices);
    switch (r.int(0, 7)) {
      case 0: return `${r.pick(HOST_TITLES).replace(/^./, (c) => c.toUpperCase())} ${this.person()} ${r.pick(VERBS_SAID)} that ${issue} ${r.pick(OUTCOMES)}.`;
      case 1: return `In a ${MONTH_NAMES[created.getUTCMonth()]} ${r.int(1, Math.max(1, created.getUTCDate()))} meeting with ${r.pick(EMBASSY_ACTORS)}, ${r.pick(HOST_TITLES)} ${this.person()} of the ${office} described ${issue} as a priority for the government of ${country}.`;
      case 2: return `${r.pick(EMBASSY_ACTORS).replace(/^./, (c) => c.toUpperCase())} raised ${issue} with ${this.person()}, who ${r.pick(VERBS_SAID)} the matter ${r.pick(OUTCOMES)}.`;
      case 3: return `According to ${this.person()}, ${issue} ${r.pick(OUTCOMES)}, although ${this.person()} of the ${office} disagreed.`;
      case 4: return `The ${office} has not yet published details on ${issue}, and ${r.int(2, 40)} of our contacts expect an announcement within ${r.int(2, 9)} weeks.`;
      case 5: return `${r.pick(ADVERB_OPENERS)} ${this.person()} ${r.pick(VERBS_SAID)} that ${country} would welcome U.S. support on ${issue}.`;
      case 6: return `Officials at the ${office} estimate that ${issue} will cost about ${r.int(3, 950)} million dollars over ${r.int(2, 6)} years.`;
      default: return `${this.person()}, a ${r.pick(HOST_TITLES).toLowerCase()} close to the ${office}, ${r.pick(VERBS_SAID)} that ${issue} ${r.pick(OUTCOMES)}.`;
    }
  }

  prose(text: string): string {
    return this.upper ? text.toUpperCase() : text;
  }
}

/** A REF entry as the text writes it: `08 DAMASCUS 1234` or `DAMASCUS 1234` (same year). */
function refText(target: DemoCablePlan, citingYear: number, rng: Prng): string {
  const post = DEMO_POSTS[target.postIndex];
  const year = new Date(target.created).getUTCFullYear();
  const serial = rng.chance(0.2) ? String(target.serial).padStart(5, '0') : String(target.serial);
  const yy = year === citingYear ? '' : `${pad2(year % 100)} `;
  return `${yy}${post.place} ${serial}`;
}

/** Picks earlier demo cables for the REF block (same post first, then the Department). */
function pickReferences(plan: DemoCablePlan, plans: readonly DemoCablePlan[], byPost: readonly number[][], rng: Prng): DemoCablePlan[] {
  if (plan.order === 0 || !rng.chance(0.4)) return [];
  const wanted = rng.weighted([0, 50, 30, 15, 5]);
  const chosen = new Map<string, DemoCablePlan>();
  const samePost = byPost[plan.postIndex];
  const statePost = byPost[0];
  for (let tries = 0; chosen.size < wanted && tries < wanted * 4; tries++) {
    let candidate: DemoCablePlan | undefined;
    const r = rng.next();
    if (r < 0.6) {
      const upto = lowerBound(samePost.length, (i) => samePost[i] < plan.order);
      if (upto > 0) candidate = plans[samePost[Math.max(0, upto - 1 - rng.int(0, 30))]];
    } else if (r < 0.85) {
      const upto = lowerBound(statePost.length, (i) => statePost[i] < plan.order);
      if (upto > 0) candidate = plans[statePost[Math.max(0, upto - 1 - rng.int(0, 200))]];
    } else {
      candidate = plans[Math.max(0, plan.order - 1 - rng.int(0, 2000))];
    }
    if (candidate && candidate.order < plan.order) chosen.set(candidate.id, candidate);
  }
  return [...chosen.values()];
}

/** Orders of the cables of each post, ascending (for REF picking). */
export function indexByPost(plans: readonly DemoCablePlan[]): number[][] {
  const byPost: number[][] = DEMO_POSTS.map(() => []);
  for (const p of plans) byPost[p.postIndex].push(p.order);
  return byPost;
}

export function composeDemoCable(plan: DemoCablePlan, plans: readonly DemoCablePlan[], byPost: readonly number[][], seed: number): DemoCable {
  const rng = new Prng((seed ^ Math.imul(plan.order + 1, 0x9e3779b1)) >>> 0);
  const post: DemoPost = DEMO_POSTS[plan.postIndex];
  const created = new Date(plan.created);
  const year = created.getUTCFullYear();
  const yy = pad2(year % 100);
  const level = plan.classification.split('//')[0];
  const noforn = plan.classification.endsWith('NOFORN');
  const fouo = plan.classification === 'UNCLASSIFIED//FOR OFFICIAL USE ONLY';
  const classified = level !== 'UNCLASSIFIED';
  const upper = year < 1995 || rng.chance(0.05);
  const w = new Writer(rng, upper, classified ? 0.12 : 0.03);

  const topic = rng.pick(TOPICS);
  const subjectPost = post.station === 'STATE' ? rng.pick(DEMO_POSTS.slice(1)) : post;
  const country = titleCase(subjectPost.country);
  const tags = [...new Set([...rng.sample(topic.tags, rng.int(1, topic.tags.length)), subjectPost.countryTag, ...(rng.chance(0.15) ? [rng.pick(TOPICS).tags[0]] : [])])];
  const subject = `${subjectPost.country}: ${rng.pick(topic.subjects).replace('{C}', subjectPost.country)}`;
  const refs = pickReferences(plan, plans, byPost, rng);
  const signerSurname = rng.pick(SURNAMES).toUpperCase();
  const signerTitle = rng.pick(US_SIGNER_TITLES);
  const signerFirst = rng.pick(FIRST_NAMES);
  const partial = rng.chance(0.06);
  const wrapped = !upper && rng.chance(0.75);
  const width = rng.int(60, 70);

  // Routing header.
  const prec = precedenceOf(rng);
  const dtg = `${pad2(created.getUTCDate())}${pad2(created.getUTCHours())}${pad2(created.getUTCMinutes())}Z ${MONTHS[created.getUTCMonth()]} ${yy}`;
  let header: string | null = null;
  if (!partial && (year >= 1990 || rng.chance(0.5))) {
    const z = classified ? (level === 'SECRET' ? 'SSSSS' : 'CCCCC') : 'UUUUU';
    const others = rng.sample(DEMO_POSTS.slice(1), rng.int(0, 6)).filter((p) => p !== post);
    const lines = [
      `VZCZC${rng.chance(0.5) ? 'XYZ' : 'XRO'}${String(rng.int(0, 9999)).padStart(4, '0')}`,
      `${prec.letter}${prec.letter} RUEHWEB`,
      '',
      `DE ${post.route} #${String(plan.serial % 10000).padStart(4, '0')}/01 ${String(dayOfYear(plan.created)).padStart(3, '0')}${pad2(created.getUTCHours())}${pad2(created.getUTCMinutes())}`,
      `ZN${classified ? 'Y' : 'R'} ${z} ZZH`,
      `${prec.letter} ${dtg}`,
      `FM ${post.from}`,
    ];
    if (post.station === 'STATE') {
      const to = rng.pick(DEMO_POSTS.slice(1));
      lines.push(`TO ${to.route}/${to.from} ${prec.word} ${String(rng.int(1, 9999)).padStart(4, '0')}`);
    } else {
      lines.push(`TO RUEHC/SECSTATE WASHDC ${prec.word} ${String(rng.int(1, 9999)).padStart(4, '0')}`);
    }
    others.forEach((o, i) => lines.push(`${i === 0 ? 'INFO ' : ''}${o.route}/${o.from} ${String(rng.int(1, 9999)).padStart(4, '0')}`));
    header = lines.join('\n');
  }

  // Body.
  const serial6 = String(plan.serial).padStart(6, '0');
  const marking = classified ? `${MARKING_SPACED[level]} ${post.place} ${serial6}${noforn ? ' NOFORN' : ''}` : `UNCLAS ${post.place} ${serial6}${fouo ? ' SENSITIVE' : ''}`;
  const out: string[] = [`${marking} `, ' '];
  if (year >= 2002) out.push('SIPDIS ', ' ');
  if (rng.chance(0.3)) out.push(`DEPARTMENT FOR ${rng.sample(DEPARTMENT_OFFICES, rng.int(1, 3)).join(', ')} `, ' ');
  if (fouo) out.push('SENSITIVE BUT UNCLASSIFIED ', ' ');
  if (!classified) out.push(year >= 1995 ? 'E.O. 12958: N/A ' : 'E.O. 12356: N/A ');
  else if (year >= 1995) {
    const decl = new Date(Date.UTC(year + 10, created.getUTCMonth(), Math.min(28, created.getUTCDate())));
    out.push(`E.O. 12958: DECL: ${pad2(decl.getUTCMonth() + 1)}/${pad2(decl.getUTCDate())}/${decl.getUTCFullYear()} `);
  } else out.push('E.O. 12356: DECL: OADR ');
  out.push(`TAGS: ${tags.map((t) => `${TAG_OPEN}${t}${TAG_CLOSE}`).join(' ')}`);
  out.push(wrap(`SUBJECT: ${subject} `, 66).replace(/ $/, '') + ' ');
  out.push(' ');
  if (refs.length === 1) {
    out.push(`REF: ${refText(refs[0], year, rng)} `, ' ');
  } else if (refs.length > 1) {
    if (rng.chance(0.6)) {
      refs.forEach((r, i) => {
        const letter = String.fromCharCode(65 + i);
        out.push(i === 0 ? `REF: A. ${refText(r, year, rng)} ` : `     ${ANCHOR_OPEN}par${letter}${ANCHOR_CLOSE}${letter}. ${refText(r, year, rng)} `);
      });
    } else {
      out.push(`REF: ${refs.map((r, i) => `${String.fromCharCode(65 + i)}) ${refText(r, year, rng)}`).join('; ')} `);
    }
    out.push(' ');
  }
  if (classified) {
    const reasons = rng.sample(['b', 'c', 'd', 'e', 'g'], rng.int(1, 2)).sort();
    const reasonText = reasons.length === 1 ? `1.4 (${reasons[0]})` : `1.4 (${reasons[0]}) and (${reasons[1]})`;
    out.push(`Classified By: ${signerTitle} ${signerFirst} ${signerSurname.charAt(0) + signerSurname.slice(1).toLowerCase()} for reasons ${reasonText}. `, ' ');
  }

  const markings = portionMarkings(plan.classification);
  let n = 0;
  const para = (text: string, mark: string | null, wrapIt = wrapped) => {
    n++;
    const body = `${n}. ${mark ? `(${mark}) ` : ''}${text}`;
    out.push(`${ANCHOR_OPEN}par${n}${ANCHOR_CLOSE}${wrapIt ? wrap(body, width) : body}`, ' ');
  };
  // The notice stays on one line so it can be found in the page as written.
  para(`${FICTION_NOTICE} None of its people, meetings or statements are real.`, 'U', false);
  const sentences = (k: number) => Array.from({ length: k }, () => w.sentence(topic, country, created)).join('  ');
  para(w.prose(`SUMMARY: ${sentences(rng.int(2, 3))} END SUMMARY.`), rng.pick(markings));
  const middle = rng.int(1, 6);
  for (let i = 0; i < middle; i++) {
    if (rng.chance(0.25)) {
      const heading = w.prose(rng.pick(topic.issues).toUpperCase());
      out.push(heading + ' ', '-'.repeat(heading.length) + ' ', ' ');
    }
    para(w.prose(sentences(rng.int(2, 6))), rng.pick(markings));
  }
  if (rng.chance(0.6)) para(w.prose(`COMMENT: ${rng.pick(COMMENTS)} ${sentences(1)} END COMMENT.`), rng.pick(markings));
  out.push(signerSurname);
  const body = out.join('\n');

  const articles: Article[] = [];
  if (rng.chance(0.03)) {
    for (let i = rng.int(1, 3); i > 0; i--) {
      const url = `http://${rng.pick(ARTICLE_SITES)}/${new Date(plan.released).getUTCFullYear()}/article-${rng.int(1000, 99999)}.html`;
      articles.push({ title: url, url });
    }
  }

  return {
    id: plan.id,
    folder: `${year}/${pad2(created.getUTCMonth() + 1)}`,
    created: isoMinute(plan.created),
    createdDisplayed: displayed(plan.created),
    released: isoMinute(plan.released),
    releasedDisplayed: displayed(plan.released),
    classification: plan.classification,
    classificationNumber: classificationNumber(plan.classification),
    origin: post.origin,
    originNumber: plan.postIndex + 1,
    tags,
    subject,
    references: refs.map((r) => r.id),
    signer: signerSurname,
    partial,
    articles,
    header,
    body,
  };
}

/** The body as plain text (what a reader of the page sees): anchors become `¶`, tag links their tag. */
export function plainBody(body: string): string {
  return body.replace(/\u0001[^\u0002]*\u0002/g, '¶').replace(/[\u0003\u0004]/g, '');
}
