import { expect, test } from '@playwright/test';
import { QUIZ_ID, QUIZ_PAGE, answerKey, answerQuiz, hydrated, quiz, storedRecord } from './helpers';

test.describe('knowledge check', () => {
	test('take a quiz, reload, the attempt and best score are still there; a retake raises the best score', async ({ page }) => {
		await page.goto(QUIZ_PAGE);
		await hydrated(page, `qms-quiz[data-quiz-id="${QUIZ_ID}"] [data-submit]`);
		const key = await answerKey(page);
		const q = quiz(page);
		const total = key.questions.length;
		// One wrong answer: (total-1)/total, e.g. 4 of 5 = 80 %, which meets the 80 % pass mark (000).
		await answerQuiz(page, key, [key.questions[0]!.id]);
		await q.locator('[data-submit]').click();
		const pct = Math.floor(((total - 1) / total) * 100);
		const passed = (total - 1) * 100 >= key.passMark * total;
		await expect(q.locator('[data-live]')).toContainText(`You scored ${total - 1} of ${total} (${pct} %): ${passed ? 'passed' : 'not passed'}.`);
		// Explanations and verdicts show per question.
		await expect(q.locator(`li[data-question-id="${key.questions[0]!.id}"] [data-verdict]`)).toHaveText('Incorrect.');
		await expect(q.locator(`li[data-question-id="${key.questions[1]!.id}"] [data-verdict]`)).toHaveText('Correct.');
		await expect(q.locator('[data-explanation]:visible').first()).toBeVisible();
		await expect(q.locator('[data-history-rows] tr')).toHaveCount(1);

		const rec = await storedRecord(page);
		const attempts = rec.quizzes[QUIZ_ID].attempts;
		expect(attempts).toHaveLength(1);
		expect(attempts[0]).toMatchObject({ correct: total - 1, total, passMark: key.passMark, passed });
		expect(Date.parse(attempts[0].startedAt)).toBeLessThanOrEqual(Date.parse(attempts[0].submittedAt));

		await page.reload();
		await expect(q.locator('[data-status]')).toContainText(`Best score: ${pct} %`);
		await expect(q.locator('[data-status]')).toContainText('Last attempt:');
		await expect(q.locator('[data-status]')).toContainText('Attempts: 1 (no limit)');
		// The last attempt is shown for review, answers locked.
		await expect(q.locator(`li[data-question-id="${key.questions[0]!.id}"] [data-verdict]`)).toHaveText('Incorrect.');
		await expect(q.locator('input').first()).toBeDisabled();

		await q.locator('[data-retry]').click();
		await answerQuiz(page, key);
		await q.locator('[data-submit]').click();
		await expect(q.locator('[data-live]')).toContainText(`You scored ${total} of ${total} (100 %): passed.`);
		await page.reload();
		await expect(q.locator('[data-status]')).toContainText('Best score: 100 %');
		await expect(q.locator('[data-status]')).toContainText('Attempts: 2 (no limit)');
		await expect(q.locator('[data-history-rows] tr')).toHaveCount(2);
	});

	test('submitting with unanswered questions records nothing and says which', async ({ page }) => {
		await page.goto(QUIZ_PAGE);
		await hydrated(page, `qms-quiz[data-quiz-id="${QUIZ_ID}"] [data-submit]`);
		await quiz(page).locator('[data-submit]').click();
		await expect(quiz(page).locator('[data-error]')).toContainText('Answer every question before submitting');
		expect((await storedRecord(page))?.quizzes?.[QUIZ_ID]).toBeUndefined();
	});

	test('ordering works by keyboard and announces the new position', async ({ page }) => {
		await page.goto(QUIZ_PAGE);
		await hydrated(page, `qms-quiz[data-quiz-id="${QUIZ_ID}"] [data-submit]`);
		const key = await answerKey(page);
		const ordering = key.questions.find((x) => x.type === 'ordering');
		expect(ordering, 'the sample bank has an ordering question').toBeDefined();
		const li = quiz(page).locator(`li.quiz-question[data-question-id="${ordering!.id}"]`);
		const ids = () => li.locator('li[data-item-id]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.itemId));
		const before = await ids();
		const down = li.locator(`li[data-item-id="${before[0]}"] button[data-move="1"]`);
		await down.focus();
		await page.keyboard.press('Space');
		expect(await ids()).toEqual([before[1], before[0], ...before.slice(2)]);
		await expect(li.locator('[data-order-live]')).toContainText('moved to position 2 of');
		await expect(down).toBeFocused();
		// The first item's "move up" is disabled.
		await expect(li.locator('li[data-item-id] button[data-move="-1"]').first()).toBeDisabled();
	});
});
