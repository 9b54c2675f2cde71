/**
 * Starlight's search modal creates `new PagefindUI(…)` from `@pagefind/default-ui`; astro.config
 * aliases that import to this module, so the modal gets two fixes without copying Starlight's
 * Search component:
 *
 * 1. Query words: the learner's question goes through `searchTerm` (function words removed) before
 *    Pagefind sees it, the same step the search-quality suite applies.
 * 2. Complete filters: Pagefind computes a search's filter counts from the filter chunks loaded so
 *    far, and the UI keeps the first search's filters. A learner typing while the chunks load saw
 *    only some filter groups (Program but not Role) until they typed again. Input events are held
 *    here until every filter chunk is loaded (at most FILTERS_WAIT_MS), then replayed once, so the
 *    first search has all.
 */
import { PagefindUI as PagefindUIBase } from '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs';
import { searchTerm } from '../../lib/search/query';

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

export class PagefindUI extends PagefindUIBase {
	/** Same options as Pagefind's own `PagefindUI`; a `processTerm` given here runs after ours. */
	constructor(opts: PagefindUIOptions) {
		const root = typeof opts.element === 'string' ? document.querySelector(opts.element) : opts.element;
		const bundlePath = opts.bundlePath ?? '/pagefind/';
		const own = opts.processTerm as ((term: string) => string) | undefined;
		super({ ...opts, processTerm: (term: string) => (own ? own(searchTerm(term)) : searchTerm(term)) });
		if (root instanceof HTMLElement) holdInputUntilFiltersLoad(root, bundlePath);
	}
}

/**
 * Longest wait for the filter chunks, in ms. After it the learner's typing goes through anyway:
 * on a stalled network a search with some filter groups missing beats no search at all.
 */
const FILTERS_WAIT_MS = 8000;

/**
 * From the first focus inside `root`, swallow `input` events on its search box until Pagefind has
 * every filter chunk (or FILTERS_WAIT_MS has passed), then replay one `input` so the UI searches
 * for what is in the box by then. If loading fails the events are released at once.
 */
function holdInputUntilFiltersLoad(root: HTMLElement, bundlePath: string): void {
	let ready = false;
	let held: HTMLInputElement | null = null;
	const hold = (event: Event) => {
		if (ready || !(event.target instanceof HTMLInputElement)) return;
		held = event.target;
		event.stopPropagation();
	};
	root.addEventListener('input', hold, { capture: true });
	root.addEventListener(
		'focusin',
		() => {
			// Same URL as the UI's own import, so this is the same module and the same loaded index.
			const loaded = import(/* @vite-ignore */ `${bundlePath}pagefind.js`).then((pagefind: PagefindApi) => pagefind.filters());
			Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, FILTERS_WAIT_MS))])
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
