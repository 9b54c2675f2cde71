/**
 * Pagefind's JS API with relaxed search, for the search modal. Pagefind's UI loads its API as
 * `${bundlePath}pagefind.js`; src/runtime/search/pagefind-ui.ts points that bundle path at this
 * module (`moduleBase()`), so the UI gets these exports instead of Pagefind's own. Everything but
 * `search` is passed through to the real bundle.
 *
 * `search(term)`: for one word or a quoted phrase, Pagefind's search; for several words, one
 * Pagefind search per word ranked by src/lib/search/relax.ts (`rankByWords`: the best pages for
 * most of the words, not only pages with all of them), shaped like Pagefind's response. After every
 * search a `qms-search-note` event on `document` says which words the top result leaves out and
 * which matched no page (for "Did you mean").
 */
import { hasPhrase, missingFromBest, queryWords, rankByWords } from '../../lib/search/relax';

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

let loaded: Promise<PagefindApi> | undefined;

/**
 * Pagefind's own API, loaded on first use. Same URL as Starlight's bundle path, so this is the very
 * module (and index) the filters use.
 */
function pagefind(): Promise<PagefindApi> {
	loaded ??= import(/* @vite-ignore */ `${import.meta.env.BASE_URL.replace(/\/$/, '')}/pagefind/pagefind.js`);
	return loaded;
}

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
	const pf = await pagefind();
	const words = queryWords(term);
	if (words.length < 2 || hasPhrase(term)) {
		const plain = await pf.search(term, opts);
		const unknown = words.length === 1 && plain && plain.results.length === 0 ? words : [];
		note({ term, without: [], unknown }, n);
		return plain;
	}
	const [perWord, pages] = await Promise.all([Promise.all(words.map((w) => pf.search(w, opts))), pageCount(pf)]);
	const unknown = words.filter((_, i) => (perWord[i]?.results.length ?? 0) === 0);
	const ranked = rankByWords(
		words.map((word, i) => ({ word, hits: perWord[i]?.results ?? [] })),
		pages,
	);
	note({ term, without: ranked.length > 0 ? missingFromBest(words, ranked) : [], unknown }, n);
	const base = perWord.find((r) => r !== null) ?? null;
	if (!base) return null;
	return {
		...base,
		results: ranked.map((m) => m.hit),
		unfilteredResultCount: ranked.length,
		// Pagefind gives no filter counts for a merged list; with none, its UI keeps the last ones.
		filters: {},
	};
}

let pagesInIndex: Promise<number> | undefined;

/** Pages in the index (a search for `null` lists them all), once per page load. */
function pageCount(pf: PagefindApi): Promise<number> {
	pagesInIndex ??= pf.search(null as unknown as string).then((r) => r?.results.length ?? 0);
	return pagesInIndex;
}

export async function options(o: Record<string, unknown>): Promise<void> {
	return (await pagefind()).options(o);
}
export async function init(): Promise<void> {
	return (await pagefind()).init();
}
export async function debouncedSearch(term: string, o?: SearchOptions, ms?: number): Promise<PagefindResponse | null> {
	return (await pagefind()).debouncedSearch(term, o, ms);
}
export async function preload(term: string, o?: SearchOptions): Promise<void> {
	return (await pagefind()).preload(term, o);
}
export async function filters(): Promise<Record<string, Record<string, number>>> {
	return (await pagefind()).filters();
}
export async function mergeIndex(url: string, o?: Record<string, unknown>): Promise<void> {
	return (await pagefind()).mergeIndex(url, o);
}
export async function destroy(): Promise<void> {
	return (await pagefind()).destroy();
}
