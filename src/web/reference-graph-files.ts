/**
 * The whole public reference graph for Gephi and other graph tools: `/references.gexf`
 * (GEXF 1.3, written by graphology-gexf) and `/references.graphml` (GraphML). One node per
 * public cable (label: its id; attributes: origin, classification, created, released),
 * one directed edge per reference from a public cable to another public cable (the
 * current versions' references; a cable citing itself is no edge). Built from the
 * archive's public digest, so an unreleased cable is never in them. The static export
 * renders them through the app like pages (site-page-paths.ts: every export, next to the
 * bulk data at the mirror's root).
 */
import type { Context, Hono } from 'hono';
import { DirectedGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import type { PublicDigestRow, Store } from '../store/store.js';
import { escapeHtml } from './html.js';

export const REFERENCE_GRAPH_FILES = { gexf: '/references.gexf', graphml: '/references.graphml' } as const;

interface CableNode {
  label: string;
  origin: string;
  classification: string;
  created: string;
  released: string;
}

/** The public reference graph of these digest rows (each a public cable). */
export function publicReferenceGraph(rows: PublicDigestRow[]): DirectedGraph<CableNode> {
  const graph = new DirectedGraph<CableNode>();
  for (const r of rows) {
    graph.addNode(r.canonicalId, { label: r.canonicalId, origin: r.origin ?? '', classification: r.classification ?? '', created: r.created ?? '', released: r.releasedAt });
  }
  // Edge keys numbered in order (graphology's generated keys are random: the file must be the same bytes every time).
  let n = 0;
  for (const r of rows) {
    for (const to of r.refs) if (to !== r.canonicalId && graph.hasNode(to) && !graph.hasEdge(r.canonicalId, to)) graph.addDirectedEdgeWithKey(`e${n++}`, r.canonicalId, to);
  }
  return graph;
}

export function referenceGraphGexf(graph: DirectedGraph<CableNode>): string {
  return writeGexf(graph, {
    version: '1.3',
    pretty: false,
    formatNode: (_key, a) => ({ label: a.label, attributes: { origin: a.origin, classification: a.classification, created: a.created, released: a.released } }),
    formatEdge: () => ({}),
  });
}

const xml = (s: string) => escapeHtml(s);

export function referenceGraphGraphml(graph: DirectedGraph<CableNode>): string {
  const keys = ['origin', 'classification', 'created', 'released'] as const;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
    '<key id="label" for="node" attr.name="label" attr.type="string"/>\n',
    ...keys.map((k) => `<key id="${k}" for="node" attr.name="${k}" attr.type="string"/>\n`),
    '<graph id="references" edgedefault="directed">\n',
  ];
  graph.forEachNode((id, a) => {
    out.push(`<node id="${xml(id)}"><data key="label">${xml(a.label)}</data>${keys.map((k) => (a[k] ? `<data key="${k}">${xml(a[k])}</data>` : '')).join('')}</node>\n`);
  });
  let n = 0;
  graph.forEachEdge((_e, _a, source, target) => {
    out.push(`<edge id="e${n++}" source="${xml(source)}" target="${xml(target)}"/>\n`);
  });
  out.push('</graph>\n</graphml>\n');
  return out.join('');
}

export function registerReferenceGraphRoutes(app: Hono, store: Store): void {
  const serve = async (c: Context, format: keyof typeof REFERENCE_GRAPH_FILES) => {
    const graph = publicReferenceGraph(await store.publicDigest());
    const body = format === 'gexf' ? referenceGraphGexf(graph) : referenceGraphGraphml(graph);
    // Not the pages' Cache-Control: a whole-archive file is not kept in the rendered-page memory.
    c.header('Cache-Control', 'public, max-age=600');
    c.header('Content-Type', format === 'gexf' ? 'application/gexf+xml; charset=utf-8' : 'application/graphml+xml; charset=utf-8');
    return c.body(body);
  };
  app.get(REFERENCE_GRAPH_FILES.gexf, (c) => serve(c, 'gexf'));
  app.get(REFERENCE_GRAPH_FILES.graphml, (c) => serve(c, 'graphml'));
}
