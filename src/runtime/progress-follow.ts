/**
 * For islands that show saved progress from the moment the page loads without loading the progress
 * store (and zod) for it: the sidebar marks, the reading controls and checklists. They show what a
 * peek read (src/runtime/progress-peek.ts), read again when another tab changes progress, and
 * follow the store's validated record as soon as anything on the page loads the store. Their
 * actions load the store first: the store validates the whole record before anything is saved.
 */
import type { ProgressRecord } from '../schemas/progress';
import type { ActionResult, ProgressStore } from '../stores/progress';
import { loadProgressStore, whenProgressStoreLoaded } from '../stores/progress-ready';
import { onOtherTabProgress, peekStorage, type StoragePeek } from './progress-peek';

/** What an island shows, taken from a peek or from the store's record. */
export interface ProgressView<T> {
	fromPeek(peek: StoragePeek): T;
	fromStore(record: ProgressRecord): T;
}

/**
 * Call `show` with the view now (from the peek), after other tabs' changes until the store is
 * loaded, and on every change of the store's record once it is. Returns a function that stops.
 */
export function followProgress<T>(view: ProgressView<T>, show: (value: T) => void): () => void {
	let stopped = false;
	let stopStore: (() => void) | undefined;
	let followingStore = false;
	show(view.fromPeek(peekStorage()));
	const stopTabs = onOtherTabProgress(() => {
		if (!followingStore) show(view.fromPeek(peekStorage(true)));
	});
	whenProgressStoreLoaded((store) => {
		// In a task of its own: subscribing reads and validates the whole stored record (when the
		// store has not yet), and the island redraws; both would otherwise lengthen the task that
		// evaluated the store's modules (issue 12, Lighthouse TBT). The peek is shown until then.
		setTimeout(() => {
			if (stopped) return;
			followingStore = true;
			stopStore = store.$progress.subscribe((r) => show(view.fromStore(r)));
		}, 0);
	});
	return () => {
		stopped = true;
		stopTabs();
		stopStore?.();
	};
}

const NOT_LOADED = 'Not saved: this page could not load what it needs to save your progress. Reload the page and try again.';

/**
 * Run `action` on the progress store, loading it first; a store that fails to load gives `ok: false`.
 * While the store loads (a few hundred ms on a first use) leaving the page asks the browser's "leave
 * site?" question, so a click made just before navigating is not silently lost.
 */
export async function withProgressStore(action: (store: ProgressStore) => ActionResult): Promise<ActionResult> {
	const release = guardUnload();
	try {
		let store: ProgressStore;
		try {
			store = await loadProgressStore();
		} catch (e) {
			console.error(e);
			return { ok: false, message: NOT_LOADED };
		}
		return action(store);
	} finally {
		release();
	}
}

/** Ask before unloading the page until the returned function is called. */
function guardUnload(): () => void {
	const ask = (e: BeforeUnloadEvent) => {
		e.preventDefault();
		// Chromium before 119 and Safari still need returnValue set to ask.
		e.returnValue = '';
	};
	window.addEventListener('beforeunload', ask);
	return () => window.removeEventListener('beforeunload', ask);
}

/** When the learner is about to use `el` (pointer over it, focus in it), fetch the store so the action does not wait. */
export function warmProgressStoreOnIntent(el: HTMLElement): void {
	const warm = () => void loadProgressStore().catch(() => {});
	el.addEventListener('pointerenter', warm, { once: true });
	el.addEventListener('focusin', warm, { once: true });
}
