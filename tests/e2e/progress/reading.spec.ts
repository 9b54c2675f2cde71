import { expect, test } from '@playwright/test';
import { KEY, PATH_PAGE, QUIZ_ID, QUIZ_PAGE, answerKey, answerQuiz, hydrated, quiz, storedRecord } from './helpers';

const PAGE_ID = 'qms-onboarding/developer/qms-introduction';

test.describe('reading record', () => {
	test('mark as read: toggle, sidebar ✓ with "(read)" text, kept after reload', async ({ page }) => {
		await page.goto(QUIZ_PAGE);
		const btn = page.getByRole('button', { name: 'Mark as read' });
		await expect(btn).toBeEnabled();
		await expect(btn).toHaveAttribute('aria-pressed', 'false');
		await btn.click();
		await expect(btn).toHaveAttribute('aria-pressed', 'true');
		const link = page.locator(`#starlight__sidebar a[href="/${PAGE_ID}/"]`);
		await expect(link.locator('.read-mark')).toHaveText('✓ (read)');
		await page.reload();
		await expect(page.getByRole('button', { name: 'Mark as read' })).toHaveAttribute('aria-pressed', 'true');
		await expect(link.locator('.read-mark')).toHaveCount(1);
		// Unmarking is recorded too.
		await page.getByRole('button', { name: 'Mark as read' }).click();
		await expect(link.locator('.read-mark')).toHaveCount(0);
		expect((await storedRecord(page)).reading[PAGE_ID].read).toBe(false);
	});

	test('a mark made while progress is still loading is not lost by leaving the page at once', async ({ page }) => {
		await page.goto(QUIZ_PAGE);
		const btn = page.getByRole('button', { name: 'Mark as read' });
		await expect(btn).toBeEnabled();
		// Hold every script fetched from now on, so the progress store is still loading when the
		// learner presses the button and then clicks a link.
		let release!: () => void;
		const held = new Promise<void>((r) => (release = r));
		await page.route('**/_astro/*.js', async (route) => {
			await held;
			await route.continue();
		});
		await btn.click();
		await expect(page.locator('qms-reading [data-status]')).toHaveText('Saving…');
		const asked: string[] = [];
		page.on('dialog', (d) => {
			asked.push(d.type());
			void d.dismiss();
		});
		await page.locator('#starlight__sidebar a[href="/catalog/"]').click();
		await expect.poll(() => asked).toEqual(['beforeunload']);
		await expect(page).toHaveURL(new RegExp(`${QUIZ_PAGE}$`));
		release();
		await expect(btn).toHaveAttribute('aria-pressed', 'true');
		expect((await storedRecord(page)).reading[PAGE_ID].read).toBe(true);
		// Once saved, leaving asks nothing.
		await page.locator('#starlight__sidebar a[href="/catalog/"]').click();
		await expect(page).toHaveURL(/\/catalog\/$/);
		expect(asked).toEqual(['beforeunload']);
	});

	test('read-and-understood is bound to the page revision; a changed page asks to confirm the new one', async ({ page }) => {
		await page.goto(QUIZ_PAGE);
		const reading = page.locator('qms-reading');
		const hash = await reading.getAttribute('data-hash');
		expect(hash).toMatch(/^[0-9a-f]{64}$/);
		await page.getByRole('button', { name: 'I have read and understood this page' }).click();
		await expect(reading.locator('[data-status]')).toContainText('You confirmed you read and understood this revision');
		const ack = (await storedRecord(page)).reading[PAGE_ID].acks;
		expect(ack).toEqual([{ hash, at: expect.any(String) }]);

		// Simulate a later build that changed the page: the stored acknowledgement names another revision.
		await page.evaluate(
			([k, id]) => {
				const rec = JSON.parse(localStorage.getItem(k!)!);
				rec.reading[id!].acks = [{ hash: 'f'.repeat(64), at: '2026-01-01T09:00:00.000Z' }];
				localStorage.setItem(k!, JSON.stringify(rec));
			},
			[KEY, PAGE_ID],
		);
		await page.reload();
		await expect(reading.locator('[data-status]')).toContainText('This page has changed since you confirmed it');
		await page.getByRole('button', { name: 'Confirm the new revision' }).click();
		await expect(reading.locator('[data-status]')).toContainText('You confirmed you read and understood this revision');
		const acks = (await storedRecord(page)).reading[PAGE_ID].acks.map((a: { hash: string }) => a.hash);
		expect(acks).toEqual(['f'.repeat(64), hash]);
	});

	test('path page: per-module state and summary follow reading and knowledge checks', async ({ page }) => {
		await page.goto(PATH_PAGE);
		const n = await page.locator('.path-outline li[data-module-id]').count();
		const li = page.locator(`.path-outline li[data-module-id="${PAGE_ID}"]`);
		const summary = page.locator('qms-path-progress [data-summary]');
		await expect(li.locator('.module-state')).toHaveText('Next');
		await expect(summary).toContainText(`0 of ${n} modules done (0 %)`);
		await page.goto(QUIZ_PAGE);
		await page.getByRole('button', { name: 'Mark as read' }).click();
		// Saved once the button shows it (the first save on a page may wait for the store to load).
		await expect(page.getByRole('button', { name: 'Mark as read' })).toHaveAttribute('aria-pressed', 'true');
		await page.goto(PATH_PAGE);
		await expect(li.locator('.module-state')).toHaveText('In progress');
		await page.goto(QUIZ_PAGE);
		await hydrated(page, `qms-quiz[data-quiz-id="${QUIZ_ID}"] [data-submit]`);
		await answerQuiz(page, await answerKey(page));
		await quiz(page).locator('[data-submit]').click();
		await expect(quiz(page).locator('[data-live]')).toContainText('passed');
		await page.goto(PATH_PAGE);
		await expect(li.locator('.module-state')).toHaveText('Done');
		await expect(summary).toContainText(`1 of ${n} modules done (${Math.floor(100 / n)} %)`);
		await expect(summary).toContainText(n === 1 ? 'Path complete.' : 'Next: ');
	});
});
