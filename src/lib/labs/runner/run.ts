import { chai } from '@vitest/expect';
import {
	afterAll,
	afterEach,
	beforeAll,
	beforeEach,
	describe,
	getCurrentTest,
	it,
	onTestFailed,
	onTestFinished,
	startTests,
	suite,
	test,
	type File,
	type Suite,
	type Test,
	type VitestRunner,
	type VitestRunnerConfig,
} from '@vitest/runner';
import type { ExpectStatic } from '@vitest/expect';
import type { VitestAssertion, VitestFileResult, VitestReport } from '../../../schemas/vitest-report';
import { findTestFiles } from './discover';
import { withVitest5Titles } from './each';
import { formatError } from './errors';
import { createExpect, resetAssertionState, verifyAssertionCount } from './expect';
import { createModuleRegistry, type LabConsole, type ProjectFiles } from './modules';
import { createVi } from './vi';

/**
 * The offline runner's core: runs a lab's test files with @vitest/runner (Vitest's own collector
 * and executor: `describe`/`it`, hooks and their order, `.skip`/`.only`/`.todo`/`.fails`/`.each`,
 * timeouts, un-awaited assertions) against the lab's sources, and returns a report in Vitest's
 * JSON-reporter shape (src/schemas/vitest-report.ts), so the checks list is built by the same
 * mapping as for real Vitest. Pure JavaScript with no DOM: the Web Worker wraps it (with the
 * wall-clock limit) and tests/labs runs it in Node against real Vitest.
 *
 * The lab's `import … from 'vitest'` gets the runner's `describe`/`it`/`test`/`suite`/hooks,
 * Vitest's `expect` (@vitest/expect) and `vi` (@vitest/spy). Each test file gets its own module
 * registry and `expect`, as Vitest isolates files. A file that fails to import, compile or collect
 * fails with its error (one failing check named by its path).
 */

export interface RunOptions {
	/** The whole project: sources, tests, package.json… (paths relative to the project root). */
	files: ProjectFiles;
	/** Packages lab code may import besides `vitest`, e.g. `{ zod }` (the real zod). */
	packages: Readonly<Record<string, object>>;
	/** Where the lab's console output goes. */
	console: LabConsole;
	/** Per-test async limit in ms (Vitest's default 5000). */
	testTimeoutMs?: number;
	/** Per-hook async limit in ms (Vitest's default 10 000). */
	hookTimeoutMs?: number;
	/** Live progress, for the terminal. */
	onFileStart?: (file: string) => void;
	onTestFinished?: (file: string, result: VitestAssertion) => void;
	onFileFinished?: (result: VitestFileResult) => void;
}

/** Vitest 5's defaults for what a lab can observe (vitest/config `configDefaults`), outside CI. */
function runnerConfig(options: RunOptions): VitestRunnerConfig {
	return {
		root: '',
		setupFiles: [],
		name: undefined,
		passWithNoTests: false,
		testNamePattern: undefined,
		// A learner's project runs outside CI, where Vitest lets `.only` focus tests.
		allowOnly: true,
		sequence: { shuffle: false, concurrent: false, seed: 0, hooks: 'stack', setupFiles: 'parallel' },
		chaiConfig: undefined,
		maxConcurrency: 5,
		testTimeout: options.testTimeoutMs ?? 5_000,
		hookTimeout: options.hookTimeoutMs ?? 10_000,
		retry: 0,
		includeTaskLocation: false,
		tags: [],
		tagsFilter: undefined,
		strictTags: false,
	};
}

// @vitest/runner keeps the file being collected and the running test in module state, so two runs
// must not overlap (the worker runs one; a Node process could start several).
let queue: Promise<unknown> = Promise.resolve();

export function runLabTests(options: RunOptions): Promise<VitestReport> {
	const run = queue.then(() => runAll(options));
	queue = run.catch(() => undefined);
	return run;
}

async function runAll(options: RunOptions): Promise<VitestReport> {
	const testFiles = findTestFiles(Object.keys(options.files));
	const testResults: VitestFileResult[] = [];
	for (const file of testFiles) {
		options.onFileStart?.(file);
		const result = await runFile(file, options);
		testResults.push(result);
		options.onFileFinished?.(result);
	}
	const success = testFiles.length > 0 && testResults.every((r) => r.status === 'passed');
	return { success, testResults };
}

