import { describe, expect, it } from 'vitest';
import { normaliseNumbers, normaliseQuery, numberSynonyms, numberWord } from '../../../../src/lib/search/numbers';
import { modalQuery } from '../../../../src/lib/search/query';

describe('normaliseNumbers', () => {
	it('writes a percentage as its number however it is written', () => {
		for (const q of ['85%', '85 %', '85 percent', '85 per cent', '85pct']) expect(normaliseNumbers(`pass mark ${q} gate 1`)).toBe('pass mark 85 gate 1');
	});

	it('writes spelt-out numbers as digits, "one" only before a unit', () => {
		expect(normaliseNumbers('two days')).toBe('2 days');
		expect(normaliseNumbers('Twenty-four hours in a week')).toBe('24 hours in a week');
		expect(normaliseNumbers('one week of daily usage')).toBe('1 week of daily usage');
		expect(normaliseNumbers('which one is the pass mark')).toBe('which one is the pass mark');
		expect(normaliseNumbers('what happens on day one, and at gate three')).toBe('what happens on day 1, and at gate 3');
		expect(normaliseNumbers('someone, oneself, anyone')).toBe('someone, oneself, anyone');
	});

	it('writes clock times as 12-hour H:MM', () => {
		expect(normaliseNumbers('8 AM')).toBe('8:00');
		expect(normaliseNumbers('starts at 8am')).toBe('starts at 8:00');
		expect(normaliseNumbers('1:30 p.m. session')).toBe('1:30 session');
		expect(normaliseNumbers('13:00')).toBe('1:00');
		expect(normaliseNumbers('9:00-10:30')).toBe('9:00-10:30');
		expect(normaliseNumbers('12 pm lunch')).toBe('12:00 lunch');
	});

	it('expands priority ranges into every level', () => {
		expect(normaliseNumbers('P0-P3 escalation')).toBe('P0 P1 P2 P3 escalation');
		expect(normaliseNumbers('p1 to p2')).toBe('P1 P2');
		expect(normaliseNumbers('P0 incident')).toBe('P0 incident');
	});

	it('leaves text without numbers as it is', () => {
		expect(normaliseNumbers('  release   manager ')).toBe('release manager');
	});
});

describe('numberWord', () => {
	it('reads number words and hyphenated pairs, nothing else', () => {
		expect(numberWord('seven')).toBe(7);
		expect(numberWord('Ninety')).toBe(90);
		expect(numberWord('forty-five')).toBe(45);
		expect(numberWord('forty-ten')).toBeNull();
		expect(numberWord('gate')).toBeNull();
	});
});

describe('normaliseQuery', () => {
	it('keeps quoted phrases exactly as typed', () => {
		expect(normaliseQuery('"two days" without usage')).toBe('"two days" without usage');
		expect(normaliseQuery('two days "85 percent"')).toBe('2 days "85 percent"');
	});

	it('runs before the function words go in the modal query', () => {
		expect(modalQuery('what happens after two days without using it')).toBe('2 days without using');
		expect(modalQuery('is the pass mark 85 percent')).toBe('pass mark 85');
	});
});

describe('numberSynonyms', () => {
	it('gives the forms a page lacks, once each', () => {
		expect(numberSynonyms('Two days without usage. After two days: yellow alert.')).toEqual(['2']);
		expect(numberSynonyms('Starts 8 AM sharp; P0-P3 incidents')).toEqual(['8:00', 'P1', 'P2']);
	});

	it('gives nothing when the page already writes numbers in the one form', () => {
		expect(numberSynonyms('85% minimum, 2 days, 9:00-10:30, P1')).toEqual([]);
	});
});
