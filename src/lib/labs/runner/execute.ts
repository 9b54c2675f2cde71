import type { ExpectStatic } from '@vitest/expect';
import type { VitestAssertion } from '../../../schemas/vitest-report';
import type { Hooks, Mode, SuiteNode, TestNode, UserFn } from './collect';
import { resetAssertionState, verifyAssertionCount, type ExpectTestHandle } from './expect';
import { formatError } from './errors';
import { withTimeout } from './timeout';

/**
 * Runs a collected test tree sequentially, with Vitest 5's observable semantics: `.only` skips the
 * file's other tests; skip/todo propagate to children; `beforeEach` hooks run outermost first and
 * their returned functions run as cleanups; `afterEach` runs innermost first; a throwing
 * `beforeAll` skips the suite's tests and fails the file; un-awaited `.resolves`/`.rejects`
 * assertions are awaited and reported; `expect.assertions(n)` is enforced; `it.fails` inverts.
 * Async time limits are per test (default 5000 ms) and per hook (10 000 ms), as Vitest's defaults.
 * A synchronous endless loop cannot be interrupted here: the worker wrapper enforces a wall-clock limit.
 */

export interface ExecuteOptions {
	expect: ExpectStatic;
	/** Tells the expect/collector which test is running. */
	setCurrentTest: (test: ExpectTestHandle | undefined) => void;
	testTimeoutMs?: number;
	hookTimeoutMs?: number;
	/** Monotonic clock in ms (performance.now). */
	now?: () => number;
	/** Called as each test finishes, for live output. */
	onTestFinished?: (result: VitestAssertion) => void;
}

export interface ExecuteResult {
	assertions: VitestAssertion[];
	/** Errors raised outside tests (beforeAll/afterAll), formatted. */
	errors: string[];
}

/** Thrown by `context.skip()`; marks the test skipped. */
class SkipSignal extends Error {
	constructor(note?: string) {
		super(note ?? 'skipped');
		this.name = 'SkipSignal';
	}
}

function containsOnly(node: TestNode | SuiteNode): boolean {
	return node.mode === 'only' || (node.type === 'suite' && node.children.some(containsOnly));
}

/** Effective modes ('run' | 'skip' | 'todo') for every node, applying `.only` and inheritance. */
function effectiveModes(root: SuiteNode): Map<TestNode | SuiteNode, Exclude<Mode, 'only'>> {
	const modes = new Map<TestNode | SuiteNode, Exclude<Mode, 'only'>>();
	const visit = (suite: SuiteNode, inherited: Exclude<Mode, 'only'>) => {
		const onlyHere = suite.children.some(containsOnly);
		for (const child of suite.children) {
			let mode: Exclude<Mode, 'only'>;
			if (inherited !== 'run') mode = inherited;
			else if (child.mode === 'skip' || child.mode === 'todo') mode = child.mode;
			else if (onlyHere && !containsOnly(child)) mode = 'skip';
			else mode = 'run';
			modes.set(child, mode);
			if (child.type === 'suite') visit(child, mode);
		}
	};
	visit(root, 'run');
	return modes;
}

function ancestors(test: TestNode): SuiteNode[] {
	const chain: SuiteNode[] = [];
	for (let s: SuiteNode | undefined = test.parent; s; s = s.parent) chain.unshift(s);
	return chain;
}

function ancestorTitles(test: TestNode): string[] {
	return ancestors(test)
		.filter((s) => s.parent !== undefined)
		.map((s) => s.name);
}

function testsUnder(suite: SuiteNode): TestNode[] {
	return suite.children.flatMap((c) => (c.type === 'test' ? [c] : testsUnder(c)));
}

