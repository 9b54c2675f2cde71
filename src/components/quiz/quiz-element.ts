/**
 * `<qms-quiz>`: makes a build-rendered knowledge check interactive. Grading and attempt rules live
 * in src/lib/progress (grading.ts, attempts.ts); attempts are kept by the progress store.
 * After a reload it shows the best score and reviews the last attempt.
 *
 * It starts without the progress store and zod (issue 12, Lighthouse TBT on module pages): the
 * attempts come from a peek at the stored record (src/lib/progress/peek-attempts.ts) until the
 * store is loaded, then from the store's validated record (src/runtime/progress-follow.ts). The
 * store loads when the learner is about to use the knowledge check (src/runtime/hydrate.ts) and at
 * the latest on submit, which records the attempt through it.
 */
import type { QuizAttempt } from '../../schemas/progress';
import { attemptsLeft, bestAttempt, canAttempt, chronological, lastAttempt } from '../../lib/progress/attempts';
import { displayPercent, gradeQuiz, isCorrect, type Answer, type AnswerKey } from '../../lib/progress/grading';
import { peekQuizAttempts } from '../../lib/progress/peek-attempts';
import { countOf } from '../../lib/text/count';
import { loadProgressStore } from '../../stores/progress-ready';
import { embeddedJson, formatDateTime, h, replace } from '../../runtime/dom';
import { whenNeeded } from '../../runtime/hydrate';
import { followProgress, withProgressStore } from '../../runtime/progress-follow';
import { peekWholeRecord } from '../../runtime/record-peek';

const pct = (score: number) => `${displayPercent(score)} %`;

class QmsQuiz extends HTMLElement {
	private key!: AnswerKey;
	private form!: HTMLFormElement;
	private startedAt: string | null = null;
	private reviewing = false;
	private stops: (() => void)[] = [];
	private initialOrder = new Map<string, string[]>();
	/** The attempts shown: from the peek until the store is loaded, then the validated ones. */
	private list: QuizAttempt[] = [];
	/** Id of the attempt under review, if any. */
	private reviewedId: string | null = null;
	private submitting = false;

	connectedCallback(): void {
		try {
			this.key = embeddedJson<AnswerKey>(this, 'script[data-answer-key]');
			this.form = this.querySelector('form[data-form]')!;
			this.form.addEventListener('submit', (e) => {
				e.preventDefault();
				void this.submit();
			});
			this.form.addEventListener('change', () => this.markStarted());
			this.form.addEventListener('click', (e) => this.onClick(e));
			this.q('[data-retry]').addEventListener('click', () => this.retry());
			for (const list of this.all<HTMLOListElement>('[data-ordering]')) {
				this.initialOrder.set(this.questionOf(list).dataset.questionId!, this.itemIds(list));
				this.updateMoveButtons(list);
			}
			let first = true;
			const quizId = this.key.quizId;
			this.stops.push(
				followProgress<QuizAttempt[]>(
					{
						fromPeek: () => {
							const peek = peekWholeRecord();
							return peek.state === 'unvalidated' ? peekQuizAttempts(peek.record, quizId) : [];
						},
						fromStore: (r) => r.quizzes[quizId]?.attempts ?? [],
					},
					(attempts) => {
						this.list = attempts;
						const last = lastAttempt(attempts);
						if (first) {
							first = false;
							if (last) return this.review(last);
						} else if (this.reviewing && !this.submitting && last?.id !== this.reviewedId && !attempts.some((a) => a.id === this.reviewedId)) {
							// The attempt under review is gone (set aside by validation, or reset in another tab).
							if (last) return this.review(last);
							this.clearReview();
							this.setEnabled(true);
						}
						this.renderStatus();
					},
				),
			);
			this.stops.push(whenNeeded([this, ...this.children], loadProgressStore));
			this.setEnabled(!this.reviewing);
		} catch (e) {
			this.fail(e);
		}
	}

