/**
 * Starlight's search modal creates `new PagefindUI(…)` from `@pagefind/default-ui`; astro.config
 * aliases that import to this module, so the modal gets these fixes without copying Starlight's
 * Search component:
 *
 * 1. Query words: the learner's question goes through `modalQuery` (numbers and units in one form,
 *    function words removed) before Pagefind sees it, the same step the search-quality suite applies.
 * 2. Relaxed search: the UI's Pagefind API is src/runtime/search/relaxed-pagefind.ts (a small chunk
 *    loaded with the UI), which falls back to most of the words when no page has them all; a note
 *    above the results names the words left out and offers "Did you mean" (search-note.ts).
 * 3. Complete filters: Pagefind computes a search's filter counts from the filter chunks loaded so
 *    far, and the UI keeps the first search's filters. A learner typing while the chunks load saw
 *    only some filter groups (Program but not Role) until they typed again. Input events are held
 *    here until every filter chunk is loaded (at most FILTERS_WAIT_MS), then replayed once, so the
 *    first search has all.
 */
import { PagefindUI as PagefindUIBase } from '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs';

type QueryWords = typeof import('../../lib/search/query');

export interface PagefindUIOptions {
	/** CSS selector or element the UI renders into. */
	element?: string | HTMLElement;
	/** URL path of the Pagefind bundle, ending in "/", e.g. "/pagefind/". */
	bundlePath?: string;
	[option: string]: unknown;
}

interface PagefindApi {
	filters(): Promise<Record<string, Record<string, number>>>;
}

/** What Pagefind's UI calls on the module it loads as its API (ui-core.mjs, Pagefind 1.5). */
const PAGEFIND_API = ['options', 'init', 'search', 'debouncedSearch', 'preload', 'filters', 'mergeIndex', 'destroy'];

/** Pagefind UI's Svelte component; `$$set` changes its props after construction. */
interface SvelteComponent {
	$$set(props: Record<string, unknown>): void;
}

export class PagefindUI extends PagefindUIBase {
	declare _pfs: SvelteComponent | null;

	/** Same options as Pagefind's own `PagefindUI`; a `processTerm` given here runs after ours. */
	constructor(opts: PagefindUIOptions) {
		const root = typeof opts.element === 'string' ? document.querySelector(opts.element) : opts.element;
		const bundlePath = opts.bundlePath ?? '/pagefind/';
		const own = opts.processTerm as ((term: string) => string) | undefined;
		// Loaded with the learner's first focus in the modal (below); input is held until then, so
		// every search the learner types goes through it (the raw words only if it failed to load).
		let words: QueryWords | undefined;
		const processTerm = (term: string) => {
			const q = words ? words.modalQuery(term) : term;
			return own ? own(q) : q;
		};
		super({ ...opts, processTerm });
		// Everything beyond Pagefind's own UI loads with the learner's first focus in the modal, as
		// Pagefind's own API does, not on every page's idle: the relaxed API (the UI's own loading, on
		// focus or first search, waits below until it points there), the query words step and the
		// note above the results.
		let extras: Promise<void> | undefined;
		const loadExtras = () =>
			(extras ??= Promise.all([
				import('./relaxed-pagefind').then((api) => {
					// Looking the API up by name also keeps the bundler from dropping the exports only the UI calls.
					const missing = PAGEFIND_API.filter((name) => typeof (api as Record<string, unknown>)[name] !== 'function');
					if (missing.length > 0) throw new Error(`relaxed Pagefind API lacks ${missing.join(', ')}`);
					this._pfs?.$$set({ base_path: api.moduleBase() });
				}),
				import('../../lib/search/query').then((q) => void (words = q)),
				root instanceof HTMLElement && import('./search-note').then((n) => n.attachSearchNote(root, (term) => this.triggerSearch(term))),
			])
				.then(() => undefined)
				.catch(() => undefined)); // plain Pagefind search is still search
		if (root instanceof HTMLElement) {
			// Pagefind names its search box only by `title`, which axe reports (label-title-only, serious).
			const box = root.querySelector<HTMLInputElement>('input.pagefind-ui__search-input');
			box?.setAttribute('aria-label', box.title || box.placeholder || 'Search');
			holdInputUntilReady(root, bundlePath, loadExtras);
		}
	}
}

/**
 * Longest wait for the filter chunks, in ms. After it the learner's typing goes through anyway:
 * on a stalled network a search with some filter groups missing beats no search at all.
 */
const FILTERS_WAIT_MS = 8000;

/**
 * From the first focus inside `root`, swallow `input` events on its search box until the extras
 * (relaxed API, query words step, note) are in place and Pagefind has every filter chunk (or
 * FILTERS_WAIT_MS has passed), then replay one `input` so the UI searches for what is in the box
 * by then. If loading fails the events are released at once. The UI's own `focus` handler (which
 * loads its API) is kept from running before the extras are in place; the first search loads it
 * instead.
 */
function holdInputUntilReady(root: HTMLElement, bundlePath: string, loadExtras: () => Promise<void>): void {
	let ready = false;
	let extrasReady = false;
	let held: HTMLInputElement | null = null;
	const hold = (event: Event) => {
		if (ready || !(event.target instanceof HTMLInputElement)) return;
		held = event.target;
		event.stopPropagation();
	};
	root.addEventListener('input', hold, { capture: true });
	root.addEventListener(
		'focus',
		(event) => {
			if (extrasReady) return;
			void loadExtras().finally(() => (extrasReady = true));
			event.stopPropagation();
		},
		{ capture: true },
	);
	root.addEventListener(
		'focusin',
		() => {
			// Same URL as the UI's own import, so this is the same module and the same loaded index.
			const loaded = import(/* @vite-ignore */ `${bundlePath}pagefind.js`).then((pagefind: PagefindApi) => pagefind.filters());
			Promise.race([Promise.all([loaded, loadExtras()]), new Promise((resolve) => setTimeout(resolve, FILTERS_WAIT_MS))])
				.catch(() => undefined)
				.finally(() => {
					ready = true;
					root.removeEventListener('input', hold, { capture: true });
					held?.dispatchEvent(new Event('input', { bubbles: true }));
				});
		},
		{ once: true },
	);
}
