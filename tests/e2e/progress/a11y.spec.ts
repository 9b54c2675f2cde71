import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { CHECKLIST_PAGE, FEEDBACK_PAGE, PATH_PAGE, PROGRESS_PAGE, QUIZ_ID, QUIZ_PAGE, SELF_ASSESSMENT_PAGE, answerKey, answerQuiz, hydrated, quiz } from './helpers';

/** The whole page is scanned (site header and search button included) in both themes. */
for (const colorScheme of ['light', 'dark'] as const)
test.describe(`accessibility, ${colorScheme} theme (axe: no serious or critical violations)`, () => {
	test.use({ colorScheme });
	// axe takes several seconds per run on a busy 2-core machine.
	test.describe.configure({ timeout: 90_000 });

	test('quiz page, before and after submitting', async ({ page }) => {
		await page.goto(QUIZ_PAGE);
		await hydrated(page, `qms-quiz[data-quiz-id="${QUIZ_ID}"] [data-submit]`);
		await expectNoSeriousA11yViolations(page);
		const key = await answerKey(page);
		await answerQuiz(page, key, [key.questions[0]!.id]);
		await quiz(page).locator('[data-submit]').click();
		await expect(quiz(page).locator('[data-live]')).toContainText('You scored');
		await expectNoSeriousA11yViolations(page);
	});

	test('checklist page with ticks and certification', async ({ page }) => {
		await page.goto(CHECKLIST_PAGE);
		await hydrated(page, 'input[data-item-id]');
		await page.locator('input[data-item-id="read-roadmap"]').check();
		await expectNoSeriousA11yViolations(page);
	});

	test('progress page with data, import preview and reset confirmation open', async ({ page }) => {
		await page.goto(CHECKLIST_PAGE);
		await hydrated(page, 'input[data-item-id]');
		await page.locator('input[data-item-id="read-roadmap"]').check();
		await page.goto(PROGRESS_PAGE);
		await hydrated(page, '[data-export]');
		await expect(page.locator('section[data-program="qms-onboarding"]')).toBeVisible();
		await expectNoSeriousA11yViolations(page);
		await page.getByRole('button', { name: 'Reset all progress…' }).click();
		await page.locator('[data-import-file]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{') });
		await expect(page.locator('qms-progress-data [data-error]')).toBeVisible();
		await expectNoSeriousA11yViolations(page);
	});

	for (const url of [SELF_ASSESSMENT_PAGE, FEEDBACK_PAGE, PATH_PAGE]) {
		test(`page ${url}`, async ({ page }) => {
			await page.goto(url);
			await expect(page.locator('qms-reading [data-read]')).toBeEnabled();
			await expectNoSeriousA11yViolations(page);
		});
	}

	test('a storage notice', async ({ page }) => {
		await page.goto(QUIZ_PAGE);
		await page.evaluate(() => localStorage.setItem('qms-training:progress', 'garbage'));
		await page.reload();
		await expect(page.locator('[data-notice="damaged"]')).toBeVisible();
		await expectNoSeriousA11yViolations(page);
	});
});
