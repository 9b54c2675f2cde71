import { expect, test, type Page } from '@playwright/test';
import { CHECKLIST_ID, CHECKLIST_PAGE, KEY, QUIZ_ID, QUIZ_PAGE, UNDO_KEY, answerKey, answerQuiz, hydrated, quiz, stored } from './helpers';

const GARBAGE = ['}{ not json', '{"version":1,"quizzes":"💥"}', '{"hello":"world"}', '[1,2,3]', '{"version":99}'];

async function backups(page: Page): Promise<Record<string, string>> {
	return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('qms-training:backup:')).map((k) => [k, localStorage.getItem(k)!])));
}

test.describe('storage resilience', () => {
	for (const key of [KEY, UNDO_KEY]) {
		for (const raw of GARBAGE) {
			test(`garbage ${JSON.stringify(raw)} under ${key}: the page works, a notice shows, the backup exists`, async ({ page }) => {
				await page.goto(QUIZ_PAGE);
				await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [key, raw]);
				await page.reload();
				const notice = page.locator('[data-notice="damaged"]');
				await expect(notice).toBeVisible();
				await expect(notice).toContainText('Saved data could not be read');
				const found = await backups(page);
				expect(Object.values(found)).toEqual([raw]);
				expect(await stored(page, key)).toBeNull();
				// The notice offers the damaged data as a download, byte for byte.
				const download = page.waitForEvent('download');
				await notice.getByRole('button', { name: 'Download the damaged data' }).click();
				const file = await (await download).path();
				expect((await import('node:fs')).readFileSync(file, 'utf8')).toBe(raw);
				// The page works: a knowledge check can be taken and is saved.
				await hydrated(page, `qms-quiz[data-quiz-id="${QUIZ_ID}"] [data-submit]`);
				await answerQuiz(page, await answerKey(page));
				await quiz(page).locator('[data-submit]').click();
				await expect(quiz(page).locator('[data-live]')).toContainText('passed');
				expect(JSON.parse((await stored(page, KEY))!).quizzes[QUIZ_ID].attempts).toHaveLength(1);
				// The notice stays on the next page until the copy is deleted.
				await page.goto(CHECKLIST_PAGE);
				await expect(page.locator('[data-notice="damaged"]')).toBeVisible();
				await page.locator('[data-notice="damaged"]').getByRole('button', { name: 'Delete the copy' }).click();
				await expect(page.locator('[data-notice="damaged"]')).toHaveCount(0);
				expect(await backups(page)).toEqual({});
			});
		}
	}

	test('storage unavailable (private mode): works in memory and says so', async ({ page }) => {
		await page.addInitScript(() => {
			Object.defineProperty(window, 'localStorage', {
				get() {
					throw new DOMException('The operation is insecure.', 'SecurityError');
				},
			});
		});
		await page.goto(CHECKLIST_PAGE);
		await expect(page.locator('[data-notice="unavailable"]')).toContainText('Your progress is not being saved');
		await hydrated(page, 'input[data-item-id]');
		const a1 = page.locator(`qms-checklist[data-checklist-id="${CHECKLIST_ID}"] input[data-item-id="read-roadmap"]`);
		await a1.check();
		await expect(page.locator(`qms-checklist[data-checklist-id="${CHECKLIST_ID}"] [data-summary]`)).toHaveText('1 of 18 items done');
	});

	test('quota exceeded: the change is refused, the saved record is untouched, a notice shows', async ({ page }) => {
		await page.goto(CHECKLIST_PAGE);
		await hydrated(page, 'input[data-item-id]');
		const box = (id: string) => page.locator(`qms-checklist[data-checklist-id="${CHECKLIST_ID}"] input[data-item-id="${id}"]`);
		await box('read-roadmap').check();
		const before = await stored(page, KEY);
		// From now on the browser refuses writes as a full storage does.
		await page.evaluate(() => {
			Storage.prototype.setItem = function () {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			};
		});
		// click, not check(): the island puts the box back when the browser refuses to save.
		await box('read-success-criteria').click();
		await expect(page.locator('[data-notice="write-failed"]')).toContainText('Your last change was not saved');
		await expect(box('read-success-criteria')).not.toBeChecked();
		await expect(page.locator(`qms-checklist[data-checklist-id="${CHECKLIST_ID}"] [data-error]`)).toContainText('refused to save');
		expect(await stored(page, KEY)).toBe(before);
	});
});
