import { formatEachTitle } from './each';

/**
 * Test collection for the offline runner: the `describe`/`it`/`test`/hooks half of Vitest's API,
 * building a tree that execute.ts runs. Semantics follow Vitest 5 where the labs can observe them:
 * suite factories run after the file's top level (in declaration order, awaited), `.only` skips
 * every other test of the file, `.skip`/`.todo`/`.skipIf`/`.runIf`/`.fails`/`.each` behave as in
 * Vitest, and `it(name, fn, timeout)` / `it(name, { timeout }, fn)` set a per-test timeout.
 * `.concurrent` and `.sequential` are accepted and run sequentially.
 */

export type Mode = 'run' | 'skip' | 'only' | 'todo';
// Test bodies and hooks are user code: any arguments, any result (sync or promise).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type UserFn = (...args: any[]) => unknown;

export interface TestOptions {
	timeout?: number;
	skip?: boolean;
	only?: boolean;
	todo?: boolean;
	fails?: boolean;
}

export interface TestNode {
	type: 'test';
	name: string;
	fn: UserFn | undefined;
	mode: Mode;
	/** `it.fails`: passes when the body fails. */
	fails: boolean;
	/** Milliseconds; undefined means the runner default (5000, as Vitest's testTimeout). */
	timeout: number | undefined;
	parent: SuiteNode;
}

export interface Hooks {
	beforeAll: UserFn[];
	afterAll: UserFn[];
	beforeEach: UserFn[];
	afterEach: UserFn[];
}

export interface SuiteNode {
	type: 'suite';
	name: string;
	mode: Mode;
	children: (TestNode | SuiteNode)[];
	hooks: Hooks;
	parent: SuiteNode | undefined;
	/** Runs once during collection, after the enclosing suite's factory. */
	factory: UserFn | undefined;
}

export function createRootSuite(): SuiteNode {
	return { type: 'suite', name: '', mode: 'run', children: [], hooks: emptyHooks(), parent: undefined, factory: undefined };
}

function emptyHooks(): Hooks {
	return { beforeAll: [], afterAll: [], beforeEach: [], afterEach: [] };
}

interface Flags {
	mode: Mode;
	fails: boolean;
}

type Register = (name: unknown, a?: unknown, b?: unknown) => void;

/** A chainable registrar: `it`, `it.skip`, `it.only.fails`, `it.each([...])(…)`, … */
export interface Chainable {
	(name: unknown, a?: unknown, b?: unknown): void;
	skip: Chainable;
	only: Chainable;
	todo: Chainable;
	fails: Chainable;
	concurrent: Chainable;
	sequential: Chainable;
	skipIf(condition: unknown): Chainable;
	runIf(condition: unknown): Chainable;
	each(...table: unknown[]): (name: unknown, a?: unknown, b?: unknown) => void;
	for(table: readonly unknown[]): (name: unknown, a?: unknown, b?: unknown) => void;
}

export interface SuiteApi {
	describe: Chainable;
	suite: Chainable;
	it: Chainable;
	test: Chainable;
	beforeAll(fn: UserFn): void;
	afterAll(fn: UserFn): void;
	beforeEach(fn: UserFn): void;
	afterEach(fn: UserFn): void;
}

/** Title of a test or suite: strings as they are, functions and classes by name (as Vitest). */
export function formatName(name: unknown): string {
	if (typeof name === 'string') return name;
	if (typeof name === 'function') return name.name || '<anonymous>';
	return String(name);
}

/** Splits Vitest's flexible argument order into body, timeout and options. */
function parseArgs(a: unknown, b: unknown): { fn: UserFn | undefined; timeout: number | undefined; options: TestOptions } {
	if (typeof a === 'function') {
		if (typeof b === 'number') return { fn: a as UserFn, timeout: b, options: {} };
		const options = (b && typeof b === 'object' ? b : {}) as TestOptions;
		return { fn: a as UserFn, timeout: options.timeout, options };
	}
	const options = (a && typeof a === 'object' ? a : {}) as TestOptions;
	return { fn: typeof b === 'function' ? (b as UserFn) : undefined, timeout: options.timeout, options };
}

function modeFrom(flags: Flags, options: TestOptions, hasFn: boolean): Mode {
	if (options.todo || flags.mode === 'todo' || !hasFn) return 'todo';
	if (options.skip || flags.mode === 'skip') return 'skip';
	if (options.only || flags.mode === 'only') return 'only';
	return 'run';
}

