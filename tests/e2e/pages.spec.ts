import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { PAGE_TYPES } from './support/page-types';

for (const [type, url] of Object.entries(PAGE_TYPES)) {
	test(`${type} page renders, stays on our origin and passes axe`, async ({ page, baseURL }) => {
		const foreign: string[] = [];
		page.on('request', (req) => {
			const u = new URL(req.url());
			if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== new URL(baseURL!).origin) foreign.push(req.url());
		});
		const res = await page.goto(url);
		expect(res?.status()).toBe(200);
		await expect(page.locator('h1').first()).not.toBeEmpty();
		await page.waitForLoadState('networkidle');
		expect(foreign, 'requests to other origins').toEqual([]);
		await expectNoSeriousA11yViolations(page);
	});
}

test('curriculum pages show their facts: type, source seed, duration', async ({ page }) => {
	await page.goto(PAGE_TYPES.module);
	const facts = page.locator('.page-facts');
	await expect(facts).toContainText('Module');
	await expect(facts).toContainText('Seed 000');
	await expect(facts).toContainText('Duration');
});

test('page content gets Starlight’s content styles: space above headings and between paragraphs', async ({ page }) => {
	// Guards the cascade-layer order (src/styles/theme.css): with "starlight.reset" ranked above
	// "starlight.content" every margin in the page body was 0 and the page read as one block.
	await page.goto(PAGE_TYPES.module);
	const content = page.locator('.sl-markdown-content');
	const headingGap = await content.locator('.sl-heading-wrapper.level-h2').nth(1).evaluate((el) => parseFloat(getComputedStyle(el).marginTop));
	// A paragraph or list right after a paragraph of the page's own prose.
	const paragraphGap = await content.locator(':scope > p + :is(p, ul, ol)').first().evaluate((el) => parseFloat(getComputedStyle(el).marginTop));
	expect(headingGap).toBeGreaterThan(16);
	expect(paragraphGap).toBeGreaterThan(8);
});

test('unknown URLs get the 404 page, which passes axe', async ({ page }) => {
	const res = await page.goto('/no-such-page/');
	expect(res?.status()).toBe(404);
	await expectNoSeriousA11yViolations(page);
});
