/**
 * A small fictional archive for the search tests, built with store.putCables (no real
 * cable text). Released and unreleased cables share words, so the embargo is visible.
 * Built in a fresh store of the given factory (test/support/store-factories.ts), or, with
 * none, in an in-memory SQLite store (the SQLite search tests and the parity test).
 */
import type { ParsedCable } from '../../src/domain/cable.js';
import type { Classification } from '../../src/domain/classification.js';
import { parseQuery } from '../../src/query/parse-query.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { CableInput, SearchableStore, SearchQuery, SearchResult, Store } from '../../src/store/store.js';
import { makeParsedCable } from '../store/make-parsed-cable.js';
import type { StoreFactory } from '../support/store-factories.js';

export interface FixtureCable {
  id: string;
  subject: string;
  body: string;
  created: string;
  released: string | null;
  classification?: Classification;
  origin?: string;
  tags?: string[];
  originRoute?: string;
  recipients?: string[];
}

export const CABLES: FixtureCable[] = [
  {
    id: '09ALPHAVILLE159',
    subject: 'WIDGET TALKS WITH THE MINISTER',
    body: 'ALPHAVILLE 000159\n\n1. (C) The minister discussed widget exports and the café in Zürich. XXXXXXXXXXXX attended.\n\n2. (C) Near the end, AND NOT before, the NEAR term came up.',
    created: '2009-03-05T10:00Z',
    released: '2010-12-01T10:00Z',
    classification: 'CONFIDENTIAL',
    origin: 'Embassy Alphaville',
    originRoute: 'RUEHAV',
    tags: ['PREL', 'ETRD'],
    recipients: ['SECSTATE WASHDC'],
  },
  {
    id: '09ALPHAVILLE160',
    subject: 'WIDGET FACTORY VISIT',
    body: '1. (S) Widgets widgets everywhere; the factory in Alphaville makes gadgets too. Reference 0042 of the log.',
    created: '2009-07-15T10:00Z',
    released: '2010-12-01T10:00Z',
    classification: 'SECRET//NOFORN',
    origin: 'Embassy Alphaville',
    originRoute: 'RUEHAV',
    tags: ['ETRD'],
    recipients: ['AMEMBASSY BETAVILLE'],
  },
  {
    id: '10BETAVILLE7',
    subject: 'TERRORISM FINANCE REVIEW',
    body: '1. (S) Finance ministry officials reviewed terrorism finance. Cafe owners were not consulted. ###### was removed.',
    created: '2010-01-20T10:00Z',
    released: '2010-12-05T10:00Z',
    classification: 'SECRET',
    origin: 'Embassy Betaville',
    originRoute: 'RUEHBV',
    tags: ['PTER', 'EFIN'],
    recipients: ['SECSTATE WASHDC'],
  },
  {
    id: '08STATE284',
    subject: 'DEMARCHE ON WIDGET STANDARDS',
    body: '1. (U) Posts should deliver this demarche on widget standards. Привет мир is a greeting in Cyrillic.',
    created: '2008-11-02T10:00Z',
    released: '2010-12-05T10:00Z',
    classification: 'UNCLASSIFIED',
    origin: 'Secretary of State',
    originRoute: 'RUEHC',
    tags: ['PREL'],
    recipients: ['AMEMBASSY ALPHAVILLE', 'AMEMBASSY BETAVILLE'],
  },
  {
    // Embargoed: shares words with released ones, must never be found or counted.
    id: '10GAMMAVILLE3',
    subject: 'WIDGET SECRETS EMBARGOED',
    body: '1. (S) Widget embargoed zanzibarite text for the finance ministry.',
    created: '2010-02-02T10:00Z',
    released: null,
    classification: 'SECRET',
    origin: 'Embassy Gammaville',
    originRoute: 'RUEHGV',
    tags: ['PREL', 'EMBARGOTAG'],
    recipients: ['SECSTATE WASHDC'],
  },
];

/** Extra released cables so there are several pages. */
export const BULK = 120;

export function fixtureInput(c: FixtureCable): CableInput {
  const parsed: ParsedCable = makeParsedCable({
    canonicalId: c.id,
    subject: c.subject,
    body: c.body,
    created: c.created,
    classification: c.classification ?? 'CONFIDENTIAL',
    origin: c.origin ?? 'Embassy Ruritania',
    originRoute: c.originRoute ?? 'RUEHRR',
    tags: c.tags ?? ['PREL'],
    recipients: (c.recipients ?? ['SECSTATE WASHDC']).map((name) => ({ route: null, name, precedence: null, mcn: null, excluded: [] })),
  });
  return { parsed, raw: `raw ${c.id} ${c.body}`, source: `fixture/${c.id}`, format: 'text', releasedAt: c.released };
}

export function bulkCables(): FixtureCable[] {
  const out: FixtureCable[] = [];
  for (let i = 1; i <= BULK; i++) {
    out.push({
      id: `07BULKTOWN${i}`,
      subject: `ROUTINE REPORT NUMBER ${i}`,
      body: `1. (U) Routine report ${i} about harvests and weather.`,
      created: `2007-${String((i % 12) + 1).padStart(2, '0')}-10T10:${String(i % 60).padStart(2, '0')}Z`,
      released: '2010-12-10T10:00Z',
      classification: 'UNCLASSIFIED',
      origin: 'Embassy Bulktown',
      tags: ['EAGR'],
    });
  }
  return out;
}

export async function buildSearchArchive(): Promise<SqliteStore>;
export async function buildSearchArchive(factory: StoreFactory): Promise<Store>;
export async function buildSearchArchive(factory?: StoreFactory): Promise<Store> {
  const store = factory ? await factory.open({ label: 'search' }) : SqliteStore.open(':memory:');
  await store.putCables([...CABLES, ...bulkCables()].map(fixtureInput));
  return store;
}

/** Search with a query text; other options passed through. */
export function run(store: SearchableStore, text: string, options: Omit<SearchQuery, 'query'> = {}): Promise<SearchResult> {
  return store.search({ query: parseQuery(text), ...options });
}

export function ids(r: SearchResult): string[] {
  return r.hits.map((h) => h.canonicalId).sort();
}
