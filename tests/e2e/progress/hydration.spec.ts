/**
 * Islands below the fold load their code only when the learner comes to them (src/runtime/hydrate.ts),
 * and what must show at load (sidebar ✓ marks, checklist ticks, reading state) comes from a peek at
 * saved progress, without the progress store (src/runtime/progress-peek.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { CHECKLIST_ID, CHECKLIST_PAGE, KEY, QUIZ_ID, QUIZ_PAGE, answerKey, hydrated, orderByKeyboard, quiz, storedRecord } from './helpers';

const QUIZ_PAGE_ID = 'qms-onboarding/developer/qms-introduction';

/** Script URLs the page has loaded so far. */
const scripts = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || e.name.endsWith('.js')).map((e) => e.name));

/** Top of an element relative to the viewport's bottom edge, in CSS pixels (positive: below the fold). */
const belowFold = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().top - window.innerHeight);

test('a knowledge check below the fold hydrates when scrolled into view by keyboard, then works by keyboard', async ({ page }) => {
	const quizCode: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes('quiz-element')) quizCode.push(r.url());
	});
	await page.goto(QUIZ_PAGE, { waitUntil: 'networkidle' });
	const q = quiz(page);
	const submit = q.locator('[data-submit]');
	// Precondition: the quiz starts well below the fold (more than the 200 px look-ahead).
	expect(await belowFold(page, `qms-quiz[data-quiz-id="${QUIZ_ID}"]`)).toBeGreaterThan(400);
	// Let the page settle on events, not a clock: IntersectionObserver reports its first state in a
	// frame, so after two frames and an idle period any load-time trigger would have asked for the code.
	await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(() => resolve())))));
	expect(quizCode, 'quiz island code not requested before it is needed').toEqual([]);
	expect(await page.evaluate(() => customElements.get('qms-quiz') === undefined), 'quiz island not defined before it is needed').toBe(true);
	await expect(submit).toBeDisabled();
	expect((await scripts(page)).filter((s) => s.includes('quiz-element'))).toEqual([]);

	// Scroll with the keyboard until the quiz comes near; its code loads and the form enables.
	await page.locator('main').click({ position: { x: 1, y: 1 } });
	for (let i = 0; i < 40 && (await belowFold(page, `qms-quiz[data-quiz-id="${QUIZ_ID}"]`)) > 0; i++) await page.keyboard.press('PageDown');
	await expect(submit).toBeEnabled();
	expect((await scripts(page)).filter((s) => s.includes('quiz-element')).length).toBeGreaterThan(0);

	// Answer every question with the keyboard only: focus, Space, and Enter on the move buttons.
	const key = await answerKey(page);
	for (const item of key.questions) {
		const li = q.locator(`li.quiz-question[data-question-id="${item.id}"]`);
		const values = item.type === 'multiple' ? item.correct : item.type === 'ordering' ? [] : [String(item.correct)];
		for (const v of values) {
			await li.locator(`input[value="${v}"]`).focus();
			await page.keyboard.press('Space');
			await expect(li.locator(`input[value="${v}"]`)).toBeChecked();
		}
		if (item.type === 'ordering') await orderByKeyboard(li, item.correct);
	}
	await submit.focus();
	await page.keyboard.press('Enter');
	await expect(q.locator('[data-live]')).toContainText(`You scored ${key.questions.length} of ${key.questions.length} (100 %): passed.`);
	expect((await storedRecord(page)).quizzes[QUIZ_ID].attempts).toHaveLength(1);
});

test('checklist ticks and sidebar marks show at load without scrolling (and print), and follow another tab', async ({ context }) => {
	const a = await context.newPage();
	await a.goto(QUIZ_PAGE);
	await a.getByRole('button', { name: 'Mark as read' }).click();
	await expect(a.getByRole('button', { name: 'Mark as read' })).toHaveAttribute('aria-pressed', 'true');
	await a.goto(CHECKLIST_PAGE);
	await hydrated(a, 'input[data-item-id]');
	await a.locator(`qms-checklist[data-checklist-id="${CHECKLIST_ID}"] input[data-item-id="read-roadmap"]`).check();

	// A new tab, not scrolled: the checklist is below the fold, yet its ticks and the ✓ show.
	const b = await context.newPage();
	await b.goto(CHECKLIST_PAGE, { waitUntil: 'networkidle' });
	const box = (p: Page, id: string) => p.locator(`qms-checklist[data-checklist-id="${CHECKLIST_ID}"] input[data-item-id="${id}"]`);
	expect(await belowFold(b, `qms-checklist[data-checklist-id="${CHECKLIST_ID}"]`)).toBeGreaterThan(0);
	await expect(box(b, 'read-roadmap')).toBeChecked();
	await expect(b.locator(`#starlight__sidebar a[href="/${QUIZ_PAGE_ID}/"] .read-mark`)).toHaveText('✓ (read)');
	await b.emulateMedia({ media: 'print' });
	await expect(box(b, 'read-roadmap')).toBeChecked();
	await b.emulateMedia({ media: 'screen' });

	// Tab A ticks and unmarks; tab B, untouched, follows without a reload.
	await box(a, 'read-runbook').check();
	await a.goto(QUIZ_PAGE);
	await a.getByRole('button', { name: 'Mark as read' }).click();
	await expect(box(b, 'read-runbook')).toBeChecked();
	await expect(b.locator(`#starlight__sidebar a[href="/${QUIZ_PAGE_ID}/"] .read-mark`)).toHaveCount(0);

	// Until the learner comes to it, tab B's checklist only shows ticks (inputs disabled, store not loaded).
	await expect(box(b, 'read-success-criteria')).toBeDisabled();
	// Coming to it loads the store; a tick by keyboard then saves, keeping tab A's ticks.
	await hydrated(b, `qms-checklist[data-checklist-id="${CHECKLIST_ID}"] input[data-item-id]`);
	await box(b, 'read-success-criteria').focus();
	await b.keyboard.press('Space');
	await expect(box(b, 'read-success-criteria')).toBeChecked();
	await expect.poll(async () => Object.keys((await storedRecord(b)).checklists[CHECKLIST_ID].items).sort()).toEqual(['read-roadmap', 'read-runbook', 'read-success-criteria']);
	expect(JSON.parse((await b.evaluate((k) => localStorage.getItem(k), KEY))!).reading[QUIZ_PAGE_ID].read).toBe(false);
});

test('a keyboard learner can Tab to a checklist below the fold and tick it', async ({ page }) => {
	test.setTimeout(60_000);
	await page.goto(CHECKLIST_PAGE, { waitUntil: 'networkidle' });
	const first = page.locator(`qms-checklist[data-checklist-id="${CHECKLIST_ID}"] input[data-item-id]`).first();
	expect(await belowFold(page, `qms-checklist[data-checklist-id="${CHECKLIST_ID}"]`)).toBeGreaterThan(400);
	await expect(first).toBeDisabled();
	// Disabled controls are skipped by Tab, so the first Tab anywhere hydrates the page's islands.
	await page.keyboard.press('Tab');
	await expect(first).toBeEnabled();
	let reached = false;
	for (let i = 0; i < 300 && !reached; i++) {
		await page.keyboard.press('Tab');
		reached = await first.evaluate((el) => el === document.activeElement);
	}
	expect(reached, 'Tab reaches the first checklist item').toBe(true);
	await page.keyboard.press('Space');
	await expect(first).toBeChecked();
	const itemId = (await first.getAttribute('data-item-id'))!;
	await expect.poll(async () => (await storedRecord(page)).checklists?.[CHECKLIST_ID]?.items?.[itemId]?.checked).toBe(true);
});
