/**
 * The reference graph of a cable page: the cables it cites and the cables citing it, two
 * steps out, drawn to SVG on the server (graphology, laid out with ForceAtlas2: no script,
 * so it works in the static mirror). Only public cables and references between them
 * (Store.referenceEdges with releasedOnly): an unreleased cable is never a node.
 *
 * Deterministic: the nodes start on a circle in id order and the layout runs a fixed
 * number of iterations, so a page renders the same bytes every time (the mirror and its
 * incremental export depend on that).
 */
import { createRequire } from 'node:module';
import { DirectedGraph } from 'graphology';
import type { ReferenceEdge, Store } from '../store/store.js';
import { html, type SafeHtml } from './html.js';
import { cablePath } from './paths.js';

// A CommonJS module whose function is its export: required as such (its types name it the default export).
const forceAtlas2: (typeof import('graphology-layout-forceatlas2'))['default'] = createRequire(import.meta.url)('graphology-layout-forceatlas2');

/** Most nodes drawn: the cable, every cable one step away first, then two steps away in id order. */
export const GRAPH_MAX_NODES = 60;
const ITERATIONS = 150;
const WIDTH = 640;
const HEIGHT = 400;
const MARGIN = 24;

export interface GraphNode {
  id: string;
  /** 0: this cable; 1: cites it or is cited by it; 2: one step further. */
  step: 0 | 1 | 2;
  url: string;
  x: number;
  y: number;
}

export interface ReferenceGraph {
  nodes: GraphNode[];
  /** `from` cites `to`. */
  edges: ReferenceEdge[];
  /** Public cables two steps out left off the drawing (GRAPH_MAX_NODES). */
  omitted: number;
}

/** The paths of each id to its page (the store knows each cable's creation month). */
type PathOf = (id: string) => string;

/** The public neighbourhood of a cable, two steps out, laid out; null when it has no public reference either way. */
export async function loadReferenceGraph(store: Store, id: string): Promise<ReferenceGraph | null> {
  const first = await store.referenceEdges([id], { releasedOnly: true });
  if (first.length === 0) return null;
  const step1 = [...new Set(first.flatMap((e) => [e.from, e.to]).filter((n) => n !== id))].sort();
  const second = await store.referenceEdges(step1, { releasedOnly: true });
  const known = new Set([id, ...step1]);
  const step2All = [...new Set(second.flatMap((e) => [e.from, e.to]).filter((n) => !known.has(n)))].sort();
  const step2 = step2All.slice(0, Math.max(0, GRAPH_MAX_NODES - 1 - step1.length));
  const kept = new Set([id, ...step1.slice(0, GRAPH_MAX_NODES - 1), ...step2]);
  const edgeKey = (e: ReferenceEdge) => `${e.from}\u0000${e.to}`;
  const edges = new Map<string, ReferenceEdge>();
  for (const e of [...first, ...second]) if (kept.has(e.from) && kept.has(e.to)) edges.set(edgeKey(e), e);
  const { rows } = await store.listCables({ ids: [...kept], releasedOnly: true, sort: 'id' });
  const created = new Map(rows.map((r) => [r.canonicalId, r.created]));
  const pathOf: PathOf = (n) => cablePath(n, created.get(n) ?? null);
  const steps = new Map<string, 0 | 1 | 2>([[id, 0]]);
  for (const n of step1) if (kept.has(n)) steps.set(n, 1);
  for (const n of step2) steps.set(n, 2);
  return layout(steps, [...edges.values()].sort((a, b) => (edgeKey(a) < edgeKey(b) ? -1 : 1)), pathOf, step2All.length - step2.length + Math.max(0, step1.length - (GRAPH_MAX_NODES - 1)));
}

function layout(steps: Map<string, 0 | 1 | 2>, edges: ReferenceEdge[], pathOf: PathOf, omitted: number): ReferenceGraph {
  const ids = [...steps.keys()].sort();
  const graph = new DirectedGraph();
  ids.forEach((n, i) => {
    // The cable in the middle; the others on circles by step, in id order.
    const step = steps.get(n)!;
    const angle = (2 * Math.PI * i) / ids.length;
    graph.addNode(n, { x: step === 0 ? 0 : step * 10 * Math.cos(angle), y: step === 0 ? 0 : step * 10 * Math.sin(angle) });
  });
  for (const e of edges) if (!graph.hasEdge(e.from, e.to)) graph.addEdge(e.from, e.to);
  if (ids.length > 2) forceAtlas2.assign(graph, { iterations: ITERATIONS, settings: { gravity: 0.5, strongGravityMode: true, scalingRatio: 4, barnesHutOptimize: false } });
  const xs = ids.map((n) => graph.getNodeAttribute(n, 'x') as number);
  const ys = ids.map((n) => graph.getNodeAttribute(n, 'y') as number);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((WIDTH - 2 * MARGIN) / Math.max(maxX - minX, 1e-9), (HEIGHT - 2 * MARGIN) / Math.max(maxY - minY, 1e-9));
  const cx = (WIDTH - scale * (maxX - minX)) / 2;
  const cy = (HEIGHT - scale * (maxY - minY)) / 2;
  const nodes = ids.map((n, i) => ({
    id: n,
    step: steps.get(n)!,
    url: pathOf(n),
    x: ids.length === 1 ? WIDTH / 2 : Math.round(cx + (xs[i] - minX) * scale),
    y: ids.length === 1 ? HEIGHT / 2 : Math.round(cy + (ys[i] - minY) * scale),
  }));
  return { nodes, edges, omitted };
}

/** The drawing: arrows from citing to cited cable, each node a link to its page with its id as title. */
export function referenceGraphSvg(g: ReferenceGraph, centre: string): SafeHtml {
  const at = new Map(g.nodes.map((n) => [n.id, n]));
  const cites = g.edges.filter((e) => e.from === centre).length;
  const citedBy = g.edges.filter((e) => e.to === centre).length;
  return html`<svg class="reference-graph" viewBox="0 0 ${WIDTH} ${HEIGHT}" aria-labelledby="graph-title" xmlns="http://www.w3.org/2000/svg">
<title id="graph-title">Reference graph of ${centre}: it cites ${cites} public cable${cites === 1 ? '' : 's'} and ${citedBy} cite${citedBy === 1 ? 's' : ''} it; ${g.nodes.length} cables within two steps. Each circle links to its cable.</title>
<defs><marker id="graph-arrow" viewBox="0 0 10 10" refX="16" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"></path></marker></defs>
<g aria-hidden="true">${g.edges.map((e) => {
  const a = at.get(e.from)!;
  const b = at.get(e.to)!;
  return html`<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" marker-end="url(#graph-arrow)"></line>`;
})}</g>
${g.nodes.map(
  (n) => html`<a href="${n.url}" class="step${n.step}"><title>${n.id}${n.step === 0 ? ' (this cable)' : ''}</title><circle cx="${n.x}" cy="${n.y}" r="${n.step === 0 ? 9 : n.step === 1 ? 6 : 4}"></circle>${n.step < 2 ? html`<text x="${n.x + 7}" y="${n.y - 6}">${n.id}</text>` : ''}</a>`,
)}
</svg>`;
}
