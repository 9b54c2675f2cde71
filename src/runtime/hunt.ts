/**
 * Browser glue for the find-it-fast hunt (rules: src/lib/hunt/): the hunt in progress kept under
 * `qms-training:hunt` through the storage adapter (validated by src/schemas/hunt-state.ts), the
 * page index fetched when a hunt starts, and the finished run written to the learner record.
 * Changes are announced with a `qms-hunt-change` event on window, which loads the hunt bar on the
 * page where a hunt starts (src/components/hunt/HuntBar.astro).
 */
import { drawTargets, type HuntPage } from '../lib/hunt/targets';
import { startHunt, type HuntState } from '../lib/hunt/run';
import { huntRunRecord } from '../lib/hunt/record';
import { newSeed, seededRandom } from '../lib/hunt/random';
import { newId } from '../lib/progress/ids';
import { HuntStateSchema } from '../schemas/hunt-state';
import { getStorage } from './storage';

/** Storage name (the adapter adds `qms-training:`). */
export const HUNT_KEY = 'hunt';
/** Event on window after the stored hunt changed in this page. */
export const HUNT_CHANGE = 'qms-hunt-change';

/** The stored hunt, or null (a damaged one is backed up and dropped by the adapter, with a notice). */
export function readHunt(): HuntState | null {
	const s = getStorage().readJson(HUNT_KEY, HuntStateSchema);
	// A target index past the list would leave the hunt neither running nor finished.
	return s && s.current <= s.targets.length ? s : null;
}

/** Save the hunt; false (with the adapter's notice) when storage refused it. `announce`: fire HUNT_CHANGE (the bar saves quietly). */
export function saveHunt(s: HuntState, announce = true): boolean {
	const ok = getStorage().writeJson(HUNT_KEY, s);
	if (announce) dispatchEvent(new CustomEvent(HUNT_CHANGE));
	return ok;
}

export function clearHunt(): void {
	getStorage().remove(HUNT_KEY);
	dispatchEvent(new CustomEvent(HUNT_CHANGE));
}

/** Page id of the page shown: "/a/b/" → "a/b", "/" → "index" (as src/schemas/page.ts ids). */
export function currentPageId(): string {
	const id = decodeURIComponent(location.pathname).replace(/^\/+|\/+$/g, '').toLowerCase();
	return id === '' ? 'index' : id;
}

/**
 * Start a hunt: fetch the page index from `indexUrl`, draw five targets with `seed` (a new random
 * seed when null), leaving out `exclude`, and save it. Throws with a message when the index cannot
 * be loaded or has too few pages, or storage refused the hunt.
 */
export async function beginHunt(indexUrl: string, seed: number | null, exclude: readonly string[]): Promise<HuntState> {
	const res = await fetch(indexUrl);
	if (!res.ok) throw new Error(`The page index could not be loaded (HTTP ${res.status}).`);
	const pages = (await res.json()) as HuntPage[];
	const s = seed ?? newSeed(Math.random);
	const state = startHunt(newId(), s, drawTargets(pages, seededRandom(s), undefined, exclude), Date.now());
	if (!saveHunt(state)) throw new Error('Your browser refused to save the hunt (storage full or blocked).');
	return state;
}

/**
 * Write a finished hunt to the learner record (once: the run keeps the hunt's id) and mark it
 * recorded. Returns a sentence for the learner.
 */
export async function recordHunt(s: HuntState): Promise<{ state: HuntState; note: string }> {
	const run = huntRunRecord(s);
	if (!run || s.recorded) return { state: s, note: 'This hunt is saved in your progress.' };
	try {
		const { loadProgressStore } = await import('../stores/progress-ready');
		const store = await loadProgressStore();
		const r = store.recordHuntRun(run);
		if (!r.ok) return { state: s, note: `This hunt could not be saved in your progress: ${r.message}` };
		const next = { ...s, recorded: true };
		saveHunt(next, false);
		return { state: next, note: 'This hunt is saved in your progress.' };
	} catch (e) {
		console.error(e);
		return { state: s, note: 'This hunt could not be saved in your progress.' };
	}
}