	disconnectedCallback(): void {
		this.stops.splice(0).forEach((stop) => stop());
	}

	private q<T extends HTMLElement = HTMLElement>(sel: string, root: ParentNode = this): T {
		return root.querySelector<T>(sel)!;
	}
	private all<T extends HTMLElement = HTMLElement>(sel: string, root: ParentNode = this): T[] {
		return [...root.querySelectorAll<T>(sel)];
	}
	private questions(): HTMLLIElement[] {
		return this.all<HTMLLIElement>('.quiz-question');
	}
	private questionOf(el: Element): HTMLLIElement {
		return el.closest<HTMLLIElement>('.quiz-question')!;
	}
	private itemIds(list: Element): string[] {
		return this.all('li[data-item-id]', list).map((li) => li.dataset.itemId!);
	}
	private attempts(): QuizAttempt[] {
		return this.list;
	}

	private fail(e: unknown): void {
		console.error(e);
		const err = this.querySelector<HTMLElement>('[data-error]');
		if (err) {
			err.hidden = false;
			err.textContent = 'This knowledge check could not start. Reload the page to try again.';
		}
	}

	private markStarted(): void {
		this.startedAt ??= new Date().toISOString();
	}

	private onClick(e: Event): void {
		const btn = (e.target as Element).closest<HTMLButtonElement>('button[data-move]');
		if (!btn || this.reviewing) return;
		this.markStarted();
		const li = btn.closest<HTMLLIElement>('li[data-item-id]')!;
		const list = li.parentElement!;
		const dir = Number(btn.dataset.move);
		const sibling = dir < 0 ? li.previousElementSibling : li.nextElementSibling;
		if (!sibling) return;
		if (dir < 0) list.insertBefore(li, sibling);
		else list.insertBefore(sibling, li);
		this.updateMoveButtons(list);
		// Keep focus on the moved item; if it reached an end, on its other button.
		(btn.disabled ? li.querySelector<HTMLButtonElement>(`button[data-move="${-dir}"]`)! : btn).focus();
		const items = this.itemIds(list);
		const live = this.q('[data-order-live]', this.questionOf(list));
		live.textContent = `${li.querySelector('.ordering-text')!.textContent} moved to position ${items.indexOf(li.dataset.itemId!) + 1} of ${items.length}.`;
	}

	private updateMoveButtons(list: Element): void {
		const lis = this.all('li[data-item-id]', list);
		lis.forEach((li, i) => {
			this.q<HTMLButtonElement>('button[data-move="-1"]', li).disabled = this.reviewing || i === 0;
			this.q<HTMLButtonElement>('button[data-move="1"]', li).disabled = this.reviewing || i === lis.length - 1;
		});
	}

	/** Answers by question id; questions left unanswered are absent. */
	private readAnswers(): Record<string, Answer> {
		const out: Record<string, Answer> = {};
		for (const li of this.questions()) {
			const id = li.dataset.questionId!;
			const inputs = this.all<HTMLInputElement>('input', li);
			switch (li.dataset.type) {
				case 'single': {
					const c = inputs.find((i) => i.checked);
					if (c) out[id] = c.value;
					break;
				}
				case 'multiple': {
					const picked = inputs.filter((i) => i.checked).map((i) => i.value);
					if (picked.length) out[id] = picked;
					break;
				}
				case 'true-false': {
					const c = inputs.find((i) => i.checked);
					if (c) out[id] = c.value === 'true';
					break;
				}
				case 'ordering':
					out[id] = this.itemIds(this.q('[data-ordering]', li));
					break;
			}
		}
		return out;
	}

