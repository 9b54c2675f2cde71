/**
 * Layout shift (issue 12): My progress, My credentials and a module page with a knowledge check
 * must not move while their islands fill in, for a learner with everything done and for a new
 * learner, on a phone-sized and a desktop-sized window. The browser's own `layout-shift`
 * performance entries are summed (buffered from the start of the page, shifts right after input
 * left out, as CLS does) once the islands have hydrated; the sum must stay below 0.05.
 * Lighthouse reports the same metric in `npm run bench`; this test fails the suite without it.
 */
import { expect, test, type Page } from '@playwright/test';
import { contentIds, fullRecord } from './support/full-record';
import { KEY } from './progress/helpers';

const LIMIT = 0.05;
const SIZES = { mobile: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };
const QUIZ_PAGE = { url: '/qms-onboarding/developer/qms-introduction/', quizId: 'qms-onboarding-qms-introduction' };

interface Shift {
	value: number;
	hadRecentInput: boolean;
	sources: string[];
}

/** Record every layout shift from the first frame (a buffered observer started before any script of the page). */
async function observeShifts(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const w = window as unknown as { __shifts: Shift[] };
		w.__shifts = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] }[]) {
				w.__shifts.push({
					value: e.value,
					hadRecentInput: e.hadRecentInput,
					sources: (e.sources ?? []).map((s) => (s.node instanceof Element ? `${s.node.localName}.${[...s.node.classList].join('.')}` : String(s.node?.nodeName))),
				});
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
}

/** Sum of shifts without recent input, and the entries (for the failure message). */
async function layoutShift(page: Page): Promise<{ sum: number; shifts: Shift[] }> {
	// Two animation frames: entries of the last frame are delivered.
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
	const shifts = await page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
	return { sum: shifts.filter((s) => !s.hadRecentInput).reduce((a, s) => a + s.value, 0), shifts };
}

const everything = fullRecord();

test('the full record covers every knowledge check, checklist and lab of the content', () => {
	const ids = contentIds();
	expect(Object.keys(everything.quizzes).sort()).toEqual([...ids.quizzes].sort());
	expect(Object.keys(everything.checklists).sort()).toEqual([...ids.checklists].sort());
	expect(Object.keys(everything.labs).sort()).toEqual([...ids.labs].sort());
	expect(ids.quizzes.length).toBeGreaterThan(0);
	expect(ids.labs.length).toBeGreaterThan(0);
});

for (const [size, viewport] of Object.entries(SIZES)) {
	for (const stored of [true, false]) {
		const who = stored ? 'everything done' : 'a new learner';
		test.describe(`${size}, ${who}`, () => {
			test.use({ viewport });
			test.beforeEach(async ({ page }) => {
				await observeShifts(page);
				if (stored) await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [KEY, JSON.stringify(everything)] as const);
			});

			test('My progress does not move while the dashboard fills in', async ({ page }) => {
				await page.goto('/progress/');
				const root = page.locator('qms-progress-dashboard [data-root]');
				// Hydrated: the island replaced the build's empty view with the learner's.
				await expect(root).not.toHaveAttribute('aria-busy');
				if (stored) {
					await expect(root.locator('[data-program]').first().locator('.summary strong')).toContainText(/(\d+) of \1 modules done \(100 %\)/);
					await expect(root.locator('tr[data-quiz-id]').first()).toContainText('Passed');
				} else await expect(root).toContainText('Nothing recorded yet.');
				const { sum, shifts } = await layoutShift(page);
				expect(sum, JSON.stringify(shifts)).toBeLessThan(LIMIT);
			});

			if (stored) {
				test('My progress with a sealed record (shown without the progress store) does not move either', async ({ page }) => {
					// The first visit validates and seals the record (src/runtime/progress-seal.ts); the second shows it from the seal.
					await page.goto('/progress/');
					await expect.poll(() => page.evaluate((k) => localStorage.getItem(`${k}-seal`), KEY), { timeout: 10_000 }).not.toBeNull();
					// Sealed as stored, so the text put back before the reload is the sealed one.
					expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(JSON.stringify(everything));
					await page.reload();
					const root = page.locator('qms-progress-dashboard [data-root]');
					await expect(root).not.toHaveAttribute('aria-busy');
					await expect(root.locator('[data-program]').first().locator('.summary strong')).toContainText(/(\d+) of \1 modules done \(100 %\)/);
					const { sum, shifts } = await layoutShift(page);
					expect(sum, JSON.stringify(shifts)).toBeLessThan(LIMIT);
				});
			}

			test('My credentials does not move while the cards fill in', async ({ page }) => {
				await page.goto('/credentials/');
				await expect(page.locator('qms-my-credentials .creds')).not.toHaveAttribute('aria-busy');
				await expect(page.locator('[data-summary]')).toContainText(stored ? /^[1-9]\d* credentials? earned/ : /^0 credentials earned/);
				const { sum, shifts } = await layoutShift(page);
				expect(sum, JSON.stringify(shifts)).toBeLessThan(LIMIT);
			});

			test('a module page does not move while its knowledge check and reading marks fill in', async ({ page }) => {
				await page.goto(QUIZ_PAGE.url);
				const quiz = page.locator(`qms-quiz[data-quiz-id="${QUIZ_PAGE.quizId}"]`);
				// A returning learner's knowledge check starts at load and reviews the last attempt; a new
				// learner's starts when it comes near the viewport. Then the reader scrolls to it.
				if (stored) await expect(quiz.locator('[data-status]')).toContainText('Best score: 100 %');
				await quiz.evaluate((el) => el.scrollIntoView({ block: 'start' }));
				if (!stored) await expect(quiz.locator('[data-submit]')).toBeEnabled();
				await expect(quiz.locator('[data-status]')).toContainText(stored ? 'Attempts: 1' : 'Attempts: 0');
				const { sum, shifts } = await layoutShift(page);
				expect(sum, JSON.stringify(shifts)).toBeLessThan(LIMIT);
			});
		});
	}
}
