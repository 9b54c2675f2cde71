/**
 * `<qms-reading>`: the "Mark as read" toggle and the read-and-understood acknowledgement of the
 * page revision whose hash the build wrote in `data-hash`.
 *
 * It is on nearly every page, often in view at load, so it does not load the progress store (and
 * zod) to show its state: at load it renders what a peek at the stored record says
 * (src/runtime/progress-peek.ts), and it loads the store when the learner is about to press a
 * button (hover, focus) or presses one; the store validates the whole record before anything is
 * saved. Once the store is loaded, by this island or another, the controls follow it.
 */
import type { ActionResult, ProgressStore } from '../../stores/progress';
import { ackStatus, isRead } from '../../lib/progress/reading';
import type { PeekedReading } from '../../lib/progress/peek';
import { formatDateTime } from '../../runtime/dom';
import { onOtherTabProgress, peekStorage } from '../../runtime/progress-peek';
import { loadProgressStore, whenProgressStoreLoaded } from '../../stores/progress-ready';

const NOT_LOADED = 'Not saved: this page could not load what it needs to save your progress. Reload the page and try again.';

class QmsReading extends HTMLElement {
	private stops: (() => void)[] = [];

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

		const render = (state: PeekedReading | undefined) => {
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
		};

		// Until the store is loaded: the peek, read again when another tab changes progress.
		let followingStore = false;
		render(peekStorage().reading.get(pageId));
		this.stops.push(
			onOtherTabProgress(() => {
				if (!followingStore) render(peekStorage(true).reading.get(pageId));
			}),
		);
		whenProgressStoreLoaded((store) => {
			if (!this.isConnected) return;
			followingStore = true;
			this.stops.push(store.$progress.subscribe((r) => render(r.reading[pageId])));
		});

		/** Run an action on the store, loading it first if needed; say so when it was not saved. */
		const act = async (action: (store: ProgressStore) => ActionResult) => {
			let r: ActionResult;
			try {
				r = action(await loadProgressStore());
			} catch (e) {
				console.error(e);
				r = { ok: false, message: NOT_LOADED };
			}
			if (!r.ok) status.textContent = r.message;
		};
		// Read the pressed state when clicked: that is what the learner saw.
		readBtn.addEventListener('click', () => {
			const read = readBtn.getAttribute('aria-pressed') !== 'true';
			void act((s) => s.markRead(pageId, read));
		});
		ackBtn.addEventListener('click', () => void act((s) => s.acknowledge(pageId, hash)));
		// About to press a button: fetch the store now, so the click is saved without a wait.
		const warm = () => void loadProgressStore().catch(() => {});
		this.addEventListener('pointerenter', warm, { once: true });
		this.addEventListener('focusin', warm, { once: true });
		readBtn.disabled = false;
	}

	disconnectedCallback(): void {
		this.stops.splice(0).forEach((stop) => stop());
	}
}

if (!customElements.get('qms-reading')) customElements.define('qms-reading', QmsReading);
