import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PAGEFIND_RANKING } from '../../src/lib/search/ranking';
import { searchTerm } from '../../src/lib/search/query';

interface Question {
	/** A plain-language question as a learner would type it. */
	q: string;
	/** Page id that must be among the top 3 results. */
	page: string;
}

const dir = join(import.meta.dirname, 'search-questions');
const questions: Question[] = readdirSync(dir)
	.filter((f) => f.endsWith('.json'))
	.flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Question[]);

/**
 * Top-3 result page ids for a query, from the built Pagefind index with the site's ranking and the
 * same query step as the search modal (`searchTerm`).
 */
async function top3(page: Page, query: string): Promise<string[]> {
	return page.evaluate(
		async ({ q, ranking }) => {
			// The part of Pagefind's JS API used here (pagefind.js).
			interface Pagefind {
				options(o: object): Promise<void>;
				search(q: string): Promise<{ results: Array<{ data(): Promise<{ url: string }> }> }>;
			}
			const w = window as unknown as { __pf?: Pagefind };
			const pf = (w.__pf ??= (await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`)) as Pagefind);
			await pf.options({ ranking });
			const res = await pf.search(q);
			const data = await Promise.all(res.results.slice(0, 3).map((r) => r.data()));
			return data.map((d) => new URL(d.url, location.origin).pathname.replace(/^\/|\/$/g, ''));
		},
		{ q: searchTerm(query), ranking: PAGEFIND_RANKING },
	);
}

test('search quality: plain-language questions land in the top 3 (≥ 90 %)', async ({ page }) => {
	test.setTimeout(120_000);
	expect(questions.length).toBeGreaterThanOrEqual(25);
	await page.goto('/');
	const misses: string[] = [];
	for (const { q, page: want } of questions) {
		const got = await top3(page, q);
		if (!got.includes(want)) misses.push(`"${q}" → want ${want}, got [${got.join(', ')}]`);
	}
	const rate = (questions.length - misses.length) / questions.length;
	console.log(`search quality: ${questions.length - misses.length}/${questions.length} = ${(rate * 100).toFixed(1)} % in top 3`);
	if (misses.length) console.log(`misses:\n  ${misses.join('\n  ')}`);
	expect(rate, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
});

test('every search question names a page that exists', async ({ request }) => {
	for (const { page } of questions) {
		const res = await request.get(`/${page}/`);
		expect(res.status(), page).toBe(200);
	}
});

/** Pagefind's UI draws filter groups as their data arrives; on a busy machine that takes seconds. */
const FILTERS_MS = 15_000;
const FILTER_GROUPS = [/program/i, /role/i, /kind/i, /level/i];

/** Opens the search modal with Ctrl+K once Starlight has created Pagefind's UI; returns its input. */
async function openSearch(page: Page) {
	await page.goto('/');
	// Pagefind's UI is created when the browser is idle; the shortcut works from then on.
	await page.locator('#starlight__search input').waitFor({ state: 'attached' });
	await page.keyboard.press('Control+k');
	const input = page.getByRole('dialog').getByRole('textbox');
	await expect(input).toBeFocused();
	return input;
}

async function expectAllFilterGroups(page: Page) {
	for (const name of FILTER_GROUPS) {
		await expect(page.locator('.pagefind-ui__filter-name', { hasText: name })).toBeVisible({ timeout: FILTERS_MS });
	}
}

test('the search modal finds a page by keyboard, and offers filters', async ({ page }) => {
	const input = await openSearch(page);
	await input.fill('quality gates blocking');
	const first = page.locator('.pagefind-ui__result-link').first();
	await expect(first).toBeVisible();
	await expectAllFilterGroups(page);
	// Excerpts that quote a page's facts bar keep the words apart ("Type Module", not "TypeModule").
	const excerpts = (await page.locator('.pagefind-ui__result-excerpt').allTextContents()).join(' ');
	expect(excerpts).toMatch(/Program [A-Z]/);
	expect(excerpts).not.toMatch(/(Program|Type|Level|Duration|Source)(?=[A-Z0-9])/);
	const href = await first.getAttribute('href');
	await first.click();
	await expect(page).toHaveURL(new RegExp(href!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '$'));
});

test('every filter group shows on the first search even when the filter data arrives late', async ({ page }) => {
	// Pagefind computes a search's filters from the filter chunks loaded so far; before the fix in
	// src/runtime/search/pagefind-ui.ts a slow chunk left its group out of the panel.
	let delayed = 0;
	await page.route('**/pagefind/filter/**', async (route) => {
		delayed += 1;
		await new Promise((r) => setTimeout(r, 300 * delayed));
		await route.continue();
	});
	const input = await openSearch(page);
	await input.pressSequentially('risk register', { delay: 20 });
	await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: FILTERS_MS });
	expect(delayed).toBeGreaterThanOrEqual(FILTER_GROUPS.length);
	await expectAllFilterGroups(page);
});

test('a stalled filter download delays the first search by at most 8 s, and never blocks it', async ({ page }) => {
	// FILTERS_WAIT_MS in src/runtime/search/pagefind-ui.ts.
	await page.route('**/pagefind/filter/**', () => {
		// Never answered.
	});
	const input = await openSearch(page);
	const typed = Date.now();
	await input.fill('risk register');
	await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 20_000 });
	// Held until the wait ran out (it started when the modal took focus, just before typing).
	expect(Date.now() - typed).toBeGreaterThanOrEqual(6_000);
});

test('the search modal ignores function words in a question', async ({ page }) => {
	// "which" is on other pages but not on the answer, and Pagefind requires every indexed word.
	const input = await openSearch(page);
	await input.fill('which improvements are quick wins');
	const links = page.locator('.pagefind-ui__result-link');
	await expect(links.first()).toBeVisible();
	const top = await links.evaluateAll((as) => as.slice(0, 3).map((a) => new URL((a as HTMLAnchorElement).href).pathname));
	expect(top).toContain('/qms-leadership/process-improvement/continuous-improvement/');
});

test('a keyword synonym finds the page that uses other words', async ({ page }) => {
	await page.goto('/');
	// "DoR" is a keyword of the QMS introduction module.
	expect(await top3(page, 'DoR')).toContain('qms-onboarding/developer/qms-introduction');
});
