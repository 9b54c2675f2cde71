/**
 * Pagefind ranking weights, shared by the Starlight config and the search-quality suite (which
 * queries the Pagefind API directly with the same weights as the search modal).
 * Tuned on tests/e2e/search-questions: shorter, focused pages and exact terms win, so a plain
 * question ("how long is the release manager training") lands on the page that answers it.
 */
export const PAGEFIND_RANKING = {
	pageLength: 0.6,
	termFrequency: 0.8,
	termSimilarity: 1.2,
	termSaturation: 1.4,
} as const;
