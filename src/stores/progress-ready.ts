/**
 * Meeting point between the progress store and the parts of a page that use it only if it is
 * there: the sidebar's read marks and the storage notices follow the store once something loaded
 * it (an island the learner reached, or a notice to show), and never load it just for themselves.
 * src/stores/progress.ts announces itself here when it is evaluated, however it was imported.
 */
import type { ProgressStore } from './progress';

let ready: ProgressStore | undefined;
const waiting: ((store: ProgressStore) => void)[] = [];

function call(cb: (store: ProgressStore) => void, store: ProgressStore): void {
	try {
		cb(store);
	} catch (e) {
		console.error(e);
	}
}

/** Called once by src/stores/progress.ts with the page's store. */
export function announceProgressStore(store: ProgressStore): void {
	ready = store;
	// After the store module has finished evaluating, so callbacks see all of it.
	queueMicrotask(() => waiting.splice(0).forEach((cb) => call(cb, store)));
}

/** Run `cb` with the store as soon as it is loaded (now, if it is). Does not load it. */
export function whenProgressStoreLoaded(cb: (store: ProgressStore) => void): void {
	if (ready) queueMicrotask(() => call(cb, ready!));
	else waiting.push(cb);
}

/** The store if something has loaded it already, else undefined (does not load it). */
export function loadedProgressStore(): ProgressStore | undefined {
	return ready;
}

/** Load the progress store (once) and the stored record. */
export async function loadProgressStore(): Promise<ProgressStore> {
	const { progressStore } = await import('./progress');
	progressStore.load();
	return progressStore;
}
