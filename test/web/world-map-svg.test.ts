/** The map drawing: the compact path draws the same points as d3-geo's. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compactPath } from '../../src/web/world-map-svg.js';

/** The absolute points of a path of m/l (relative, implicit lines) and z commands. */
function absolutePoints(d: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  for (const part of d.match(/[mlz][^mlz]*/g) ?? []) {
    if (part[0] === 'z') {
      [x, y] = start;
      continue;
    }
    const nums = (part.slice(1).match(/-?\d+/g) ?? []).map(Number);
    for (let i = 0; i < nums.length; i += 2) {
      x += nums[i];
      y += nums[i + 1];
      if (part[0] === 'm' && i === 0) start = [x, y];
      out.push([x, y]);
    }
  }
  return out;
}

test('compactPath: relative steps, repeated points dropped, degenerate rings left out', () => {
  const d = 'M378,464L378,465L378,465L374,465L370,466ZM10,10L10,10ZM5,5L-3,7L6,-2Z';
  const compact = compactPath(d);
  assert.deepEqual(absolutePoints(compact), [
    [378, 464],
    [378, 465],
    [374, 465],
    [370, 466],
    [5, 5],
    [-3, 7],
    [6, -2],
  ]);
  assert.equal(compact, 'm378,464l0,1-4,0-4,1zm-373,-459l-8,2 9,-9z');
});
