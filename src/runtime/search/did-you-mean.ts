/**
 * "Did you mean" for the search modal: fetches the site's word list (/search-words.json, built by
 * src/pages/search-words.json.ts) once, then corrects the words that matched no page.
 */
import { closestWord, correctedQuery } from '../../lib/search/suggest';

let words: Promise<string[]> | undefined;

function vocabulary(): Promise<string[]> {
	words ??= fetch(`${import.meta.env.BASE_URL.replace(/\/$/, '')}/search-words.json`)
		.then((r) => (r.ok ? (r.json() as Promise<unknown>) : []))
		.then((list) => (Array.isArray(list) ? list.filter((w): w is string => typeof w === 'string') : []))
		.catch(() => {
			words = undefined; // try again on the next miss
			return [];
		});
	return words;
}

/**
 * @param typed    what the learner typed
 * @param unknown  the query words that matched no page
 * @returns the typed query with those words corrected, or null when none has a close site word
 */
export async function suggestFor(typed: string, unknown: readonly string[]): Promise<string | null> {
	const vocab = await vocabulary();
	const fixes = new Map<string, string>();
	for (const w of unknown) {
		const fix = closestWord(w, vocab);
		if (fix) fixes.set(w.toLowerCase(), fix);
	}
	return fixes.size > 0 ? correctedQuery(typed, fixes) : null;
}
