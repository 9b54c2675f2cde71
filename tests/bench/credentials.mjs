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

/**
 * Milliseconds per format: first (cold: loads the format's export code; the very first press also
 * makes the key) and the median of the other `runs`. Each press is timed on a page of its own in
 * one browser context (IndexedDB, with the signing key, and the HTTP cache kept): Chromium's
 * limit on automatic downloads lets a page start its first download, but may hold a later one that
 * starts long after its click (loading, signing and rendering take a while) for a permission
 * prompt no one answers: with several presses on one page, about 1 run in 4 waited for a download
 * that never came. The file is really saved and its bytes read back.
 */
export async function credentialExportTimes(browser, { baseURL, runs = 3 }) {
	const context = await browser.newContext({ acceptDownloads: true });
	const now = new Date().toISOString();
	await context.addInitScript((rec) => localStorage.getItem('qms-training:progress') ?? localStorage.setItem('qms-training:progress', rec), JSON.stringify(await earnedRecord(now)));
	const { EXPORT_BUTTONS } = await import('../../src/components/credentials/export-buttons.ts');
	const { readFile } = await import('node:fs/promises');
	const out = [];
	try {
		for (const { format, label } of EXPORT_BUTTONS) {
			const times = [];
			for (let i = 0; i < runs; i++) {
				const page = await context.newPage();
				await page.goto(`${baseURL}/credentials/`);
				const card = page.locator(`[data-cred="${BADGE}"]`);
				await card.scrollIntoViewIfNeeded();
				await card.locator('[data-state-label]').filter({ hasText: 'Earned' }).waitFor();
				const button = card.getByRole('button', { name: label });
				await button.waitFor();
				const t0 = performance.now();
				const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
				const path = await download.path();
				times.push(performance.now() - t0);
				if ((await readFile(path)).length === 0) throw new Error(`${format}: the downloaded file is empty`);
				await page.close();
			}
			const warm = times.slice(1).sort((a, b) => a - b);
			out.push({ format, firstMs: Math.round(times[0]), medianMs: Math.round(warm[Math.floor(warm.length / 2)] ?? times[0]) });
		}
	} finally {
		await context.close();
	}
	return out;
}
