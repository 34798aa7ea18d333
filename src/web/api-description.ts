/**
 * The JSON API described once, as an OpenAPI 3.1 document: every JSON route of the site,
 * its parameters, the schema of its answer (JSON Schema 2020-12, as OpenAPI 3.1 uses) and an
 * example path taken from the archive being served. `/api/openapi.json` serves it, the
 * `/api/` page is rendered from it, and a test fetches every example and validates the real
 * answer against the schema (test/web/api-description.test.ts), so the three cannot drift.
 *
 * Written by hand rather than generated from route code: the routes are plain Hono handlers
 * whose answers are the page data objects (page.ts), and what a client needs is the shape of
 * those objects, which the schemas below state and the test checks.
 */
import type { WebContext } from './page.js';
import { browsePath, cablePath } from './paths.js';
import { articlePath } from './article-pages.js';

type Schema = Record<string, unknown>;

const str: Schema = { type: 'string' };
const int: Schema = { type: 'integer', minimum: 0 };
const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });
const nstr = nullable(str);
const arr = (items: Schema): Schema => ({ type: 'array', items });
const obj = (properties: Record<string, Schema>, required = Object.keys(properties)): Schema => ({ type: 'object', properties, required });
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const page = (properties: Record<string, Schema>, required = Object.keys(properties)): Schema => ({
  allOf: [ref('Page'), obj(properties, required)],
});
const link = obj({ url: str });
const keyCount = obj({ key: str, count: int, url: str }, ['key', 'count']);

