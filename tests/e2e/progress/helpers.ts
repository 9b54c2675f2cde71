/**
 * Shared steps for the progress e2e tests. Quizzes are answered from the answer key the page
 * itself embeds, so the tests keep working when the writers change the question banks.
 */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import type { AnswerKey } from '../../../src/lib/progress/grading';

export const QUIZ_PAGE = '/qms-onboarding/developer/qms-introduction/';
export const QUIZ_ID = 'qms-onboarding-qms-introduction';
export const PATH_PAGE = '/qms-onboarding/developer/';
export const CHECKLIST_PAGE = '/release-readiness/release-manager/';
export const CHECKLIST_ID = 'release-readiness-release-manager';
export const PROGRESS_PAGE = '/progress/';
export const SELF_ASSESSMENT_PAGE = '/release-readiness/assessment/self-assessment/';
export const FEEDBACK_PAGE = '/release-readiness/assessment/training-feedback/';
export const KEY = 'qms-training:progress';
export const UNDO_KEY = 'qms-training:progress-undo';

// The answer key the quiz page embeds is typed by the module that builds it.
export type { AnswerKey };

export function quiz(page: Page, id = QUIZ_ID): Locator {
	return page.locator(`qms-quiz[data-quiz-id="${id}"]`);
}

export async function answerKey(page: Page, id = QUIZ_ID): Promise<AnswerKey> {
	return JSON.parse((await quiz(page, id).locator('script[data-answer-key]').textContent())!);
}

/** Put an ordering question's items in `order` using only the keyboard (focus a move button, press Enter). */
export async function orderByKeyboard(question: Locator, order: string[]): Promise<void> {
	for (let target = 0; target < order.length; target++) {
		const ids = await question.locator('li[data-item-id]').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.itemId!));
		let at = ids.indexOf(order[target]!);
		while (at > target) {
			const up = question.locator(`li[data-item-id="${order[target]}"] button[data-move="-1"]`);
			await up.focus();
			await up.press('Enter');
			at--;
		}
	}
}

/** Answer every question; the questions whose ids are in `wrong` get a wrong answer. */
export async function answerQuiz(page: Page, key: AnswerKey, wrong: string[] = []): Promise<void> {
	const root = quiz(page, key.quizId);
	for (const q of key.questions) {
		const li = root.locator(`li.quiz-question[data-question-id="${q.id}"]`);
		const bad = wrong.includes(q.id);
		switch (q.type) {
			case 'single': {
				const values = await li.locator('input[type=radio]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
				await li.locator(`input[value="${bad ? values.find((v) => v !== q.correct) : q.correct}"]`).check();
				break;
			}
			case 'multiple': {
				const values = await li.locator('input[type=checkbox]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
				for (const v of values) {
					const pick = bad ? !q.correct.includes(v) || v === q.correct[0] : q.correct.includes(v);
					if (pick) await li.locator(`input[value="${v}"]`).check();
				}
				break;
			}
			case 'true-false':
				await li.locator(`input[value="${String(bad ? !q.correct : q.correct)}"]`).check();
				break;
			case 'ordering':
				await orderByKeyboard(li, bad ? [...q.correct].reverse() : q.correct);
				break;
		}
	}
}

export async function stored(page: Page, key = KEY): Promise<string | null> {
	return page.evaluate((k) => localStorage.getItem(k), key);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read any field of the stored JSON, damaged ones included.
export async function storedRecord(page: Page): Promise<Record<string, any>> {
	return JSON.parse((await stored(page)) ?? 'null');
}

/**
 * Scroll to an island, as a learner does to use it, and wait until it has hydrated (the quiz's or
 * checklist's inputs are enabled). Islands load their code only when they come near the viewport
 * or are used (src/runtime/hydrate.ts), so an island below the fold stays disabled until then.
 */
export async function hydrated(page: Page, selector: string): Promise<void> {
	const el = page.locator(selector).first();
	await el.scrollIntoViewIfNeeded();
	await expect(el).toBeEnabled();
}

/** Presses "Export progress" on the progress page and reads the downloaded file back. */
export async function exportFile(page: Page): Promise<{ name: string; text: string }> {
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export progress (JSON file)' }).click();
	const d = await download;
	return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
}
