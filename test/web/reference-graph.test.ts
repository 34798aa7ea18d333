/**
 * The reference graph on cable pages (two steps out, public cables only, deterministic) and
 * the whole public graph as GEXF and GraphML (read back with graphology's parsers), on every store.
 */
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { DirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { DOMParser } from '@xmldom/xmldom';
import { createApp } from '../../src/web/app.js';
import { cleanupStores, storeFactories, type StoreFactory } from '../support/store-factories.js';
import { get, input, parsedCable } from './web-fixture.js';

after(cleanupStores);

const RELEASED = '2010-11-28T18:00Z';

/** A cites B cites C cites D; E cites A; X (never released) cites B and is cited by A; F cites itself. */
async function setup(factory: StoreFactory) {
  const store = await factory.open({ label: 'refgraph' });
  const cable = (id: string, refs: string[], released: string | null) =>
    input(parsedCable({ canonicalId: id, created: '2009-01-05T00:00Z', origin: 'Embassy Alphaville', subject: `SUBJECT ${id}`, references: refs }), released);
  await store.putCables([
    cable('09AAA1', ['09BBB1', '09XXX1', '99NOWHERE1'], RELEASED),
    cable('09BBB1', ['09CCC1'], RELEASED),
    cable('09CCC1', ['09DDD1'], RELEASED),
    cable('09DDD1', [], RELEASED),
    cable('09EEE1', ['09AAA1'], RELEASED),
    cable('09XXX1', ['09BBB1'], null),
    cable('09FFF1', ['09FFF1'], RELEASED),
  ]);
  return { store, app: createApp(store, { cacheTtlMs: 0, logError: (e) => { throw e; } }) };
}

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    test('a cable page draws the public cables two steps out, each a link; never an unreleased one', async () => {
      const { app } = await setup(factory);
      const page = JSON.parse((await get(app, '/cable/2009/01/09AAA1.json')).text);
      assert.deepEqual(
        page.graph.nodes.map((n: { id: string; step: number }) => [n.id, n.step]),
        [
          ['09AAA1', 0],
          ['09BBB1', 1],
          ['09CCC1', 2],
          ['09EEE1', 1],
        ],
      );
      assert.deepEqual(page.graph.edges, [
        { from: '09AAA1', to: '09BBB1' },
        { from: '09BBB1', to: '09CCC1' },
        { from: '09EEE1', to: '09AAA1' },
      ]);
      const html = await get(app, '/cable/2009/01/09AAA1.html');
      assert.match(html.text, /<svg class="reference-graph" viewBox="0 0 640 400" aria-labelledby="graph-title"/);
      for (const id of ['09BBB1', '09CCC1', '09EEE1']) assert.match(html.text, new RegExp(`<a href="/cable/2009/01/${id}.html" class="step[12]"><title>${id}</title>`));
      assert.doesNotMatch(html.text.slice(html.text.indexOf('reference-graph')), /09XXX1|09DDD1/);
      assert.equal((await get(app, '/cable/2009/01/09AAA1.html')).text, html.text, 'the same drawing every time');
      // Two steps from D: C (1), B (2). A cable without public references has no graph.
      const d = JSON.parse((await get(app, '/cable/2009/01/09DDD1.json')).text);
      assert.deepEqual(d.graph.nodes.map((n: { id: string }) => n.id), ['09BBB1', '09CCC1', '09DDD1']);
      assert.equal(JSON.parse((await get(app, '/cable/2009/01/09FFF1.json')).text).graph, null);
      assert.doesNotMatch((await get(app, '/cable/2009/01/09FFF1.html')).text, /reference-graph/);
    });

    test('the whole public reference graph as GEXF and GraphML: the public cables and their references', async () => {
      const { app, store } = await setup(factory);
      const gexf = await get(app, '/references.gexf');
      assert.equal(gexf.res.status, 200);
      assert.match(gexf.res.headers.get('content-type')!, /^application\/gexf\+xml/);
      const g = parseGexf(DirectedGraph, gexf.text);
      const publicIds = (await store.publicDigest()).map((r) => r.canonicalId);
      const edges = await store.referenceEdges(publicIds, { releasedOnly: true });
      assert.equal(g.order, 6, 'every released cable, X not');
      assert.equal(g.order, publicIds.length);
      assert.equal(g.size, edges.length);
      assert.deepEqual(g.edges().map((e) => `${g.source(e)}>${g.target(e)}`).sort(), ['09AAA1>09BBB1', '09BBB1>09CCC1', '09CCC1>09DDD1', '09EEE1>09AAA1']);
      assert.equal(g.getNodeAttribute('09AAA1', 'origin'), 'Embassy Alphaville');
      assert.ok(!g.hasNode('09XXX1'));
      assert.equal((await get(app, '/references.gexf')).text, gexf.text, 'the same bytes every time');
      const graphml = await get(app, '/references.graphml');
      const m = parseGraphml(DirectedGraph, new DOMParser().parseFromString(graphml.text, 'text/xml') as unknown as Document);
      assert.equal(m.order, g.order);
      assert.equal(m.size, g.size);
      assert.ok(m.hasEdge('09EEE1', '09AAA1'));
      // The site links them from every cable page with a graph.
      assert.match((await get(app, '/cable/2009/01/09AAA1.html')).text, /<a href="\/references.gexf">GEXF<\/a>, <a href="\/references.graphml">GraphML<\/a>/);
    });
  });
}
