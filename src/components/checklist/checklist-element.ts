/**
 * `<qms-checklist>`: persisted ticks (with the time of each tick or untick), completion per
 * section, and the certification fields. State lives in the progress store; another tab's ticks
 * arrive through it and show here without a reload.
 */
import type { ChecklistState } from '../../schemas/progress';
import { $progress, setChecklistItem, setChecklistMeta } from '../../stores/progress';
import { formatDate, formatDateTime } from '../../runtime/dom';

class QmsChecklist extends HTMLElement {
	private id_ = '';
	private unsubscribe?: () => void;

	connectedCallback(): void {
		try {
			this.id_ = this.dataset.checklistId!;
			for (const box of this.boxes()) {
				box.disabled = false;
				box.addEventListener('change', () => this.tick(box));
			}
			const save = this.querySelector<HTMLButtonElement>('[data-cert-save]');
			if (save) {
				for (const el of this.querySelectorAll<HTMLInputElement>('[data-cert-date], [data-cert-by]')) el.disabled = false;
				save.disabled = false;
				save.addEventListener('click', () => this.saveCertification());
			}
			this.querySelector('[data-print]')?.addEventListener('click', () => window.print());
			this.unsubscribe = $progress.subscribe((r) => this.render(r.checklists[this.id_]));
		} catch (e) {
			console.error(e);
			this.error('This checklist could not load its saved ticks. Reload the page to try again.');
		}
	}

	disconnectedCallback(): void {
		this.unsubscribe?.();
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
		const r = setChecklistItem(this.id_, box.dataset.itemId!, box.checked);
		this.error(r.ok ? null : r.message);
		if (!r.ok) this.render($progress.get().checklists[this.id_]);
	}

	private saveCertification(): void {
		const date = this.querySelector<HTMLInputElement>('[data-cert-date]')!.value;
		const by = this.querySelector<HTMLInputElement>('[data-cert-by]')!.value;
		const r = setChecklistMeta(this.id_, { date, by });
		const status = this.querySelector<HTMLElement>('[data-cert-status]')!;
		status.textContent = r.ok ? 'Certification saved.' : r.message;
	}

	private render(state: ChecklistState | undefined): void {
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
