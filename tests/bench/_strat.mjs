// Experiment harness (not committed): relaxation strategies on the built index.
import { readdirSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { modalQuery } from '../../src/lib/search/query.ts';
import { PAGEFIND_RANKING } from '../../src/lib/search/ranking.ts';
const dir = 'tests/e2e/search-questions';
const qs = readdirSync(dir).filter(f=>f.endsWith('.json')).flatMap(f => JSON.parse(readFileSync(`${dir}/${f}`,'utf8')).map(x => ({...x, learner: f.startsWith('learners-'), t: modalQuery(x.q)})));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage();
await p.goto('http://127.0.0.1:4335/');
const res = await p.evaluate(async ({ qs, ranking, LAMBDA, K, P }) => {
  const pf = await import(`${location.origin}/pagefind/pagefind.js`);
  await pf.options({ ranking });
  const ids = async (r) => Promise.all(r.slice(0,3).map(async x => new URL((await x.data()).url, location.origin).pathname.replace(/^\/|\/$/g,'')));
  const N = (await pf.search(null)).results.length || 200;
  const out = [];
  for (const { q, page, t, learner } of qs) {
    const words = t.split(/\s+/).filter(w => /[\p{L}\p{N}]/u.test(w));
    const full = await pf.search(t);
    const row = { q, page, learner, full: full.results.length };
    const per = await Promise.all(words.map(w => pf.search(w)));
    const cnt = per.map(r => r.results.length);
    const idf = (i) => Math.log(1 + N / Math.max(1, cnt[i]));
    const union = () => { const m = new Map(); per.forEach((r, i) => r.results.forEach((h) => { const e = m.get(h.id) ?? { h, n: 0, s: 0, w: 0 }; e.n += 1; e.s += h.score * idf(i); e.w += idf(i); m.set(h.id, e); })); return m; };
    { const m = union(); row.E = await ids([...m.values()].sort((a, b) => b.s - a.s).map(e => e.h)); }
    { const m = union(); const fullIds = new Set(full.results.map(h => h.id)); for (const e of m.values()) if (fullIds.has(e.h.id)) e.s *= LAMBDA; row.F = await ids([...m.values()].sort((a, b) => b.s - a.s).map(e => e.h)); }
    { const m = union(); const W = words.reduce((a, _, i) => a + (cnt[i] ? idf(i) : 0), 0) || 1; row.H = await ids([...m.values()].sort((a, b) => b.s * (b.w / W) ** K - a.s * (a.w / W) ** K).map(e => e.h)); }
    { const m = union(); const W = words.reduce((a, _, i) => a + (cnt[i] ? idf(i) : 0), 0) || 1; const fullIds = new Set(full.results.map(h => h.id)); row.I = await ids([...m.values()].map(e => ({ e, v: e.s * (e.w / W) * (fullIds.has(e.h.id) ? LAMBDA : 1) })).sort((a, b) => b.v - a.v).map(x => x.e.h)); }
    { const m = new Map(); per.forEach((r, i) => { const mx = Math.max(...r.results.map(h => h.score), 1e-9); r.results.forEach((h) => { const e = m.get(h.id) ?? { h, s: 0, w: 0 }; e.s += (h.score / mx) ** P * idf(i); e.w += idf(i); m.set(h.id, e); }); }); const W = words.reduce((a, _, i) => a + (cnt[i] ? idf(i) : 0), 0) || 1; row.J = await ids([...m.values()].sort((a, b) => b.s * (b.w / W) ** K - a.s * (a.w / W) ** K).map(e => e.h)); }
    { const m = union(); row.G = await ids([...m.values()].sort((a, b) => b.w - a.w || b.s - a.s).map(e => e.h)); }
    if (full.results.length) { const i = await ids(full.results); for (const s of ['A','B','C','D']) row[s] = i; out.push(row); continue; }
    // A: coordination merge
    const merge = (wfn) => { const m = new Map(); per.forEach((r, i) => r.results.forEach((h) => { const e = m.get(h.id) ?? { h, n: 0, s: 0 }; e.n += 1; e.s += h.score * wfn(i); m.set(h.id, e); })); return [...m.values()]; };
    row.A = await ids(merge(() => 1).sort((a, b) => b.n - a.n || b.s - a.s).map(e => e.h));
    // D: idf weighted sum
    row.D = await ids(merge((i) => Math.log(1 + N / Math.max(1, cnt[i]))).sort((a, b) => b.s - a.s).map(e => e.h));
    // B drop rarest / C drop commonest until results
    for (const [key, pick] of [['B', (a, b) => (b.n <= a.n ? b : a)], ['C', (a, b) => (b.n >= a.n ? b : a)]]) {
      let keep = words.map((w, i) => ({ w, n: cnt[i] })).filter(x => x.n > 0); let got = [];
      while (keep.length > 1) { const x = keep.reduce(pick); keep = keep.filter(y => y !== x); const r = await pf.search(keep.map(y => y.w).join(' ')); if (r.results.length) { got = await ids(r.results); break; } }
      row[key] = got.length ? got : row.A;
    }
    out.push(row);
  }
  return out;
}, { qs, ranking: PAGEFIND_RANKING, LAMBDA: Number(process.env.LAMBDA ?? 1.5), K: Number(process.env.K ?? 1), P: Number(process.env.P ?? 1) });
for (const s of ['H','J']) {
  const hit = res.filter(r => r[s].includes(r.page)).length; const first = res.filter(r => !r.learner); const fh = first.filter(r => r[s].includes(r.page)).length;
  const relaxed = res.filter(r => !r.full); const rh = relaxed.filter(r => r[s].includes(r.page)).length;
  console.log(s, `${hit}/${res.length}`, `relaxed ${rh}/${relaxed.length}`, `first ${fh}/${first.length}`);
}
if (process.argv[2]) for (const r of res) if (!r[process.argv[2]].includes(r.page)) console.log(r.full ? 'FULL ' : 'RELAX', r.q, '=>', r.page, '|', r[process.argv[2]].join(' '));
await b.close();
