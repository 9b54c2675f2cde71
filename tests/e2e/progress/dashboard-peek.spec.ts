/**
 * My progress renders from the stored record as it is (no zod at load), then validates it with
 * the progress store after the first paint and renders again: what validation sets aside is never
 * left shown as done, and the page says so (src/components/progress/dashboard-element.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import * as R from '../../../src/lib/progress/record';
import { KEY, PROGRESS_PAGE, QUIZ_ID } from './helpers';

const now = new Date().toISOString();

/** A current record: a name and one passed attempt (100 %) at QUIZ_ID, as stored JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the second test reaches into nested fields of parsed JSON.
function storedRecord(): Record<string, any> {
	let r = R.setDisplayName(R.emptyRecord(now), 'Ada Lovelace', now);
	r = R.addQuizAttempt(r, QUIZ_ID, { id: 'peek-attempt-1', startedAt: now, submittedAt: now, answers: {}, correct: 10, total: 10, score: 100, passMark: 80, passed: true });
	return JSON.parse(JSON.stringify(r));
}

async function seed(page: Page, record: unknown): Promise<void> {
	await page.addInitScript(([key, value]) => localStorage.getItem(key) ?? localStorage.setItem(key, value), [KEY, JSON.stringify(record)] as const);
}

test('a stored record shows on My progress, the name in the profile form, before the learner does anything', async ({ page }) => {
	await seed(page, storedRecord());
	await page.goto(PROGRESS_PAGE);
	const root = page.locator('qms-progress-dashboard [data-root]');
	await expect(root).not.toHaveAttribute('aria-busy');
	await expect(page.locator(`tr[data-quiz-id="${QUIZ_ID}"]`)).toContainText('100 %');
	await page.locator('qms-profile').scrollIntoViewIfNeeded();
	await expect(page.locator('qms-profile [data-current]')).toHaveText('Certificates will show: Ada Lovelace');
	await expect(page.locator('[data-notice="damaged"]')).toHaveCount(0);
});

test('an attempt that fails validation (the page-load peek cannot tell) is not shown as passed once validated, and a notice says so', async ({ page }) => {
	const record = storedRecord();
	record.quizzes[QUIZ_ID].attempts[0].correct = 'ten';
	await seed(page, record);
	await page.goto(PROGRESS_PAGE);
	await expect(page.locator('qms-progress-dashboard [data-root]')).not.toHaveAttribute('aria-busy');
	await expect(page.locator(`tr[data-quiz-id="${QUIZ_ID}"]`)).toContainText('Not attempted');
	await expect(page.locator(`tr[data-quiz-id="${QUIZ_ID}"]`)).not.toContainText('100 %');
	await expect(page.locator('[data-notice="damaged"]')).toBeVisible();
});

test('a stored record that validates as it is is drawn once: the dashboard is not rebuilt when the store has checked it', async ({ page }) => {
	// Each drawing of the dashboard empties its root first (src/runtime/dom.ts, replace): count those.
	await page.addInitScript(() => {
		const w = window as unknown as { __redraws: number };
		w.__redraws = 0;
		new MutationObserver((records) => {
			for (const r of records) if (r.target instanceof Element && r.target.matches('qms-progress-dashboard [data-root]') && r.removedNodes.length > 0) w.__redraws++;
		}).observe(document, { childList: true, subtree: true });
	});
	await seed(page, storedRecord());
	await page.goto(PROGRESS_PAGE);
	await expect(page.locator('qms-progress-dashboard [data-root]')).not.toHaveAttribute('aria-busy');
	await expect(page.locator(`tr[data-quiz-id="${QUIZ_ID}"]`)).toContainText('100 %');
	expect(await page.evaluate(() => (window as unknown as { __redraws: number }).__redraws)).toBe(1);
});
