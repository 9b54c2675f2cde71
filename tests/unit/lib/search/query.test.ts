import { describe, expect, it } from 'vitest';
import { searchTerm } from '../../../../src/lib/search/query';

describe('searchTerm', () => {
	it('drops function words and keeps the words that carry the question', () => {
		expect(searchTerm('which improvements are quick wins')).toBe('improvements quick wins');
		expect(searchTerm('how many hours of the sprint go to code review')).toBe('hours sprint go code review');
		expect(searchTerm('how long does it take to roll out a change')).toBe('long roll change');
	});

	it('matches stop words whatever their case or the punctuation around them', () => {
		expect(searchTerm('What is the DoR?')).toBe('DoR?');
		expect(searchTerm('(Which) gate, OUR team')).toBe('gate, team');
	});

	it('keeps negations, numbers and project terms', () => {
		expect(searchTerm('why is the build not green after 24 hours')).toBe('why build not green 24 hours');
		expect(searchTerm('P0 incident on-call')).toBe('P0 incident on-call');
	});

	it('returns the query itself when only stop words are left, with whitespace collapsed', () => {
		expect(searchTerm('  what is  it ')).toBe('what is it');
		expect(searchTerm('')).toBe('');
	});
});

describe('filler words', () => {
	it('drops the filler learners wrap a question in', () => {
		expect(searchTerm('hi, what actually happens after two days')).toBe('two days');
		expect(searchTerm('what am I supposed to write in my usage table')).toBe('write usage table');
	});
});
