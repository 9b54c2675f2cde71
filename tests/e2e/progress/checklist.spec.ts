import { expect, test } from '@playwright/test';
import { CHECKLIST_ID, CHECKLIST_PAGE, hydrated, storedRecord } from './helpers';

const box = (page: import('@playwright/test').Page, item: string) => page.locator(`qms-checklist[data-checklist-id="${CHECKLIST_ID}"] input[data-item-id="${item}"]`);

test.describe('checklist', () => {
	test('two tabs ticking different items both keep their ticks', async ({ context }) => {
		const a = await context.newPage();
		const b = await context.newPage();
		await a.goto(CHECKLIST_PAGE);
		await b.goto(CHECKLIST_PAGE);
		await hydrated(a, 'input[data-item-id]');
		await hydrated(b, 'input[data-item-id]');
		await box(a, 'fixture-a1').check();
		await box(b, 'fixture-b1').check();
		// Each tab learns of the other's tick from the storage event, without a reload.
		await expect(box(a, 'fixture-b1')).toBeChecked();
		await expect(box(b, 'fixture-a1')).toBeChecked();
		await a.reload();
		await b.reload();
		for (const p of [a, b]) {
			await expect(box(p, 'fixture-a1')).toBeChecked();
			await expect(box(p, 'fixture-b1')).toBeChecked();
			await expect(box(p, 'fixture-a2')).not.toBeChecked();
		}
		const items = (await storedRecord(a)).checklists[CHECKLIST_ID].items;
		expect(Object.keys(items).sort()).toEqual(['fixture-a1', 'fixture-b1']);
	});

	test('per-section completion, unticks recorded, certification fields saved', async ({ page }) => {
		await page.goto(CHECKLIST_PAGE);
		await hydrated(page, 'input[data-item-id]');
		const root = page.locator(`qms-checklist[data-checklist-id="${CHECKLIST_ID}"]`);
		await box(page, 'fixture-b1').check();
		await box(page, 'fixture-b2').check();
		await expect(root.locator('[data-section-id="phase-2"] [data-section-count]')).toHaveText('(2 of 2, complete)');
		await expect(root.locator('[data-section-id="phase-1"] [data-section-count]')).toHaveText('(0 of 3)');
		await expect(root.locator('[data-summary]')).toHaveText('2 of 5 items done');
		await box(page, 'fixture-b2').uncheck();
		const rec = await storedRecord(page);
		expect(rec.checklists[CHECKLIST_ID].items['fixture-b2']).toMatchObject({ checked: false });
		await root.getByLabel('Certification date').fill('2026-01-15');
		await root.getByLabel('Certified by').fill('Release Manager <b>Lee</b>');
		await root.getByRole('button', { name: 'Save certification' }).click();
		await expect(root.locator('[data-cert-status]')).toHaveText('Certification saved.');
		await page.reload();
		await expect(root.getByLabel('Certification date')).toHaveValue('2026-01-15');
		await expect(root.getByLabel('Certified by')).toHaveValue('Release Manager <b>Lee</b>');
		await expect(root.locator('[data-cert-status]')).toContainText('by Release Manager <b>Lee</b>');
		await expect(root.locator('[data-section-id="phase-2"] [data-section-count]')).toHaveText('(1 of 2)');
	});

	test('ticks work by keyboard', async ({ page }) => {
		await page.goto(CHECKLIST_PAGE);
		await hydrated(page, 'input[data-item-id]');
		await box(page, 'fixture-a2').focus();
		await page.keyboard.press('Space');
		await expect(box(page, 'fixture-a2')).toBeChecked();
		expect((await storedRecord(page)).checklists[CHECKLIST_ID].items['fixture-a2'].checked).toBe(true);
	});

	test('print layout: the checklist without site chrome or buttons', async ({ page }) => {
		await page.goto(CHECKLIST_PAGE);
		await hydrated(page, 'input[data-item-id]');
		await page.emulateMedia({ media: 'print' });
		const root = page.locator(`qms-checklist[data-checklist-id="${CHECKLIST_ID}"]`);
		await expect(root.locator('h2')).toBeVisible();
		await expect(root.locator('input[data-item-id]').first()).toBeVisible();
		await expect(root.getByLabel('Certified by')).toBeVisible();
		await expect(root.getByRole('button', { name: 'Print checklist' })).toBeHidden();
		await expect(root.getByRole('button', { name: 'Save certification' })).toBeHidden();
		await expect(page.locator('header.header')).toBeHidden();
		await expect(page.locator('#starlight__sidebar')).toBeHidden();
		await expect(page.locator('qms-reading section')).toBeHidden();
	});
});
