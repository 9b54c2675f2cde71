import { expect, test } from '@playwright/test';

test('the role chooser leads a release manager to their 8-hour path', async ({ page }) => {
	await page.goto('/start-here/');
	await page.getByLabel('I am a…').selectOption({ label: 'Release manager' });
	await expect(page.getByRole('status')).toContainText('for Release manager');
	await expect(page).toHaveURL(/#role=release-manager$/);
	const section = page.locator('.role-paths:visible');
	await expect(section).toHaveCount(1);
	await section.getByRole('link', { name: /release manager/i }).first().click();
	await expect(page).toHaveURL(/\/release-readiness\/release-manager\/$/);
	await expect(page.getByTestId('path-total')).toHaveText('8 h');
});

test('a chosen role survives reload through the URL', async ({ page }) => {
	await page.goto('/start-here/#role=devops-engineer');
	await expect(page.getByLabel('I am a…')).toHaveValue('devops-engineer');
	await expect(page.locator('.role-paths:visible')).toHaveCount(1);
	await expect(page.locator('.role-paths:visible')).toHaveAttribute('data-role', 'devops-engineer');
});

test('the role chooser works by keyboard', async ({ page }) => {
	await page.goto('/start-here/');
	await page.getByLabel('I am a…').focus();
	await page.keyboard.press('ArrowDown');
	await expect(page.getByLabel('I am a…')).not.toHaveValue('');
	await expect(page.locator('.role-paths:visible')).toHaveCount(1);
});

test('a path page lists its modules in order and prev/next walks the path', async ({ page }) => {
	await page.goto('/qms-onboarding/developer/');
	const modules = page.locator('.path-outline li');
	const first = await modules.first().getAttribute('data-module-id');
	const second = await modules.nth(1).getAttribute('data-module-id');
	expect(first).toBe('qms-onboarding/developer/qms-introduction');
	await page.goto(`/${first}/`);
	await page.locator('.pagination-links a[rel="next"]').click();
	await expect(page).toHaveURL(`/${second}/`);
});

test('the sidebar has one group per program', async ({ page }) => {
	await page.goto('/start-here/');
	for (const label of ['QMS onboarding', 'Release readiness', 'QMS leadership', 'Tool adoption (Context7)', 'Engineering excellence']) {
		await expect(page.locator('nav[aria-label="Main"] summary', { hasText: label }).first()).toBeVisible();
	}
});
