/**
 * Relaxed search for Pagefind, which returns only pages that hold every word of a query: a
 * learner's long question ("what happens after two days of not using context7") then finds nothing,
 * or only long pages that happen to hold every word. The search modal
 * (src/runtime/search/relaxed-pagefind.ts) searches each word alone and ranks the pages with
 * `rankByWords`, so the best pages for most of the words come first, and tells the learner which
 * words the top result leaves out, as general search engines do. Words that match no page are left
 * out (and offered to "Did you mean").
 *
 * A query with a quoted phrase is not relaxed: quotes ask for exactly those words.
 */

/** Whether a query asks for an exact phrase ("…"), which must not be relaxed. */
export function hasPhrase(term: string): boolean {
	return /["“”]/.test(term);
}

/** The query's words as Pagefind will see them: split on white space, empty ones removed. */
export function queryWords(term: string): string[] {
	return term.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** The part of a Pagefind result the ranking needs; the rest of the object is kept as it is. */
export interface ScoredHit {
	id: string;
	score: number;
}

/** One query word with Pagefind's ranked results for that word alone. */
export interface WordHits<H extends ScoredHit> {
	word: string;
	hits: readonly H[];
}

/** A ranked page: the original hit (first seen), its combined score and the query words it holds. */
export interface MergedHit<H extends ScoredHit> {
	hit: H;
	score: number;
	words: string[];
}

/**
 * Rarity weight of a word, log(1 + pages / pages with the word): a word on few pages says more
 * about what the learner wants than one on most pages ("golden" against "signals").
 */
export function wordWeight(pagesWithWord: number, pages: number): number {
	return Math.log(1 + Math.max(pages, 1) / Math.max(pagesWithWord, 1));
}

/**
 * Any-word ranking from one Pagefind search per word: for each word a page holds, its Pagefind score
 * for that word as a share of that word's best score (so a common word such as a program name,
 * which scores very high on its overview page, counts no more than a rare one), times the word's
 * weight; summed, then times the share of the query's total word weight the page holds. So a page
 * with the rare words and most of the others comes first, and a page need not hold every word to
 * be found. Words that match no page weigh nothing.
 *
 * Chosen on tests/e2e/search-questions (146 questions, before keywords were added): answer in the
 * top 3 for 96.6 %, against 77.4 % for Pagefind's all-words search with this kind of ranking only as
 * a fallback when it finds nothing, 89.7 % without the per-word share, and 67.8 % for dropping the
 * rarest word until something is found.
 *
 * @param perWord  for each query word, Pagefind's ranked results for that word alone
 * @param pages    how many pages the index holds (for the word weights)
 * @returns every page found for any word, best first (ties keep first-seen order)
 */
export function rankByWords<H extends ScoredHit>(perWord: ReadonlyArray<WordHits<H>>, pages: number): MergedHit<H>[] {
	const weights = perWord.map(({ hits }) => (hits.length > 0 ? wordWeight(hits.length, pages) : 0));
	const total = weights.reduce((a, b) => a + b, 0) || 1;
	const byId = new Map<string, { hit: H; sum: number; held: number; words: string[]; order: number }>();
	perWord.forEach(({ word, hits }, i) => {
		const weight = weights[i]!;
		const best = Math.max(...hits.map((h) => h.score), Number.MIN_VALUE);
		for (const hit of hits) {
			const part = weight * (hit.score / best);
			const m = byId.get(hit.id);
			if (m) {
				m.sum += part;
				if (!m.words.includes(word)) {
					m.words.push(word);
					m.held += weight;
				}
			} else byId.set(hit.id, { hit, sum: part, held: weight, words: [word], order: byId.size });
		}
	});
	return [...byId.values()]
		.map((m) => ({ ...m, score: m.sum * (m.held / total) }))
		.sort((a, b) => b.score - a.score || a.order - b.order)
		.map(({ hit, score, words }) => ({ hit, score, words }));
}

/**
 * Words of the query that the best ranked result does not hold, in query order: what the modal
 * names in "Showing results without: …".
 */
export function missingFromBest(words: readonly string[], merged: ReadonlyArray<{ words: readonly string[] }>): string[] {
	const best = merged[0];
	if (!best) return [...words];
	return words.filter((w) => !best.words.includes(w));
}
