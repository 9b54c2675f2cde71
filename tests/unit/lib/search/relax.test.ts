import { describe, expect, it } from 'vitest';
import { hasPhrase, mergeByWords, missingFromBest, queryWords, relaxSteps } from '../../../../src/lib/search/relax';

describe('queryWords / hasPhrase', () => {
	it('splits on white space and ignores bare punctuation', () => {
		expect(queryWords('  risk  register - gate ')).toEqual(['risk', 'register', 'gate']);
	});
	it('sees straight and curly quotes as a phrase', () => {
		expect(hasPhrase('"quick wins"')).toBe(true);
		expect(hasPhrase('“quick wins”')).toBe(true);
		expect(hasPhrase('quick wins')).toBe(false);
	});
});

describe('relaxSteps', () => {
	it('leaves out the words that match no page without a search of their own', () => {
		// Pagefind already ignores words it has not indexed: "gate review" is what it searched.
		expect(relaxSteps(['gate', 'goes', 'last', 'review'], [12, 0, 0, 30])).toEqual([]);
		expect(relaxSteps(['gate', 'goes', 'risk', 'review'], [12, 0, 5, 30])).toEqual([{ keep: ['gate', 'review'], dropped: ['goes', 'risk'] }]);
	});

	it('then drops the rarest word, one at a time, down to two words', () => {
		const steps = relaxSteps(['release', 'manager', 'training', 'hours'], [50, 9, 40, 20]);
		expect(steps).toEqual([
			{ keep: ['release', 'training', 'hours'], dropped: ['manager'] },
			{ keep: ['release', 'training'], dropped: ['manager', 'hours'] },
		]);
	});

	it('reports dropped words in query order', () => {
		const steps = relaxSteps(['a1', 'b2', 'c3', 'd4'], [5, 0, 1, 9]);
		expect(steps.at(-1)).toEqual({ keep: ['a1', 'd4'], dropped: ['b2', 'c3'] });
	});

	it('has nothing to try when no word matches, or two words that both match', () => {
		expect(relaxSteps(['zzz', 'qqq'], [0, 0])).toEqual([]);
		expect(relaxSteps(['risk', 'gate'], [3, 4])).toEqual([]);
	});
});

describe('mergeByWords', () => {
	const hit = (id: string, score: number) => ({ id, score, extra: id });

	it('ranks pages by how many words they hold, then by summed score', () => {
		const merged = mergeByWords([
			{ word: 'risk', hits: [hit('a', 5), hit('b', 1)] },
			{ word: 'score', hits: [hit('c', 9), hit('b', 2)] },
		]);
		expect(merged.map((m) => m.hit.id)).toEqual(['b', 'c', 'a']);
		expect(merged[0]).toMatchObject({ score: 3, words: ['risk', 'score'] });
		// The original result object is kept (Pagefind's `data()` lives on it).
		expect(merged[0]!.hit.extra).toBe('b');
	});

	it('is stable on ties and empty for no hits', () => {
		const merged = mergeByWords([{ word: 'x', hits: [hit('p', 1), hit('q', 1)] }]);
		expect(merged.map((m) => m.hit.id)).toEqual(['p', 'q']);
		expect(mergeByWords([{ word: 'x', hits: [] }])).toEqual([]);
	});
});

describe('missingFromBest', () => {
	it('names the query words the top result lacks', () => {
		expect(missingFromBest(['a', 'b', 'c'], [{ words: ['c', 'a'] }, { words: ['b'] }])).toEqual(['b']);
		expect(missingFromBest(['a'], [])).toEqual(['a']);
	});
});
