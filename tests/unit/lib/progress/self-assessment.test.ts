import { describe, expect, it } from 'vitest';
import { averageRating, bandFor, formatAverage } from '../../../../src/lib/progress/self-assessment';

// The seed's bands (001, "Readiness Assessment"), listed in any order.
const bands = [
	{ min: 3, label: 'Almost there', advice: 'A bit more practice.' },
	{ min: 1, label: 'More training needed', advice: 'Talk to your buddy.' },
	{ min: 4, label: 'Ready to go!', advice: '' },
];

describe('self-assessment', () => {
	it('averages the nine ratings', () => {
		expect(averageRating([5, 4, 4, 3, 4, 5, 4, 4, 3])).toBeCloseTo(36 / 9);
		expect(() => averageRating([])).toThrow(RangeError);
	});
	it('4–5 ready, 3–4 almost there, below 3 more training; boundaries go to the higher band', () => {
		expect(bandFor(5, bands)?.label).toBe('Ready to go!');
		expect(bandFor(4, bands)?.label).toBe('Ready to go!');
		expect(bandFor(3.99, bands)?.label).toBe('Almost there');
		expect(bandFor(3, bands)?.label).toBe('Almost there');
		expect(bandFor(2.99, bands)?.label).toBe('More training needed');
		expect(bandFor(1, bands)?.label).toBe('More training needed');
		expect(bandFor(averageRating([3, 3, 3, 3, 3, 3, 3, 3, 4]), bands)?.label).toBe('Almost there');
		expect(bandFor(averageRating([4, 4, 4, 4, 4, 4, 4, 4, 4]), bands)?.label).toBe('Ready to go!');
	});
	it('formats the average with at most two decimals', () => {
		expect(formatAverage(11 / 3)).toBe('3.67');
		expect(formatAverage(4)).toBe('4');
	});
});
