/**
 * `<qms-self-assessment>`: rate every statement 1–5, see the running average, submit; each
 * submission is kept (progress store) and listed with its average and band.
 */
import type { SelfAssessmentSubmission } from '../../schemas/progress';
import { averageRating, bandFor, formatAverage, type Band } from '../../lib/progress/self-assessment';
import { $progress, addSelfAssessment } from '../../stores/progress';
import { embeddedJson, formatDateTime, h, replace, showError } from '../../runtime/dom';

interface Config {
	assessmentId: string;
	bands: Band[];
	statements: string[];
}

class QmsSelfAssessment extends HTMLElement {
	private config!: Config;
	private unsubscribe?: () => void;

	connectedCallback(): void {
		try {
			this.config = embeddedJson<Config>(this, 'script[data-config]');
			const form = this.querySelector<HTMLFormElement>('form[data-form]')!;
			for (const input of form.querySelectorAll<HTMLInputElement>('input')) input.disabled = false;
			this.querySelector<HTMLButtonElement>('[data-submit]')!.disabled = false;
			form.addEventListener('change', () => this.renderRunning());
			form.addEventListener('submit', (e) => {
				e.preventDefault();
				this.submit(form);
			});
			this.unsubscribe = $progress.subscribe((r) => this.renderHistory(r.selfAssessments.filter((s) => s.assessmentId === this.config.assessmentId)));
		} catch (e) {
			console.error(e);
			showError(this, 'The self-assessment could not start. Reload the page to try again.');
		}
	}

	disconnectedCallback(): void {
		this.unsubscribe?.();
	}

	private ratings(): Record<string, number> {
		const out: Record<string, number> = {};
		for (const fs of this.querySelectorAll<HTMLElement>('[data-statement-id]')) {
			const c = fs.querySelector<HTMLInputElement>('input:checked');
			if (c) out[fs.dataset.statementId!] = Number(c.value);
		}
		return out;
	}

	private renderRunning(): void {
		const r = Object.values(this.ratings());
		const n = this.config.statements.length;
		this.querySelector('[data-running]')!.textContent =
			r.length === 0 ? `Rated 0 of ${n} statements.` : `Rated ${r.length} of ${n} statements. Average so far: ${formatAverage(averageRating(r))} / 5.`;
	}

	private submit(form: HTMLFormElement): void {
		const ratings = this.ratings();
		const missing = this.config.statements.filter((id) => !(id in ratings));
		if (missing.length) {
			showError(this, `Rate every statement before submitting (${missing.length} not rated yet).`);
			form.querySelector<HTMLInputElement>(`[data-statement-id="${CSS.escape(missing[0]!)}"] input`)?.focus();
			return;
		}
		showError(this, null);
		const average = averageRating(Object.values(ratings));
		const r = addSelfAssessment({ assessmentId: this.config.assessmentId, ratings, average });
		const band = bandFor(average, this.config.bands);
		replace(
			this.querySelector('[data-live]')!,
			h('p', {}, h('strong', {}, `Average score: ${formatAverage(average)} / 5 — ${band?.label ?? ''}`)),
			band && h('p', {}, band.advice),
			r.ok ? h('p', {}, 'Saved. Every submission is kept, so you can compare them over time.') : h('p', { class: 'qms-error' }, r.message),
		);
	}

	private renderHistory(subs: SelfAssessmentSubmission[]): void {
		const box = this.querySelector<HTMLElement>('[data-history]')!;
		box.hidden = subs.length === 0;
		replace(
			this.querySelector('[data-history-rows]')!,
			...[...subs].reverse().map((s) => h('tr', {}, h('td', {}, formatDateTime(s.at)), h('td', {}, `${formatAverage(s.average)} / 5`), h('td', {}, bandFor(s.average, this.config.bands)?.label ?? ''))),
		);
	}
}

if (!customElements.get('qms-self-assessment')) customElements.define('qms-self-assessment', QmsSelfAssessment);
