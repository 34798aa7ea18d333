/**
 * First pass of the demo generator: the metadata of every cable (id, post, creation
 * and release time, classification), drawn from a seeded PRNG, before any text is
 * written. Knowing all ids up front lets REF lines cite other demo cables.
 */
import { CLASSIFICATIONS, type Classification } from '../domain/classification.js';
import { DEMO_POSTS } from './posts.js';
import { Prng } from './prng.js';

export interface DemoCablePlan {
  /** Position in the archive's creation order (0 = oldest). */
  order: number;
  id: string;
  postIndex: number;
  serial: number;
  /** Creation time, ms since epoch (UTC, whole minutes). */
  created: number;
  /** Release time, ms since epoch (UTC, whole minutes). */
  released: number;
  classification: Classification;
}

/** Cable counts of the full 2011 release by classification, in CLASSIFICATIONS order. */
const CLASSIFICATION_WEIGHTS = [97070, 4678, 11322, 4330, 75792, 58095];

/** Relative number of cables created per year, 1966..2010. */
const YEAR_WEIGHTS: Record<number, number> = { 2003: 3, 2004: 6, 2005: 14, 2006: 18, 2007: 19, 2008: 18, 2009: 15, 2010: 3 };
const FIRST_YEAR = 1966;
const LAST_YEAR = 2010;

function yearWeight(year: number): number {
  if (YEAR_WEIGHTS[year] !== undefined) return YEAR_WEIGHTS[year];
  if (year < 1985) return 0.02;
  if (year < 1995) return 0.1;
  return 0.5 + (year - 1995) * 0.15;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Days of the site's releases, Nov 2010 to Apr 2011. */
const RELEASE_DAYS = [
  '2010-11-28', '2010-11-29', '2010-11-30', '2010-12-01', '2010-12-02', '2010-12-03', '2010-12-05', '2010-12-06',
  '2010-12-08', '2010-12-10', '2010-12-13', '2010-12-17', '2010-12-21', '2011-01-04', '2011-01-13', '2011-01-28',
  '2011-02-08', '2011-02-17', '2011-03-03', '2011-03-15', '2011-03-29', '2011-04-08', '2011-04-11',
].map((d) => Date.parse(`${d}T00:00:00Z`));

export function planDemoArchive(count: number, seed: number): DemoCablePlan[] {
  const rng = new Prng(seed ^ 0x5eed0001);
  const years: number[] = [];
  const yearWeights: number[] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    years.push(y);
    yearWeights.push(yearWeight(y));
  }
  const yearTotal = yearWeights.reduce((a, b) => a + b, 0);
  const postWeights = DEMO_POSTS.map((p) => p.weight);
  const postTotal = postWeights.reduce((a, b) => a + b, 0);
  const classTotal = CLASSIFICATION_WEIGHTS.reduce((a, b) => a + b, 0);
  const taken = new Set<string>();
  const plans: DemoCablePlan[] = [];

  for (let i = 0; i < count; i++) {
    const year = years[rng.weighted(yearWeights, yearTotal)];
    let start = Date.UTC(year, 0, 1);
    let end = Date.UTC(year + 1, 0, 1);
    if (year === FIRST_YEAR) start = Date.UTC(year, 11, 28);
    if (year === LAST_YEAR) end = Date.UTC(year, 2, 1);
    const created = start + Math.floor(rng.next() * ((end - start) / MINUTE)) * MINUTE;
    const postIndex = rng.weighted(postWeights, postTotal);
    const post = DEMO_POSTS[postIndex];
    const yy = String(year % 100).padStart(2, '0');
    const maxSerial = post.station === 'STATE' ? 135_000 : 300 + post.weight * 450;
    let serial = 0;
    let id = '';
    for (let attempt = 0; ; attempt++) {
      serial = rng.int(1, maxSerial * (1 + Math.floor(attempt / 20)));
      id = `${yy}${post.station}${serial}`;
      if (!taken.has(id)) break;
    }
    taken.add(id);
    const day = RELEASE_DAYS[rng.int(0, RELEASE_DAYS.length - 1)];
    const released = day + rng.int(0, DAY / MINUTE - 1) * MINUTE;
    const classification = CLASSIFICATIONS[rng.weighted(CLASSIFICATION_WEIGHTS, classTotal)];
    plans.push({ order: 0, id, postIndex, serial, created, released, classification });
  }
  plans.sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  plans.forEach((p, i) => (p.order = i));
  return plans;
}
