import { readSources } from '../src/sources/read-sources.js';
let n = 0;
for await (const i of readSources(process.argv.slice(2))) {
  if (!i.ok) continue;
  const b = i.record.body; const k = b.search(/<a |¶/);
  if (k >= 0 && n++ < 4) console.log(i.record.source, JSON.stringify(b.slice(Math.max(0, k - 100), k + 150)));
}
console.log(n);
