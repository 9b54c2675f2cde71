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
		await box(a, 'read-roadmap').check();
		await box(b, 'read-runbook').check();
		// Each tab learns of the other's tick from the storage event, without a reload.
		await expect(box(a, 'read-runbook')).toBeChecked();
		await expect(box(b, 'read-roadmap')).toBeChecked();
		await a.reload();
		await b.reload();
		for (const p of [a, b]) {
			await expect(box(p, 'read-roadmap')).toBeChecked();
			await expect(box(p, 'read-runbook')).toBeChecked();
			await expect(box(p, 'read-success-criteria')).not.toBeChecked();
		}
		const items = (await storedRecord(a)).checklists[CHECKLIST_ID].items;
		expect(Object.keys(items).sort()).toEqual(['read-roadmap', 'read-runbook']);
	});

	test('per-section completion, unticks recorded, certification fields saved', async ({ page }) => {
		await page.goto(CHECKLIST_PAGE);
		await hydrated(page, 'input[data-item-id]');
		const root = page.locator(`qms-checklist[data-checklist-id="${CHECKLIST_ID}"]`);
		// Phase 2 of the release manager checklist (001) has five items.
		const phase2 = ['read-runbook', 'read-playbook', 'read-checklist', 'exercise-checklist-walkthrough', 'exercise-dry-run'];
		await box(page, phase2[0]!).check();
		await box(page, phase2[1]!).check();
		await expect(root.locator('[data-section-id="phase-2"] [data-section-count]')).toHaveText('(2 of 5)');
		for (const id of phase2.slice(2)) await box(page, id).check();
		await expect(root.locator('[data-section-id="phase-2"] [data-section-count]')).toHaveText('(5 of 5, complete)');
		await expect(root.locator('[data-section-id="phase-1"] [data-section-count]')).toHaveText('(0 of 5)');
		await expect(root.locator('[data-summary]')).toHaveText('5 of 18 items done');
		await box(page, 'read-playbook').uncheck();
		const rec = await storedRecord(page);
		expect(rec.checklists[CHECKLIST_ID].items['read-playbook']).toMatchObject({ checked: false });
		await root.getByLabel('Certification date').fill('2026-01-15');
		await root.getByLabel('Certified by').fill('Release Manager <b>Lee</b>');
		await root.getByRole('button', { name: 'Save certification' }).click();
		await expect(root.locator('[data-cert-status]')).toHaveText('Certification saved.');
		await page.reload();
		await expect(root.getByLabel('Certification date')).toHaveValue('2026-01-15');
		await expect(root.getByLabel('Certified by')).toHaveValue('Release Manager <b>Lee</b>');
		await expect(root.locator('[data-cert-status]')).toContainText('by Release Manager <b>Lee</b>');
		await expect(root.locator('[data-section-id="phase-2"] [data-section-count]')).toHaveText('(4 of 5)');
	});

	test('ticks work by keyboard', async ({ page }) => {
		await page.goto(CHECKLIST_PAGE);
		await hydrated(page, 'input[data-item-id]');
		await box(page, 'read-success-criteria').focus();
		await page.keyboard.press('Space');
		await expect(box(page, 'read-success-criteria')).toBeChecked();
		expect((await storedRecord(page)).checklists[CHECKLIST_ID].items['read-success-criteria'].checked).toBe(true);
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
