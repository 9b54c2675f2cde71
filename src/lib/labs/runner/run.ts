import { chai } from '@vitest/expect';
import type { VitestAssertion, VitestFileResult, VitestReport } from '../../../schemas/vitest-report';
import { createCollector, createRootSuite } from './collect';
import { findTestFiles } from './discover';
import { formatError } from './errors';
import { executeSuite } from './execute';
import { createExpect, type ExpectTestHandle } from './expect';
import { createModuleRegistry, type LabConsole, type ProjectFiles } from './modules';
import { createVi } from './vi';

/**
 * The offline runner's core: runs a lab's test files against its sources and returns a report in
 * Vitest's JSON-reporter shape (src/schemas/vitest-report.ts), so the checks list is built by the
 * same mapping as for real Vitest. Pure JavaScript with no DOM: the Web Worker wraps it (with the
 * wall-clock limit) and tests/labs runs it in Node against real Vitest.
 *
 * Each test file gets its own module registry, `expect` and collector, as Vitest isolates files.
 * Import, compile and suite-factory errors fail that file (one failing check named by its path).
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

export async function runLabTests(options: RunOptions): Promise<VitestReport> {
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

async function runFile(file: string, options: RunOptions): Promise<VitestFileResult> {
	const root = createRootSuite();
	let running: ExpectTestHandle | undefined;
	const expect = createExpect(() => running);
	const { api, collect } = createCollector(root, () => running !== undefined);
	const vitest = {
		...api,
		expect,
		vi: createVi(),
		assert: chai.assert,
		onTestFinished: (fn: () => unknown) => {
			if (!running) throw new Error('onTestFinished() can only be called inside a test');
			(running.onFinished ??= []).push(fn);
		},
	};
	const registry = createModuleRegistry({ files: options.files, packages: { ...options.packages, vitest }, console: options.console });
	try {
		registry.require(file);
		await collect();
	} catch (error) {
		return { name: file, status: 'failed', message: formatError(error), assertionResults: [] };
	}
	const { assertions, errors } = await executeSuite(root, {
		expect,
		setCurrentTest: (t) => (running = t),
		testTimeoutMs: options.testTimeoutMs,
		hookTimeoutMs: options.hookTimeoutMs,
		onTestFinished: (r) => options.onTestFinished?.(file, r),
	});
	const failed = errors.length > 0 || assertions.some((a) => a.status === 'failed');
	const allSkipped = assertions.length > 0 && assertions.every((a) => a.status !== 'passed' && a.status !== 'failed');
	return {
		name: file,
		status: failed ? 'failed' : allSkipped ? 'skipped' : 'passed',
		message: errors.join('\n'),
		assertionResults: assertions,
	};
}
