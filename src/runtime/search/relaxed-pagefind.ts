/**
 * Pagefind's JS API with relaxed search, for the search modal. Pagefind's UI loads its API as
 * `${bundlePath}pagefind.js`; src/runtime/search/pagefind-ui.ts points that bundle path at this
 * module (`moduleBase()`), so the UI gets these exports instead of Pagefind's own. Everything but
 * `search` is passed through to the real bundle.
 *
 * `search(term)`: Pagefind's search; when it finds nothing for a query of several words, the
 * relaxation of src/lib/search/relax.ts (drop words that match nowhere, then the rarest, then any
 * word), with the result list shaped like Pagefind's. After every search a `qms-search-note` event
 * on `document` says which words were left out and which matched no page (for "Did you mean").
 */
import { hasPhrase, mergeByWords, missingFromBest, queryWords, relaxSteps } from '../../lib/search/relax';

/** The part of Pagefind's search response this module reads or builds. */
interface PagefindResult {
	id: string;
	score: number;
	words: number[];
	data: () => Promise<unknown>;
}
interface PagefindResponse {
	results: PagefindResult[];
	unfilteredResultCount: number;
	filters: Record<string, Record<string, number>>;
	totalFilters: Record<string, Record<string, number>>;
	timings?: unknown;
}
interface SearchOptions {
	filters?: Record<string, unknown>;
	sort?: Record<string, string>;
}
interface PagefindApi {
	options(o: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	search(term: string, o?: SearchOptions): Promise<PagefindResponse | null>;
	debouncedSearch(term: string, o?: SearchOptions, ms?: number): Promise<PagefindResponse | null>;
	preload(term: string, o?: SearchOptions): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
	mergeIndex(url: string, o?: Record<string, unknown>): Promise<void>;
	destroy(): Promise<void>;
}

/** Detail of the `qms-search-note` event. */
export interface SearchNote {
	/** Increases with every search; a note older than the last one shown is stale. */
	seq: number;
	/** The query as searched (after the modal's query step). */
	term: string;
	/** Query words the shown results do not all hold, in query order; empty when none. */
	without: string[];
	/** Query words that match no page at all (candidates for "Did you mean"). */
	unknown: string[];
}

export const NOTE_EVENT = 'qms-search-note';

/** Same URL as Starlight's bundle path, so this is the very module (and index) the filters use. */
const real: Promise<PagefindApi> = import(/* @vite-ignore */ `${import.meta.env.BASE_URL.replace(/\/$/, '')}/pagefind/pagefind.js`);

let seq = 0;

/**
 * The bundle path to give Pagefind's UI so that it loads this module: this module's URL plus "#",
 * to which the UI appends "pagefind.js" (a fragment: same file from the browser's cache).
 */
export function moduleBase(): string {
	return `${import.meta.url.split('#')[0]}#`;
}

function note(detail: Omit<SearchNote, 'seq'>, n: number): void {
	document.dispatchEvent(new CustomEvent<SearchNote>(NOTE_EVENT, { detail: { ...detail, seq: n } }));
}

export async function search(term: string, opts: SearchOptions = {}): Promise<PagefindResponse | null> {
	const n = ++seq;
	const pf = await real;
	const full = await pf.search(term, opts);
	const words = queryWords(term);
	if (!full || words.length === 0 || hasPhrase(term)) {
		note({ term, without: [], unknown: [] }, n);
		return full;
	}
	if (words.length === 1) {
		note({ term, without: [], unknown: full.results.length === 0 ? words : [] }, n);
		return full;
	}
	// Per-word counts: which words Pagefind silently ignored (indexed nowhere), and how rare the others are.
	const perWord = await Promise.all(words.map((w) => pf.search(w, opts)));
	const counts = perWord.map((r) => r?.results.length ?? 0);
	const unknown = words.filter((_, i) => counts[i] === 0);
	if (full.results.length > 0) {
		note({ term, without: unknown, unknown }, n);
		return full;
	}
	for (const step of relaxSteps(words, counts)) {
		const r = await pf.search(step.keep.join(' '), opts);
		if (r && r.results.length > 0) {
			note({ term, without: step.dropped, unknown }, n);
			return r;
		}
	}
	const merged = mergeByWords(words.map((word, i) => ({ word, hits: perWord[i]?.results ?? [] })));
	note({ term, without: merged.length > 0 ? missingFromBest(words, merged) : [], unknown }, n);
	return {
		...full,
		results: merged.map((m) => m.hit),
		unfilteredResultCount: merged.length,
		// Pagefind gives no filter counts for a merged list; with none, its UI keeps the last ones.
		filters: {},
	};
}

export async function options(o: Record<string, unknown>): Promise<void> {
	return (await real).options(o);
}
export async function init(): Promise<void> {
	return (await real).init();
}
export async function debouncedSearch(term: string, o?: SearchOptions, ms?: number): Promise<PagefindResponse | null> {
	return (await real).debouncedSearch(term, o, ms);
}
export async function preload(term: string, o?: SearchOptions): Promise<void> {
	return (await real).preload(term, o);
}
export async function filters(): Promise<Record<string, Record<string, number>>> {
	return (await real).filters();
}
export async function mergeIndex(url: string, o?: Record<string, unknown>): Promise<void> {
	return (await real).mergeIndex(url, o);
}
export async function destroy(): Promise<void> {
	return (await real).destroy();
}
