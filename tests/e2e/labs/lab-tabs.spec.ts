/**
 * Issue 10, "Storage": two tabs on one lab. A tab that changed nothing follows the other tab's
 * saves; when both changed the files, the tab that hears of the other's save pauses its autosave
 * and asks which files to keep, instead of silently overwriting (real localStorage, real
 * `storage` events between two pages of one browser context).
 */
import { expect, test, type Page } from '@playwright/test';
import { BACKUP_KEY, FILES_KEY, editorText, openLab, retypeLine, startEditor } from './helpers';

const saved = (page: Page, key = FILES_KEY) =>
	page.evaluate((k) => {
		const raw = localStorage.getItem(k);
		return raw ? (JSON.parse(raw) as { files: Record<string, string> }).files['src/users.ts'] : null;
	}, key);

test('two tabs on one lab: follow the other tab, or choose when both changed', async ({ context }) => {
	test.setTimeout(150_000);
	const a = await context.newPage();
	const b = await context.newPage();
	await openLab(a);
	await openLab(b);

	// Tab A edits; tab B changed nothing, so it shows A's files.
	await startEditor(a);
	await retypeLine(a, 9, '// edited in tab A');
	await expect.poll(() => saved(a)).toContain('// edited in tab A');
	await expect(b.locator('[data-part="textarea"]')).toHaveValue(/\/\/ edited in tab A/);
	await expect(b.locator('[data-part="saved"]')).toHaveText('Updated with the files you saved in another tab.');
	await expect(b.locator('[data-part="conflict"]')).toBeHidden();

	// Both edit: B's edit is still unsaved when A saves again.
	await b.locator('qms-lab').evaluate((el) => ((el as HTMLElement).dataset.autosaveMs = '600000'));
	await startEditor(b);
	await retypeLine(b, 9, '// edited in tab B');
	await retypeLine(a, 9, '// A again');
	await expect.poll(() => saved(a)).toContain('// A again');
	const conflict = b.locator('[data-part="conflict"]');
	await expect(conflict).toBeVisible();
	await expect(conflict).toContainText('This lab was changed in another tab');
	expect(await editorText(b)).toContain('// edited in tab B');
	// B's autosave is paused: its edit has not overwritten A's.
	await b.locator('qms-lab').evaluate((el) => ((el as HTMLElement).dataset.autosaveMs = '50'));
	await retypeLine(b, 9, '// edited in tab B, still');
	await expect(b.locator('[data-part="saved"]')).toHaveText('Not saved yet: choose above which files to keep.');
	expect(await saved(a)).toContain('// A again');

	// B keeps its own files: they are saved, A's files become the backup, and A follows.
	await conflict.getByRole('button', { name: 'Keep the files in this tab' }).click();
	await expect(conflict).toBeHidden();
	await expect.poll(() => saved(b)).toContain('// edited in tab B');
	expect(await saved(b, BACKUP_KEY)).toContain('// A again');
	await expect.poll(() => editorText(a)).toContain('// edited in tab B');
	await expect(a.locator('[data-part="conflict"]')).toBeHidden();
	await expect(b.locator('[data-part="restore"]')).toBeVisible();
});

test('two tabs on one lab: "Use the files from the other tab" keeps this tab\'s files as the backup', async ({ context }) => {
	test.setTimeout(150_000);
	const a = await context.newPage();
	const b = await context.newPage();
	await openLab(a);
	await openLab(b);
	await b.locator('qms-lab').evaluate((el) => ((el as HTMLElement).dataset.autosaveMs = '600000'));
	await startEditor(b);
	await retypeLine(b, 9, '// mine in B');
	await startEditor(a);
	await retypeLine(a, 9, '// theirs from A');
	await expect.poll(() => saved(a)).toContain('// theirs from A');
	const conflict = b.locator('[data-part="conflict"]');
	await expect(conflict).toBeVisible();
	await conflict.getByRole('button', { name: 'Use the files from the other tab' }).click();
	await expect.poll(() => editorText(b)).toContain('// theirs from A');
	expect(await saved(b, BACKUP_KEY)).toContain('// mine in B');
	expect(await saved(b)).toContain('// theirs from A');
});
