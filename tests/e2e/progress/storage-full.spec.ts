/**
 * Issue 10, "Storage": storage that fills up, and storage that is blocked. Real Chromium
 * localStorage filled to its quota before the learner acts; nothing already saved is lost, and
 * the page says what happened. My progress shows how much the site stores.
 */
import { expect, test, type Page } from '@playwright/test';
import { formatBytes } from '../../../src/lib/progress/usage';
import { CHECKLIST_ID, CHECKLIST_PAGE, KEY, PROGRESS_PAGE, hydrated, stored } from './helpers';
import { FILES_KEY, LAB_URL, editorText, openLab, retypeLine, startEditor } from '../labs/helpers';
import { fillStorage } from '../support/fill-storage';

const box = (page: Page, id: string) => page.locator(`qms-checklist[data-checklist-id="${CHECKLIST_ID}"] input[data-item-id="${id}"]`);
const savedUsers = (page: Page) => page.evaluate((k) => localStorage.getItem(k), FILES_KEY);

test('quota full: a change is refused with a message, and nothing already saved is lost', async ({ page }) => {
	test.setTimeout(90_000);
	// Saved before the storage fills: one checklist tick, lab files.
	await page.goto(CHECKLIST_PAGE);
	await hydrated(page, 'input[data-item-id]');
	await box(page, 'read-roadmap').check();
	await openLab(page, LAB_URL);
	await page.locator('[data-part="textarea"]').fill('// saved before the storage filled up\n');
	await expect(page.locator('[data-part="saved"]')).toHaveText('Saved in this browser.');
	const record = await stored(page, KEY);
	const files = await savedUsers(page);
	expect(files).toContain('saved before the storage filled up');

	const filler = await fillStorage(page);
	expect(filler.length).toBeGreaterThan(0);

	// The lab's autosave is refused: the status says so, the files saved earlier stay.
	await page.reload();
	await expect(page.locator('qms-lab')).toHaveAttribute('data-ready', 'true');
	await expect(page.locator('[data-part="textarea"]')).toHaveValue(/saved before the storage filled up/);
	// Longer than what is saved: a value no larger than the one it replaces still fits a full storage.
	await page.locator('[data-part="textarea"]').fill(`// typed while the storage is full\n// ${'x'.repeat(4000)}\n`);
	await expect(page.locator('[data-part="saved"]')).toHaveText(/^Not saved: the browser storage for this site is full\. Your earlier saved files are unchanged/);
	expect(await savedUsers(page)).toBe(files);

	// A checklist tick is refused: the page says storage is full, the box goes back, the record is as it was.
	await page.goto(CHECKLIST_PAGE);
	await hydrated(page, 'input[data-item-id]');
	await expect(box(page, 'read-roadmap')).toBeChecked();
	await box(page, 'read-success-criteria').click();
	await expect(page.locator('[data-notice="write-failed"]')).toContainText('The browser storage for this site is full');
	await expect(box(page, 'read-success-criteria')).not.toBeChecked();
	expect(await stored(page, KEY)).toBe(record);

	// My progress counts what the site stores (the record and the lab files, not the filler).
	await page.goto(PROGRESS_PAGE);
	await hydrated(page, '[data-export]');
	const usage = page.locator('[data-usage-site]');
	await expect(usage).toContainText(/This site stores [\d.]+ (KB|bytes) in this browser's local storage \(progress record [\d.]+ (KB|bytes), lab files [\d.]+ (KB|bytes)\)/);
	const expected = await page.evaluate(() =>
		Object.keys(localStorage)
			.filter((k) => k.startsWith('qms-training:'))
			.reduce((n, k) => n + (k.length + localStorage.getItem(k)!.length) * 2, 0),
	);
	expect(await usage.textContent()).toContain(`stores ${formatBytes(expected)} in`);
	await expect(page.locator('[data-usage-browser]')).toContainText("The browser's own estimate for this site");

	// Once there is room again, the same change saves.
	await page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), filler);
	await page.goto(CHECKLIST_PAGE);
	await hydrated(page, 'input[data-item-id]');
	await box(page, 'read-success-criteria').check();
	await expect.poll(async () => JSON.parse((await stored(page, KEY))!).checklists[CHECKLIST_ID].items['read-success-criteria']?.checked).toBe(true);
	await expect(page.locator('[data-notice="write-failed"]')).toHaveCount(0);
});

test('storage blocked: the lab works in this page\'s memory and says so; My progress says nothing is stored', async ({ page }) => {
	test.setTimeout(90_000);
	await page.addInitScript(() => {
		Object.defineProperty(window, 'localStorage', {
			get() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			},
		});
	});
	await openLab(page, LAB_URL);
	await expect(page.locator('[data-part="notice"]')).toContainText('Your work cannot be saved in this browser');
	await expect(page.locator('[data-notice="unavailable"]')).toContainText('Your progress is not being saved');
	await startEditor(page);
	await retypeLine(page, 9, '// kept in memory');
	await expect(page.locator('[data-part="saved"]')).toHaveText(/^Kept in this page only/);
	// Reset keeps the files as the backup in memory; Restore brings them back.
	page.on('dialog', (d) => void d.accept());
	await page.locator('[data-part="reset"]').click();
	await expect.poll(() => editorText(page)).not.toContain('// kept in memory');
	await page.locator('[data-part="restore"]').click();
	await expect.poll(() => editorText(page)).toContain('// kept in memory');

	await page.goto(PROGRESS_PAGE);
	await hydrated(page, '[data-export]');
	await expect(page.locator('[data-usage-site]')).toContainText('Nothing is stored: this browser does not let the site save data.');
});

test('the storage figures on My progress fill space reserved at build: nothing below them moves', async ({ page, browser }) => {
	await page.goto(CHECKLIST_PAGE);
	await hydrated(page, 'input[data-item-id]');
	await box(page, 'read-roadmap').check();
	/** Distance from the top of the figures to the heading after them. */
	const gap = (p: Page) =>
		p.evaluate(() => {
			const group = document.querySelector('[data-usage]')!.getBoundingClientRect();
			const next = [...document.querySelectorAll('qms-progress-data h3')].find((h) => h.textContent === 'Start over')!.getBoundingClientRect();
			return next.top - group.top;
		});
	// The page as built (no script runs): the placeholder in its reserved space.
	const built = await browser.newContext({ javaScriptEnabled: false, viewport: page.viewportSize() });
	const bare = await built.newPage();
	await bare.goto(PROGRESS_PAGE);
	await expect(bare.locator('[data-usage-site]')).toHaveText('Counting…');
	const before = await gap(bare);
	await built.close();
	// With the figures filled in.
	await page.goto(PROGRESS_PAGE);
	await page.locator('[data-usage]').scrollIntoViewIfNeeded();
	await expect(page.locator('[data-usage-site]')).toContainText('This site stores');
	await expect(page.locator('[data-usage-browser]')).not.toBeEmpty();
	expect(await gap(page)).toBe(before);
});
