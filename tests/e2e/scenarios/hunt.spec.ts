/**
 * The find-it-fast hunt end to end in Chromium (issue 8; 001 Universal Competency 1): started by
 * keyboard from its page with a fixed seed, completed by really navigating (the search modal for
 * some targets, the sidebar for one), surviving a reload, passed, and the run on My progress; a
 * fail path where Playwright's clock runs a target past 2 minutes; axe on the hunt page and on a
 * page with the hunt bar showing. The drawn targets are read from the stored hunt.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';

const HUNT_PAGE = '/release-readiness/scenarios/find-it-fast/';
const SEED = 20261130;

interface StoredTarget {
	page: string;
	title: string;
}

const bar = (page: Page) => page.locator('qms-hunt-bar');
const clue = (page: Page) => bar(page).locator('.hunt-clue');

async function storedTargets(page: Page): Promise<StoredTarget[]> {
	const raw = await page.evaluate(() => localStorage.getItem('qms-training:hunt'));
	expect(raw).not.toBeNull();
	return (JSON.parse(raw!) as { targets: StoredTarget[] }).targets;
}

async function startHunt(page: Page, seed: number): Promise<void> {
	await page.goto(`${HUNT_PAGE}?seed=${seed}`);
	await expect(page.locator('#hunt-seed')).toHaveValue(String(seed));
	const start = page.getByRole('button', { name: 'Start the hunt' });
	await expect(start).toBeEnabled();
	await start.focus();
	await start.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: `Hunt started (seed ${seed})` })).toBeVisible();
	await expect(clue(page)).toContainText('Target 1 of 5. Topic:');
	await expect(clue(page)).toHaveAttribute('aria-live', 'polite');
}

/** Find `t` with the search modal: Ctrl+K, type its title, open its result with the keyboard. */
async function viaSearch(page: Page, t: StoredTarget): Promise<void> {
	await page.locator('#starlight__search input').waitFor({ state: 'attached' });
	await page.keyboard.press('Control+k');
	const input = page.getByRole('dialog').getByRole('textbox');
	await expect(input).toBeFocused();
	await input.fill(t.title);
	const result = page.locator(`#starlight__search a.pagefind-ui__result-link[href="/${t.page}/"]`).first();
	await expect(result).toBeVisible({ timeout: 20_000 });
	await result.focus();
	await Promise.all([page.waitForURL(`**/${t.page}/`), result.press('Enter')]);
}

/** Find `t` in the sidebar: open its groups (click their summaries), then click the link. */
async function viaSidebar(page: Page, t: StoredTarget): Promise<void> {
	const sidebar = page.locator('#starlight__sidebar');
	const href = `a[href="/${t.page}/"]`;
	const link = sidebar.locator(href);
	// `has` is matched inside each details element, so it takes a locator relative to it.
	const groups = sidebar.locator('details', { has: page.locator(href) });
	expect(await groups.count()).toBeGreaterThan(0);
	for (let i = 0; i < (await groups.count()); i++) {
		const d = groups.nth(i);
		if (!(await d.evaluate((el) => (el as HTMLDetailsElement).open))) await d.locator('> summary').click();
	}
	await Promise.all([page.waitForURL(`**/${t.page}/`), link.click()]);
}

test('hunt: five targets found by search and sidebar, across a reload, passes and shows on My progress', async ({ page }) => {
	test.setTimeout(180_000);
	await startHunt(page, SEED);
	const targets = await storedTargets(page);
	expect(targets).toHaveLength(5);
	expect(new Set(targets.map((t) => t.page)).size).toBe(5);
	// The clue never gives the title away.
	for (const t of targets) expect(await clue(page).textContent()).not.toContain(t.title);

	for (const [i, t] of targets.entries()) {
		if (i === 1) await viaSidebar(page, t);
		else await viaSearch(page, t);
		await expect(clue(page)).toContainText(`Found "${t.title}" in `);
		// The bar announces; it never takes focus.
		expect(await bar(page).evaluate((el) => el.contains(document.activeElement))).toBe(false);
		if (i < 4) await expect(clue(page)).toContainText(`Target ${i + 2} of 5.`);
		if (i === 0) {
			await expect(bar(page).getByRole('timer')).toHaveText(/^0:0\d of 2:00$/);
			await expectNoSeriousA11yViolations(page);
		}
		if (i === 2) {
			await page.reload();
			await expect(clue(page)).toContainText('Target 4 of 5.');
		}
	}
	await expect(clue(page)).toContainText('Hunt finished: 5 of 5 found in under 2:00 each. Passed.');
	await expect(bar(page).locator('.hunt-note')).toHaveText('This hunt is saved in your progress.');
	await expectNoSeriousA11yViolations(page);

	await bar(page).getByRole('link', { name: 'See it on My progress' }).click();
	await expect(page).toHaveURL(/\/progress\/$/);
	const row = page.locator('table[data-hunt-runs] tbody tr');
	await expect(row).toHaveCount(1);
	await expect(row.locator('td').nth(1)).toHaveText('Passed');
	await expect(row.locator('li')).toHaveCount(5);
	for (const t of targets) await expect(row.getByRole('link', { name: t.title })).toHaveAttribute('href', `/${t.page}/`);
	await expect(row.locator('li').first()).toContainText('found, 0:');
	const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('qms-training:progress')!));
	expect(stored.hunts).toHaveLength(1);
	expect(stored.hunts[0]).toMatchObject({ seed: SEED, passed: true, limitMs: 120_000 });
	expect(stored.hunts[0].targets.every((t: { status: string; ms: number }) => t.status === 'found' && t.ms < 120_000)).toBe(true);

	// Close: the bar goes away and adds nothing to later pages.
	await page.goto(HUNT_PAGE);
	await bar(page).getByRole('button', { name: 'Close' }).press('Enter');
	await expect(bar(page)).toBeHidden();
	await page.reload();
	await expect(bar(page)).toBeHidden();
	expect(await page.evaluate(() => localStorage.getItem('qms-training:hunt'))).toBeNull();
});

