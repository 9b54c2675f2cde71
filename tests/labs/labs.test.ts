import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listLabIds, loadLab, type LoadedLab } from '../../src/build/load-lab';
import { overlay } from '../../src/lib/labs/tree';
import { conventionProblems } from './support/conventions';
import { createLimit } from './support/limit';
import { LABS_DIR, RUNS_DIR } from './support/paths';
import { runVitest, type RunResult } from './support/run-vitest';
import { typecheckProjects } from './support/typecheck';
import { writeProject } from './support/workspace';

/**
 * The proof for every lab under labs/: its lab.yaml is valid, its files follow the conventions
 * both runners rely on, its starting files fail at least one check under real vitest (by an
 * assertion, not a crash), and its solution passes all of the same checks.
 */
// LAB_IDS=a,b runs only those labs (handy while writing one); the default is every lab.
/** The vitest these proofs run with (the repo's); every lab pins and locks the same one. */
const ROOT_VITEST = (JSON.parse(readFileSync(join(import.meta.dirname, '../../node_modules/vitest/package.json'), 'utf8')) as { version: string }).version;
const only = process.env.LAB_IDS?.split(',').filter(Boolean);
const ids = (await listLabIds(LABS_DIR)).filter((id) => !only || only.includes(id));
const limit = createLimit(Number(process.env.LAB_RUN_CONCURRENCY ?? 2));
const labs = new Map<string, Promise<LoadedLab>>();
const runs = new Map<string, Promise<RunResult>>();

const lab = (id: string) => {
	if (!labs.has(id)) labs.set(id, loadLab(join(LABS_DIR, id)));
	return labs.get(id) as Promise<LoadedLab>;
};

/** Starts (once) a real vitest run of the starter or the solution of a lab. */
const run = (id: string, kind: 'starter' | 'solution') => {
	const key = `${id}-${kind}`;
	if (!runs.has(key)) {
		const promise = limit(async () => {
			const { files, solution } = await lab(id);
			const dir = await writeProject(join(RUNS_DIR, key), kind === 'starter' ? files : overlay(files, solution));
			return runVitest(dir);
		});
		promise.catch(() => {}); // Reported by the test that awaits it.
		runs.set(key, promise);
	}
	return runs.get(key) as Promise<RunResult>;
};

beforeAll(() => {
	// Start every run now, two at a time; each test below awaits its own.
	for (const id of ids) {
		void run(id, 'starter');
		void run(id, 'solution');
	}
});

const summary = (result: RunResult) =>
	result.checks.map((check) => `  ${check.status.padEnd(7)} ${check.name}`).join('\n') +
	(result.fileErrors.length > 0 ? `\n${result.fileErrors.join('\n')}` : '') +
	(result.checks.length === 0 ? `\n${result.output}` : '');

it.skipIf(only)('there are at least eight labs', () => {
	expect(ids.length).toBeGreaterThanOrEqual(8);
});

describe.each(ids)('lab %s', (id) => {
	it('lab.yaml is valid, id equals the folder, editable and solution files fit the starter', async () => {
		const { lab: data, files, solution } = await lab(id);
		expect(data.id).toBe(id);
		for (const path of data.editable) expect(Object.keys(files)).toContain(path);
		for (const path of Object.keys(solution)) {
			if (path in files) expect(data.editable, `solution/${path} changes a read-only file`).toContain(path);
		}
		expect(Object.keys(solution).length).toBeGreaterThan(0);
		expect(JSON.parse(files['package.json'] as string)).toMatchObject({
			type: 'module',
			scripts: { test: 'vitest run' },
			devDependencies: { vitest: ROOT_VITEST },
		});
		expect(Object.keys(files).some((path) => /^test\/.+\.test\.ts$/.test(path)), 'no test/*.test.ts').toBe(true);
	});

	it('files follow the lab conventions (.ts imports, only vitest and zod, no timers/snapshots/IO)', async () => {
		const { files, solution } = await lab(id);
		const problems: string[] = [];
		for (const [label, set] of [['files', files], ['solution', solution]] as const) {
			const all = label === 'files' ? files : overlay(files, solution);
			for (const [path, source] of Object.entries(set)) {
				problems.push(...conventionProblems(path, source, all).map((problem) => `${label}/${problem}`));
			}
		}
		expect(problems).toEqual([]);
	});

	it('starting files run and fail at least one check, by an assertion', async () => {
		const result = await run(id, 'starter');
		expect(result.fileErrors, summary(result)).toEqual([]);
		expect(result.checks.length, summary(result)).toBeGreaterThan(0);
		const failed = result.checks.filter((check) => check.status === 'failed');
		expect(failed.length, summary(result)).toBeGreaterThan(0);
		// expect() failures read "AssertionError: …" or, for `rejects`/`toThrow`, "Error: expected …";
		// anything else (TypeError…) means the starter crashed instead of failing a check.
		for (const check of failed) {
			expect(check.failureMessages[0] ?? '', `"${check.name}" failed without an assertion error`).toMatch(
				/^(AssertionError|Error: expected )/,
			);
		}
	});

	it('solution passes every check, and they are the same checks as the starter', async () => {
		const [starter, solved] = await Promise.all([run(id, 'starter'), run(id, 'solution')]);
		expect(solved.fileErrors, summary(solved)).toEqual([]);
		expect(solved.checks.filter((check) => check.status !== 'passed'), summary(solved)).toEqual([]);
		expect(solved.checks.map((check) => check.name).sort()).toEqual(starter.checks.map((check) => check.name).sort());
		expect(solved.exitCode).toBe(0);
	});
});

describe('type-check', () => {
	it('every starter and solution compiles under its strict tsconfig.json', async () => {
		const dirs: string[] = [];
		for (const id of ids) {
			const { files, solution } = await lab(id);
			dirs.push(await writeProject(join(RUNS_DIR, 'typecheck', `${id}-starter`), files));
			dirs.push(await writeProject(join(RUNS_DIR, 'typecheck', `${id}-solution`), overlay(files, solution)));
		}
		const { exitCode, output } = await limit(() => typecheckProjects(dirs));
		expect(output).toBe('');
		expect(exitCode).toBe(0);
	});
});
