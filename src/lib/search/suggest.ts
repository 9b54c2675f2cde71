import { distance } from 'fastest-levenshtein';

/**
 * Most edits allowed between a misspelt word and a suggestion: 1 for words of up to 5 letters, 2
 * for longer ones. More than that suggests unrelated words ("gate" for "goes").
 */
export function maxEdits(word: string): number {
	return word.length <= 5 ? 1 : 2;
}

/**
 * The site word closest to `word` by edit distance (Levenshtein), for "Did you mean".
 *
 * @param word        a query word that matched no page (any case)
 * @param vocabulary  the site's words, lower case, most frequent first (search-words.json)
 * @returns the closest word within `maxEdits`, the more frequent one on a tie; null when the word
 *   is shorter than 3 letters, has digits, is itself in the vocabulary, or nothing is close enough
 */
export function closestWord(word: string, vocabulary: readonly string[]): string | null {
	const w = word.toLowerCase();
	if (w.length < 3 || /[0-9]/.test(w)) return null;
	const limit = maxEdits(w);
	let best: string | null = null;
	let bestDistance = limit + 1;
	for (const v of vocabulary) {
		if (v === w) return null;
		if (Math.abs(v.length - w.length) >= bestDistance) continue;
		const d = distance(w, v);
		if (d < bestDistance) {
			best = v;
			bestDistance = d;
		}
	}
	return best;
}

/**
 * The learner's query with each misspelt word replaced by its suggestion (whole words, any case).
 *
 * @param query  what the learner typed
 * @param fixes  misspelt word → suggestion
 * @returns the corrected query, or null when no word was replaced
 */
export function correctedQuery(query: string, fixes: ReadonlyMap<string, string>): string | null {
	let changed = false;
	const out = query.replace(/[\p{L}\p{N}]+/gu, (w) => {
		const fix = fixes.get(w.toLowerCase());
		if (!fix) return w;
		changed = true;
		return fix;
	});
	return changed ? out : null;
}

/**
 * The vocabulary for `closestWord` from page texts: words of 3+ letters (no digits), lower case,
 * most frequent first, then alphabetical.
 *
 * @param texts  page titles, descriptions, keywords and bodies (Markdown is fine)
 */
export function vocabulary(texts: Iterable<string>): string[] {
	const counts = new Map<string, number>();
	for (const t of texts) {
		for (const m of t.toLowerCase().matchAll(/\p{L}{3,}/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
	}
	return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}
