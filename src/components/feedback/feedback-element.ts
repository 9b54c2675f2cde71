/**
 * `<qms-feedback>`: fill in and save a feedback form; saved entries are listed (as text only, so
 * nothing a learner or an imported file typed can run as HTML) and travel with exports.
 */
import type { FeedbackEntry } from '../../schemas/progress';
import { $progress, addFeedback } from '../../stores/progress';
import { embeddedJson, formatDateTime, h, replace, showError } from '../../runtime/dom';

interface Config {
	formId: string;
	questions: { id: string; type: 'rating' | 'text'; prompt: string; required: boolean }[];
}

class QmsFeedback extends HTMLElement {
	private config!: Config;
	private unsubscribe?: () => void;

	connectedCallback(): void {
		try {
			this.config = embeddedJson<Config>(this, 'script[data-config]');
			const form = this.querySelector<HTMLFormElement>('form[data-form]')!;
			for (const el of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLButtonElement>('input, textarea, button')) el.disabled = false;
			form.addEventListener('submit', (e) => {
				e.preventDefault();
				this.submit(form);
			});
			this.unsubscribe = $progress.subscribe((r) => this.renderHistory(r.feedback.filter((f) => f.formId === this.config.formId)));
		} catch (e) {
			console.error(e);
			showError(this, 'The feedback form could not start. Reload the page to try again.');
		}
	}

	disconnectedCallback(): void {
		this.unsubscribe?.();
	}

	private submit(form: HTMLFormElement): void {
		const ratings: Record<string, number> = {};
		const texts: Record<string, string> = {};
		const missing: string[] = [];
		for (const q of this.config.questions) {
			const li = form.querySelector(`[data-question-id="${CSS.escape(q.id)}"]`)!;
			if (q.type === 'rating') {
				const c = li.querySelector<HTMLInputElement>('input:checked');
				if (c) ratings[q.id] = Number(c.value);
				else if (q.required) missing.push(q.prompt);
			} else {
				const v = li.querySelector<HTMLTextAreaElement>('textarea')!.value.trim();
				if (v) texts[q.id] = v;
				else if (q.required) missing.push(q.prompt);
			}
		}
		if (missing.length) {
			showError(this, `Please answer: ${missing.join(' ')}`);
			return;
		}
		showError(this, null);
		const subject = form.querySelector<HTMLInputElement>('[data-subject]')!.value.trim();
		const r = addFeedback({ formId: this.config.formId, subject, ratings, texts });
		replace(
			this.querySelector('[data-live]')!,
			r.ok
				? h('p', {}, 'Thank you. Your feedback is saved in this browser and included when you export your progress (see My progress), so you can share it with the training team.')
				: h('p', { class: 'qms-error' }, r.message),
		);
		if (r.ok) form.reset();
	}

	private renderHistory(entries: FeedbackEntry[]): void {
		const box = this.querySelector<HTMLElement>('[data-history]')!;
		box.hidden = entries.length === 0;
		const prompt = (id: string) => this.config.questions.find((q) => q.id === id)?.prompt ?? id;
		replace(
			this.querySelector('[data-history-list]')!,
			...[...entries].reverse().map((f) =>
				h(
					'li',
					{},
					h('strong', {}, f.subject || 'Training feedback'),
					` — ${formatDateTime(f.at)}`,
					h(
						'dl',
						{},
						...Object.entries(f.ratings).flatMap(([id, n]) => [h('dt', {}, prompt(id)), h('dd', {}, `${n} / 5`)]),
						...Object.entries(f.texts).flatMap(([id, t]) => [h('dt', {}, prompt(id)), h('dd', {}, t)]),
					),
				),
			),
		);
	}
}

if (!customElements.get('qms-feedback')) customElements.define('qms-feedback', QmsFeedback);
