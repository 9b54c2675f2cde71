import { expect, test } from '@playwright/test';

test('catalog filters combine and every shown row matches them', async ({ page }) => {
	await page.goto('/catalog/');
	const rows = page.locator('.rows > li');
	const visible = page.locator('.rows > li:visible');
	const total = await rows.count();
	expect(total).toBeGreaterThan(40);
	await expect(page.getByRole('status')).toHaveText(`${total} of ${total} items`);

	await page.getByLabel('Program').selectOption('qms-onboarding');
	const inProgram = await visible.count();
	expect(inProgram).toBeGreaterThan(0);
	expect(inProgram).toBeLessThan(total);
	for (const p of await visible.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.program))) expect(p).toBe('qms-onboarding');

	await page.getByLabel('Type').selectOption('module');
	const modules = await visible.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset));
	expect(modules.length).toBeGreaterThan(0);
	expect(modules.length).toBeLessThanOrEqual(inProgram);
	for (const d of modules) expect([d.program, d.kind]).toEqual(['qms-onboarding', 'module']);
	await expect(page.getByRole('status')).toHaveText(`${modules.length} of ${total} items`);

	await page.getByRole('button', { name: 'Clear filters' }).click();
	await expect(visible).toHaveCount(total);
});

test('the role filter keeps pages for that role and pages for everyone', async ({ page }) => {
	await page.goto('/catalog/');
	await page.getByLabel('Role').selectOption('security-lead');
	const roles = await page.locator('.rows > li:visible').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.roles!.split(' ')));
	expect(roles.length).toBeGreaterThan(0);
	for (const r of roles) expect(r.includes('security-lead') || r.includes('all')).toBe(true);
});
