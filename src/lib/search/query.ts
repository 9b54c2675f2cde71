import { eng, removeStopwords } from 'stopword';
import { normaliseQuery } from './numbers.ts';

/**
 * The `stopword` package's English list has "do" and "did" but not their other forms; a learner's
 * "how long does it take…" otherwise requires "does" on the answering page. Learners also wrap a
 * question in filler that no page answers ("hi, what happens if…", "am I supposed to…"); those
 * words only pull in pages that happen to use them (issue 11).
 */
const FILLER = ['hi', 'hello', 'hey', 'please', 'thanks', 'actually', 'really', 'supposed', 'basically', 'happens', 'happen', 'happening'];
const STOP_WORDS = [...eng, 'does', 'doing', ...FILLER];

/** Punctuation around a word ("worth?", "(DoR)") that must not stop it matching the stop list. */
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/**
 * The words of a learner's query that Pagefind should search for: the query without English
 * function words ("how", "the", "our", "which"), compared case-insensitively and ignoring the
 * punctuation around each word. Why: Pagefind requires every query word it has indexed to be on a
 * page, so "which improvements are quick wins" lost its page because "which" is on other pages but
 * not that one. The list is the `stopword` package's English list plus "does" and "doing"; "not"
 * and "no" are not on it, so negations are kept.
 *
 * @param query  what the learner typed (any string)
 * @returns the remaining words joined by single spaces, in their original spelling; the trimmed
 *   query unchanged when every word is a stop word (so "what is it" still searches something)
 */
export function searchTerm(query: string): string {
	const words = query.split(/\s+/).filter(Boolean);
	const normalised = words.map((w) => w.replace(EDGE_PUNCTUATION, '').toLowerCase());
	const keep = new Set(removeStopwords(normalised, STOP_WORDS));
	const kept = words.filter((_, i) => keep.has(normalised[i]!));
	return kept.length > 0 ? kept.join(' ') : words.join(' ');
}

/**
 * The search modal's whole query step, shared with the search-quality suite and the bench: numbers
 * and units into one form (`normaliseQuery`, src/lib/search/numbers.ts), then function words out
 * (`searchTerm`).
 */
export function modalQuery(query: string): string {
	return searchTerm(normaliseQuery(query));
}
