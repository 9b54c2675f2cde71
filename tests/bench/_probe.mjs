import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage();
await p.goto('http://127.0.0.1:4335/');
const qs = JSON.parse(process.argv[2]);
const out = await p.evaluate(async (qs) => {
  const pf = await import(`${location.origin}/pagefind/pagefind.js`);
  const o = {};
  for (const q of qs) { const r = await pf.search(q); const d = await Promise.all(r.results.slice(0,3).map(x=>x.data())); o[q] = [r.results.length, d.map(x=>x.url)]; }
  return o;
}, qs);
console.log(JSON.stringify(out, null, 1));
await b.close();
