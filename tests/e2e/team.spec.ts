import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { PROGRESS_PAGE, QUIZ_ID, QUIZ_PAGE, answerKey, answerQuiz, exportFile, hydrated, quiz } from './progress/helpers';

const HOSTILE = '=HYPERLINK("http://evil.example")<img src=x onerror="window.__pwned=1">';

/** A learner in a browser of their own: optional work on the first module, a display name, an export. */
async function learnerExport(browser: Browser, name: string, work: (page: Page) => Promise<void>): Promise<string> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await work(page);
	await page.goto(PROGRESS_PAGE);
	await hydrated(page, '[data-export]');
	await page.getByLabel('Display name (optional, up to 80 characters)').fill(name);
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.locator('qms-profile [data-status]')).toHaveText('Name saved.');
	const { text } = await exportFile(page);
	await context.close();
	return text;
}

/** Passes the first module's knowledge check and marks the page as read: one module done. */
async function finishFirstModule(page: Page): Promise<void> {
	await page.goto(QUIZ_PAGE);
	await hydrated(page, `qms-quiz[data-quiz-id="${QUIZ_ID}"] [data-submit]`);
	await answerQuiz(page, await answerKey(page));
	await quiz(page).locator('[data-submit]').click();
	await expect(quiz(page).locator('[data-live]')).toContainText('passed');
	await page.getByRole('button', { name: 'Mark as read' }).click();
	await expect(page.getByRole('button', { name: 'Mark as read' })).toHaveAttribute('aria-pressed', 'true');
}

const json = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

test('a lead reads learners’ export files into one table, sees bad files named, and downloads the table as CSV', async ({ browser, page }) => {
	test.setTimeout(120_000);
	const ada = await learnerExport(browser, 'Ada Lovelace', finishFirstModule);
	const eve = await learnerExport(browser, HOSTILE, async () => {});

	await page.goto('/team/');
	await hydrated(page, '[data-files]');
	const truncated = ada.slice(0, ada.length / 2);
	await page.locator('[data-files]').setInputFiles([json('ada.json', ada), json('eve.json', eve), json('half.json', truncated), json('other.json', '{"hello":"world"}')]);

	await expect(page.locator('[data-summary]')).toHaveText('2 learners in the table (2 files read); 2 files left out.');
	await expect(page.locator('[data-problems] li')).toHaveText([
		'half.json: The file is not complete JSON: it may be truncated or damaged. It was left out.',
		'other.json: This is not a progress export from this site. It was left out.',
	]);
	const rows = page.locator('[data-rows] tr');
	await expect(rows).toHaveCount(2);
	// Sorted by name; the hostile name is shown as the text it is, and nothing in it ran.
	await expect(rows.nth(0).locator('th')).toHaveText(HOSTILE);
	await expect(rows.nth(1).locator('th')).toHaveText('Ada Lovelace');
	expect(await page.locator('[data-rows] img').count()).toBe(0);
	expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
	const onboarding = rows.nth(1).locator('td').nth(1);
	await expect(onboarding).toHaveText(/^1 of \d+ \(\d+ %\)$/);
	await expect(rows.nth(0).locator('td').nth(1)).toHaveText(/^0 of \d+ \(0 %\)$/);
	await expectNoSeriousA11yViolations(page);

	// CSV: the downloaded bytes, parsed back.
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download as CSV' }).click();
	const d = await download;
	expect(d.suggestedFilename()).toMatch(/^qms-training-team-progress-\d{4}-\d{2}-\d{2}\.csv$/);
	const table = Papa.parse<string[]>(readFileSync((await d.path())!, 'utf8')).data;
	expect(table[0]!.slice(0, 5)).toEqual(['Learner', 'File', 'Exported at', 'Last activity', 'QMS onboarding: modules done']);
	expect(table).toHaveLength(3);
	// A spreadsheet must not run the learner's name as a formula.
	expect(table[1]!.slice(0, 2)).toEqual([`'${HOSTILE}`, 'eve.json']);
	expect(table[2]!.slice(0, 2)).toEqual(['Ada Lovelace', 'ada.json']);
	expect(table[2]![4]).toBe(await onboarding.textContent());

	// The same file again replaces its row; clearing empties the table and stores nothing.
	await page.locator('[data-files]').setInputFiles([json('ada.json', ada)]);
	await expect(rows).toHaveCount(2);
	await page.getByRole('button', { name: 'Clear the table' }).click();
	await expect(page.locator('[data-table-region]')).toBeHidden();
	await expect(page.locator('[data-files]')).toBeFocused();
	expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('qms-training')))).toEqual([]);
});

test('too many files at once are refused with a message, and nothing is added', async ({ page }) => {
	await page.goto('/team/');
	await hydrated(page, '[data-files]');
	const files = Array.from({ length: 201 }, (_, i) => json(`f${i}.json`, '{}'));
	await page.locator('[data-files]').setInputFiles(files);
	await expect(page.locator('[data-error]')).toHaveText('That is 201 files; this page reads at most 200 at a time (200 more now). Nothing was added.');
	await expect(page.locator('[data-summary]')).toHaveText('No files yet.');
	// With no rows there is nothing to download or clear.
	await expect(page.getByRole('button', { name: 'Download as CSV' })).toBeDisabled();
	await expect(page.getByRole('button', { name: 'Clear the table' })).toBeDisabled();
});
