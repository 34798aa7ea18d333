/**
 * Server-drawn maps (no script: they work in the static mirror): the world map of origins
 * (one circle per post, its area by its released cables, each a link) and a small locator
 * map of one post. Natural Earth's land at 1:110m (npm world-atlas) projected with d3-geo,
 * coordinates rounded to whole pixels: the map is on every /origin/index.html, so it is
 * kept small.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoEquirectangular, geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection, Feature, Geometry } from 'geojson';
import { displayCount } from './format.js';
import { html, type SafeHtml } from './html.js';

export interface MapPoint {
  label: string;
  url: string;
  count: number;
  lat: number;
  lon: number;
}

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 480;

let land: FeatureCollection | Feature | null = null;

/** Natural Earth land polygons (read once per process). */
function landShapes(): FeatureCollection | Feature {
  if (!land) {
    const file = createRequire(import.meta.url).resolve('world-atlas/land-110m.json');
    const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ land: GeometryCollection }>;
    land = feature(topology, topology.objects.land) as FeatureCollection<Geometry>;
  }
  return land;
}

let worldPath: { projection: GeoProjection; d: string } | null = null;

/** The world's projection and its land path, computed once. */
function world(): { projection: GeoProjection; d: string } {
  if (!worldPath) {
    const projection = geoNaturalEarth1().fitExtent(
      [
        [2, 2],
        [MAP_WIDTH - 2, MAP_HEIGHT - 2],
      ],
      { type: 'Sphere' },
    );
    worldPath = { projection, d: compactPath(geoPath(projection).digits(0)(landShapes()) ?? '') };
  }
  return worldPath;
}

/**
 * A path of absolute whole-pixel moves and lines (`M378,464L378,465...Z`, as d3-geo writes
 * it with digits(0)) rewritten with relative steps, repeated points dropped and rings that
 * shrink to less than three points left out: the same drawing in about half the bytes.
 */
export function compactPath(d: string): string {
  let out = '';
  let x = 0;
  let y = 0;
  for (const ring of d.split('Z')) {
    const pts = [...ring.matchAll(/[ML](-?\d+),(-?\d+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const kept = pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1][0] || p[1] !== pts[i - 1][1]);
    if (kept.length < 3) continue;
    let part = '';
    kept.forEach(([px, py], i) => {
      const dx = px - x;
      const dy = py - y;
      part += i === 0 ? `m${dx},${dy}` : i === 1 ? `l${dx},${dy}` : `${dx < 0 ? '' : ' '}${dx},${dy}`; // a minus sign separates too
      x = px;
      y = py;
    });
    out += `${part}z`;
    // After z the current point is the ring's first point.
    [x, y] = kept[0];
  }
  return out;
}

/** Circle radius: area by count, the busiest post 12 px. */
function radius(count: number, max: number): number {
  return Math.round((2 + 10 * Math.sqrt(count / Math.max(max, 1))) * 10) / 10;
}

/**
 * The world map of posts: biggest circles first so that the small ones stay on top and
 * can be followed. `titleId` names the map for assistive technology.
 */
export function worldMapSvg(points: MapPoint[], titleId = 'map-title'): SafeHtml {
  const { projection, d } = world();
  const max = Math.max(1, ...points.map((p) => p.count));
  const sorted = [...points].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const total = points.reduce((s, p) => s + p.count, 0);
  return html`<svg class="world-map" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" aria-labelledby="${titleId}" xmlns="http://www.w3.org/2000/svg">
<title id="${titleId}">Map of the ${displayCount(points.length)} places that sent the ${displayCount(total)} released cables; each circle links to its cables.</title>
<path class="land" aria-hidden="true" d="${d}"></path>
${sorted.map((p) => {
  const xy = projection([p.lon, p.lat]);
  if (!xy) return '';
  const name = `${p.label}: ${displayCount(p.count)} cable${p.count === 1 ? '' : 's'}`;
  // The link's <title> is its name (SVG accessibility API mapping) and its tooltip.
  return html`<a href="${p.url}"><title>${name}</title><circle cx="${Math.round(xy[0])}" cy="${Math.round(xy[1])}" r="${radius(p.count, max)}"></circle></a>`;
})}
</svg>`;
}

export const LOCATOR_WIDTH = 320;
export const LOCATOR_HEIGHT = 200;

/** A small map around one place (about 100 degrees of longitude), the land outside it clipped away. */
export function locatorMapSvg(place: { label: string; lat: number; lon: number }): SafeHtml {
  const span = 100;
  const projection = geoEquirectangular()
    .rotate([-place.lon, 0])
    .scale(LOCATOR_WIDTH / ((span * Math.PI) / 180))
    .translate([LOCATOR_WIDTH / 2, LOCATOR_HEIGHT / 2])
    .center([0, Math.max(-55, Math.min(55, place.lat))])
    .clipExtent([
      [0, 0],
      [LOCATOR_WIDTH, LOCATOR_HEIGHT],
    ]);
  const d = compactPath(geoPath(projection).digits(0)(landShapes()) ?? '');
  const xy = projection([place.lon, place.lat]) ?? [LOCATOR_WIDTH / 2, LOCATOR_HEIGHT / 2];
  return html`<svg class="locator-map" role="img" aria-labelledby="locator-title" viewBox="0 0 ${LOCATOR_WIDTH} ${LOCATOR_HEIGHT}" xmlns="http://www.w3.org/2000/svg">
<title id="locator-title">Where ${place.label} is: latitude ${place.lat.toFixed(2)}, longitude ${place.lon.toFixed(2)}</title>
<rect class="sea" x="0" y="0" width="${LOCATOR_WIDTH}" height="${LOCATOR_HEIGHT}"></rect>
<path class="land" d="${d}"></path>
<circle cx="${Math.round(xy[0])}" cy="${Math.round(xy[1])}" r="5"></circle>
</svg>`;
}
