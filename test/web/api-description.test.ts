/**
 * The JSON API's one description (OpenAPI 3.1, /api/openapi.json) checked against the real
 * answers: every route's example and a list of real JSON paths of every kind are fetched,
 * matched to a route of the description, and validated against its schema with ajv
 * (JSON Schema 2020-12, the dialect of OpenAPI 3.1); on every store.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Hono } from 'hono';
import { cleanupStores, storeFactories } from '../support/store-factories.js';
import { buildApp, get } from './web-fixture.js';
import { parseArticleMarkdown } from '../../src/parse/article-markdown.js';

after(cleanupStores);

/** The route template of the description a path matches (`{x}` is one path segment, or part of one). */
function routeOf(paths: string[], path: string): string | null {
  const bare = path.split('?')[0];
  const matching = paths.filter((t) => new RegExp(`^${t.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`).test(bare));
  // The most specific template: fewest parameters.
  return matching.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))[0] ?? null;
}

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    let app: Hono;
    let doc: any;
    let validate: (schema: string, data: unknown) => string | null;
    before(async () => {
      const built = await buildApp(factory);
      app = built.app;
      // A second public version, so that a diff page exists.
      const current = (await built.store.getCable('10BETAVILLE7'))!;
      await built.store.putCables([{ parsed: { ...current.cable, body: `${current.cable.body}\n2. (S) A correction.` }, raw: 'second raw text', source: 'fixture/second.html', format: 'site-page', releasedAt: null }]);
      await built.store.applyRelease({ action: 'release', items: [{ canonicalId: '10BETAVILLE7', version: 2 }] });
      // A public article (it cites a released cable) for the article routes.
      const article = parseArticleMarkdown('---\ntitle: A fictional article\ndate: 2026-12-04\n---\nOn [the cable](/cable/2010/02/10ALPHAVILLE5.html), *briefly*.\n', '/drafts/fictional-api.md');
      await built.store.putArticles([{ article, raw: 'x', source: '/drafts/fictional-api.md', format: 'markdown' }]);
      const res = await app.request('/api/openapi.json');
      assert.equal(res.status, 200);
      doc = await res.json();
      const ajv = new Ajv2020({ allErrors: true, strict: true });
      ajv.addSchema(JSON.parse(JSON.stringify({ $id: 'api', $defs: doc.components.schemas }).replace(/#\/components\/schemas\//g, '#/$defs/')));
      validate = (schema, data) => {
        const v = ajv.getSchema(`api#/$defs/${schema}`);
        assert.ok(v, `schema ${schema}`);
        return v(data) ? null : ajv.errorsText(v.errors);
      };
    });

    test('the description is OpenAPI 3.1 and every route answers with a schema it defines', () => {
      assert.equal(doc.openapi, '3.1.0');
      for (const [path, item] of Object.entries<any>(doc.paths)) {
        const schema = item.get.responses['200'].content['application/json'].schema.$ref as string;
        assert.ok(doc.components.schemas[schema.split('/').pop()!], `${path}: ${schema}`);
        for (const p of item.get.parameters ?? []) if (p.in === 'path') assert.ok(path.includes(`{${p.name}}`), `${path} names {${p.name}}`);
      }
    });

    test('every example and real JSON path of every kind matches a route and validates against its schema', async () => {
      const examples = Object.values<any>(doc.paths).map((p) => p.get['x-example']).filter(Boolean);
      assert.ok(examples.length >= 15, `examples: ${examples.length}`);
      const real = [
        '/index.json',
        '/reldate/index.json', '/date/index.json', '/origin/index.json', '/tag/index.json', '/classification/index.json',
        '/reldate/2010-12-06_0.json', '/date/2010-02_0.json', '/origin/embassy-alphaville_0.json', '/tag/PREL_1.json', '/classification/1_0.json',
        '/cable/2010/02/10ALPHAVILLE5.json', '/cable/2010/01/10BETAVILLE7.json', '/cable/2010/01/10BETAVILLE7/diff-1-2.json',
        '/cable/2010/02/10ALPHAVILLE5/cite.csl.json',
        '/search.json?q=widget', '/search.json?q=created:2009-13', '/search.json?q=10ALPHAVILLE5', '/search.json?q=tag:PREL&page=99',
        '/releases/index.json',
        '/understanding/index.json', '/understanding/faq.json', '/understanding/tags.json', '/understanding/search.json',
        '/api/index.json', '/api/openapi.json',
        '/articles/index.json', '/articles/2026/fictional-api.json',
      ];
      const days = JSON.parse((await get(app, '/releases/index.json')).text).days;
      real.push(`/releases/${days[0].day}.json`);
      for (const path of [...new Set([...examples, ...real])]) {
        const route = routeOf(Object.keys(doc.paths), path);
        assert.ok(route, `${path} is described`);
        const res = await app.request(path);
        assert.ok(res.status === 200 || (res.status === 400 && path.startsWith('/search')), `${path}: ${res.status}`);
        assert.match(res.headers.get('content-type') ?? '', /json/);
        const schema = doc.paths[route].get.responses['200'].content['application/json'].schema.$ref.split('/').pop();
        const problem = validate(schema, await res.json());
        assert.equal(problem, null, `${path} against ${schema}: ${problem}`);
      }
    });

    test('a schema catches a wrong answer (the check can fail)', () => {
      assert.notEqual(validate('Home', { title: 't', url: '/', json: '/index.json', released: -1 }), null);
      assert.notEqual(validate('Cable', { title: 't', url: '/', json: '/x.json' }), null);
    });

    test('the /api/ page lists every route of the description with its working example', async () => {
      const { res, text } = await get(app, '/api/index.html');
      assert.equal(res.status, 200);
      for (const path of Object.keys(doc.paths)) assert.ok(text.includes(`<code>GET ${path.replace(/"/g, '&quot;')}</code>`), path);
      assert.ok(text.includes('href="/api/openapi.json"'));
      assert.ok(text.includes('href="/cable/'), 'a real cable example');
      assert.equal((await app.request('/api/')).headers.get('location'), '/api/index.html');
      const data = JSON.parse((await get(app, '/api/index.json')).text);
      assert.equal(data.routes.length, Object.keys(doc.paths).length);
    });
  });
}
