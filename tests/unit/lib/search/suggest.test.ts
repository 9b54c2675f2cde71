import { describe, expect, it } from 'vitest';
import { closestWord, correctedQuery, maxEdits, vocabulary } from '../../../../src/lib/search/suggest';

const vocab = ['release', 'manager', 'gate', 'gates', 'retrospective', 'checklist', 'relapse'];

describe('closestWord', () => {
	it('suggests the nearest site word within the edit limit', () => {
		expect(closestWord('relase', vocab)).toBe('release');
		expect(closestWord('Retrospectve', vocab)).toBe('retrospective');
		expect(closestWord('chekclist', vocab)).toBe('checklist');
	});

	it('prefers the more frequent word on a tie (earlier in the list)', () => {
		expect(closestWord('gatex', vocab)).toBe('gate');
		expect(closestWord('gat', ['gate', 'gap'])).toBe('gate');
	});

	it('suggests nothing for known, short, numeric or far-off words', () => {
		expect(closestWord('release', vocab)).toBeNull();
		expect(closestWord('ga', vocab)).toBeNull();
		expect(closestWord('p1x', vocab)).toBeNull();
		expect(closestWord('goes', vocab)).toBeNull();
		expect(maxEdits('gate')).toBe(1);
		expect(maxEdits('release')).toBe(2);
	});
});

describe('correctedQuery', () => {
	it('replaces whole words in any case and keeps the rest', () => {
		expect(correctedQuery('How long is the Relase training?', new Map([['relase', 'release']]))).toBe('How long is the release training?');
		expect(correctedQuery('release training', new Map([['relase', 'release']]))).toBeNull();
	});
});

describe('vocabulary', () => {
	it('lists words of 3+ letters, lower case, most frequent first', () => {
		expect(vocabulary(['Gate gate risk', 'a gate; risk, review 85'])).toEqual(['gate', 'risk', 'review']);
	});
});
