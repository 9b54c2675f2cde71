/**
 * `<qms-progress-data>`: export, import and reset of saved progress (./data-actions.ts), and the
 * storage used in this browser. So the page ships no zod before the learner does anything, the
 * progress store and the actions load on the learner's first use of the element (focus, press,
 * a file dragged over it), or once something else loaded the store; until then the storage used is
 * counted here from localStorage directly (reads only). An undo copy kept from an import or reset
 * is offered at once: then the actions load after the first paint. A press that comes before the
 * actions are there is handled once they are (never lost, never run twice).
 */
import type { DataActions } from './data-actions';
import { loadProgressStore, whenProgressStoreLoaded } from '../../stores/progress-ready';
import { peekStorage } from '../../runtime/progress-peek';
import { KEY_PREFIX } from '../../runtime/storage-probe';
import { UNDO_KEY } from '../../stores/progress-keys';
import { storageUsage } from '../../lib/progress/usage';
import { showError } from '../../runtime/dom';
import { showUsage } from './usage-text';

class QmsProgressData extends HTMLElement {
	private actions?: DataActions;
	private starting?: Promise<DataActions>;

	connectedCallback(): void {
		try {
			for (const el of this.querySelectorAll<HTMLInputElement | HTMLButtonElement>('[data-export], [data-reset], [data-import-file]')) el.disabled = false;
			whenProgressStoreLoaded(() => void this.start().catch(() => undefined));
			for (const type of ['focusin', 'pointerdown', 'dragenter']) this.addEventListener(type, () => void this.start().catch(() => undefined));
			for (const type of ['click', 'change']) this.addEventListener(type, (e) => this.replayWhenStarted(e));
			const storage = peekStorage();
			// Storage unusable or damaged: the store loads for its notice anyway, and counts.
			if (storage.needsStore) return void this.start().catch(() => undefined);
			const entries: [string, string][] = [];
			for (let i = 0; i < localStorage.length; i++) {
				const key = localStorage.key(i);
				if (key?.startsWith(KEY_PREFIX)) entries.push([key, localStorage.getItem(key) ?? '']);
			}
			void showUsage(this, storageUsage(entries, KEY_PREFIX), true);
			if (localStorage.getItem(KEY_PREFIX + UNDO_KEY) !== null) requestAnimationFrame(() => setTimeout(() => void this.start().catch(() => undefined)));
		} catch (e) {
			console.error(e);
			showError(this, 'This part of the page could not start. Reload the page to try again.');
		}
	}

	disconnectedCallback(): void {
		this.actions?.stop();
	}

	/** Load the store and the actions (once), and start them. Says so in the page when they cannot load. */
	private start(): Promise<DataActions> {
		this.starting ??= Promise.all([loadProgressStore(), import('./data-actions')]).then(
			([, m]) => {
				this.actions = new m.DataActions(this);
				this.actions.start();
				return this.actions;
			},
			(e: unknown) => {
				this.starting = undefined; // the next use tries again
				console.error(e);
				showError(this, 'This could not be done: part of the page did not download. Reload the page and try again. Nothing was changed.');
				throw e;
			},
		);
		return this.starting;
	}

	/**
	 * A press or a picked file that reached this element before the actions were listening: hand it
	 * to them once they are (the actions listen on the controls themselves, so an event that
	 * arrives here after they started was handled already).
	 */
	private replayWhenStarted(e: Event): void {
		if (this.actions) return;
		const target = e.target as HTMLElement;
		if (!(target instanceof HTMLButtonElement || target instanceof HTMLInputElement)) return;
		void this.start().then(
			() => (e.type === 'click' && target instanceof HTMLButtonElement ? target.click() : target.dispatchEvent(new Event(e.type, { bubbles: true }))),
			() => undefined,
		);
	}
}

if (!customElements.get('qms-progress-data')) customElements.define('qms-progress-data', QmsProgressData);
