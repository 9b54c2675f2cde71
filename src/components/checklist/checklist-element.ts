/**
 * `<qms-checklist>`: persisted ticks (with the time of each tick or untick), completion per
 * section, and the certification fields. State lives in the progress store; another tab's ticks
 * arrive through it and show here without a reload.
 *
 * Ticks show from the moment the page loads (and print) without loading the store and zod: the
 * island shows what a peek at the stored record says, follows the store once anything loads it,
 * and loads the store when the learner is about to tick or save (src/runtime/progress-follow.ts).
 */
import type { PeekedChecklist } from '../../lib/progress/peek';
import type { ActionResult } from '../../stores/progress';
import { formatDate, formatDateTime } from '../../runtime/dom';
import { followProgress, warmProgressStoreOnIntent, withProgressStore } from '../../runtime/progress-follow';

class QmsChecklist extends HTMLElement {
	private id_ = '';
	private stop?: () => void;
	/** The state last shown, to put a box back when a tick was not saved. */
	private shown: PeekedChecklist | undefined;

	connectedCallback(): void {
		try {
			this.id_ = this.dataset.checklistId!;
			for (const box of this.boxes()) {
				box.disabled = false;
				box.addEventListener('change', () => void this.tick(box));
			}
			const save = this.querySelector<HTMLButtonElement>('[data-cert-save]');
			if (save) {
				for (const el of this.querySelectorAll<HTMLInputElement>('[data-cert-date], [data-cert-by]')) el.disabled = false;
				save.disabled = false;
				save.addEventListener('click', () => void this.saveCertification());
			}
			this.querySelector('[data-print]')?.addEventListener('click', () => window.print());
			warmProgressStoreOnIntent(this);
			this.stop = followProgress<PeekedChecklist | undefined>({ fromPeek: (p) => p.checklists.get(this.id_), fromStore: (r) => r.checklists[this.id_] }, (state) => {
				this.shown = state;
				this.render(state);
			});
		} catch (e) {
			console.error(e);
			this.error('This checklist could not load its saved ticks. Reload the page to try again.');
		}
	}

	disconnectedCallback(): void {
		this.stop?.();
	}

	private boxes(): HTMLInputElement[] {
		return [...this.querySelectorAll<HTMLInputElement>('input[data-item-id]')];
	}

	private error(message: string | null): void {
		const el = this.querySelector<HTMLElement>('[data-error]')!;
		el.hidden = message === null;
		el.textContent = message ?? '';
	}

	private async tick(box: HTMLInputElement): Promise<void> {
		const r: ActionResult = await withProgressStore((s) => s.setChecklistItem(this.id_, box.dataset.itemId!, box.checked));
		this.error(r.ok ? null : r.message);
		// Not saved: show the saved state again (the box goes back).
		if (!r.ok) this.render(this.shown);
	}

	private async saveCertification(): Promise<void> {
		const date = this.querySelector<HTMLInputElement>('[data-cert-date]')!.value;
		const by = this.querySelector<HTMLInputElement>('[data-cert-by]')!.value;
		const r = await withProgressStore((s) => s.setChecklistMeta(this.id_, { date, by }));
		const status = this.querySelector<HTMLElement>('[data-cert-status]')!;
		status.textContent = r.ok ? 'Certification saved.' : r.message;
	}

	private render(state: PeekedChecklist | undefined): void {
		let done = 0;
		let total = 0;
		for (const section of this.querySelectorAll<HTMLElement>('[data-section-id]')) {
			const boxes = [...section.querySelectorAll<HTMLInputElement>('input[data-item-id]')];
			let sectionDone = 0;
			for (const box of boxes) {
				const t = state?.items[box.dataset.itemId!];
				box.checked = t?.checked === true;
				if (box.checked) sectionDone++;
				const time = box.closest('li')!.querySelector<HTMLElement>('[data-tick-time]')!;
				time.textContent = t?.checked ? `ticked ${formatDateTime(t.at)}` : '';
			}
			section.querySelector('[data-section-count]')!.textContent = `(${sectionDone} of ${boxes.length}${sectionDone === boxes.length ? ', complete' : ''})`;
			done += sectionDone;
			total += boxes.length;
		}
		const summary = this.querySelector<HTMLElement>('[data-summary]')!;
		const text = `${done} of ${total} items done${done === total ? ': checklist complete' : ''}`;
		if (summary.textContent !== text) summary.textContent = text;
		const cert = state?.certification;
		const dateInput = this.querySelector<HTMLInputElement>('[data-cert-date]');
		const byInput = this.querySelector<HTMLInputElement>('[data-cert-by]');
		// Do not overwrite what the learner is typing.
		if (cert && dateInput && document.activeElement !== dateInput) dateInput.value = cert.date;
		if (cert && byInput && document.activeElement !== byInput) byInput.value = cert.by;
		const status = this.querySelector<HTMLElement>('[data-cert-status]');
		if (status && cert && !status.textContent && (cert.date || cert.by)) {
			status.textContent = `Certified${cert.date ? ` on ${formatDate(cert.date)}` : ''}${cert.by ? ` by ${cert.by}` : ''} (saved ${formatDateTime(cert.at)}).`;
		}
	}
}

if (!customElements.get('qms-checklist')) customElements.define('qms-checklist', QmsChecklist);
