import { describe, expect, it } from 'vitest';
import { countOf } from '../../../../src/lib/text/count';

describe('countOf', () => {
	it('uses the singular for exactly one, the plural otherwise', () => {
		expect(countOf(1, 'learner')).toBe('1 learner');
		expect(countOf(0, 'learner')).toBe('0 learners');
		expect(countOf(3, 'learning path')).toBe('3 learning paths');
	});

	it('takes an irregular plural', () => {
		expect(countOf(2, 'child', 'children')).toBe('2 children');
	});
});
