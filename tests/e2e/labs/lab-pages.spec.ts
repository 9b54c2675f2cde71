import { readdirSync, existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openLab, runChecks, startEditor } from './helpers';
import { expectNoSeriousA11yViolations } from '../support/axe';

/** The labs index, every lab page, and accessibility of the lab island in each of its states. */

const LAB_IDS = readdirSync('labs').filter((id) => existsSync(`labs/${id}/lab.yaml`));

test('the labs index lists every lab with program, module, minutes and difficulty', async ({ page }) => {
	await page.goto('/labs/');
	await expect(page.locator('h1')).toHaveText('Hands-on labs');
	const rows = page.locator('main table tbody tr');
	await expect(rows).toHaveCount(LAB_IDS.length);
	for (const id of LAB_IDS) await expect(page.locator(`main a[href="/labs/${id}/"]`)).toHaveCount(1);
	await expect(rows.first().locator('td').nth(3)).toHaveText(/^\d+$/);
	await expect(rows.first().locator('td').nth(4)).toHaveText(/^(easy|medium|hard)$/);
	await expectNoSeriousA11yViolations(page);
});

for (const id of LAB_IDS) {
	test(`lab page ${id} starts its island with no errors and no request to other origins`, async ({ page, baseURL }) => {
		const problems: string[] = [];
		page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
		// Failed loads are checked by URL below; their console echo names no URL.
		page.on('console', (m) => {
			if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
		});
		page.on('response', (r) => {
			// The site favicon is not part of the lab (it lives in public/ on main).
			if (r.status() >= 400 && !r.url().endsWith('/favicon.svg')) problems.push(`HTTP ${r.status()} ${r.url()}`);
		});
		page.on('request', (r) => {
			const u = new URL(r.url());
			if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== new URL(baseURL as string).origin) problems.push(`foreign request: ${r.url()}`);
		});
		await openLab(page, `/labs/${id}/`);
		await expect(page.locator('h1')).not.toBeEmpty();
		await expect(page.getByRole('button', { name: 'Run checks' })).toBeEnabled();
		await expect(page.locator('[data-part="textarea"]')).not.toHaveValue('');
		await page.waitForLoadState('networkidle');
		expect(problems).toEqual([]);
	});
}

// Both themes: Monaco has a light and a dark theme of its own (src/runtime/lab/monaco.ts).
for (const colorScheme of ['light', 'dark'] as const)
test.describe(`${colorScheme} theme`, () => {
	test.use({ colorScheme });
	test('the lab page passes axe before and after the editor loads, after a run, and with the comparison open', async ({ page }) => {
		test.setTimeout(120_000);
		await openLab(page);
		await expectNoSeriousA11yViolations(page);
		await startEditor(page);
		await expect(page.locator('[data-part="monaco"] .monaco-editor')).toHaveClass(colorScheme === 'dark' ? /vs-dark/ : /\bvs\b/);
		await expectNoSeriousA11yViolations(page);
		await runChecks(page, 'offline');
		await page.getByRole('button', { name: 'Show hint 1 of', exact: false }).click();
		await expectNoSeriousA11yViolations(page);
		await page.getByRole('button', { name: 'Compare with solution' }).click();
		// Scan once the editor worker has computed the diff and its colours are drawn, not before.
		await expect.poll(() => page.locator('.monaco-diff-editor').locator('.line-insert, .char-insert').count(), { timeout: 30_000 }).toBeGreaterThan(0);
		await expectNoSeriousA11yViolations(page);
	});
});

test('Monaco and its CSS stay off pages without a lab', async ({ page }) => {
	const loaded: string[] = [];
	page.on('response', (r) => loaded.push(r.url()));
	await page.goto('/start-here/');
	await page.waitForLoadState('networkidle');
	expect(loaded.filter((u) => /monaco|editor\.api|ts\.worker|xterm/.test(u))).toEqual([]);
	const monacoRules = await page.evaluate(() =>
		[...document.styleSheets].flatMap((s) => {
			try {
				return [...s.cssRules].map((r) => r.cssText).filter((t) => t.includes('.monaco-editor'));
			} catch {
				return [];
			}
		}),
	);
	expect(monacoRules).toEqual([]);
});

test('on a lab page, Monaco loads on first use, with its CSS and workers from our origin', async ({ page, baseURL }) => {
	test.setTimeout(90_000);
	const scripts: string[] = [];
	page.on('request', (r) => {
		if (r.resourceType() === 'script' || r.url().endsWith('.js')) scripts.push(r.url());
	});
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(w.url()));
	await openLab(page);
	await page.waitForLoadState('networkidle');
	expect(scripts.filter((u) => /monaco|editor\.api/.test(u))).toEqual([]);
	await startEditor(page);
	expect(scripts.some((u) => /\/_astro\/monaco\./.test(u))).toBe(true);
	expect(await page.locator('style#qms-monaco-css').count()).toBe(1);
	// TypeScript language features: the TS worker reports a type error the learner types, with its
	// file and line, and nothing else: the starter itself has no type errors (the standard library
	// is loaded, so `Promise` is known).
	const lab = page.locator('qms-lab');
	const problems = page.locator('[data-part="problems"]');
	await page.locator('[data-part="monaco"] .view-lines').click();
	await page.keyboard.press('Control+End');
	await page.keyboard.type('\nconst wrong: number = "text";', { delay: 10 });
	await expect(page.locator('[data-part="monaco"] .squiggly-error').first()).toBeVisible({ timeout: 30_000 });
	await expect(problems).toHaveText(/^TypeScript: 1 problem\. src\/users\.ts line \d+: Type 'string' is not assignable to type 'number'\.$/);
	await expect(lab).toHaveAttribute('data-problems', '1');
	// Deleting the line clears it.
	await page.keyboard.press('Shift+Home');
	await page.keyboard.press('Backspace');
	await expect(problems).toHaveText('TypeScript: no problems.');
	await expect(lab).toHaveAttribute('data-problems', '0');
	expect(workers.some((u) => /ts\.worker/.test(u))).toBe(true);
	// Monaco starts its editor worker when it needs it, e.g. to compute the solution diff.
	await page.getByRole('button', { name: 'Compare with solution' }).click();
	await expect.poll(() => page.locator('.monaco-diff-editor').locator('.line-insert, .char-insert').count(), { timeout: 30_000 }).toBeGreaterThan(0);
	expect(workers.some((u) => /editor\.worker/.test(u))).toBe(true);
	for (const u of workers) expect(new URL(u).origin).toBe(new URL(baseURL as string).origin);
});
