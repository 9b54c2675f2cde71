import { expect, test } from '@playwright/test';
import { FEEDBACK_PAGE, SELF_ASSESSMENT_PAGE, hydrated, storedRecord } from './helpers';

test.describe('self-assessment and feedback (001)', () => {
	test('nine statements rated 1–5; average with the seed\'s band; every submission kept', async ({ page }) => {
		await page.goto(SELF_ASSESSMENT_PAGE);
		await hydrated(page, 'qms-self-assessment [data-submit]');
		const statements = page.locator('[data-statement-id]');
		await expect(statements).toHaveCount(9);
		await page.getByRole('button', { name: 'Submit self-assessment' }).click();
		await expect(page.locator('qms-self-assessment [data-error]')).toContainText('Rate every statement');
		// 3,3,3,3,3,3,3,3,4 → 3.11: "almost there" (3–4).
		const all = await statements.all();
		for (const [i, fs] of all.entries()) await fs.getByLabel(i === 8 ? '4' : '3').check();
		await expect(page.locator('[data-running]')).toContainText('Rated 9 of 9 statements. Average so far: 3.11 / 5.');
		await page.getByRole('button', { name: 'Submit self-assessment' }).click();
		await expect(page.locator('qms-self-assessment [data-live]')).toContainText('Average score: 3.11 / 5 — Almost there');
		// All 4s → exactly 4: "ready" (4–5). Keyboard: arrow keys move within a radio group.
		for (const fs of all) {
			await fs.getByLabel('4').focus();
			await page.keyboard.press('Space');
		}
		await page.getByRole('button', { name: 'Submit self-assessment' }).click();
		await expect(page.locator('qms-self-assessment [data-live]')).toContainText('Average score: 4 / 5 — Ready to go!');
		// Below 3: more training needed.
		for (const fs of all) await fs.getByLabel('2').check();
		await page.getByRole('button', { name: 'Submit self-assessment' }).click();
		await expect(page.locator('qms-self-assessment [data-live]')).toContainText('More training needed');
		await expect(page.locator('qms-self-assessment [data-live]')).toContainText('talk to your buddy');
		await page.reload();
		await expect(page.locator('qms-self-assessment [data-history-rows] tr')).toHaveCount(3);
		const subs = (await storedRecord(page)).selfAssessments;
		expect(subs.map((s: { average: number }) => s.average)).toEqual([28 / 9, 4, 2]);
		expect(Object.keys(subs[0].ratings)).toHaveLength(9);
	});

	test('training feedback: five questions, kept locally, shown as text', async ({ page }) => {
		await page.goto(FEEDBACK_PAGE);
		await hydrated(page, 'qms-feedback [data-submit]');
		await expect(page.locator('qms-feedback [data-question-id]')).toHaveCount(5);
		await page.getByRole('button', { name: 'Save feedback' }).click();
		await expect(page.locator('qms-feedback [data-error]')).toContainText('Was this training helpful?');
		const hostile = '<script>window.__pwned=1</script><b>bold?</b>';
		await page.getByLabel('Module or session').fill('Release kickoff');
		await page.locator('[data-question-id="helpful"]').getByLabel('4').check();
		await page.getByLabel('What was most valuable?').fill('The dry run');
		await page.getByLabel('What was confusing or unclear?').fill(hostile);
		await page.getByRole('button', { name: 'Save feedback' }).click();
		await expect(page.locator('qms-feedback [data-live]')).toContainText('Thank you');
		await page.reload();
		const item = page.locator('qms-feedback [data-history-list] li');
		await expect(item).toHaveCount(1);
		await expect(item).toContainText('Release kickoff');
		await expect(item).toContainText('4 / 5');
		await expect(item).toContainText(hostile);
		await expect(item.locator('b, script')).toHaveCount(0);
		expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		const fb = (await storedRecord(page)).feedback;
		expect(fb).toEqual([
			expect.objectContaining({ formId: 'training-feedback', subject: 'Release kickoff', ratings: { helpful: 4 }, texts: { 'most-valuable': 'The dry run', confusing: hostile } }),
		]);
	});
});