	private async submit(): Promise<void> {
		if (this.reviewing || this.submitting) return;
		const err = this.q('[data-error]');
		if (!canAttempt(this.key.maxAttempts, this.attempts().length)) {
			err.hidden = false;
			err.textContent = 'No attempts left for this knowledge check.';
			return;
		}
		const answers = this.readAnswers();
		const missing = this.questions()
			.map((li, i) => (Object.hasOwn(answers, li.dataset.questionId!) ? null : i + 1))
			.filter((n): n is number => n !== null);
		if (missing.length) {
			err.hidden = false;
			err.textContent = `Answer every question before submitting (unanswered: ${missing.join(', ')}).`;
			this.q<HTMLInputElement>('input', this.questions()[missing[0]! - 1]!).focus();
			return;
		}
		err.hidden = true;
		const grade = gradeQuiz(this.key, answers);
		const submittedAt = new Date().toISOString();
		const graded = {
			startedAt: this.startedAt ?? submittedAt,
			submittedAt,
			answers,
			correct: grade.correct,
			total: grade.total,
			score: grade.score,
			passMark: this.key.passMark,
			passed: grade.passed,
		};
		let attempt: QuizAttempt | undefined;
		this.submitting = true;
		this.q<HTMLButtonElement>('[data-submit]').disabled = true;
		try {
			const result = await withProgressStore((store) => {
				const r = store.recordQuizAttempt(this.key.quizId, graded);
				attempt = r.attempt;
				return r;
			});
			if (!attempt) {
				// The store did not load: nothing was graded into the record; the form stays as answered.
				err.hidden = false;
				err.textContent = result.ok ? 'This attempt could not be saved.' : result.message;
				this.setEnabled(true);
				return;
			}
			this.review(attempt);
			this.announce(attempt, result.ok ? null : result.message);
		} finally {
			this.submitting = false;
		}
	}

	/** Show an attempt: its answers in the form, right/wrong per question, explanations; inputs locked. */
	private review(a: QuizAttempt): void {
		this.reviewing = true;
		this.reviewedId = a.id;
		for (const li of this.questions()) {
			const id = li.dataset.questionId!;
			const kq = this.key.questions.find((k) => k.id === id);
			const answer = a.answers[id];
			for (const input of this.all<HTMLInputElement>('input', li)) {
				input.checked = Array.isArray(answer) ? answer.includes(input.value) : String(answer) === input.value;
			}
			if (li.dataset.type === 'ordering' && Array.isArray(answer)) {
				const list = this.q('[data-ordering]', li);
				for (const itemId of answer) {
					const item = list.querySelector(`li[data-item-id="${CSS.escape(itemId)}"]`);
					if (item) list.append(item);
				}
			}
			const correct = kq ? isCorrect(kq, answer) : false;
			li.dataset.outcome = correct ? 'correct' : 'wrong';
			this.q('[data-verdict]', li).textContent = correct ? 'Correct.' : answer === undefined ? 'Not answered.' : 'Incorrect.';
			this.q('[data-result]', li).hidden = false;
			for (const choice of this.all('li[data-choice-id]', li)) {
				const cid = choice.dataset.choiceId!;
				const isRight = kq?.type === 'single' ? kq.correct === cid : kq?.type === 'multiple' ? kq.correct.includes(cid) : kq?.type === 'true-false' ? String(kq.correct) === cid : false;
				const picked = Array.isArray(answer) ? answer.includes(cid) : String(answer) === cid;
				this.q('[data-mark]', choice).textContent = [picked && 'Your answer', isRight && 'Correct answer'].filter(Boolean).join(' · ');
				const ex = choice.querySelector<HTMLElement>('[data-explanation]');
				if (ex) ex.hidden = false;
			}
		}
		this.setEnabled(false);
		this.renderStatus();
	}

	private retry(): void {
		this.clearReview();
		this.startedAt = new Date().toISOString();
		replace(this.q('[data-live]'));
		this.setEnabled(true);
		this.renderStatus();
		this.q<HTMLInputElement>('input, button[data-move]', this.form).focus();
	}

