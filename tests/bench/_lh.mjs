import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { fullRecord } from '../e2e/support/full-record.ts';
const origin = process.env.ORIGIN ?? 'http://127.0.0.1:4413';
const path = process.argv[2] ?? '/progress/';
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
const setup = await browser.newPage();
await setup.goto(`${origin}/404/`);
await setup.evaluate((v) => localStorage.setItem('qms-training:progress', v), JSON.stringify(fullRecord()));
await setup.goto(`${origin}/credentials/`, { waitUntil: 'load' });
await setup.waitForFunction(() => localStorage.getItem('qms-training:progress-seal') !== null, { timeout: 60_000 });
for (let i = 0; i < Number(process.argv[3] ?? 1); i++) {
  const page = await browser.newPage();
  const { lhr, artifacts } = await lighthouse(origin + path, { logLevel: 'error', output: 'json', disableStorageReset: true, onlyCategories: ['performance'] }, undefined, page);
  await page.close();
  console.log(`perf ${Math.round(lhr.categories.performance.score * 100)} TBT ${Math.round(lhr.audits['total-blocking-time'].numericValue)} LCP ${Math.round(lhr.audits['largest-contentful-paint'].numericValue)} FCP ${Math.round(lhr.audits['first-contentful-paint'].numericValue)} SI ${Math.round(lhr.audits['speed-index'].numericValue)}`);
  {
    const events = artifacts.Trace.traceEvents;
    let main = []; let mt;
    for (const th of events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')) {
      const tasks = events.filter((e) => e.pid === th.pid && e.tid === th.tid && e.ph === 'X' && e.name === 'RunTask');
      if (tasks.length > main.length) { main = tasks; mt = th; }
    }
    const on = events.filter((e) => e.pid === mt.pid && e.tid === mt.tid && e.ph === 'X');
    const nav = events.find((e) => e.name === 'navigationStart' && e.pid === mt.pid)?.ts ?? Math.min(...main.map((t) => t.ts));
    const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === mt.pid)?.ts;
    console.log('  observed FCP', fcp ? ((fcp - nav) / 1000).toFixed(0) : '?');
    for (const t of main.filter((t) => t.dur > 12000)) {
      const kids = on.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && ['Layout', 'UpdateLayoutTree', 'ParseHTML', 'EvaluateScript', 'FunctionCall', 'v8.compile', 'Paint', 'PrePaint', 'TimerFire', 'EventDispatch', 'FireAnimationFrame', 'v8.evaluateModule', 'RunMicrotasks', 'MajorGC', 'MinorGC', 'v8.produceModuleCache', 'LocalWindowProxy::Initialize'].includes(e.name));
      const ks = new Map(); for (const e of kids) ks.set(e.name, (ks.get(e.name) ?? 0) + e.dur / 1000);
      const urls = new Set(kids.filter((e) => e.args?.data?.url).map((e) => String(e.args.data.url).split('/').pop().slice(0, 40)));
      console.log(`  obs @${((t.ts - nav) / 1000).toFixed(0)} ${(t.dur / 1000).toFixed(1)}ms (cpu ${((t.tdur ?? 0) / 1000).toFixed(1)}): ${[...ks].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => k + ' ' + v.toFixed(1)).join(', ')} | ${[...urls].slice(0, 4).join(' ')}`);
    }
  }
  for (const t of lhr.audits['long-tasks'].details.items) console.log(`  long task @${Math.round(t.startTime)} ${Math.round(t.duration)}ms ${t.url}`);
  for (const t of lhr.audits['mainthread-work-breakdown'].details.items) console.log(`  ${t.groupLabel}: ${Math.round(t.duration)}`);
}
await browser.disconnect(); chrome.kill();
