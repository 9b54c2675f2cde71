import { chromium } from '@playwright/test';
import { fullRecord } from '../e2e/support/full-record.ts';
const origin = 'http://127.0.0.1:4413';
const path = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
const page = await ctx.newPage();
await page.goto(`${origin}/404/`);
if (!process.env.NORECORD) await page.evaluate((v) => localStorage.setItem('qms-training:progress', v), JSON.stringify(fullRecord()));
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-blink.debug'] });
await page.goto(origin + path, { waitUntil: 'load' });
await page.waitForTimeout(2000);
const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
const stats = events.filter((e) => e.name === 'SelectorStats');
const agg = new Map();
for (const e of stats) for (const s of e.args?.selector_stats?.selector_timings ?? []) {
  const a = agg.get(s.selector) ?? { us: 0, attempts: 0, matches: 0 };
  a.us += s['elapsed (us)']; a.attempts += s.match_attempts; a.matches += s.match_count; agg.set(s.selector, a);
}
console.log('SelectorStats events', stats.length);
for (const [k, v] of [...agg].sort((a, b) => b[1].us - a[1].us).slice(0, 15)) console.log(`${(v.us / 1000).toFixed(2)}ms attempts ${v.attempts} matches ${v.matches}  ${k.slice(0, 160)}`);
await browser.close();