	/** Back to an unanswered form: no answers, results or explanations shown. */
	private clearReview(): void {
		this.reviewing = false;
		this.reviewedId = null;
		this.form.reset();
		for (const li of this.questions()) {
			delete li.dataset.outcome;
			this.q('[data-result]', li).hidden = true;
			this.all('[data-explanation]', li).forEach((e) => (e.hidden = true));
			this.all('[data-mark]', li).forEach((m) => (m.textContent = ''));
			if (li.dataset.type === 'ordering') {
				const list = this.q('[data-ordering]', li);
				for (const itemId of this.initialOrder.get(li.dataset.questionId!) ?? []) {
					const item = list.querySelector(`li[data-item-id="${CSS.escape(itemId)}"]`);
					if (item) list.append(item);
				}
			}
		}
	}

	private setEnabled(on: boolean): void {
		for (const input of this.all<HTMLInputElement>('input', this.form)) input.disabled = !on;
		this.all<HTMLOListElement>('[data-ordering]').forEach((l) => this.updateMoveButtons(l));
		const allowed = canAttempt(this.key.maxAttempts, this.attempts().length);
		this.q<HTMLButtonElement>('[data-submit]').disabled = !on || !allowed;
		this.q<HTMLButtonElement>('[data-submit]').hidden = !on && this.attempts().length > 0;
		this.q<HTMLButtonElement>('[data-retry]').hidden = on || !allowed;
	}

	private announce(a: QuizAttempt, saveError: string | null): void {
		const left = attemptsLeft(this.key.maxAttempts, this.attempts().length);
		replace(
			this.q('[data-live]'),
			h('p', {}, h('strong', {}, `You scored ${a.correct} of ${a.total} (${pct(a.score)}): ${a.passed ? 'passed' : 'not passed'}.`), ` The pass mark is ${a.passMark} %.`),
			left !== null && h('p', {}, left === 0 ? 'No attempts left.' : `${countOf(left, 'attempt')} left.`),
			saveError && h('p', { class: 'qms-error' }, `This attempt was graded but not saved: ${saveError}`),
		);
	}

	/** Best score, last attempt, attempts left and the history table, from the store. */
	private renderStatus(): void {
		const attempts = this.attempts();
		const status = this.q('[data-status]');
		const history = this.q<HTMLDetailsElement>('[data-history]');
		history.hidden = attempts.length === 0;
		const left = attemptsLeft(this.key.maxAttempts, attempts.length);
		const count = h('p', {}, `Attempts: ${attempts.length}${left === null ? ' (no limit)' : ` of ${this.key.maxAttempts}; ${left} left`}.`);
		// Three lines whatever the history, as Quiz.astro builds them, so nothing below moves (issue 12).
		if (attempts.length === 0) {
			replace(status, h('p', {}, h('strong', {}, 'Best score: none yet'), ` (pass mark ${this.key.passMark} %)`), h('p', {}, 'Last attempt: none yet.'), count);
			return;
		}
		const best = bestAttempt(attempts)!;
		const last = lastAttempt(attempts)!;
		replace(
			status,
			h('p', {}, h('strong', {}, `Best score: ${pct(best.score)}`), ` (${best.passed ? 'passed' : 'not passed'}; pass mark ${this.key.passMark} %)`),
			h('p', {}, `Last attempt: ${pct(last.score)} on ${formatDateTime(last.submittedAt)}, ${last.passed ? 'passed' : 'not passed'}.`),
			count,
		);
		replace(
			this.q('[data-history-rows]'),
			...chronological(attempts).map((a, i) =>
				h('tr', {}, h('td', {}, i + 1), h('td', {}, formatDateTime(a.submittedAt)), h('td', {}, `${a.correct}/${a.total} (${pct(a.score)})`), h('td', {}, a.passed ? 'Passed' : 'Not passed')),
			),
		);
		if (this.reviewing) this.setEnabled(false);
	}
}

if (!customElements.get('qms-quiz')) customElements.define('qms-quiz', QmsQuiz);
