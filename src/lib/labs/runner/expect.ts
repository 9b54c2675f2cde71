import {
	ASYMMETRIC_MATCHERS_OBJECT,
	ChaiStyleAssertions,
	GLOBAL_EXPECT,
	JestAsymmetricMatchers,
	JestChaiExpect,
	JestExtend,
	addCustomEqualityTesters,
	chai,
	customMatchers,
	getState,
	setState,
	type ExpectStatic,
	type MatcherState,
} from '@vitest/expect';

/**
 * Vitest's real `expect` for the offline runner: chai with @vitest/expect's plugins (the same
 * matchers, asymmetric matchers, `.resolves`/`.rejects`, `expect.soft`, `expect.assertions`,
 * `expect.extend`), assembled the way vitest's own `createExpect` does it. Snapshots and
 * `expect.poll` are not available offline and say so.
 */

let pluginsInstalled = false;
function installPlugins(): void {
	if (pluginsInstalled) return;
	pluginsInstalled = true;
	// Inside a Vitest process (tests/labs runs this core in Node) Vitest has already installed its
	// own bundled copy of these plugins on the same chai. Installing ours on top would wrap
	// `toThrow` twice (`.rejects.toThrow` would then see a function instead of the error), so keep theirs.
	if (typeof (chai.Assertion.prototype as unknown as Record<string, unknown>).toHaveBeenCalledTimes === 'function') return;
	chai.use(JestExtend);
	chai.use(JestChaiExpect);
	chai.use(ChaiStyleAssertions);
	chai.use(JestAsymmetricMatchers);
}

/** The assertion-count state Vitest resets before every test. */
export interface AssertionState {
	assertionCalls: number;
	isExpectingAssertions: boolean;
	isExpectingAssertionsError: Error | null;
	expectedAssertionsNumber: number | null;
	expectedAssertionsNumberErrorGen: (() => Error) | null;
}

export function freshAssertionState(): AssertionState {
	return {
		assertionCalls: 0,
		isExpectingAssertions: false,
		isExpectingAssertionsError: null,
		expectedAssertionsNumber: null,
		expectedAssertionsNumberErrorGen: null,
	};
}

/**
 * A new `expect` whose assertions attach to `currentTest()` (@vitest/runner's running test, undefined
 * outside tests): un-awaited `.resolves`/`.rejects` and `expect.soft` failures are recorded on it.
 * Throws nothing; matcher failures throw chai `AssertionError`s as in Vitest.
 */
export function createExpect(currentTest: () => object | undefined): ExpectStatic {
	installPlugins();
	const expect = ((value: unknown, message?: string) => {
		const { assertionCalls } = getState(expect);
		setState({ assertionCalls: assertionCalls + 1 }, expect);
		const assertion = chai.expect(value, message) as unknown as { withTest(t: unknown): unknown };
		const test = currentTest();
		return test ? assertion.withTest(test) : assertion;
	}) as unknown as ExpectStatic;
	Object.assign(expect, chai.expect);
	Object.assign(expect, (globalThis as Record<symbol, object>)[ASYMMETRIC_MATCHERS_OBJECT]);
	// Asymmetric matchers read matcher state from the global expect; in a worker nobody else sets it.
	if (!Object.hasOwn(globalThis, GLOBAL_EXPECT)) {
		Object.defineProperty(globalThis, GLOBAL_EXPECT, { value: expect, writable: true, configurable: true });
	}
	setState<MatcherState>({ ...freshAssertionState(), currentTestName: '' } as Partial<MatcherState>, expect);
	const e = expect as unknown as Record<string, unknown>;
	e.getState = () => getState(expect);
	e.setState = (state: Partial<MatcherState>) => setState(state, expect);
	e.assert = chai.assert;
	e.extend = (matchers: object) => (chai.expect as unknown as { extend(e: unknown, m: object): void }).extend(expect, matchers);
	e.addEqualityTesters = addCustomEqualityTesters;
	e.soft = (value: unknown, message?: string) =>
		(expect(value, message) as unknown as { withContext(c: object): unknown }).withContext({ soft: true });
	e.unreachable = (message?: string) => {
		chai.assert.fail(`expected${message ? ` "${message}" ` : ' '}not to be reached`);
	};
	e.poll = () => {
		throw new Error('expect.poll() is not available in the offline runner; await the value and assert on it.');
	};
	const assertions = (expected: number) => {
		const errorGen = () => new Error(`expected number of assertions to be ${expected}, but got ${getState(expect).assertionCalls}`);
		setState({ expectedAssertionsNumber: expected, expectedAssertionsNumberErrorGen: errorGen } as Partial<MatcherState>, expect);
	};
	const hasAssertions = () => {
		setState({ isExpectingAssertions: true, isExpectingAssertionsError: new Error('expected any number of assertion, but got none') } as Partial<MatcherState>, expect);
	};
	chai.util.addMethod(expect, 'assertions', assertions);
	chai.util.addMethod(expect, 'hasAssertions', hasAssertions);
	expect.extend(customMatchers);
	return expect;
}

/** Resets the assertion counters before a test (as Vitest's onBeforeTryTask). */
export function resetAssertionState(expect: ExpectStatic, testName: string): void {
	setState({ ...freshAssertionState(), currentTestName: testName } as Partial<MatcherState>, expect);
}

/**
 * After a test body: throws when `expect.assertions(n)` or `expect.hasAssertions()` was not met
 * (as Vitest's onAfterTryTask).
 */
export function verifyAssertionCount(expect: ExpectStatic): void {
	const s = getState(expect) as unknown as AssertionState;
	if (s.expectedAssertionsNumber !== null && s.assertionCalls !== s.expectedAssertionsNumber && s.expectedAssertionsNumberErrorGen) {
		throw s.expectedAssertionsNumberErrorGen();
	}
	if (s.isExpectingAssertions && s.assertionCalls === 0 && s.isExpectingAssertionsError) throw s.isExpectingAssertionsError;
}