export async function executeSuite(root: SuiteNode, options: ExecuteOptions): Promise<ExecuteResult> {
	const { expect, setCurrentTest } = options;
	const testTimeout = options.testTimeoutMs ?? 5_000;
	const hookTimeout = options.hookTimeoutMs ?? 10_000;
	const now = options.now ?? (() => performance.now());
	const modes = effectiveModes(root);
	const assertions: VitestAssertion[] = [];
	const errors: string[] = [];

	const record = (test: TestNode, status: VitestAssertion['status'], duration: number | null, failures: unknown[]) => {
		const titles = ancestorTitles(test);
		const result: VitestAssertion = {
			ancestorTitles: titles,
			title: test.name,
			fullName: [...titles, test.name].join(' '),
			status,
			duration,
			failureMessages: failures.map(formatError),
		};
		assertions.push(result);
		options.onTestFinished?.(result);
	};

	const runHooks = async (fns: UserFn[], args: unknown[], label: string): Promise<unknown[]> => {
		const results: unknown[] = [];
		for (const fn of fns) results.push(await withTimeout(() => fn(...args), hookTimeout, `Hook timed out in ${hookTimeout}ms (${label}).`));
		return results;
	};

	const eachHooks = (test: TestNode, kind: keyof Pick<Hooks, 'beforeEach' | 'afterEach'>) => {
		const chain = ancestors(test);
		// beforeEach: outermost suite first, registration order; afterEach: innermost first, reversed.
		return kind === 'beforeEach'
			? chain.map((s) => ({ suite: s, fns: s.hooks.beforeEach }))
			: chain.reverse().map((s) => ({ suite: s, fns: [...s.hooks.afterEach].reverse() }));
	};

	const runTest = async (test: TestNode) => {
		const mode = modes.get(test) ?? 'run';
		if (mode === 'todo') return record(test, 'todo', null, []);
		if (mode === 'skip') return record(test, 'skipped', null, []);
		const titles = ancestorTitles(test);
		const handle: ExpectTestHandle = { type: 'test', name: test.name, fullTestName: [...titles, test.name].join(' > '), result: { state: 'run' } };
		const controller = new AbortController();
		const context = {
			task: { name: test.name, type: 'test' as const },
			expect,
			signal: controller.signal,
			skip: (note?: string) => {
				throw new SkipSignal(note);
			},
			onTestFinished: (fn: () => unknown) => (handle.onFinished ??= []).push(fn),
		};
		const failures: unknown[] = [];
		const cleanups: unknown[] = [];
		const start = now();
		setCurrentTest(handle);
		resetAssertionState(expect, handle.fullTestName);
		let skipped = false;
		try {
			for (const { suite, fns } of eachHooks(test, 'beforeEach')) {
				cleanups.push(...(await runHooks(fns, [context, suite], 'beforeEach')));
			}
			const body = test.fn as UserFn;
			await withTimeout(
				async () => {
					await body(context);
					// Un-awaited `.resolves`/`.rejects` assertions: wait for them, as Vitest does.
					if (handle.promises?.length) {
						const settled = await Promise.allSettled(handle.promises);
						const rejected = settled.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
						if (rejected.length) throw rejected.length === 1 ? rejected[0] : new AggregateError(rejected, rejected.map(formatError).join('\n'));
					}
				},
				test.timeout ?? testTimeout,
				`Test timed out in ${test.timeout ?? testTimeout}ms.`,
				() => controller.abort(),
			);
			verifyAssertionCount(expect);
		} catch (error) {
			if (error instanceof SkipSignal) skipped = true;
			else failures.push(error);
		}
		try {
			for (const { suite, fns } of eachHooks(test, 'afterEach')) await runHooks(fns, [context, suite], 'afterEach');
			for (const cleanup of cleanups.reverse()) if (typeof cleanup === 'function') await withTimeout(() => cleanup(), hookTimeout, 'Cleanup timed out.');
		} catch (error) {
			failures.push(error);
		}
		for (const finished of handle.onFinished ?? []) {
			try {
				await finished();
			} catch (error) {
				failures.push(error);
			}
		}
		// expect.soft records failures on the handle instead of throwing.
		if (handle.result?.state === 'fail') failures.push(...(handle.result.errors ?? []));
		setCurrentTest(undefined);
		const duration = now() - start;
		if (skipped && failures.length === 0) return record(test, 'skipped', duration, []);
		if (test.fails) {
			return failures.length > 0 ? record(test, 'passed', duration, []) : record(test, 'failed', duration, [new Error('Expect test to fail')]);
		}
		return record(test, failures.length ? 'failed' : 'passed', duration, failures);
	};

	const runSuite = async (suite: SuiteNode): Promise<void> => {
		const tests = testsUnder(suite);
		if (!tests.some((t) => modes.get(t) === 'run')) {
			for (const t of tests) record(t, modes.get(t) === 'todo' ? 'todo' : 'skipped', null, []);
			return;
		}
		let teardowns: unknown[];
		try {
			teardowns = await runHooks(suite.hooks.beforeAll, [suite], 'beforeAll');
		} catch (error) {
			// As Vitest: the suite's tests are skipped and the file fails with the hook's error.
			errors.push(formatError(error));
			for (const t of tests) record(t, 'skipped', null, []);
			return;
		}
		for (const child of suite.children) {
			if (child.type === 'test') await runTest(child);
			else await runSuite(child);
		}
		try {
			await runHooks([...suite.hooks.afterAll].reverse(), [suite], 'afterAll');
			for (const teardown of teardowns.reverse()) if (typeof teardown === 'function') await withTimeout(() => teardown(), hookTimeout, 'Teardown timed out.');
		} catch (error) {
			errors.push(formatError(error));
		}
	};

	await runSuite(root);
	return { assertions, errors };
}
