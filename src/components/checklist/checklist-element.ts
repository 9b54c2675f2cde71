/**
 * `<qms-checklist>`: persisted ticks (with the time of each tick or untick), completion per
 * section, and the certification fields. State lives in the progress store; another tab's ticks
 * arrive through it and show here without a reload.
 *
 * Ticks show from the moment the page loads (and print) without the store and zod: the island
 * shows what a peek at the stored record says and follows the store once anything loads it
 * (src/runtime/progress-follow.ts). It loads the store itself when the learner is about to use it
 * (src/runtime/hydrate.ts), and its inputs stay disabled until then, so a tick is saved as it is
 * made and never races what loads.
 */
import type { PeekedChecklist } from '../../lib/progress/peek';
import type { ProgressStore } from '../../stores/progress';
import { loadProgressStore, whenProgressStoreLoaded } from '../../stores/progress-ready';
import { formatDate, formatDateTime } from '../../runtime/format';
import { whenNeeded } from '../../runtime/hydrate';
import { followProgress } from '../../runtime/progress-follow';

class QmsChecklist extends HTMLElement {
	private id_ = '';
	private store?: ProgressStore;
	private stops: (() => void)[] = [];

	connectedCallback(): void {
		try {
			this.id_ = this.dataset.checklistId!;
			for (const box of this.boxes()) box.addEventListener('change', () => this.tick(box));
			this.querySelector('[data-cert-save]')?.addEventListener('click', () => this.saveCertification());
			this.querySelector('[data-print]')?.addEventListener('click', () => window.print());
			this.stops.push(followProgress<PeekedChecklist | undefined>({ fromPeek: (p) => p.checklists[this.id_], fromStore: (r) => r.checklists[this.id_] }, (state) => this.render(state)));
			whenProgressStoreLoaded((store) => {
				if (!this.isConnected) return;
				this.store = store;
				for (const el of this.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input[data-item-id], [data-cert-date], [data-cert-by], [data-cert-save]')) el.disabled = false;
			});
			this.stops.push(whenNeeded([this, ...this.children], loadProgressStore));
		} catch (e) {
			console.error(e);
			this.error('This checklist could not load its saved ticks. Reload the page to try again.');
		}
	}

	disconnectedCallback(): void {
		this.stops.splice(0).forEach((stop) => stop());
	}

	private boxes(): HTMLInputElement[] {
		return [...this.querySelectorAll<HTMLInputElement>('input[data-item-id]')];
	}

	private error(message: string | null): void {
		const el = this.querySelector<HTMLElement>('[data-error]')!;
		el.hidden = message === null;
		el.textContent = message ?? '';
	}

	private tick(box: HTMLInputElement): void {
		if (!this.store) return;
		const r = this.store.setChecklistItem(this.id_, box.dataset.itemId!, box.checked);
		this.error(r.ok ? null : r.message);
		if (!r.ok) this.render(this.store.$progress.get().checklists[this.id_]);
	}

	private saveCertification(): void {
		if (!this.store) return;
		const date = this.querySelector<HTMLInputElement>('[data-cert-date]')!.value;
		const by = this.querySelector<HTMLInputElement>('[data-cert-by]')!.value;
		const r = this.store.setChecklistMeta(this.id_, { date, by });
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
