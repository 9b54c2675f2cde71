/**
 * Query relaxation for Pagefind, which returns only pages that hold every word of a query: when no
 * page has them all, the search modal (src/runtime/search/relaxed-pagefind.ts) falls back step by
 * step, as general search engines do, and tells the learner which words it left out.
 *
 * 1. Leave out the words that match no page at all (a misspelling, "percent"). Pagefind itself
 *    ignores a word it has not indexed, so this step needs no search of its own, but the learner is
 *    told (and offered "Did you mean").
 * 2. Drop the rarest remaining word (fewest pages), one at a time, while at least two words remain.
 * 3. Any-word search: every page that holds any word, ranked by how many query words it holds,
 *    then by the sum of its Pagefind scores.
 *
 * A query with a quoted phrase is never relaxed: quotes ask for exactly those words.
 */

/** Whether a query asks for an exact phrase ("…"), which must not be relaxed. */
export function hasPhrase(term: string): boolean {
	return /["“”]/.test(term);
}

/** The query's words as Pagefind will see them: split on white space, empty ones removed. */
export function queryWords(term: string): string[] {
	return term.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** One step of relaxation: the words to search for together, and the query words left out. */
export interface RelaxStep {
	keep: string[];
	dropped: string[];
}

/**
 * The all-words searches to try, in order, after the full query found nothing.
 *
 * @param words   the query words (as from `queryWords`), at least one
 * @param counts  for each word (same index), how many pages Pagefind finds for it alone
 * @returns steps, each with ≥ 1 word kept and the words left out so far (including those that match
 *   nowhere); none when fewer than three words match anything. The caller ends with an any-word
 *   search (`mergeByWords`).
 */
export function relaxSteps(words: readonly string[], counts: readonly number[]): RelaxStep[] {
	const steps: RelaxStep[] = [];
	const found = words.map((w, i) => ({ w, n: counts[i] ?? 0, i })).filter((x) => x.n > 0);
	if (found.length === 0) return steps;
	let keep = found;
	const dropped = words.filter((_, i) => (counts[i] ?? 0) === 0);
	while (keep.length > 2) {
		// Rarest = fewest pages; on a tie the later word goes (learners put the topic first).
		const rarest = keep.reduce((a, b) => (b.n <= a.n ? b : a));
		keep = keep.filter((x) => x !== rarest);
		dropped.push(rarest.w);
		steps.push({ keep: keep.map((x) => x.w), dropped: words.filter((w) => dropped.includes(w)) });
	}
	return steps;
}

/** The part of a Pagefind result the merge needs; the rest of the object is kept as it is. */
export interface ScoredHit {
	id: string;
	score: number;
}

/** A merged result: the original hit (first seen), the summed score and the query words it holds. */
export interface MergedHit<H extends ScoredHit> {
	hit: H;
	score: number;
	words: string[];
}

/**
 * Any-word search from one result list per word: every page found for any word, ranked by the
 * number of query words it holds (more first), then by its summed Pagefind score (higher first),
 * then by its first appearance (stable).
 *
 * @param perWord  for each query word, Pagefind's ranked results for that word alone
 */
export function mergeByWords<H extends ScoredHit>(perWord: ReadonlyArray<{ word: string; hits: readonly H[] }>): MergedHit<H>[] {
	const byId = new Map<string, MergedHit<H> & { order: number }>();
	for (const { word, hits } of perWord) {
		for (const hit of hits) {
			const m = byId.get(hit.id);
			if (m) {
				m.score += hit.score;
				if (!m.words.includes(word)) m.words.push(word);
			} else byId.set(hit.id, { hit, score: hit.score, words: [word], order: byId.size });
		}
	}
	return [...byId.values()]
		.sort((a, b) => b.words.length - a.words.length || b.score - a.score || a.order - b.order)
		.map(({ hit, score, words }) => ({ hit, score, words }));
}

/**
 * Words of the query that the best merged result does not hold, in query order: what the modal
 * names in "Showing results without: …".
 */
export function missingFromBest(words: readonly string[], merged: ReadonlyArray<{ words: readonly string[] }>): string[] {
	const best = merged[0];
	if (!best) return [...words];
	return words.filter((w) => !best.words.includes(w));
}