function chainable(register: (flags: Flags) => Register, flags: Flags): Chainable {
	const fn = register(flags) as Chainable;
	const withFlags = (patch: Partial<Flags>): Chainable => chainable(register, { ...flags, ...patch });
	const define = (key: string, get: () => unknown) => Object.defineProperty(fn, key, { get, enumerable: true });
	define('skip', () => withFlags({ mode: 'skip' }));
	define('only', () => withFlags({ mode: flags.mode === 'skip' || flags.mode === 'todo' ? flags.mode : 'only' }));
	define('todo', () => withFlags({ mode: 'todo' }));
	define('fails', () => withFlags({ fails: true }));
	define('concurrent', () => withFlags({}));
	define('sequential', () => withFlags({}));
	fn.skipIf = (condition) => withFlags(condition ? { mode: 'skip' } : {});
	fn.runIf = (condition) => withFlags(condition ? {} : { mode: 'skip' });
	// test.each: spread array rows become arguments; test.for: each row is one argument.
	const eachLike =
		(spread: boolean) =>
		(table: readonly unknown[]) =>
		(name: unknown, a?: unknown, b?: unknown) => {
			const { fn: body, timeout, options } = parseArgs(a, b);
			table.forEach((row, index) => {
				const args = spread && Array.isArray(row) ? row : [row];
				const title = formatEachTitle(formatName(name), args, index);
				const bound = body ? (...rest: unknown[]) => body(...args, ...rest) : undefined;
				register(flags)(title, { ...options, timeout }, bound);
			});
		};
	fn.each = (...table: unknown[]) => {
		// Template-literal tables (`a | b ${1} | ${2}`) are not supported: say so instead of misnaming tests.
		if (Array.isArray(table[0]) && 'raw' in (table[0] as object)) {
			throw new Error('test.each with a template-literal table is not supported by the offline runner; use an array of rows.');
		}
		const rows = table.length === 1 && Array.isArray(table[0]) ? (table[0] as unknown[]) : table;
		return eachLike(true)(rows);
	};
	fn.for = (table) => eachLike(false)(table);
	return fn;
}

/**
 * The collection API bound to one test file, and `collect()`, which runs the suite factories
 * registered under the root (depth first, declaration order, each awaited) as Vitest does after a
 * test file's top level has run. A throwing factory rejects `collect()` with its error.
 * `isRunning()` tells whether a test body is running (declaring tests there is an error).
 */
export function createCollector(root: SuiteNode, isRunning: () => boolean): { api: SuiteApi; collect: () => Promise<void> } {
	let current = root;
	const guard = (what: string) => {
		if (isRunning()) throw new Error(`${what}() cannot be called inside a test; declare it at the top level or in a describe block.`);
	};

	const registerTest =
		(flags: Flags): Register =>
		(name, a, b) => {
			guard('test');
			const { fn, timeout, options } = parseArgs(a, b);
			current.children.push({
				type: 'test',
				name: formatName(name),
				fn,
				mode: modeFrom(flags, options, fn !== undefined),
				fails: flags.fails || options.fails === true,
				timeout,
				parent: current,
			});
		};

	const registerSuite =
		(flags: Flags): Register =>
		(name, a, b) => {
			guard('describe');
			const { fn, options } = parseArgs(a, b);
			current.children.push({
				type: 'suite',
				name: formatName(name),
				mode: modeFrom(flags, options, fn !== undefined),
				children: [],
				hooks: emptyHooks(),
				parent: current,
				factory: fn,
			});
		};

	const hook = (kind: keyof Hooks) => (fn: UserFn) => {
		guard(kind);
		if (typeof fn !== 'function') throw new TypeError(`${kind}() expects a function`);
		current.hooks[kind].push(fn);
	};

	const it = chainable(registerTest, { mode: 'run', fails: false });
	const describe = chainable(registerSuite, { mode: 'run', fails: false });
	const api: SuiteApi = {
		describe,
		suite: describe,
		it,
		test: it,
		beforeAll: hook('beforeAll'),
		afterAll: hook('afterAll'),
		beforeEach: hook('beforeEach'),
		afterEach: hook('afterEach'),
	};

	const collectUnder = async (suite: SuiteNode): Promise<void> => {
		// The list grows while factories run, so index rather than iterate a snapshot.
		for (let i = 0; i < suite.children.length; i++) {
			const child = suite.children[i];
			if (child.type !== 'suite') continue;
			if (child.factory) {
				current = child;
				try {
					await child.factory();
				} finally {
					current = suite;
				}
			}
			await collectUnder(child);
		}
	};
	return { api, collect: () => collectUnder(root) };
}
