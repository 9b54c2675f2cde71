/**
 * My credentials from a stored record (issue 7 budget): the page shows the record as stored
 * before the progress store (zod) loads, but never shows a credential as earned until the
 * validated record grants it, or the record's validation seal (src/runtime/progress-seal.ts)
 * says the store validated exactly the text stored; a tampered record that fails validation is
 * never shown as earned, sealed before or not, and another tab's changes show up. Records are made
 * with the site's own record functions and put in real localStorage before the page loads.
 */
import { expect, test, type Page } from '@playwright/test';
import { SEAL, sealOnce, scriptsOf, STORE_MARK } from '../support/sealed-record';
import { download } from './files';
import { addQuizAttempt, emptyRecord, setDisplayName, setRead } from '../../../src/lib/progress/record';

const KEY = 'qms-training:progress';
const BADGE = 'performance-expert';
const MODULE = 'engineering-excellence/core-engineering/performance';
const QUIZ = 'engineering-excellence-performance';
const now = new Date().toISOString();

/** Performance Expert's module read; its knowledge check passed when `passed`. */
function record(passed: boolean) {
	let r = setRead(setDisplayName(emptyRecord(now), 'Stored Learner', now), MODULE, true, now);
	if (passed) r = addQuizAttempt(r, QUIZ, { id: 'stored-attempt-0001', startedAt: now, submittedAt: now, answers: {}, correct: 5, total: 5, score: 100, passMark: 80, passed: true });
	return r;
}

/** Every text the badge's state label shows from the moment the page parses it. */
async function watchLabel(page: Page): Promise<void> {
	await page.addInitScript((id) => {
		const seen: string[] = ((window as unknown as { labels: string[] }).labels = []);
		new MutationObserver(() => {
			const el = document.querySelector(`[data-cred="${id}"] [data-state-label]`);
			const t = el?.textContent?.trim();
			if (t && seen[seen.length - 1] !== t) seen.push(t);
		}).observe(document, { subtree: true, childList: true, characterData: true });
	}, BADGE);
}
const labels = (page: Page) => page.evaluate(() => (window as unknown as { labels: string[] }).labels);

test('an earned badge shows as earned once the stored record is validated, with its downloads', async ({ page }) => {
	await watchLabel(page);
	await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(record(true))] as const);
	await page.goto('/credentials/');
	const c = page.locator(`[data-cred="${BADGE}"]`);
	await expect(c.locator('[data-state-label]')).toHaveText('Earned');
	await expect(c.locator('[data-actions]')).toBeVisible();
	await expect(page.locator('qms-my-credentials .creds')).not.toHaveAttribute('aria-busy');
	await expect(page.locator('[data-summary]')).toContainText(/^1 credential earned/);
	// Before validation the card said it was checking, never "Earned" from the record as stored.
	const seen = await labels(page);
	expect(seen.at(-1)).toBe('Earned');
	expect(seen.slice(0, -1)).not.toContain('Earned');
});

test('a tampered record that fails validation is never shown as earned', async ({ page }) => {
	// The passing attempt claims 0 questions in the bank: ProgressSchema refuses it (total ≥ 1), the
	// store sets that knowledge check's attempts aside, and nothing is left that earns the badge.
	const tampered = record(true);
	tampered.quizzes[QUIZ]!.attempts[0]!.total = 0;
	await watchLabel(page);
	await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(tampered)] as const);
	await page.goto('/credentials/');
	const c = page.locator(`[data-cred="${BADGE}"]`);
	await expect(c.locator('[data-state-label]')).toHaveText('In progress');
	await expect(page.locator('qms-my-credentials .creds')).not.toHaveAttribute('aria-busy');
	await expect(page.locator('[data-summary]')).toContainText(/^0 credentials earned/);
	await expect(c.locator('[data-actions]')).toBeHidden();
	expect(await labels(page)).not.toContain('Earned');
	// The storage adapter said what it set aside.
	await expect(page.getByRole('region', { name: 'Notices about saved progress' })).toContainText('could not be read and was set aside');
});

