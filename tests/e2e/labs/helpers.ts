import { expect, type Page } from '@playwright/test';

/** Shared steps for the lab island e2e specs. */

export const LAB = 'parameterized-sql';
export const LAB_URL = `/labs/${LAB}/`;
export const FILES_KEY = `qms-training:lab:${LAB}:files`;
export const BACKUP_KEY = `${FILES_KEY}:backup`;

/** Opens a lab page and waits until the island has restored the learner's files. */
export async function openLab(page: Page, url = LAB_URL): Promise<void> {
	await page.goto(url);
	await expect(page.locator('qms-lab')).toHaveAttribute('data-ready', 'true');
}

/** Starts Monaco the way a learner does (clicking into the code) and waits for it. */
export async function startEditor(page: Page): Promise<void> {
	await page.locator('[data-part="textarea"]').click();
	await expect(page.locator('qms-lab')).toHaveAttribute('data-editor', 'monaco', { timeout: 30_000 });
	await expect(page.locator('[data-part="monaco"] .monaco-editor .view-lines')).toBeVisible();
}

/** The text Monaco renders for the shown file (visible lines, non-breaking spaces normalised). */
export async function editorText(page: Page): Promise<string> {
	const text = await page.locator('[data-part="monaco"] .view-lines').innerText();
	return text.replace(/\u00a0/g, ' ');
}

/**
 * Replaces line `line` (1-based) of the file shown in Monaco, after its indentation, by typing
 * `text` with the keyboard: Ctrl+Home, ArrowDown × (line − 1), Home (first non-blank), Shift+End,
 * then real key presses.
 */
export async function retypeLine(page: Page, line: number, text: string): Promise<void> {
	await page.locator('[data-part="monaco"] .view-lines').click();
	await page.keyboard.press('Control+Home');
	for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Home');
	await page.keyboard.press('Shift+End');
	await page.keyboard.type(text, { delay: 15 });
	// Close any completion list the typing opened, so it cannot take the next key.
	await page.keyboard.press('Escape');
}

/** Resolves with the detail of the next `lab:result` event on document. */
export function nextLabResult(page: Page): Promise<Record<string, unknown>> {
	return page.evaluate(
		() =>
			new Promise<Record<string, unknown>>((resolve) => {
				document.addEventListener('lab:result', (event) => resolve((event as CustomEvent).detail), { once: true });
			}),
	);
}

/**
 * Picks the runner, presses "Run checks" from the keyboard and waits until the button has been busy
 * and is not any more. A MutationObserver records the busy → idle change in the page, because a
 * fast run can start and end between two polls of a locator assertion.
 */
export async function runChecks(page: Page, runner: 'auto' | 'offline' = 'offline', timeout = 40_000): Promise<void> {
	await page.locator('[data-part="runner-choice"]').selectOption(runner);
	const run = page.getByRole('button', { name: 'Run checks' });
	await run.evaluate((button) => {
		const w = window as unknown as { __runEnded?: boolean };
		w.__runEnded = false;
		const observer = new MutationObserver((records) => {
			// oldValue "true" on an aria-busy change: the button was busy and has just stopped being so.
			if (records.some((r) => r.oldValue === 'true') && button.getAttribute('aria-busy') !== 'true') {
				w.__runEnded = true;
				observer.disconnect();
			}
		});
		observer.observe(button, { attributes: true, attributeFilter: ['aria-busy'], attributeOldValue: true });
	});
	await run.focus();
	await page.keyboard.press('Enter');
	await expect.poll(() => page.evaluate(() => (window as unknown as { __runEnded?: boolean }).__runEnded), { timeout }).toBe(true);
}

/** The fix for the parameterized-sql lab, as (line, text) pairs of src/users.ts. */
export const SQL_FIX: Array<[number, string]> = [
	[11, "const query = 'SELECT * FROM users WHERE id = ?';"],
	[12, 'const rows = await db.query<UserRow>(query, [userId]);'],
	[18, "const query = 'SELECT * FROM users WHERE email = ?';"],
	[19, 'const rows = await db.query<UserRow>(query, [email]);'],
];