const SCHEMAS: Record<string, Schema> = {
  Page: obj({ title: str, url: str, json: str }),
  Error: obj({ error: obj({ code: str, message: str }) }),
  Home: page({
    released: int,
    total: int,
    totalFrom: { enum: ['archive', 'announced'] },
    latestReleases: arr(obj({ day: str, count: int, url: str })),
    figures: obj({ origins: int, tags: int, firstCreated: nstr, lastCreated: nstr, releaseDays: int }),
    browse: arr(obj({ name: str, url: str, json: str })),
    understanding: arr(obj({ name: str, url: str })),
  }),
  CableRow: obj({ id: str, referenceId: nstr, subject: nstr, created: nstr, released: nstr, classification: nstr, origin: nstr, url: str }, ['id', 'url']),
  BrowsePage: page({
    kind: { enum: ['reldate', 'date', 'origin', 'tag', 'classification'] },
    key: str,
    label: str,
    page: int,
    pageSize: int,
    total: nullable(int),
    pageCount: nullable(int),
    sort: { enum: ['created', 'released'] },
    order: { enum: ['asc', 'desc'] },
    rows: arr(ref('CableRow')),
    prev: nullable(obj({ page: int, url: str, json: str })),
    next: nullable(obj({ page: int, url: str, json: str })),
    pages: arr(obj({ page: int, url: str, json: str })),
    index: str,
  }),
  IndexPage: page({ total: int }),
  Cable: page({
    id: str,
    released: nstr,
    links: obj({ created: nstr, released: nstr, classification: nstr, origin: nstr, tags: arr(obj({ tag: str, url: str, meaning: nstr })) }),
    cable: obj({ referenceId: nstr, subject: nstr, body: str, header: nstr, tags: arr(str), articles: arr(obj({ url: str }, ['url'])) }, ['body', 'tags']),
    references: arr(obj({ value: str, kind: str, bullet: nstr, title: nstr, url: nstr })),
    citedBy: arr(obj({ id: str, subject: nstr, created: nstr, url: str })),
    versions: arr(obj({ number: int, current: { type: 'boolean' }, format: str, importedAt: str, contentHash: str, publishedAt: nstr, diffFromPrevious: nstr }, ['number', 'current', 'contentHash'])),
    share: str,
    citation: obj(
      { id: str, subject: nstr, origin: nstr, date: nstr, archive: str, url: str, version: int, contentHash: str, accessed: str, text: str, downloads: arr(obj({ format: { enum: ['bibtex', 'ris', 'csl'] }, label: str, url: str })) },
      ['id', 'url', 'version', 'contentHash', 'accessed', 'text', 'downloads'],
    ),
  }),
  CslItems: arr(obj({ id: str, type: str, title: str, URL: str, version: str }, ['id', 'type', 'title', 'URL'])),
  VersionDiff: page({
    id: str,
    from: obj({ number: int, importedAt: str, publishedAt: nstr }, ['number']),
    to: obj({ number: int, importedAt: str, publishedAt: nstr }, ['number']),
    changedFields: arr(obj({ field: str, from: nstr, to: nstr })),
    redactions: obj({ from: int, to: int, lifted: int, added: int }),
  }),
  Understanding: page({ sections: arr(obj({ heading: str, paragraphs: arr(str) })) }),
  Glossary: page({ tags: arr(obj({ tag: str, meaning: str, count: int, url: nstr })) }),
  SearchLanguage: page({ markdown: str }),
  Search: page({
    query: str,
    sort: { enum: ['relevance', 'created', 'released'] },
    order: { enum: ['asc', 'desc'] },
    page: { type: 'integer', minimum: 1 },
    pageSize: int,
    total: int,
    results: arr(obj({ referenceId: str, subject: nstr, created: nstr, released: nstr, classification: nstr, origin: nstr, snippet: str, url: str })),
    facets: obj({ classification: arr(keyCount), origin: arr(keyCount), tag: arr(keyCount), year: arr(keyCount) }),
    histogram: arr(obj({ key: str, count: int })),
    problems: arr(obj({ severity: { enum: ['error', 'warning'] }, message: str, hint: nstr })),
    reference: nullable(obj({ asked: str, exact: arr(obj({ id: str, url: str }, ['id', 'url'])), nearest: arr(obj({ id: str, url: str }, ['id', 'url'])) })),
    links: obj({ prev: nstr, next: nstr, csv: nstr, jsonl: nstr }),
    filters: arr(obj({ filter: str, removeUrl: str })),
    lastPage: { type: 'integer', minimum: 1 },
    pastEnd: { type: 'boolean' },
  }),
  ReleasesIndex: page({ days: arr(obj({ day: str, published: int, changed: int, withdrawn: int, url: str })) }),
  ReleaseDay: page({ day: str, withdrawn: int }),
  ArticleIndex: page({ feed: str, articles: arr(obj({ key: str, title: str, section: nstr, byline: nstr, published: nstr, lang: nstr, url: str })) }),
  Article: page({
    key: str,
    section: nstr,
    byline: nstr,
    published: nstr,
    lang: nstr,
    dir: { enum: ['ltr', 'rtl'] },
    blocks: arr(obj({ kind: { enum: ['p', 'h', 'li', 'quote'] }, runs: arr(obj({ text: str, href: str, emphasis: { type: 'boolean' }, strong: { type: 'boolean' } }, ['text'])) })),
    cables: arr(obj({ id: str, subject: nstr, created: nstr, url: str })),
    translations: arr(obj({ lang: str, title: str, url: str })),
  }),
  ApiPage: page({ openapi: str, routes: arr(obj({ path: str, summary: str, example: nstr, schema: str })) }),
  OpenApi: obj({ openapi: { const: '3.1.0' }, info: obj({ title: str, version: str }), paths: { type: 'object' } }),
};

interface RouteSpec {
  path: string;
  summary: string;
  description: string;
  schema: string;
  parameters?: Array<{ name: string; in: 'path' | 'query'; description: string; required?: boolean; schema?: Schema }>;
  /** A real path of this route in the archive served, or null when the archive has none. */
  example: (e: Examples) => string | null;
}

/** Real keys of the archive served, for the examples. */
export interface Examples {
  cable: { id: string; created: string | null } | null;
  releaseDay: string | null;
  tag: string | null;
  origin: string | null;
  month: string | null;
  /** A public article's path, or null. */
  article: string | null;
}

const pathParam = (name: string, description: string) => ({ name, in: 'path' as const, description, required: true, schema: str });

