import { strFromU8, unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { BACKUP_KEY, FILES_KEY, LAB, LAB_URL, SQL_FIX, nextLabResult, openLab, retypeLine, runChecks, startEditor } from './helpers';

/**
 * A learner's session on one lab (parameterized-sql), in real Chromium against the built site:
 * fix the code in Monaco by typing, run the checks offline, reload, compare, download, reset.
 */

const savedUsers = (page: Page) =>
	page.evaluate((key) => {
		const raw = localStorage.getItem(key);
		return raw ? (JSON.parse(raw) as { files: Record<string, string> }).files['src/users.ts'] : null;
	}, FILES_KEY);

async function typeFix(page: Page): Promise<void> {
	await startEditor(page);
	for (const [line, text] of SQL_FIX) await retypeLine(page, line, text);
	// The autosave lands a moment after the last key.
	await expect.poll(() => savedUsers(page)).toContain('[email]');
}


test('type a fix in Monaco, run the offline checks: all pass and lab:result says so', async ({ page }) => {
	test.setTimeout(120_000);
	await openLab(page);
	await typeFix(page);
	const saved = await savedUsers(page);
	for (const [, text] of SQL_FIX) expect(saved).toContain(text);

	const result = nextLabResult(page);
	await runChecks(page, 'offline');
	await expect(page.locator('[data-part="summary"]')).toHaveText(/^All \d+ checks pass \(offline runner\)/);
	await expect(page.locator('[data-part="runner"]')).toHaveText(/Ran in the offline runner/);
	await expect(page.locator('[data-part="checks"] li[data-status="fail"]')).toHaveCount(0);
	expect(await page.locator('[data-part="checks"] li[data-status="pass"]').count()).toBeGreaterThan(2);
	await expect(page.locator('[data-part="terminal"] .xterm-screen')).toBeVisible();
	await expect(page.locator('[data-part="log"]')).toContainText(/Tests {2}\d+ passed/);

	const detail = await result;
	expect(detail).toMatchObject({ labId: LAB, runner: 'offline', passed: true });
	expect((detail.checks as unknown[]).length).toBeGreaterThan(2);
	expect(detail.durationMs).toBeGreaterThan(0);
	expect(new Date(detail.at as string).getTime()).toBeGreaterThan(Date.now() - 120_000);

	// The run is in the learner record, and the progress page counts the lab as passed.
	const stored = () =>
		page.evaluate((lab) => JSON.parse(localStorage.getItem('qms-training:progress') ?? '{}').labs?.[lab]?.attempts ?? [], LAB);
	await expect.poll(async () => (await stored()).length).toBe(1);
	expect((await stored())[0]).toMatchObject({ runner: 'offline', passed: true, at: detail.at });
	await page.goto('/progress/');
	await page.locator('qms-progress-dashboard').scrollIntoViewIfNeeded();
	await expect(page.getByText(/Labs run: 1 \(1 passed\)/)).toBeVisible();
	await expect(page.locator(`li[data-lab-id="${LAB}"]`)).toContainText(/1 run; passed on .+, fastest passing run \d+\.\d s/);
});

test('a module page links to its lab', async ({ page }) => {
	await page.goto('/qms-onboarding/developer/security-best-practices/');
	const links = page.locator('.lab-links a');
	await expect(links).toHaveCount(2);
	await links.filter({ hasText: /SQL/i }).first().click();
	await expect(page).toHaveURL(`/labs/${LAB}/`);
});

test('the starter fails its checks, and the page names the failing ones', async ({ page }) => {
	await openLab(page);
	const result = nextLabResult(page);
	await runChecks(page, 'offline');
	await expect(page.locator('[data-part="summary"]')).toHaveText(/^\d+ of \d+ checks pass \(offline runner\)/);
	const failing = page.locator('[data-part="checks"] li[data-status="fail"]');
	expect(await failing.count()).toBeGreaterThan(0);
	await expect(failing.first().locator('pre')).not.toBeEmpty();
	expect(await result).toMatchObject({ labId: LAB, passed: false });
});

test('reload brings the learner’s code back; reset asks, restores the starters and keeps a backup', async ({ page }) => {
	test.setTimeout(120_000);
	await openLab(page);
	await typeFix(page);

	await page.reload();
	await expect(page.locator('qms-lab')).toHaveAttribute('data-ready', 'true');
	const area = page.locator('[data-part="textarea"]');
	await expect(area).toHaveValue(/WHERE id = \?'/);
	await expect(page.locator('[data-part="saved"]')).toContainText('are back');

	// Reset: a dismissed confirmation changes nothing.
	page.once('dialog', (dialog) => void dialog.dismiss());
	await page.getByRole('button', { name: 'Reset', exact: true }).click();
	await expect(area).toHaveValue(/WHERE id = \?'/);

	let question = '';
	page.once('dialog', (dialog) => {
		question = dialog.message();
		void dialog.accept();
	});
	await page.getByRole('button', { name: 'Reset', exact: true }).click();
	expect(question).toMatch(/Reset .* to its starting files\?/);
	await expect(area).toHaveValue(/WHERE id = \$\{userId\}/);
	const stored = await page.evaluate(([files, backup]) => [localStorage.getItem(files), localStorage.getItem(backup)], [FILES_KEY, BACKUP_KEY]);
	expect(stored[0]).toBeNull();
	expect(JSON.parse(stored[1] as string).files['src/users.ts']).toContain("WHERE id = ?'");

	// The backup comes back on request, and survives a reload.
	page.once('dialog', (dialog) => void dialog.accept());
	await page.getByRole('button', { name: 'Restore my previous files' }).click();
	await expect(area).toHaveValue(/WHERE id = \?'/);
	await page.reload();
	await expect(page.locator('[data-part="textarea"]')).toHaveValue(/WHERE id = \?'/);
});

test('compare shows the solution beside the learner’s code and changes nothing', async ({ page }) => {
	test.setTimeout(90_000);
	await openLab(page);
	await startEditor(page);
	await retypeLine(page, 11, '// my attempt');
	await expect.poll(() => savedUsers(page)).toContain('// my attempt');
	const before = await savedUsers(page);

	await page.getByRole('button', { name: 'Compare with solution' }).click();
	const panel = page.locator('[data-part="compare"]');
	await expect(panel).toBeVisible();
	await expect(panel.getByRole('heading', { name: 'Your code and the solution' })).toBeFocused();
	await expect(panel.locator('[data-part="compare-file"]')).toHaveValue('src/users.ts');
	const diff = panel.locator('.monaco-diff-editor');
	await expect(diff).toBeVisible();
	await expect(diff.locator('.editor.original .view-lines')).toContainText('// my attempt');
	await expect(diff.locator('.editor.modified .view-lines')).toContainText("WHERE id = ?'");
	// Monaco marks the lines that differ once its diff worker has answered.
	await expect.poll(() => diff.locator('.line-insert, .char-insert').count()).toBeGreaterThan(0);

	await panel.getByRole('button', { name: 'Close comparison' }).click();
	await expect(panel).toBeHidden();
	await expect(page.getByRole('button', { name: 'Compare with solution' })).toBeFocused();
	expect(await savedUsers(page)).toBe(before);
	await expect(page.locator('[data-part="monaco"] .view-lines')).toContainText('// my attempt');
});

test('download gives a zip of the learner’s project', async ({ page }) => {
	test.setTimeout(90_000);
	await openLab(page);
	await startEditor(page);
	await retypeLine(page, 11, '// downloaded edit');
	await expect.poll(() => savedUsers(page)).toContain('// downloaded edit');

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
	expect(download.suggestedFilename()).toBe(`${LAB}.zip`);
	const bytes = await readFile((await download.path()) as string);
	const entries = unzipSync(new Uint8Array(bytes));
	const names = Object.keys(entries).sort();
	expect(names).toContain(`${LAB}/package.json`);
	expect(names).toContain(`${LAB}/src/users.ts`);
	expect(names.some((n) => /^parameterized-sql\/test\/.+\.test\.ts$/.test(n))).toBe(true);
	expect(strFromU8(entries[`${LAB}/src/users.ts`])).toBe(await savedUsers(page));
	expect(JSON.parse(strFromU8(entries[`${LAB}/package.json`]))).toMatchObject({ type: 'module' });
	// The lockfile travels with the lab (issue 10): `npm ci` there installs the vitest the lab proofs ran.
	const lock = JSON.parse(strFromU8(entries[`${LAB}/package-lock.json`])) as { packages: Record<string, { version?: string }> };
	const vitest = (JSON.parse(await readFile('node_modules/vitest/package.json', 'utf8')) as { version: string }).version;
	expect(lock.packages['node_modules/vitest']?.version).toBe(vitest);
});

test('a lab page opens at its URL with a working file list and hints', async ({ page }) => {
	await openLab(page, LAB_URL);
	// Before Monaco loads, the plain editor and the file tabs show code in the monospace font.
	const monospace = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--sl-font-system-mono').trim());
	expect(monospace).not.toBe('');
	await expect(page.locator('[data-part="textarea"]')).toHaveCSS('font-family', monospace);
	const tabs = page.getByRole('tab');
	await expect(tabs.first()).toHaveCSS('font-family', monospace);
	expect(await tabs.count()).toBeGreaterThan(2);
	await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
	await tabs.first().focus();
	await page.keyboard.press('ArrowRight');
	await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
	await expect(tabs.nth(1)).toBeFocused();
	const readOnly = page.getByRole('tab', { name: /read-only/ }).first();
	await readOnly.click();
	await expect(page.locator('[data-part="textarea"]')).toHaveAttribute('readonly', '');

	const hint = page.locator('[data-part="hint"]');
	const hints = page.locator('[data-part="hints"] li');
	const total = await hints.count();
	expect(total).toBeGreaterThan(0);
	await expect(hints.first()).toBeHidden();
	await hint.click();
	await expect(hints.first()).toBeVisible();
	if (total > 1) await expect(hints.nth(1)).toBeHidden();
});
