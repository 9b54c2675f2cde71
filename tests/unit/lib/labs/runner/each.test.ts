import { describe, expect, it } from 'vitest';
import { formatEachTitle, templateRows } from '../../../../../src/lib/labs/runner/each';

// Expected titles are what Vitest 5 prints for the same templates (see parity.test.ts for the live comparison).
describe('formatEachTitle', () => {
	it('fills printf placeholders in order', () => {
		expect(formatEachTitle('add(%i, %i) is %i', [1, 2, 3], 0)).toBe('add(1, 2) is 3');
		expect(formatEachTitle('%s and %j', ['a', { b: 1 }], 0)).toBe('a and {"b":1}');
	});
	it('numbers cases with %# (from 0) and %$ (from 1)', () => {
		expect(formatEachTitle('case %# / %$', [], 4)).toBe('case 4 / 5');
	});
	it('reads $fields of an object row, strings unquoted', () => {
		expect(formatEachTitle('user $name aged $age', [{ name: 'Ada', age: 36 }], 0)).toBe('user Ada aged 36');
		expect(formatEachTitle('nested $a.b', [{ a: { b: 'x' } }], 0)).toBe('nested x');
	});
	it('leaves $words alone when the row is not an object', () => {
		expect(formatEachTitle('costs $price', [3], 0)).toBe('costs $price');
	});
});

describe('templateRows', () => {
	it('turns a template-literal table into one object per row, as Vitest', () => {
		expect(templateRows(['\n\ta | b\n\t', ' | ', '\n\t', ' | ', '\n'], [1, 2, 'x', 'y'])).toEqual([
			{ a: 1, b: 2 },
			{ a: 'x', b: 'y' },
		]);
	});
});
