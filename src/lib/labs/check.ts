import type { Lab } from '../../schemas/lab';
import type { LabFiles } from './tree';
import { pathSegments } from './tree';
import { lockfileProblems } from './lockfile';

/** A lab read from disk: its validated lab.yaml, starting files and solution files. */
export interface LoadedLab {
	lab: Lab;
	/** labs/<id>/files/ as path → contents. */
	files: LabFiles;
	/** labs/<id>/solution/ as path → contents (only the files that change). */
	solution: LabFiles;
}

/**
 * Rules across a lab's parts that the schema alone cannot see. Returns one message per problem,
 * each starting with the lab part it concerns (`lab.yaml editable[1]`, `solution/src/a.ts`…);
 * an empty list means the lab is sound.
 * - `id` equals the folder name;
 * - files/ holds a package.json whose `type` is "module" and whose `scripts.test` runs vitest,
 *   with exact versions and a package-lock.json in sync with it (lockfile.ts);
 * - every `editable` path is a starting file;
 * - every solution file replaces an editable file or is new (a solution may not need edits the
 *   learner cannot make), and at least one solution file differs from the starter.
 */
export function checkLab(folder: string, { lab, files, solution }: LoadedLab): string[] {
	const problems: string[] = [];
	if (lab.id !== folder) problems.push(`lab.yaml id: "${lab.id}" must equal the folder name "${folder}"`);

	const pkgText = files['package.json'];
	if (pkgText === undefined) {
		problems.push('files/package.json: missing');
	} else {
		try {
			const pkg = JSON.parse(pkgText) as { type?: unknown; scripts?: { test?: unknown } };
			if (pkg.type !== 'module') problems.push('files/package.json: "type" must be "module"');
			if (typeof pkg.scripts?.test !== 'string' || !pkg.scripts.test.includes('vitest')) {
				problems.push('files/package.json: scripts.test must run vitest');
			}
		} catch (error) {
			problems.push(`files/package.json: not valid JSON (${(error as Error).message})`);
		}
		problems.push(...lockfileProblems(files));
	}

	for (const path of [...Object.keys(files), ...Object.keys(solution)]) {
		try {
			pathSegments(path);
		} catch (error) {
			problems.push(`${Object.hasOwn(files, path) ? 'files' : 'solution'}/${path}: ${(error as Error).message}`);
		}
	}

	lab.editable.forEach((path, i) => {
		if (!Object.hasOwn(files, path)) problems.push(`lab.yaml editable[${i}]: "${path}" is not in files/`);
	});

	const solutionPaths = Object.keys(solution);
	if (solutionPaths.length === 0) problems.push('solution/: empty; a lab needs at least one solution file');
	for (const path of solutionPaths) {
		if (Object.hasOwn(files, path) && !lab.editable.includes(path)) {
			problems.push(`solution/${path}: changes a file that is not in lab.yaml editable`);
		}
	}
	if (solutionPaths.length > 0 && solutionPaths.every((path) => files[path] === solution[path])) {
		problems.push('solution/: every file is identical to the starter');
	}
	return problems;
}
