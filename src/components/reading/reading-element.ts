/**
 * `<qms-reading>`: the "Mark as read" toggle and the read-and-understood acknowledgement of the
 * page revision whose hash the build wrote in `data-hash`.
 */
import { ackStatus, isRead } from '../../lib/progress/reading';
import { $progress, acknowledge, markRead } from '../../stores/progress';
import { formatDateTime } from '../../runtime/dom';

class QmsReading extends HTMLElement {
	private unsubscribe?: () => void;

	connectedCallback(): void {
		try {
			this.start();
		} catch (e) {
			console.error(e);
		}
	}

	private start(): void {
		const pageId = this.dataset.pageId!;
		const hash = this.dataset.hash!;
		const readBtn = this.querySelector<HTMLButtonElement>('[data-read]')!;
		const ackBtn = this.querySelector<HTMLButtonElement>('[data-ack]')!;
		const status = this.querySelector<HTMLElement>('[data-status]')!;
		const report = (r: { ok: boolean; message?: string }) => {
			if (!r.ok) status.textContent = r.message ?? 'Not saved.';
		};
		readBtn.addEventListener('click', () => report(markRead(pageId, readBtn.getAttribute('aria-pressed') !== 'true')));
		ackBtn.addEventListener('click', () => report(acknowledge(pageId, hash)));
		readBtn.disabled = false;
		this.unsubscribe = $progress.subscribe((r) => {
			const state = r.reading[pageId];
			readBtn.setAttribute('aria-pressed', String(isRead(state)));
			const ack = ackStatus(state, hash);
			status.dataset.state = ack.status;
			if (ack.status === 'current') {
				ackBtn.hidden = true;
				status.textContent = `You confirmed you read and understood this revision on ${formatDateTime(ack.ack.at)}.`;
			} else if (ack.status === 'outdated') {
				ackBtn.hidden = false;
				ackBtn.disabled = false;
				ackBtn.textContent = 'Confirm the new revision';
				status.textContent = `This page has changed since you confirmed it on ${formatDateTime(ack.ack.at)}. Please read it again and confirm the new revision.`;
			} else {
				ackBtn.hidden = false;
				ackBtn.disabled = false;
				ackBtn.textContent = 'I have read and understood this page';
				status.textContent = '';
			}
		});
	}

	disconnectedCallback(): void {
		this.unsubscribe?.();
	}
}

if (!customElements.get('qms-reading')) customElements.define('qms-reading', QmsReading);
