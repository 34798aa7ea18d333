import { readSources } from '../src/sources/read-sources.js';
import { parseCable } from '../src/parse/cable.js';
const t0 = performance.now();
let n = 0, rej = 0; const codes = new Map<string, number>();
let last: any;
for await (const it of readSources(process.argv.slice(2))) {
  if (!it.ok) { rej++; codes.set(it.reject.code, (codes.get(it.reject.code) ?? 0) + 1); if (rej < 4) console.log(it.reject); continue; }
  n++; last = parseCable(it.record);
}
const s = (performance.now() - t0) / 1000;
console.log({ n, rej, codes: [...codes], secs: s.toFixed(2), perSec: Math.round(n / s) });
const { body, header, ...rest } = last; console.log(JSON.stringify({ ...rest, paragraphs: rest.paragraphs.slice(0, 3) }, null, 1).slice(0, 3000));
