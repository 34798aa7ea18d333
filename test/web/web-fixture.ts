/**
 * A small fictional archive for the web tests, built directly with store.putCables from
 * hand-written ParsedCable values (no real cable text), in a fresh store of the given
 * factory (test/support/store-factories.ts).
 */
import type { ParsedCable } from '../../src/domain/cable.js';
import type { Classification } from '../../src/domain/classification.js';
import type { CableInput, Store } from '../../src/store/store.js';
import { createApp, type AppOptions } from '../../src/web/app.js';
import type { FreshStoreOptions, StoreFactory } from '../support/store-factories.js';

export function parsedCable(fields: Partial<ParsedCable> & { canonicalId: string }): ParsedCable {
  return {
    referenceId: fields.canonicalId,
    created: null,
    createdDisplayed: null,
    released: null,
    classification: 'CONFIDENTIAL',
    classificationMarking: null,
    caveats: [],
    origin: null,
    originRoute: null,
    transmissionId: null,
    precedence: null,
    dtg: null,
    recipients: [],
    infoRecipients: [],
    tags: [],
    subject: null,
    references: [],
    referencesDetailed: [],
    classifiedBy: [],
    classificationReasons: [],
    nondisclosureDeadline: null,
    summary: null,
    comment: null,
    signers: [],
    paragraphs: [],
    partial: false,
    redactions: [],
    section: null,
    articles: [],
    header: null,
    body: '',
    warnings: [],
    ...fields,
  };
}

export function input(parsed: ParsedCable, releasedAt: string | null, raw = `raw text of ${parsed.canonicalId}`): CableInput {
  return { parsed, raw, source: `fixture/${parsed.canonicalId}.html`, format: 'site-page', releasedAt };
}

const CLASSES: Classification[] = ['CONFIDENTIAL', 'SECRET', 'UNCLASSIFIED', 'SECRET//NOFORN'];

export const DAY1 = '2010-11-28';
export const DAY2 = '2010-12-06';
/** Cables of the bulk set released on DAY1 (enough for three pages of 50). */
export const BULK = 120;

export const ALPHA_BODY = [
  'C O N F I D E N T I A L ALPHAVILLE 000005',
  '',
  'SIPDIS',
  '',
  'E.O. 12958: DECL: 02/24/2020',
  'TAGS: PREL, PGOV, XQ',
  'SUBJECT: FICTIONAL MEETING ON WIDGETS',
  '',
  'REF: A. BETAVILLE 7 B. 09 GAMMAVILLE 3 C. 08 DELTAVILLE 9',
  '',
  'Classified By: Someone Fictional for reasons 1.4 (b) and (d).',
  '',
  '¶1. (C) SUMMARY: A fictional official, XXXXXXXXXXXX, discussed widgets. END SUMMARY.',
  '',
  '2. (C) The second paragraph says nothing real.',
  '',
  'FICTIONAL',
].join('\n');