const ROUTES: RouteSpec[] = [
  { path: '/index.json', summary: 'Home', description: 'Released / total known, latest release days, key figures, entry points.', schema: 'Home', example: () => '/index.json' },
  {
    path: '/cable/{year}/{month}/{id}.json',
    summary: 'One cable',
    description: 'Every parsed field (header and body text included), references, cited-by, public versions and the citation.',
    schema: 'Cable',
    parameters: [pathParam('year', 'creation year, YYYY'), pathParam('month', 'creation month, MM'), pathParam('id', 'canonical reference id, e.g. 10DAMASCUS159')],
    example: (e) => (e.cable ? cablePath(e.cable.id, e.cable.created, 'json') : null),
  },
  {
    path: '/cable/{year}/{month}/{id}/cite.csl.json',
    summary: 'Citation of a cable (CSL-JSON)',
    description: 'The citation as CSL-JSON (also cite.bib for BibTeX and cite.ris for RIS, not JSON).',
    schema: 'CslItems',
    parameters: [pathParam('year', 'creation year'), pathParam('month', 'creation month'), pathParam('id', 'canonical reference id')],
    example: (e) => (e.cable ? cablePath(e.cable.id, e.cable.created, 'html').replace(/\.html$/, '/cite.csl.json') : null),
  },
  {
    path: '/{kind}/{key}_{page}.json',
    summary: 'Browse page',
    description: 'Cables of a release day (reldate, key YYYY-MM-DD), creation month (date, YYYY-MM), origin (readable slug), tag or classification (1-6); 50 a page, pages from 0. Query: sort=created|released, order=asc|desc.',
    schema: 'BrowsePage',
    parameters: [
      { name: 'kind', in: 'path', description: 'reldate, date, origin, tag or classification', required: true, schema: { enum: ['reldate', 'date', 'origin', 'tag', 'classification'] } },
      pathParam('key', 'the day, month, origin slug, tag or classification number'),
      pathParam('page', 'page number from 0'),
      { name: 'sort', in: 'query', description: 'created or released (default)', schema: { enum: ['created', 'released'] } },
      { name: 'order', in: 'query', description: 'asc (default) or desc', schema: { enum: ['asc', 'desc'] } },
    ],
    example: (e) => (e.tag ? browsePath.tag(e.tag, 0, 'json') : null),
  },
  { path: '/reldate/index.json', summary: 'Release days', description: 'Every release day with its count, newest first.', schema: 'IndexPage', example: () => '/reldate/index.json' },
  { path: '/date/index.json', summary: 'Creation dates', description: 'Years, months and counts; the timeline of cables per month.', schema: 'IndexPage', example: () => '/date/index.json' },
  { path: '/origin/index.json', summary: 'Origins', description: 'Origins A-Z with counts.', schema: 'IndexPage', example: () => '/origin/index.json' },
  { path: '/tag/index.json', summary: 'Tags', description: 'Tags A-Z with counts and meanings.', schema: 'IndexPage', example: () => '/tag/index.json' },
  { path: '/classification/index.json', summary: 'Classifications', description: 'The six classifications with counts.', schema: 'IndexPage', example: () => '/classification/index.json' },
  {
    path: '/search.json',
    summary: 'Search',
    description: 'Full-text search (query language: /understanding/search.html); results, facets, histogram; 400 with the same shape when the query has an error. Whole result lists: /search.csv and /search.jsonl (400 with an Error for a query that cannot run).',
    schema: 'Search',
    parameters: [
      { name: 'q', in: 'query', description: 'the query', required: true, schema: str },
      { name: 'sort', in: 'query', description: 'relevance (default), created or released', schema: { enum: ['relevance', 'created', 'released'] } },
      { name: 'order', in: 'query', description: 'desc (default) or asc', schema: { enum: ['asc', 'desc'] } },
      { name: 'page', in: 'query', description: '1, 2, ...', schema: { type: 'integer', minimum: 1 } },
    ],
    example: (e) => (e.tag ? `/search.json?q=${encodeURIComponent(`tag:${e.tag}`)}` : '/search.json?q=embassy'),
  },
  { path: '/releases/index.json', summary: 'Release log', description: 'Every release day: published, changed, withdrawn.', schema: 'ReleasesIndex', example: () => '/releases/index.json' },
  {
    path: '/releases/{day}.json',
    summary: 'One release day',
    description: 'What was published, changed and withdrawn (a count) that day.',
    schema: 'ReleaseDay',
    parameters: [pathParam('day', 'YYYY-MM-DD')],
    example: (e) => (e.releaseDay ? `/releases/${e.releaseDay}.json` : null),
  },
  {
    path: '/cable/{year}/{month}/{id}/diff-{from}-{to}.json',
    summary: 'Changes between two versions',
    description: 'Changed fields, redactions lifted or added, header and body diff of two public versions.',
    schema: 'VersionDiff',
    parameters: [pathParam('year', 'creation year'), pathParam('month', 'creation month'), pathParam('id', 'canonical reference id'), pathParam('from', 'version number'), pathParam('to', 'version number')],
    example: () => null,
  },
  { path: '/understanding/index.json', summary: 'How to read a cable', description: 'Sections of the guide.', schema: 'Understanding', example: () => '/understanding/index.json' },
  { path: '/understanding/faq.json', summary: 'FAQ', description: 'Questions and answers.', schema: 'Understanding', example: () => '/understanding/faq.json' },
  { path: '/understanding/tags.json', summary: 'Glossary of TAGS', description: 'Every tag with its meaning and count.', schema: 'Glossary', example: () => '/understanding/tags.json' },
  { path: '/understanding/search.json', summary: 'The query language', description: 'docs/search.md, as Markdown.', schema: 'SearchLanguage', example: () => '/understanding/search.json' },
  { path: '/articles/index.json', summary: 'Articles', description: 'Public articles about the cables, newest first (an article is public while every cable it cites is released).', schema: 'ArticleIndex', example: () => '/articles/index.json' },
  {
    path: '/articles/{year}/{slug}.json',
    summary: 'One article',
    description: 'Its text as blocks of runs (links to cables and articles of the site), the cables it cites, its translations.',
    schema: 'Article',
    parameters: [pathParam('year', 'YYYY'), pathParam('slug', 'the article name of its address')],
    example: (e) => e.article,
  },
  { path: '/api/index.json', summary: 'This list', description: 'Every JSON route with its example.', schema: 'ApiPage', example: () => '/api/index.json' },
  { path: '/api/openapi.json', summary: 'OpenAPI 3.1 description', description: 'This description of the routes.', schema: 'OpenApi', example: () => '/api/openapi.json' },
];

