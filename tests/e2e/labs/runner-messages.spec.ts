import { expect, test } from '@playwright/test';
import { nextLabResult, openLab, runChecks } from './helpers';

/**
 * The lab page believes the offline runner's worker only after parsing each message
 * (src/schemas/runner-message.ts): lab code runs in that worker, and a malformed message from it
 * must end the run as a clear failure, never as a pass.
 */

test('a malformed message from the runner fails the run with a clear message', async ({ page }) => {
	test.setTimeout(60_000);
	await openLab(page);
	const area = page.locator('[data-part="textarea"]');
	// Lab code posts a "done" whose report claims success but has no test results.
	await area.fill(`self.postMessage({ type: 'done', report: { success: true } });\n${await area.inputValue()}`);
	const result = nextLabResult(page);
	await runChecks(page, 'offline');
	const detail = await result;
	expect(detail).toMatchObject({ runner: 'offline', passed: false });
	expect(detail.checks).toEqual([expect.objectContaining({ name: 'Offline runner', status: 'fail', message: expect.stringContaining('cannot read') })]);
	const failed = page.locator('[data-part="checks"] li[data-status="fail"]');
	await expect(failed).toHaveCount(1);
	await expect(failed).toContainText('sent a message this page cannot read');
	await expect(failed).toContainText('report.testResults');
	await expect(page.locator('[data-part="log"]')).toContainText('The offline runner failed');
});

test('the lab and My progress say that results are recorded by the browser', async ({ page }) => {
	await openLab(page);
	await expect(page.locator('[data-part="recorded"]')).toHaveText(/your browser records the result in My progress; no server checks it/);
	await page.goto('/progress/');
	await expect(page.locator('main')).toContainText('recorded by your browser and not checked by any server');
});