export async function buildArchive(factory: StoreFactory, options: FreshStoreOptions = {}): Promise<Store> {
  const store = await factory.open({ label: 'web', ...options });
  const inputs: CableInput[] = [];
  for (let i = 1; i <= BULK; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const origin = i % 3 === 0 ? 'Embassy Alphaville' : i % 3 === 1 ? 'Consulate Port Au Prince' : 'Secretary of State';
    inputs.push(
      input(
        parsedCable({
          canonicalId: `09BULK${i}`,
          created: `2009-${month}-${String((i % 27) + 1).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}Z`,
          classification: CLASSES[i % CLASSES.length],
          origin,
          tags: i % 2 === 0 ? ['PREL', 'XQ'] : ['ECON'],
          subject: `BULK SUBJECT NUMBER ${i}`,
          body: `UNCLASSIFIED\nTAGS: ${i % 2 === 0 ? 'PREL, XQ' : 'ECON'}\nSUBJECT: BULK SUBJECT NUMBER ${i}\n\n1. Text.`,
        }),
        `${DAY1}T18:${String(i % 60).padStart(2, '0')}Z`,
      ),
    );
  }
  inputs.push(
    input(
      parsedCable({
        canonicalId: '10ALPHAVILLE5',
        created: '2010-02-24T14:08Z',
        origin: 'Embassy Alphaville',
        tags: ['PREL', 'PGOV', 'XQ'],
        subject: 'FICTIONAL MEETING ON WIDGETS',
        references: ['10BETAVILLE7', '09GAMMAVILLE3', '08DELTAVILLE9'],
        referencesDetailed: [
          { value: '10BETAVILLE7', kind: 'cable', bullet: 'A', title: null },
          { value: '09GAMMAVILLE3', kind: 'cable', bullet: 'B', title: null },
          { value: '08DELTAVILLE9', kind: 'cable', bullet: 'C', title: null },
        ],
        paragraphs: [
          { number: '1', marking: 'C', text: 'SUMMARY' },
          { number: '2', marking: 'C', text: 'The second paragraph says nothing real.' },
        ],
        articles: [{ title: 'A fictional newspaper story', url: 'https://news.example.org/story' }],
        header: 'VZCZCXYZ0000\nPP RUEHWEB\n\nDE RUEHXX #0005/01 0551408\nP 241408Z FEB 10\nFM AMEMBASSY ALPHAVILLE\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001',
        body: ALPHA_BODY,
      }),
      `${DAY2}T21:09Z`,
    ),
    input(
      parsedCable({
        canonicalId: '10BETAVILLE7',
        created: '2010-01-10T08:00Z',
        origin: 'Embassy Betaville',
        tags: ['PTER'],
        subject: 'BETA SUBJECT',
        partial: true,
        body: 'S E C R E T BETAVILLE 000007\nTAGS: PTER\nSUBJECT: BETA SUBJECT\n\n1. (S) Beta text.',
        classification: 'SECRET',
      }),
      `${DAY2}T21:10Z`,
    ),
    // Unreleased: must be invisible everywhere.
    input(
      parsedCable({
        canonicalId: '09GAMMAVILLE3',
        created: '2009-05-05T05:05Z',
        origin: 'Embassy Gammaville',
        tags: ['EMBARGOTAG'],
        subject: 'GAMMA EMBARGOED SUBJECT',
        references: ['10BETAVILLE7'],
        referencesDetailed: [{ value: '10BETAVILLE7', kind: 'cable', bullet: null, title: null }],
        body: 'SECRET\nTAGS: EMBARGOTAG\nSUBJECT: GAMMA EMBARGOED SUBJECT\nREF: BETAVILLE 7\n\n1. (S) Gamma text.',
        classification: 'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
      }),
      null,
    ),
    // Hostile text: everything must come out escaped.
    input(
      parsedCable({
        canonicalId: '10EVILTOWN1',
        created: '2010-02-01T01:01Z',
        origin: 'Embassy <i>Evil</i>town',
        tags: ['PREL', '<b>BAD'],
        subject: '<script>alert("subject")</script> & more',
        header: 'FM <script>alert("header")</script>',
        body: 'UNCLASSIFIED\nTAGS: PREL\nSUBJECT: <script>alert("subject")</script>\n\n1. (U) <script>alert("body")</script> "quoted" \'single\' & <img src=x onerror=alert(1)>',
        articles: [{ title: '<script>alert("article")</script>', url: 'javascript:alert(1)' }],
      }),
      `${DAY2}T22:00Z`,
    ),
  );
  await store.putCables(inputs);
  return store;
}

export async function buildApp(factory: StoreFactory, options: AppOptions = {}) {
  const store = await buildArchive(factory);
  const app = createApp(store, { cacheTtlMs: 0, logError: () => {}, ...options });
  return { store, app };
}

/** GET a path; returns the response and its text. */
export async function get(app: { request: (path: string) => Response | Promise<Response> }, path: string) {
  const res = await app.request(path);
  return { res, text: await res.text() };
}