/** Real keys of the archive to show each route with (only released cables: the embargo holds). */
export async function apiExamples(ctx: WebContext): Promise<Examples> {
  const [first, days, tags, origins, months, articles] = await Promise.all([
    ctx.store.listCables({ releasedOnly: true, limit: 1, sort: 'released', order: 'asc' }),
    ctx.store.countBy('releasedDay', { releasedOnly: true }),
    ctx.store.countBy('tag', { releasedOnly: true }),
    ctx.store.countBy('origin', { releasedOnly: true }),
    ctx.store.countBy('createdMonth', { releasedOnly: true }),
    ctx.store.listArticles({ publicOnly: true }),
  ]);
  const row = first.rows[0];
  const mostCommon = (rows: Array<{ key: string; count: number }>) => [...rows].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))[0]?.key ?? null;
  return {
    cable: row ? { id: row.canonicalId, created: row.created } : null,
    releaseDay: days.map((d) => d.key).filter((k) => /^\d{4}-\d{2}-\d{2}$/.test(k)).sort().pop() ?? null,
    tag: mostCommon(tags),
    origin: mostCommon(origins),
    month: months.map((m) => m.key).filter((k) => /^\d{4}-\d{2}$/.test(k)).sort().pop() ?? null,
    article: articles[0] ? articlePath(articles[0].article.key, 'json') : null,
  };
}

export interface ApiRouteView {
  path: string;
  summary: string;
  description: string;
  /** The component schema of the answer. */
  schema: string;
  example: string | null;
}

export function apiRoutes(e: Examples): ApiRouteView[] {
  return ROUTES.map((r) => ({ path: r.path, summary: r.summary, description: r.description, schema: r.schema, example: r.example(e) }));
}

/** The OpenAPI 3.1 document (examples from the archive served). */
export function openApiDocument(e: Examples): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const r of ROUTES) {
    const example = r.example(e);
    paths[r.path] = {
      get: {
        summary: r.summary,
        description: r.description,
        ...(r.parameters ? { parameters: r.parameters } : {}),
        ...(example ? { 'x-example': example } : {}),
        responses: {
          '200': { description: r.summary, content: { 'application/json': { schema: ref(r.schema) } } },
          '404': { description: 'No such page (or not released)', content: { 'application/json': { schema: ref('Error') } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Cablegate JSON API',
      version: '1',
      description:
        'Every HTML page of the site has a JSON twin at the same path ending in .json. Only released cables appear. Answers carry Access-Control-Allow-Origin: * (the server only reads public data). Shapes in docs/json.md.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: { schemas: SCHEMAS },
  };
}

export const API_SCHEMAS = SCHEMAS;