/** The `vitest` module as the lab's code sees it. */
function vitestModule(expect: ExpectStatic): Record<string, unknown> {
	return {
		describe: withVitest5Titles(describe),
		suite: withVitest5Titles(suite),
		it: withVitest5Titles(it),
		test: withVitest5Titles(test),
		beforeAll,
		afterAll,
		beforeEach,
		afterEach,
		onTestFailed,
		onTestFinished,
		expect,
		vi: createVi(),
		assert: chai.assert,
	};
}

async function runFile(file: string, options: RunOptions): Promise<VitestFileResult> {
	const expect = createExpect(() => getCurrentTest());
	const emitted = new WeakSet<Test>();
	const emit = (t: Test) => {
		if (emitted.has(t)) return;
		emitted.add(t);
		options.onTestFinished?.(file, assertionOf(t));
	};
	const runner: VitestRunner = {
		config: runnerConfig(options),
		importFile: (path) => {
			// A fresh registry per file: the file's modules run once, with this file's `expect`.
			const registry = createModuleRegistry({ files: options.files, packages: { ...options.packages, vitest: vitestModule(expect) }, console: options.console });
			registry.require(path);
		},
		// Vitest's own runner does the same around every test (onBeforeTryTask / onAfterTryTask).
		onBeforeTryTask: (t) => resetAssertionState(expect, testName(t)),
		onAfterTryTask: () => verifyAssertionCount(expect),
		extendTaskContext: (context) => Object.assign(context, { expect }),
		// Live lines for the terminal, one per test as it is settled, skipped and todo tests included
		// (the runner reports those through onTaskUpdate only, batched every 100 ms).
		onBeforeRunTask: (t) => {
			if (t.mode !== 'run' && t.mode !== 'queued') emit(t);
		},
		onAfterRunTask: emit,
		onBeforeRunSuite: (s) => {
			if (s.mode === 'skip' || s.mode === 'todo') testsOf(s).forEach(emit);
		},
		// Tests a failing beforeAll skipped, and files that failed to collect.
		onAfterRunSuite: (s) => testsOf(s).forEach(emit),
	};
	const [result] = await startTests([file], runner);
	return fileResult(file, result);
}

/** "outer > inner > test", as Vitest's getTestName (the name `expect` reports as currentTestName). */
function testName(t: Test): string {
	return [...ancestorTitles(t), t.name].join(' > ');
}

function ancestorTitles(t: Test): string[] {
	const titles: string[] = [];
	for (let s: Suite | undefined = t.suite; s; s = s.suite) titles.unshift(s.name);
	return titles;
}

/** As Vitest's JSON reporter (StatusMap): what the runner recorded, else the mode. */
const STATUS: Record<string, VitestAssertion['status']> = { fail: 'failed', pass: 'passed', skip: 'skipped', todo: 'todo', only: 'pending', run: 'pending', queued: 'pending' };

function assertionOf(t: Test): VitestAssertion {
	const titles = ancestorTitles(t);
	return {
		ancestorTitles: titles,
		title: t.name,
		fullName: [...titles, t.name].join(' '),
		status: STATUS[t.result?.state ?? t.mode] ?? 'skipped',
		duration: t.result?.duration ?? null,
		failureMessages: (t.result?.errors ?? []).map(formatError),
	};
}

function testsOf(task: Suite): Test[] {
	return task.tasks.flatMap((c) => (c.type === 'test' ? [c] : c.type === 'suite' ? testsOf(c) : []));
}

function suiteErrors(task: Suite): unknown[] {
	return [...(task.result?.errors ?? []), ...task.tasks.flatMap((c) => (c.type === 'suite' ? suiteErrors(c) : []))];
}

/**
 * One file of the report, as Vitest's JSON reporter builds it, with a fuller `message`: Vitest gives
 * the file's own first error only, and for a file that failed outside its tests without any failed
 * test (a nested suite's `beforeAll` threw) it gives "". Here the file's own errors are listed, and
 * nested suites' errors too when no test failed, so the check explains what failed while checks
 * appear exactly when they appear with real Vitest (report.ts adds a file check when the message
 * is not empty or nothing else failed).
 */
function fileResult(file: string, task: File | undefined): VitestFileResult {
	if (!task) return { name: file, status: 'failed', message: 'The test file was not run.', assertionResults: [] };
	const tests = testsOf(task);
	const testFailed = tests.some((t) => t.result?.state === 'fail');
	const failed = task.result?.state === 'fail' || testFailed;
	const errors = testFailed ? (task.result?.errors ?? []) : suiteErrors(task);
	return {
		name: file,
		status: failed ? 'failed' : 'passed',
		message: errors.map(formatError).join('\n'),
		assertionResults: tests.map(assertionOf),
	};
}
