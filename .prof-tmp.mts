import { openStore } from '/work/main/src/store/open-store.ts';
import { createApp } from '/work/main/src/web/app.ts';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
const store = await openStore(process.argv[2], { mustExist: true });
const app = createApp(store, { cacheTtlMs: 0 });
const { rows } = await store.listCables({ releasedOnly: true, limit: 3000 });
const paths = rows.map((r) => `/cable/${r.created!.slice(0,4)}/${r.created!.slice(5,7)}/${r.canonicalId}.html`);
for (const p of paths.slice(0, 100)) await (await app.request(p)).text();
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
const t0 = performance.now();
for (const p of paths.slice(100, 1100)) await (await app.request(p)).text();
console.log('ms/page', (performance.now() - t0) / 1000);
const { profile } = await s.post('Profiler.stop');
// self time by function
const self = new Map<string, number>();
const dt = profile.timeDeltas!; const ids = profile.samples!;
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
for (let i = 0; i < ids.length; i++) { const n: any = byId.get(ids[i]); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + dt[i] / 1000); }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n'));
