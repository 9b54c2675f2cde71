import { describe, expect, it } from 'vitest';
import { formatMinutes, outlinePath, validateCurriculum, type PageRef } from '../../../../src/lib/curriculum/validate';

const page = (over: Partial<PageRef> & { id: string }): PageRef => ({
	file: `content/docs/${over.id}.mdx`,
	kind: 'module',
	prerequisites: [],
	modules: [],
	...over,
});

describe('validateCurriculum', () => {
	it('accepts a sound curriculum', () => {
		const pages = [
			page({ id: 'p/a', durationMinutes: 120 }),
			page({ id: 'p/b', durationMinutes: 180, prerequisites: ['p/a'] }),
			page({ id: 'p', kind: 'path', modules: ['p/a', 'p/b'] }),
		];
		expect(validateCurriculum(pages)).toEqual([]);
	});

	it('names the file and field of an unknown prerequisite', () => {
		const errors = validateCurriculum([page({ id: 'p/a', prerequisites: ['p/missing'] })]);
		expect(errors).toEqual(['content/docs/p/a.mdx: prerequisites[0] "p/missing" is not a page id']);
	});

	it('rejects a path with no modules, unknown modules, or modules without durations', () => {
		const errors = validateCurriculum([
			page({ id: 'empty', kind: 'path' }),
			page({ id: 'p/a' }),
			page({ id: 'p', kind: 'path', modules: ['p/a', 'nope'] }),
		]);
		expect(errors).toHaveLength(3);
		expect(errors[0]).toMatch(/empty\.mdx: modules must list/);
		expect(errors[1]).toMatch(/modules\[0\] "p\/a" has no durationMinutes/);
		expect(errors[2]).toMatch(/modules\[1\] "nope" is not a page id/);
	});

	it('rejects modules on a page that is not a path, and self-prerequisites', () => {
		const errors = validateCurriculum([page({ id: 'x', modules: ['x'], prerequisites: ['x'], durationMinutes: 5 })]);
		expect(errors.some((e) => e.includes('modules is only for kind "path"'))).toBe(true);
		expect(errors.some((e) => e.includes('names the page itself'))).toBe(true);
	});
});

describe('outlinePath', () => {
	it('keeps the path order and sums the minutes', () => {
		const pages = [page({ id: 'b', durationMinutes: 240 }), page({ id: 'a', durationMinutes: 90 })];
		const out = outlinePath(page({ id: 'p', kind: 'path', modules: ['a', 'b'] }), pages);
		expect(out.modules.map((m) => m.id)).toEqual(['a', 'b']);
		expect(out.totalMinutes).toBe(330);
	});
});

describe('formatMinutes', () => {
	it.each([
		[0, '0 min'],
		[45, '45 min'],
		[60, '1 h'],
		[90, '1 h 30 min'],
		[480, '8 h'],
	])('%i → %s', (m, s) => expect(formatMinutes(m)).toBe(s));
});
