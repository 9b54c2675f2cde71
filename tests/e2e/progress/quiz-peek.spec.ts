/**
 * A returning learner's knowledge check reviews the last attempt at load from a peek at the stored
 * record, without the progress store and zod (issue 12, Lighthouse TBT on module pages); the store
 * loads when the learner comes to the knowledge check, and an attempt validation sets aside is
 * then no longer reviewed (src/components/quiz/quiz-element.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import * as R from '../../../src/lib/progress/record';
import { KEY, QUIZ_ID, QUIZ_PAGE, quiz } from './helpers';

const now = new Date().toISOString();

/** A record with one attempt at QUIZ_ID: 2 of 5, no answer kept. */
function record(submittedAt = now): string {
	const answers = {};
	const r = R.addQuizAttempt(R.emptyRecord(now), QUIZ_ID, { id: 'peek-quiz-attempt-1', startedAt: now, submittedAt: now, answers, correct: 2, total: 5, score: 40, passMark: 80, passed: false });
	const json = JSON.parse(JSON.stringify(r));
	json.quizzes[QUIZ_ID].attempts[0].submittedAt = submittedAt;
	return JSON.stringify(json);
}

/** URLs of zod's chunk requested by the page (the progress store brings it). */
function zodRequests(page: Page): string[] {
	const seen: string[] = [];
	page.on('request', (r) => {
		if (/\/_astro\/schemas\.[^/]*\.js$/.test(r.url())) seen.push(r.url());
	});
	return seen;
}

test('the last attempt is reviewed at load without loading the progress store; the store loads when the learner comes to the check', async ({ page }) => {
	const zod = zodRequests(page);
	await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [KEY, record()] as const);
	await page.goto(QUIZ_PAGE);
	const q = quiz(page);
	await expect(q.locator('[data-status]')).toContainText('Best score: 40 % (not passed; pass mark 80 %)');
	await expect(q.locator('[data-status]')).toContainText('Attempts: 1');
	await expect(q.locator('[data-verdict]').first()).toHaveText('Not answered.');
	await expect(q.locator('input').first()).toBeDisabled();
	await expect(q.locator('[data-retry]')).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(zod, 'zod was downloaded at load').toEqual([]);

	await q.scrollIntoViewIfNeeded();
	await expect.poll(() => zod.length).toBeGreaterThan(0);
	await expect(q.locator('[data-status]')).toContainText('Best score: 40 %');
	await expect(q.locator('[data-verdict]').first()).toHaveText('Not answered.');
});

test('an attempt the peek shows but validation sets aside is no longer reviewed once the store has loaded', async ({ page }) => {
	// Not an ISO time: the peek checks types only, zod refuses it.
	await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [KEY, record('yesterday')] as const);
	await page.goto(QUIZ_PAGE);
	const q = quiz(page);
	await expect(q.locator('[data-status]')).toContainText('Best score: 40 %');
	await q.scrollIntoViewIfNeeded();
	await expect(q.locator('[data-status]')).toContainText('Best score: none yet');
	await expect(q.locator('[data-status]')).toContainText('Attempts: 0');
	await expect(q.locator('[data-result]:visible')).toHaveCount(0);
	await expect(q.locator('input').first()).toBeEnabled();
	await expect(q.locator('[data-submit]')).toBeEnabled();
});
