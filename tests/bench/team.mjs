// npm run bench, team part: in Chromium, the time from picking 200 learners' export files on the
// Team progress page to the table showing all of them (read, validate with checksums, merge,
// roll up, alerts, figures, charts), and the JS the page loads for it (issue 9 budget: under 2 s
// for 200 exports on this machine). The exports are made with the site's own record functions.
import { gzipSync } from 'node:zlib';

async function exportsOf(n, now) {
	const { teamExports } = await import('./team-exports.ts');
	return teamExports(n, now);
}

/** { learners, firstMs, medianMs, gzipAfterPick, phases } over `runs` fresh pages. */
export async function teamImportTimes(browser, { baseURL, n = 200, runs = 3 }) {
	const files = (await exportsOf(n, new Date().toISOString())).map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) }));
	const times = [];
	/** In-page split: reading and checking the files, then roll-up and rendering (performance.measure). */
	const phases = [];
	let js = 0;
	for (let i = 0; i < runs; i++) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${baseURL}/team/`);
		const input = page.locator('[data-files]');
		await input.scrollIntoViewIfNeeded();
		await input.waitFor({ state: 'visible' });
		await page.waitForFunction(() => !document.querySelector('[data-files]').disabled);
		const scripts = new Map();
		page.on('response', async (res) => {
			if (res.request().resourceType() === 'script' || res.url().endsWith('.json')) scripts.set(res.url(), res);
		});
		const t0 = performance.now();
		await input.setInputFiles(files);
		await page.locator('[data-summary]').filter({ hasText: `${n} learners in the table` }).waitFor({ timeout: 60_000 });
		times.push(performance.now() - t0);
		phases.push(await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('measure').filter((m) => m.name.startsWith('team:')).map((m) => [m.name.slice(5), Math.round(m.duration)]))));
		if (i === 0) for (const res of scripts.values()) js += gzipSync(await res.body()).length;
		await context.close();
	}
	const sorted = [...times].sort((a, b) => a - b);
	return { learners: n, firstMs: Math.round(times[0]), medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]), gzipAfterPick: js, phases: phases[Math.floor(phases.length / 2)] ?? {} };
}
