// npm run bench, credentials part: in Chromium, the time from pressing a download button on
// My credentials to the file (build, sign, render, bake) for each format, for a learner who has
// earned the Performance Expert badge (004). The record is made with the site's own pure record
// functions and put in localStorage before the page loads, as a returning learner's would be.

const BADGE = 'performance-expert';

/**
 * A record that earns Performance Expert: the module read and its knowledge check passed; with
 * `earned` false, only the module read (the badge in progress).
 */
export async function earnedRecord(now, earned = true) {
	const R = await import('../../src/lib/progress/record.ts');
	let r = R.emptyRecord(now);
	r = R.setDisplayName(r, 'Bench Learner', now);
	r = R.setRead(r, 'engineering-excellence/core-engineering/performance', true, now);
	if (earned) r = R.addQuizAttempt(r, 'engineering-excellence-performance', { id: 'bench-attempt-0001', startedAt: now, submittedAt: now, answers: {}, correct: 5, total: 5, score: 100, passMark: 80, passed: true });
	return r;
}

/** Milliseconds per format: first (cold: loads the export code and makes the key) and the median of `runs`. */
export async function credentialExportTimes(browser, { baseURL, runs = 3 }) {
	const context = await browser.newContext({ acceptDownloads: true });
	const now = new Date().toISOString();
	await context.addInitScript((rec) => localStorage.getItem('qms-training:progress') ?? localStorage.setItem('qms-training:progress', rec), JSON.stringify(await earnedRecord(now)));
	const page = await context.newPage();
	await page.goto(`${baseURL}/credentials/`);
	const card = page.locator(`[data-cred="${BADGE}"]`);
	await card.scrollIntoViewIfNeeded();
	await card.locator('[data-state-label]').filter({ hasText: 'Earned' }).waitFor();
	const out = [];
	const { EXPORT_BUTTONS } = await import('../../src/components/credentials/export-buttons.ts');
	for (const { format, label } of EXPORT_BUTTONS) {
		const times = [];
		for (let i = 0; i < runs; i++) {
			const t0 = performance.now();
			const wait = page.waitForEvent('download');
			await card.getByRole('button', { name: label }).click();
			await (await wait).path();
			times.push(performance.now() - t0);
		}
		const warm = times.slice(1).sort((a, b) => a - b);
		out.push({ format, firstMs: Math.round(times[0]), medianMs: Math.round(warm[Math.floor(warm.length / 2)] ?? times[0]) });
	}
	await context.close();
	return out;
}
