import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { buildApp } from './src/app.ts';
const app = await buildApp({ db: ':memory:', seed: 'demo', speed: 200 });
await app.ready();
const auth = { authorization: 'Basic ' + Buffer.from('operator:operator').toString('base64'), 'content-type': 'application/vnd.api+json' };
const c = await app.inject({ method: 'POST', url: '/api/projects/retail/environments/dev/changes', headers: auth, payload: JSON.stringify({ data: { attributes: { action: 'big_tree', git_remote_name: 'origin', git_rev: 'main', property_overrides: { step_count: 2000 } } } }) });
const id = (JSON.parse(c.body) as { data: { id: string } }).data.id;
for (;;) { const r = await app.inject({ method: 'GET', url: `/api/changes/${id}`, headers: auth }); const s = (JSON.parse(r.body) as { data: { attributes: { status_code: string } } }).data.attributes.status_code; if (s === 'success' || s === 'error') break; await new Promise((d) => setTimeout(d, 500)); }
for (let i = 0; i < 3; i++) { const t = performance.now(); const r = await app.inject({ method: 'GET', url: `/api/changes/${id}?include=steps`, headers: auth }); console.log('warm', (performance.now() - t).toFixed(0), r.body.length); }
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
for (let i = 0; i < 10; i++) { const t = performance.now(); await app.inject({ method: 'GET', url: `/api/changes/${id}?include=steps`, headers: auth }); console.log((performance.now() - t).toFixed(0)); }
const { profile } = await s.post('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
profile.samples?.forEach((sid, i) => { const n = byId.get(sid); if (!n) return; const cf = n.callFrame; const k = `${cf.functionName || '(anon)'} ${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas?.[i] ?? 0)); });
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((us / 1000).toFixed(1).padStart(8), k);
writeFileSync('/tmp/graphfast/server.cpuprofile', JSON.stringify(profile));
await app.close();