test("another tab's progress shows up: earned after validation, and not earned once the module is un-marked there", async ({ page, context }) => {
	await page.addInitScript(([k, v]) => localStorage.getItem(k) ?? localStorage.setItem(k, v), [KEY, JSON.stringify(record(false))] as const);
	await page.goto('/credentials/');
	const c = page.locator(`[data-cred="${BADGE}"]`);
	await expect(c.locator('[data-state-label]')).toHaveText('In progress');
	// Shown from the record as stored: the module is read, its knowledge check still to pass.
	await expect(c.locator('[data-missing]')).toContainText('Finish "Performance": pass');
	const other = await context.newPage();
	await other.goto('/start-here/');
	await other.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(record(true))] as const);
	await expect(c.locator('[data-state-label]')).toHaveText('Earned');
	await expect(c.locator('[data-actions]')).toBeVisible();
	// The other tab un-marks the module as read (later than it was marked): the badge is no longer earned.
	const later = new Date(Date.now() + 1000).toISOString();
	await other.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(setRead(record(true), MODULE, false, later))] as const);
	await expect(c.locator('[data-state-label]')).toHaveText('In progress');
	await expect(c.locator('[data-actions]')).toBeHidden();
});

test('a sealed record shows the earned badge at once, without the progress store; a download then loads it', async ({ page }) => {
	await page.addInitScript(([k, v]) => localStorage.getItem(k) ?? localStorage.setItem(k, v), [KEY, JSON.stringify(record(true))] as const);
	await watchLabel(page);
	await sealOnce(page, '/credentials/', (p) => p.locator('qms-my-credentials .creds'));
	const scripts = scriptsOf(page);
	await page.reload();
	const c = page.locator(`[data-cred="${BADGE}"]`);
	await expect(c.locator('[data-state-label]')).toHaveText('Earned');
	await expect(c.locator('[data-actions]')).toBeVisible();
	await expect(page.locator('[data-summary]')).toContainText(/^1 credential earned/);
	await page.waitForLoadState('networkidle');
	await page.waitForTimeout(1000);
	// Never "Checking…" on the way, and the store (with zod) was not downloaded.
	expect(await labels(page)).not.toContain('Checking…');
	const before = await Promise.all(scripts);
	expect(before.length).toBeGreaterThan(5);
	expect(before.filter((t) => t.includes(STORE_MARK))).toEqual([]);
	// A download loads the store and makes the file from the validated record.
	const got = await download(page, () => c.getByRole('button', { name: 'Open Badges credential (JSON, unsigned)' }).click());
	const file = JSON.parse(got.bytes.toString('utf8'));
	expect(file.type).toContain('OpenBadgeCredential');
	expect(file.credentialSubject.achievement.name).toBe('Performance Expert');
	expect((await Promise.all(scripts)).some((t) => t.includes(STORE_MARK))).toBe(true);
});

test('a record changed in localStorage after it was sealed is checked again, and never shown as earned when it is invalid', async ({ page }) => {
	// Sealed while earned (valid); then the passing attempt edited by hand to a bank of 0 questions
	// (ProgressSchema refuses total 0): the rules on the text as stored still say earned.
	await page.addInitScript(([k, v]) => localStorage.getItem(k) ?? localStorage.setItem(k, v), [KEY, JSON.stringify(record(true))] as const);
	const seal = await sealOnce(page, '/credentials/', (p) => p.locator('qms-my-credentials .creds'));
	const tampered = record(true);
	tampered.quizzes[QUIZ]!.attempts[0]!.total = 0;
	await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(tampered)] as const);
	expect(await page.evaluate((k) => localStorage.getItem(k), SEAL)).toBe(seal); // the old seal stays beside the new text
	await watchLabel(page);
	await page.reload();
	const c = page.locator(`[data-cred="${BADGE}"]`);
	await expect(c.locator('[data-state-label]')).toHaveText('In progress');
	await expect(page.locator('qms-my-credentials .creds')).not.toHaveAttribute('aria-busy');
	await expect(page.locator('[data-summary]')).toContainText(/^0 credentials earned/);
	await expect(c.locator('[data-actions]')).toBeHidden();
	const seen = await labels(page);
	expect(seen).toContain('Checking…'); // the seal did not match: the page went to the store
	expect(seen).not.toContain('Earned');
});
