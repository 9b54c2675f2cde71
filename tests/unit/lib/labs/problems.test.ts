import { describe, expect, it } from 'vitest';
import { describeProblems } from '../../../../src/lib/labs/problems';

describe('describeProblems', () => {
	it('says there are none', () => {
		expect(describeProblems([])).toBe('TypeScript: no problems.');
	});

	it('names one problem with its file and line, first message line only', () => {
		expect(describeProblems([{ path: 'src/users.ts', line: 10, message: "Cannot find name 'Promise'.\n  Did you mean…" }])).toBe(
			"TypeScript: 1 problem. src/users.ts line 10: Cannot find name 'Promise'.",
		);
	});

	it('sorts by file and line, names three and counts the rest', () => {
		const text = describeProblems([
			{ path: 'src/b.ts', line: 2, message: 'b2' },
			{ path: 'src/a.ts', line: 9, message: 'a9' },
			{ path: 'src/a.ts', line: 1, message: 'a1' },
			{ path: 'src/c.ts', line: 1, message: 'c1' },
			{ path: 'src/c.ts', line: 5, message: 'c5' },
		]);
		expect(text).toBe('TypeScript: 5 problems. src/a.ts line 1: a1. src/a.ts line 9: a9. src/b.ts line 2: b2. And 2 more.');
	});
});
