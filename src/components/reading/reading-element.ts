/**
 * `<qms-reading>`: the "Mark as read" toggle and the read-and-understood acknowledgement of the
 * page revision whose hash the build wrote in `data-hash`.
 *
 * It is on nearly every page, often in view at load, so it does not load the progress store (and
 * zod) to show its state: it shows what a peek at the stored record says, follows the store once
 * anything loads it, and loads the store when the learner is about to press a button or presses
 * one (src/runtime/progress-follow.ts).
 */
import { ackStatus, isRead } from '../../lib/progress/reading';
import type { PeekedReading } from '../../lib/progress/peek';
import type { ActionResult, ProgressStore } from '../../stores/progress';
import { loadedProgressStore } from '../../stores/progress-ready';
import { formatDateTime } from '../../runtime/format';
import { followProgress, warmProgressStoreOnIntent, withProgressStore } from '../../runtime/progress-follow';

const SAVING = 'Saving…';

class QmsReading extends HTMLElement {
	private stop?: () => void;

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
		const report = (r: ActionResult) => {
			if (!r.ok) status.textContent = r.message;
		};
		/** Run an action: at once when the store is loaded, else after loading it, saying "Saving…" meanwhile. */
		const run = (action: (store: ProgressStore) => ActionResult) => {
			const store = loadedProgressStore();
			if (store) return report(action(store));
			status.textContent = SAVING;
			void withProgressStore(action).then((r) => {
				// The record's change re-renders the status; clear "Saving…" if nothing did.
				if (status.textContent === SAVING) status.textContent = '';
				report(r);
			});
		};
		readBtn.addEventListener('click', () => {
			// The state the learner saw when pressing decides, not what loads afterwards.
			const read = readBtn.getAttribute('aria-pressed') !== 'true';
			run((s) => s.markRead(pageId, read));
		});
		ackBtn.addEventListener('click', () => run((s) => s.acknowledge(pageId, hash)));
		warmProgressStoreOnIntent(this);
		readBtn.disabled = false;
		this.stop = followProgress<PeekedReading | undefined>({ fromPeek: (p) => p.reading[pageId], fromStore: (r) => r.reading[pageId] }, (state) => {
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
		this.stop?.();
	}
}

if (!customElements.get('qms-reading')) customElements.define('qms-reading', QmsReading);
