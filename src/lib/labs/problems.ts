import { countOf } from '../text/count';

/** A TypeScript error the editor reports in one of the lab's files. */
export interface EditorProblem {
	/** Lab-relative path, e.g. "src/users.ts". */
	path: string;
	/** 1-based line number. */
	line: number;
	message: string;
}

/** How many problems the summary names one by one; the rest are counted. */
const NAMED = 3;

/**
 * The sentence under the editor that says what TypeScript finds wrong, e.g.
 * "TypeScript: 2 problems. src/users.ts line 10: Cannot find name 'x'. src/db.ts line 3: …".
 * Problems are sorted by path and line; only the first line of each message is kept.
 *
 * @param problems errors in any order (warnings are not passed in)
 * @returns "TypeScript: no problems." for an empty list
 */
export function describeProblems(problems: readonly EditorProblem[]): string {
	if (problems.length === 0) return 'TypeScript: no problems.';
	const sorted = [...problems].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
	const named = sorted.slice(0, NAMED).map((p) => `${p.path} line ${p.line}: ${p.message.split('\n')[0]!.replace(/\.?$/, '.')}`);
	const more = sorted.length > NAMED ? ` And ${sorted.length - NAMED} more.` : '';
	return `TypeScript: ${countOf(problems.length, 'problem')}. ${named.join(' ')}${more}`;
}
