import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { PAGEFIND_RANKING } from '../../src/lib/search/ranking';
import { modalQuery } from '../../src/lib/search/query';

interface Question {
	/** A plain-language question as a learner would type it. */
	q: string;
	/** Page id that must be among the top 3 results. */
	page: string;
}

const dir = join(import.meta.dirname, 'search-questions');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const load = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Question[];
/**
 * learners-*.json: questions written from the seeds and pages the way learners ask (issue 11), before
 * the product was tuned to them. The other files are the first suite, which keeps its 90 % bar.
 */
const learnerQuestions = files.filter((f) => f.startsWith('learners-')).flatMap(load);
const firstQuestions = files.filter((f) => !f.startsWith('learners-')).flatMap(load);
const questions = [...firstQuestions, ...learnerQuestions];

/**
 * Top-3 result page ids for a query, from the built Pagefind index with the site's ranking and the
 * same query step as the search modal (`modalQuery`), without the modal's relaxation.
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
		{ q: modalQuery(query), ranking: PAGEFIND_RANKING },
	);
}

/**
 * Types `q` into the open search modal and waits until its results show: the message names `q`
 * and the first (up to 3) results have their links. Returns their page ids and the wait in ms.
 */
async function askModal(page: Page, input: Locator, q: string): Promise<{ ids: string[]; ms: number; none: boolean }> {
	const t0 = performance.now();
	await input.fill(q);
	const handle = await page.waitForFunction(
		(q) => {
			const msg = document.querySelector('#starlight__search .pagefind-ui__message')?.textContent?.trim() ?? '';
			const m = /^(No results|(\d+) results?) for (.*)$/s.exec(msg);
			if (!m || m[3] !== q) return null;
			const count = m[2] ? Number(m[2]) : 0;
			const items = [...document.querySelectorAll('#starlight__search .pagefind-ui__result')].slice(0, 3);
			const links = items.map((li) => li.querySelector<HTMLAnchorElement>('a.pagefind-ui__result-link')?.href);
			if (links.length < Math.min(3, count) || links.some((h) => !h)) return null;
			return { count, links: links as string[] };
		},
		q,
		{ polling: 'raf', timeout: 15_000 },
	);
	const ms = performance.now() - t0;
	const { count, links } = (await handle.jsonValue())!;
	return { ids: links.map((h) => new URL(h).pathname.replace(/^\/|\/$/g, '')), ms, none: count === 0 };
}

test('search quality in the modal: ≤ 2 % return nothing, ≥ 95 % put the answer in the top 3', async ({ page }) => {
	test.setTimeout(600_000);
	expect(learnerQuestions.length + firstQuestions.length).toBeGreaterThanOrEqual(120);
	const input = await openSearch(page);
	const misses: string[] = [];
	const empty: string[] = [];
	const times: number[] = [];
	let firstHits = 0;
	for (const { q, page: want } of questions) {
		const { ids, ms, none } = await askModal(page, input, q);
		times.push(ms);
		if (none) empty.push(q);
		if (ids.includes(want)) {
			if (firstQuestions.some((x) => x.q === q)) firstHits += 1;
		} else misses.push(`"${q}" → want ${want}, got [${ids.join(', ')}]`);
	}
	const n = questions.length;
	const top3Rate = (n - misses.length) / n;
	const emptyRate = empty.length / n;
	const firstRate = firstHits / firstQuestions.length;
	const median = [...times].sort((a, b) => a - b)[Math.floor(n / 2)]!;
	console.log(`search quality: ${n} questions; in top 3: ${n - misses.length}/${n} = ${(top3Rate * 100).toFixed(1)} %; nothing: ${empty.length}/${n} = ${(emptyRate * 100).toFixed(1)} %`);
	console.log(`first suite (${firstQuestions.length} questions): ${(firstRate * 100).toFixed(1)} % in top 3`);
	console.log(`median time until results show in the modal (typing to top-3 links, incl. Pagefind UI's 300 ms debounce): ${median.toFixed(0)} ms`);
	if (empty.length) console.log(`nothing:\n  ${empty.join('\n  ')}`);
	if (misses.length) console.log(`misses:\n  ${misses.join('\n  ')}`);
	expect(emptyRate, empty.join('\n')).toBeLessThanOrEqual(0.02);
	expect(top3Rate, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
	expect(firstRate).toBeGreaterThanOrEqual(0.9);
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

test('numbers and units match however the learner writes them', async ({ page }) => {
	// src/lib/search/numbers.ts: the query and the pages' hidden search text meet in one form.
	const input = await openSearch(page);
	const cases: [string, string][] = [
		['gate 1 pass mark 85 percent', 'tool-adoption/gates/gate-1-knowledge-foundation'],
		['gate one pass mark 85 %', 'tool-adoption/gates/gate-1-knowledge-foundation'],
		['yellow alert after two days without usage', 'tool-adoption/reference/escalation-and-alerts'],
		['yellow alert after 2 days without usage', 'tool-adoption/reference/escalation-and-alerts'],
		['launch dry run starts 8 AM', 'release-readiness/scenarios/launch-dry-run'],
		['P1 escalation skills every role needs', 'release-readiness/reference/universal-competencies'],
	];
	for (const [q, want] of cases) {
		const { ids } = await askModal(page, input, q);
		expect(ids, q).toContain(want);
	}
});

test('the modal names the words it left out, and offers "Did you mean" by keyboard', async ({ page }) => {
	const input = await openSearch(page);
	const note = page.locator('#starlight__search .qms-search-note');
	// A misspelling that no indexed word starts with (Pagefind 1.6 itself finds "training" for "trainng").
	const { ids } = await askModal(page, input, 'release manager traning');
	expect(ids).toContain('release-readiness/release-manager');
	await expect(note).toContainText('Showing results without: traning');
	const fix = note.getByRole('button', { name: 'release manager training' });
	await expect(fix).toBeVisible();
	// The open modal with its note passes axe like every page type.
	await expectNoSeriousA11yViolations(page);
	// From the search box, Tab reaches the suggestion (after Pagefind's clear button).
	for (let i = 0; i < 4 && !(await fix.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(fix).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(input).toHaveValue('release manager training');
	await expect(page.locator('#starlight__search .pagefind-ui__message')).toHaveText(/\d+ results? for release manager training$/);
	await expect(note).toBeHidden();
});