test('hunt: a target left past 2 minutes times out, pause stops the clock, and the hunt is not passed', async ({ page }) => {
	await page.clock.install();
	await startHunt(page, 7);
	const timer = bar(page).getByRole('timer');
	await page.clock.fastForward('01:30');
	// The installed clock also runs in real time, so a second may pass between steps.
	await expect(timer).toHaveText(/^1:3\d of 2:00$/);

	// Pause by keyboard: the clock no longer counts.
	const pauseButton = bar(page).getByRole('button', { name: 'Pause' });
	await pauseButton.focus();
	await pauseButton.press('Enter');
	await expect(bar(page).getByRole('button', { name: 'Resume' })).toBeFocused();
	await expect(timer).toHaveText(/^1:3\d of 2:00 \(paused\)$/);
	const pausedAt = await timer.textContent();
	await page.clock.fastForward('05:00');
	await expect(timer).toHaveText(pausedAt!);
	await expect(clue(page)).toContainText('Target 1 of 5.');
	await expectNoSeriousA11yViolations(page);
	await bar(page).getByRole('button', { name: 'Resume' }).press('Enter');

	await page.clock.fastForward('00:31');
	await expect(clue(page)).toContainText('Time is up for target 1');
	await expect(clue(page)).toContainText('Target 2 of 5.');

	await bar(page).getByRole('button', { name: 'Skip this target' }).press('Enter');
	await expect(clue(page)).toContainText('Skipped target 2');
	await bar(page).getByRole('button', { name: 'End hunt' }).press('Enter');
	await expect(clue(page)).toContainText('Hunt finished: 0 of 5 found in under 2:00 each. Not passed.');
	// End is gone with the hunt, so focus moves within the bar to Close, not to the page.
	await expect(bar(page).getByRole('button', { name: 'Close' })).toBeFocused();
	await expect(bar(page).locator('.hunt-note')).toHaveText('This hunt is saved in your progress.');

	await page.goto('/progress/');
	const row = page.locator('table[data-hunt-runs] tbody tr');
	await expect(row).toHaveCount(1);
	await expect(row.locator('td').nth(1)).toHaveText('Not passed');
	await expect(row.locator('li').first()).toContainText('timed out, 2:00');
	await expect(row.locator('li').nth(1)).toContainText('skipped');
});

test('hunt: two open tabs show the same hunt: started, found, ended and closed in one, followed in the other', async ({ page, context }) => {
	const other = await context.newPage();
	await other.goto('/catalog/');
	await expect(bar(other)).toBeHidden();

	await startHunt(page, SEED);
	// Started in the first tab: the second shows it without a reload.
	await expect(clue(other)).toContainText('Target 1 of 5. Topic:');
	const [first] = await storedTargets(page);

	// Found in the second tab: the first moves on to target 2.
	await other.goto(`/${first!.page}/`);
	await expect(clue(other)).toContainText(`Found "${first!.title}" in `);
	await expect(clue(page)).toContainText('Target 2 of 5.');

	// Ended in the first tab: both show the result, and the run is saved once.
	await bar(page).getByRole('button', { name: 'End hunt' }).press('Enter');
	const result = 'Hunt finished: 1 of 5 found in under 2:00 each. Not passed.';
	await expect(clue(page)).toHaveText(result);
	await expect(clue(other)).toHaveText(result);
	await expect(bar(page).locator('.hunt-note')).toHaveText('This hunt is saved in your progress.');
	await expect(bar(other).locator('.hunt-note')).toHaveText('This hunt is saved in your progress.');
	const hunts = await page.evaluate(() => JSON.parse(localStorage.getItem('qms-training:progress')!).hunts);
	expect(hunts).toHaveLength(1);

	// Closed in the second tab: the bar goes away in the first too.
	await bar(other).getByRole('button', { name: 'Close' }).press('Enter');
	await expect(bar(other)).toBeHidden();
	await expect(bar(page)).toBeHidden();
	await other.close();
});
