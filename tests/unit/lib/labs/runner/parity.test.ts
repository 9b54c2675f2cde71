import { relative, resolve } from 'node:path';
import * as zod from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { runLabTests } from '../../../../../src/lib/labs/runner/run';
import { checksFromReport } from '../../../../../src/lib/labs/runner/report';
import type { VitestAssertion, VitestReport } from '../../../../../src/schemas/vitest-report';
import type { LabCheck } from '../../../../../src/schemas/lab-result';
import { PARITY_FILES, realVitest } from '../../../../support/offline-parity';

/**
 * The offline runner core (@vitest/runner with our module loader, expect and vi) against real
 * Vitest on the parity project (tests/support/offline-parity.ts): same check names, statuses and
 * order, failures explained, frames pointing at lab files, console routed, live results complete.
 */

const WORK = resolve('.cache/unit-parity');

const logs: string[] = [];
const quiet = { log: (...a: unknown[]) => logs.push(a.map(String).join(' ')), info() {}, warn() {}, error() {}, debug() {}, trace() {}, table() {}, dir() {} };

const byName = (checks: LabCheck[]) => Object.fromEntries(checks.map((c) => [c.name, c.status]));

describe('offline runner core and real Vitest on the same project', () => {
	let real: LabCheck[];
	let realReport: VitestReport;
	let mine: LabCheck[];
	let offlineReport: VitestReport;
	const live: (VitestAssertion & { file: string })[] = [];
	beforeAll(async () => {
		({ checks: real, report: realReport } = await realVitest(PARITY_FILES, WORK));
		offlineReport = await runLabTests({ files: PARITY_FILES, packages: { zod }, console: quiet, onTestFinished: (file, r) => live.push({ file, ...r }) });
		mine = checksFromReport(offlineReport);
	}, 120_000);

	it('gives every check the same name and status', () => {
		expect(Object.keys(byName(real)).length).toBeGreaterThan(40);
		expect(byName(mine)).toEqual(byName(real));
	});

	it('lists checks in the same order within each file, in declaration order', () => {
		const order = (report: VitestReport, root: string) =>
			Object.fromEntries(report.testResults.map((f) => [relative(root, resolve(root, f.name)), f.assertionResults.map((a) => a.fullName)]));
		const mineOrder = order(offlineReport, '.');
		expect(mineOrder).toEqual(order(realReport, WORK));
		expect(mineOrder['test/hooks-order.test.ts']).toEqual([
			'outer inner runs inside every hook',
			'outer runs after the inner suite',
			'after saw every hook in Vitest order',
			'after fails on purpose to show the order in the message',
		]);
	});

	it('gives every check of the new cases a verdict that shows the semantics', () => {
		const status = byName(mine);
		// Hook order, nested: the order test passes, the deliberately wrong order fails.
		expect(status['after › saw every hook in Vitest order']).toBe('pass');
		expect(status['after › fails on purpose to show the order in the message']).toBe('fail');
		// each: printf and $name titles (Vitest 5's format: strings unquoted, values cut at 40 characters).
		expect(status['printf 1 one 1.5 {"a":1}']).toBe('pass');
		// Vitest 5 signs the first %f after a -0 in the first column: reproduced, since names must match.
		expect(status['printf 0 two words --2.25 [1,2]']).toBe('pass');
		expect(status['Ada Lovelace, the first programmer of t… is 36 with [ \'x\' ] at 0 of 1']).toBe('pass');
		expect(status['Bo is -1 with [] at 1 of 2']).toBe('fail');
		expect(status['template x + y = xy']).toBe('pass');
		expect(status['role guest › can edit: $can is not a title field here']).toBe('fail');
		expect(status['describe printf 2 then 3 › is ordered']).toBe('pass');
		expect(status['skipped each 1']).toBe('skip');
		// skip / only / todo.
		expect(status['todo and skip › a todo']).toBe('skip');
		expect(status['todo and skip › no body']).toBe('skip');
		expect(status['only inside a suite › nested › focused deep']).toBe('pass');
		expect(status['only inside a suite › nested › unfocused sibling']).toBe('skip');
		expect(status['focused each 2']).toBe('fail');
		expect(status['todo and skip › still runs']).toBe('skip');
		// Failing hooks.
		expect(status['beforeEach throws › fails through its hook']).toBe('fail');
		expect(status['afterEach throws › passes its body but fails in afterEach']).toBe('fail');
		expect(status['afterAll throws › passes before the afterAll']).toBe('pass');
		expect(status['beforeAll times out › is skipped']).toBe('skip');
		// Async tests and timeouts.
		expect(status['async › awaits a resolved promise']).toBe('pass');
		expect(status['async › fails on a rejected promise']).toBe('fail');
		expect(status['async › returns a promise without async']).toBe('fail');
		expect(status['async › times out with an options object']).toBe('fail');
		expect(status['async › finishes within its own timeout']).toBe('pass');
	});

	it('streams every test once as it settles, skipped and todo ones included, with its final result', () => {
		const key = (file: string, a: VitestAssertion) => `${file} :: ${a.fullName} :: ${a.status}`;
		const final = offlineReport.testResults.flatMap((f) => f.assertionResults.map((a) => key(f.name, a)));
		expect(live.map((a) => key(a.file, a)).sort()).toEqual(final.sort());
	});

	it('explains failures in the check message', () => {
		const msg = (name: string) => mine.find((c) => c.name === name)?.message ?? '';
		expect(msg('matchers › fails an equality')).toMatch(/expected 4 to be 5/);
		expect(msg('async rules › counts assertions')).toMatch(/expected number of assertions to be 2, but got 1/);
		expect(msg('async rules › times out')).toMatch(/Test timed out in 50ms/);
		expect(msg('async rules › unawaited rejects')).toMatch(/was not awaited/);
		expect(msg('test/missing-import.test.ts')).toMatch(/Cannot find module '\.\.\/src\/missing\.ts' imported from test\/missing-import\.test\.ts/);
		expect(msg('test/syntax.test.ts')).toMatch(/^CompileError: test\/syntax\.test\.ts/);
		expect(msg('test/setup-fails.test.ts')).toMatch(/setup broke/);
		expect(msg('test/factory-throws.test.ts')).toMatch(/factory broke/);
		expect(msg('beforeEach throws › fails through its hook')).toMatch(/beforeEach broke/);
		expect(msg('afterEach throws › passes its body but fails in afterEach')).toMatch(/afterEach broke/);
		expect(msg('async › fails on a rejected promise')).toMatch(/async boom/);
		expect(msg('async › times out with an options object')).toMatch(/Test timed out in 30ms/);
		expect(msg('after › fails on purpose to show the order in the message')).toMatch(/expected \[ 'file beforeAll', …\(2\) \] to deeply equal|inner beforeAll/);
	});

	it('points stack frames at lab files and lines', () => {
		const failure = offlineReport.testResults.flatMap((f) => f.assertionResults).find((a) => a.title === 'fails an equality');
		// Line 26 of test/basics.test.ts holds `expect(add(2, 2)).toBe(5)`.
		const line = PARITY_FILES['test/basics.test.ts'].split('\n').findIndex((l) => l.includes('toBe(5)')) + 1;
		expect(failure?.failureMessages?.join('\n')).toContain(`at test/basics.test.ts:${line}:`);
	});

	it('routes console output of lab code to the console it was given', () => {
		expect(logs).toContain('greeting Cy [object Object]');
	});
});
