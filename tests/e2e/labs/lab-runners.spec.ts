import { expect, test } from '@playwright/test';
import { FILES_KEY, LAB, nextLabResult, openLab, runChecks } from './helpers';

/**
 * The runners in real Chromium against the built site: WebContainer cannot reach StackBlitz here,
 * so the automatic runner must say so within its boot time limit and fall back to the offline
 * runner; a runaway loop must hit the offline time limit and leave the next run working.
 */

// Boot limit (BOOT_TIMEOUT_MS, 12 s) and offline run limit (OFFLINE_TIME_LIMIT_MS, 15 s) in the page.
const BOOT_LIMIT_MS = 12_000;
const RUN_LIMIT_MS = 15_000;

test('WebContainer reports "unavailable" within its boot time limit and the offline runner takes over', async ({ page }) => {
	test.setTimeout(120_000);
	await openLab(page);
	// The page is cross-origin isolated (COOP/COEP from astro preview), so preflight passes and boot() is really tried.
	expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
	const result = nextLabResult(page);
	// Note when the page first says WebContainer is unavailable (the offline run that follows can
	// finish quickly and replace the transient text).
	await page.evaluate(() => {
		const note = document.querySelector('[data-part="runner"]') as HTMLElement;
		const w = window as unknown as { __unavailableAt?: number; __clickedAt?: number };
		new MutationObserver(() => {
			if (w.__unavailableAt === undefined && /WebContainer unavailable:/.test(note.textContent ?? '')) w.__unavailableAt = performance.now();
		}).observe(note, { childList: true, characterData: true, subtree: true });
		document.querySelector('[data-part="run"]')?.addEventListener('click', () => (w.__clickedAt = performance.now()), { once: true });
	});
	await page.locator('[data-part="runner-choice"]').selectOption('auto');
	await page.getByRole('button', { name: 'Run checks' }).click();
	const note = page.locator('[data-part="runner"]');
	await expect(note).toHaveText(/Ran in the offline runner.*WebContainer unavailable: it did not start within 12 s/, { timeout: BOOT_LIMIT_MS + 30_000 });
	const reportedAfter = await page.evaluate(() => {
		const w = window as unknown as { __unavailableAt?: number; __clickedAt?: number };
		return (w.__unavailableAt ?? Infinity) - (w.__clickedAt ?? 0);
	});
	expect(reportedAfter).toBeGreaterThanOrEqual(BOOT_LIMIT_MS - 1000);
	expect(reportedAfter).toBeLessThan(BOOT_LIMIT_MS + 10_000);
	const terminal = page.locator('[data-part="log"]');
	await expect(terminal).toContainText('WebContainer unavailable:');
	await expect(terminal).toContainText('Falling back to the offline runner');
	const detail = await result;
	expect(detail).toMatchObject({ labId: LAB, runner: 'offline', passed: false });

	// A second run does not wait for WebContainer again: the page remembers it is unavailable.
	const again = Date.now();
	await runChecks(page, 'auto');
	expect(Date.now() - again).toBeLessThan(BOOT_LIMIT_MS);
	await expect(page.locator('[data-part="runner"]')).toHaveText(/Ran in the offline runner/);
});

test('a runaway loop hits the time limit with a clear result, and the next run works', async ({ page }) => {
	test.setTimeout(150_000);
	// Start from saved files whose getUserById never returns.
	await openLab(page);
	const original = await page.locator('[data-part="textarea"]').inputValue();
	const looping = original.replace('const query = `SELECT * FROM users WHERE id = ${userId}`;', 'while (true) {}\n\tconst query = `SELECT * FROM users WHERE id = ${userId}`;');
	expect(looping).not.toBe(original);
	await page.evaluate(
		([key, text]) => localStorage.setItem(key, JSON.stringify({ version: 1, savedAt: new Date().toISOString(), files: { 'src/users.ts': text } })),
		[FILES_KEY, looping],
	);
	await page.reload();
	await expect(page.locator('[data-part="textarea"]')).toHaveValue(/while \(true\) \{\}/);

	const result = nextLabResult(page);
	const started = Date.now();
	await runChecks(page, 'offline', RUN_LIMIT_MS + 20_000);
	const took = Date.now() - started;
	expect(took).toBeGreaterThanOrEqual(RUN_LIMIT_MS - 500);
	await expect(page.locator('[data-part="checks"] li[data-status="fail"]').filter({ hasText: 'Time limit' })).toContainText('Time limit exceeded');
	await expect(page.locator('[data-part="log"]')).toContainText('Time limit exceeded');
	const detail = await result;
	expect(detail).toMatchObject({ passed: false, runner: 'offline' });
	expect(detail.checks).toContainEqual(expect.objectContaining({ name: 'Time limit', status: 'fail' }));

	// The page is still responsive, and the next run (a fresh worker) reaches normal results.
	await page.locator('[data-part="textarea"]').fill(original);
	const next = nextLabResult(page);
	await runChecks(page, 'offline');
	const second = await next;
	expect(second.checks).not.toContainEqual(expect.objectContaining({ name: 'Time limit' }));
	expect((second.checks as unknown[]).length).toBeGreaterThan(2);
});

test('a corrupt autosave is kept aside, the lab starts from the starters and says so', async ({ page }) => {
	await page.addInitScript((key) => {
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem(key, '{"version":1,"files":"not a map"');
			sessionStorage.setItem('seeded', '1');
		}
	}, FILES_KEY);
	await openLab(page);
	const notice = page.locator('[data-part="notice"]');
	await expect(notice).toBeVisible();
	await expect(notice).toContainText('could not be read');
	await expect(notice).toContainText(`qms-training:backup:lab:${LAB}:files@`);
	await expect(page.locator('[data-part="textarea"]')).toHaveValue(/WHERE id = \$\{userId\}/);
	// Kept under the storage adapter's backup scheme (src/runtime/storage.ts), offered by the page's notice.
	const kept = await page.evaluate(
		(key) => [Object.keys(localStorage).filter((k) => k.startsWith('qms-training:backup:lab:')).map((k) => localStorage.getItem(k)), localStorage.getItem(key)],
		FILES_KEY,
	);
	expect(kept).toEqual([['{"version":1,"files":"not a map"'], null]);
});

test('when Monaco cannot load, the plain editor stays and the checks still run', async ({ page }) => {
	test.setTimeout(90_000);
	await page.route(/\/_astro\/monaco\.[^/]*\.js$/, (route) => route.abort());
	await openLab(page);
	const area = page.locator('[data-part="textarea"]');
	await area.click();
	await expect(page.locator('qms-lab')).toHaveAttribute('data-editor', 'textarea');
	await expect(page.locator('[data-part="editor-status"]')).toContainText('could not load');
	await expect(area).toBeVisible();
	await area.press('Control+End');
	await area.pressSequentially('\n// edited without Monaco\n');
	await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) ?? '', FILES_KEY)).toContain('edited without Monaco');
	await runChecks(page, 'offline');
	await expect(page.locator('[data-part="summary"]')).toHaveText(/checks pass \(offline runner\)/);
});
