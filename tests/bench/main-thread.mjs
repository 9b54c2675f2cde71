// Main-thread work at page load, per page type (issue 12): a steadier companion to Lighthouse's
// TBT on a busy machine. Lighthouse times tasks by the wall clock, which other processes stretch;
// this reads each top-level main-thread task's *thread time* (CPU actually spent, from a Chromium
// trace) and estimates the blocking time a 4x slower phone would see: Σ max(0, 4·cpu − 50 ms),
// as Lighthouse's mobile profile (4x CPU slowdown) counts tasks over 50 ms. The learner's full
// record (tests/e2e/support/full-record.ts) is stored first, as in tests/bench/lighthouse.mjs.
// Prints, per page type, medians over the runs: estimated blocking time, main-thread CPU, the
// longest task (×4). Still an estimate: a loaded machine slows CPU work too (shared caches).
//
//   BENCH_ORIGIN=http://127.0.0.1:PORT node --import ./tests/bench/ts-resolve.mjs tests/bench/main-thread.mjs [runs=3] [type,type…]
import { chromium } from '@playwright/test';
import { fullRecord } from '../e2e/support/full-record.ts';
import { LIGHTHOUSE_PAGES } from './lighthouse.mjs';

const origin = process.env.BENCH_ORIGIN ?? 'http://127.0.0.1:4321';
const runs = Number(process.argv[2] ?? 3);
const types = process.argv[3]?.split(',') ?? Object.keys(LIGHTHOUSE_PAGES);
/** Lighthouse's mobile CPU slowdown and the length above which a task blocks (ms). */
const SLOWDOWN = 4;
const BLOCKING_MS = 50;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One load of `path`: thread times (ms) of the renderer main thread's top-level tasks. */
async function taskTimes(browser, path) {
	const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
	try {
		const page = await ctx.newPage();
		await page.goto(`${origin}/404/`);
		await page.evaluate((v) => localStorage.setItem('qms-training:progress', v), JSON.stringify(fullRecord()));
		await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
		await page.goto(origin + path, { waitUntil: 'load' });
		// Idle-time work (search UI, islands started on idle) happens in the seconds after load.
		await page.waitForTimeout(3000);
		const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
		// The page's main thread: the renderer main thread with the most tasks.
		let main = [];
		for (const th of events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')) {
			const tasks = events.filter((e) => e.pid === th.pid && e.tid === th.tid && e.ph === 'X' && e.name === 'RunTask');
			if (tasks.length > main.length) main = tasks;
		}
		return main.map((t) => (t.tdur ?? t.dur) / 1000);
	} finally {
		await ctx.close();
	}
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
	console.log(`# Main-thread work at load (thread time; blocking estimated at ${SLOWDOWN}x CPU), medians of ${runs} runs, load average ${(await import('node:os')).loadavg()[0].toFixed(2)}`);
	console.log('type            | est. blocking ms | main-thread CPU ms | longest task ms (×4)');
	for (const type of types) {
		const rows = [];
		for (let i = 0; i < runs; i++) {
			const times = await taskTimes(browser, LIGHTHOUSE_PAGES[type]);
			rows.push({
				blocking: times.reduce((s, t) => s + Math.max(0, SLOWDOWN * t - BLOCKING_MS), 0),
				cpu: times.reduce((s, t) => s + t, 0),
				longest: SLOWDOWN * Math.max(0, ...times),
			});
		}
		const m = (k) => String(Math.round(median(rows.map((r) => r[k])))).padStart(6);
		console.log(`${type.padEnd(15)} | ${m('blocking').padStart(16)} | ${m('cpu').padStart(18)} | ${m('longest').padStart(20)}`);
	}
} finally {
	await browser.close();
}
