import { describe, expect, it } from 'vitest';
import { hasPhrase, missingFromBest, queryWords, rankByWords, wordWeight } from '../../../../src/lib/search/relax';

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

describe('wordWeight', () => {
	it('weighs rare words more than common ones', () => {
		expect(wordWeight(2, 200)).toBeGreaterThan(wordWeight(100, 200));
		expect(wordWeight(200, 200)).toBeCloseTo(Math.log(2));
		expect(wordWeight(0, 0)).toBeCloseTo(Math.log(2));
	});
});

describe('rankByWords', () => {
	const hit = (id: string, score: number) => ({ id, score, extra: id });

	it('puts the page with the rare word and most others first, even without every word', () => {
		// "golden" is on 2 of 200 pages, "signals" on 10, "monitoring" on 60; no page holds all three.
		const ranked = rankByWords(
			[
				{ word: 'golden', hits: [hit('monitoring-module', 1), hit('glossary', 0.5)] },
				{ word: 'signals', hits: [hit('monitoring-module', 1), ...Array.from({ length: 9 }, (_, i) => hit(`s${i}`, 2))] },
				{ word: 'monitoring', hits: [hit('glossary', 1), ...Array.from({ length: 59 }, (_, i) => hit(`m${i}`, 3))] },
			],
			200,
		);
		expect(ranked[0]!.hit.id).toBe('monitoring-module');
		expect(ranked[0]!.words).toEqual(['golden', 'signals']);
		// The original result object is kept (Pagefind's `data()` lives on it).
		expect(ranked[0]!.hit.extra).toBe('monitoring-module');
	});

	it('scales a page by the share of the query weight it holds', () => {
		const ranked = rankByWords(
			[
				{ word: 'risk', hits: [hit('a', 1), hit('b', 1)] },
				{ word: 'score', hits: [hit('b', 1), hit('c', 1)] },
			],
			10,
		);
		expect(ranked.map((m) => m.hit.id)).toEqual(['b', 'a', 'c']);
		expect(ranked[0]!.score).toBeCloseTo(2 * Math.log(6));
		expect(ranked[1]!.score).toBeCloseTo(Math.log(6) / 2);
	});

	it("counts each word's score as a share of its best, so one huge score does not win alone", () => {
		// "context7" scores 50 on the overview page; the page with both words wins.
		const ranked = rankByWords(
			[
				{ word: 'context7', hits: [hit('overview', 50), hit('alerts', 5), hit('w1', 5), hit('w2', 5)] },
				{ word: 'inactive', hits: [hit('alerts', 1), hit('w3', 1)] },
			],
			10,
		);
		expect(ranked[0]!.hit.id).toBe('alerts');
		expect(ranked[1]!.hit.id).toBe('w3');
	});

	it('ignores words that match nothing, keeps ties stable, and is empty for no hits', () => {
		const ranked = rankByWords([{ word: 'x', hits: [hit('p', 1), hit('q', 1)] }, { word: 'zzz', hits: [] }], 10);
		expect(ranked.map((m) => m.hit.id)).toEqual(['p', 'q']);
		expect(ranked[0]!.score).toBeCloseTo(Math.log(6));
		expect(rankByWords([{ word: 'x', hits: [] }], 10)).toEqual([]);
	});
});

describe('missingFromBest', () => {
	it('names the query words the top result lacks', () => {
		expect(missingFromBest(['a', 'b', 'c'], [{ words: ['c', 'a'] }, { words: ['b'] }])).toEqual(['b']);
		expect(missingFromBest(['a'], [])).toEqual(['a']);
	});
});
