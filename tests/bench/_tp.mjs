// trace + CPU profile: per task ≥ MIN ms, top self-time functions
import { chromium } from '@playwright/test';
import { fullRecord } from '../e2e/support/full-record.ts';
const origin = 'http://127.0.0.1:4413';
const path = process.argv[2] ?? '/progress/';
const MIN = Number(process.env.MIN ?? 4);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
const page = await ctx.newPage();
await page.goto(`${origin}/404/`);
await page.evaluate((v) => localStorage.setItem('qms-training:progress', v), JSON.stringify(fullRecord()));
await page.goto(`${origin}/credentials/`); await page.waitForFunction(() => localStorage.getItem('qms-training:progress-seal') !== null, null, { timeout: 60000 });
await page.goto(`${origin}/404/`);
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
await cdp.send('Profiler.start');
await page.goto(origin + path, { waitUntil: 'load' });
await page.waitForTimeout(2500);
const { profile } = await cdp.send('Profiler.stop');
const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
let main = [];
for (const th of events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')) {
  const tasks = events.filter((e) => e.pid === th.pid && e.tid === th.tid && e.ph === 'X' && e.name === 'RunTask');
  if (tasks.length > main.length) main = tasks;
}
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const ts = []; let t = profile.startTime; for (const d of profile.timeDeltas) { t += d; ts.push(t); }
const t0 = Math.min(...main.map((x) => x.ts));
for (const task of main.filter((x) => (x.tdur ?? x.dur) / 1000 >= MIN)) {
  const self = new Map();
  profile.samples.forEach((id, i) => {
    if (ts[i] < task.ts || ts[i] > task.ts + task.dur) return;
    const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
    self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log(`@${((task.ts - t0) / 1000).toFixed(0)} ${((task.tdur ?? task.dur) / 1000).toFixed(1)}ms: ${[...self].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | ')}`);
}
await browser.close();
