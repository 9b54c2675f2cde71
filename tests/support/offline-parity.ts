import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { checksFromReport } from '../../src/lib/labs/runner/report';
import { VitestReportSchema, type VitestReport } from '../../src/schemas/vitest-report';
import type { LabCheck } from '../../src/schemas/lab-result';

/**
 * One project that exercises the semantics labs can observe, run under real Vitest and under the
 * offline runner (in Node by tests/unit/lib/labs/runner/parity.test.ts, in the built Web Worker in
 * Chromium by tests/e2e/labs/offline-parity.spec.ts): hooks and their order (nested, with
 * teardowns), skip/todo/only/fails/skipIf/runIf, each-titles (printf, $name, template tables,
 * .for), async matchers, un-awaited assertions, expect.assertions, expect.soft, timeouts of tests
 * and hooks, failing hooks, context.skip, mocks and spies, zod, cross-file and JSON imports, and
 * files that fail to import, compile or set up. Both must give every check the same name and status.
 */
export const PARITY_FILES: Record<string, string> = {
	'package.json': JSON.stringify({ name: 'parity', private: true, type: 'module', scripts: { test: 'vitest run' } }),
	'src/math.ts': `
import data from './data.json';
import { double } from './cycle-a.ts';
export const add = (a: number, b: number): number => a + b;
export const limit: number = data.limit;
export const quad = (n: number) => double(double(n));
export default function greet(name: string) { console.log('greeting', name, { n: 1 }); return 'hi ' + name; }
`,
	'src/data.json': '{ "limit": 5 }',
	'src/cycle-a.ts': `import { twice } from './cycle-b.ts';\nexport function double(n: number) { return twice(n); }\nexport const factor = 2;`,
	'src/cycle-b.ts': `import { factor } from './cycle-a.ts';\nexport function twice(n: number) { return n * factor; }`,
	'src/user.ts': `
import { z } from 'zod';
export const User = z.object({ name: z.string().min(1), age: z.number().int().nonnegative() });
export type User = z.infer<typeof User>;
export async function load(fetcher: () => Promise<unknown>): Promise<User> {
	try { return User.parse(await fetcher()); } catch (e) { throw new Error('Authentication service unavailable', { cause: e }); }
}
`,
	'src/util.spec.ts': `
import { it, expect } from 'vitest';
import { add } from './math.ts';
it('lives next to the source', () => { expect(add(1, 1)).toBe(2); });
`,
	'test/basics.test.ts': `
import { describe, it, test, expect, vi, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import greet, { add, limit, quad } from '../src/math.ts';
import { User, load } from '../src/user.ts';
import type { User as UserType } from '../src/user.ts';

const order: string[] = [];
beforeAll(() => { order.push('beforeAll'); });
beforeEach(() => { order.push('outer beforeEach'); return () => { order.push('outer cleanup'); }; });
afterEach(() => { order.push('outer afterEach'); });

describe('hooks', () => {
	beforeEach(() => { order.push('inner beforeEach'); });
	afterEach(() => { order.push('inner afterEach'); });
	it('first', () => { order.push('test'); expect(true).toBe(true); });
	it('see the order', () => {
		expect(order).toEqual(['beforeAll', 'outer beforeEach', 'inner beforeEach', 'test', 'inner afterEach', 'outer afterEach', 'outer cleanup', 'outer beforeEach', 'inner beforeEach']);
	});
});

describe('matchers', () => {
	it('equal and strict', () => { expect({ a: [1, { b: 2 }] }).toEqual({ a: [1, { b: 2 }] }); expect({ a: 1 }).toStrictEqual({ a: 1 }); });
	it('fails an equality', () => { expect(add(2, 2)).toBe(5); });
	it('asymmetric', () => { expect({ id: 'x', n: 3, tags: ['a', 'b'] }).toEqual(expect.objectContaining({ n: expect.any(Number), tags: expect.arrayContaining(['b']) })); });
	it('numbers and strings', () => { expect(0.1 + 0.2).toBeCloseTo(0.3); expect('hello world').toMatch(/world/); expect([1, 2]).toHaveLength(2); expect({ a: { b: 1 } }).toHaveProperty('a.b', 1); });
	it('throws', () => { expect(() => User.parse({ name: '', age: 1 })).toThrow(); expect(() => { throw new TypeError('bad input'); }).toThrowError(TypeError); });
	it('rejects with a message', async () => { await expect(load(async () => { throw new Error('down'); })).rejects.toThrow('Authentication service unavailable'); });
	it('resolves', async () => { await expect(load(async () => ({ name: 'Ada', age: 36 }))).resolves.toEqual({ name: 'Ada', age: 36 }); });
	it('rejects when it should resolve', async () => { await expect(load(async () => ({ name: '', age: -1 }))).resolves.toBeDefined(); });
	it('satisfies', () => { expect(limit).toSatisfy((n: number) => n === 5); expect(quad(3)).toBe(12); });
	it('typed value', () => { const u: UserType = { name: 'Bo', age: 2 }; expect(User.safeParse(u).success).toBe(true); });
});

describe('mocks', () => {
	it('vi.fn records calls', async () => {
		const f = vi.fn().mockResolvedValueOnce(1).mockRejectedValue(new Error('no'));
		await expect(f('a')).resolves.toBe(1);
		await expect(f('b')).rejects.toThrow('no');
		expect(f).toHaveBeenCalledTimes(2);
		expect(f).toHaveBeenLastCalledWith('b');
	});
	it('spyOn and restore', () => {
		const obj = { greet };
		const spy = vi.spyOn(obj, 'greet').mockReturnValue('mocked');
		expect(obj.greet('x')).toBe('mocked');
		spy.mockRestore();
		expect(obj.greet('y')).toBe('hi y');
	});
	it('wrong call count', () => { const f = vi.fn(); f(); expect(f).toHaveBeenCalledTimes(2); });
});

describe('modes', () => {
	it.skip('skipped', () => { throw new Error('never'); });
	it.todo('to do later');
	it.fails('expected to fail and does', () => { expect(1).toBe(2); });
	it.fails('expected to fail but passes', () => { expect(1).toBe(1); });
	it.skipIf(true)('skipIf true', () => { throw new Error('never'); });
	it.runIf(false)('runIf false', () => { throw new Error('never'); });
	it.runIf(true)('runIf true', () => { expect(1).toBe(1); });
	it('skips itself', (ctx) => { ctx.skip(); throw new Error('never'); });
	describe.skip('skipped suite', () => { it('inside', () => { throw new Error('never'); }); });
	test('test alias', () => { expect(1).toBe(1); });
});

describe('each', () => {
	it.each([[1, 2, 3], [2, 2, 5]])('add(%i, %i) is %i', (a, b, sum) => { expect(add(a, b)).toBe(sum); });
	it.each([{ name: 'Ada', age: 36 }, { name: 'Bo', age: -1 }])('user $name aged $age is valid', (u) => { expect(User.safeParse(u).success).toBe(true); });
	it.each(['x', 'y'])('string %s at %#', (s) => { expect(typeof s).toBe('string'); });
	describe.each([{ n: 1 }, { n: 2 }])('suite $n', ({ n }) => { it('is positive', () => { expect(n).toBeGreaterThan(0); }); });
});

describe('async rules', () => {
	it('counts assertions', () => { expect.assertions(2); expect(1).toBe(1); });
	it('has assertions', () => { expect.hasAssertions(); });
	it('unawaited rejects', () => { expect(Promise.resolve(1)).resolves.toBe(2); });
	it('soft failures', () => { expect.soft(1).toBe(2); expect.soft(2).toBe(2); });
	it('times out', async () => { await new Promise(() => {}); }, 50);
	it('greets with console output', () => { expect(greet('Cy')).toBe('hi Cy'); });
});

afterAll(() => { order.length = 0; });
`,
	'test/hooks-order.test.ts': `
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
const log: string[] = [];
beforeAll(() => { log.push('file beforeAll'); return () => { log.push('file beforeAll teardown'); }; });
afterAll(() => { log.push('file afterAll'); });
beforeEach(() => { log.push('file beforeEach 1'); });
beforeEach(() => { log.push('file beforeEach 2'); });
afterEach(() => { log.push('file afterEach 1'); });
afterEach(() => { log.push('file afterEach 2'); });
describe('outer', () => {
	beforeAll(() => { log.push('outer beforeAll'); });
	afterAll(() => { log.push('outer afterAll 1'); });
	afterAll(() => { log.push('outer afterAll 2'); });
	beforeEach(() => { log.push('outer beforeEach'); });
	afterEach(() => { log.push('outer afterEach'); });
	describe('inner', () => {
		beforeAll(async () => { await new Promise((r) => setTimeout(r, 5)); log.push('inner beforeAll'); });
		afterAll(() => { log.push('inner afterAll'); });
		beforeEach(() => { log.push('inner beforeEach'); });
		afterEach(() => { log.push('inner afterEach'); });
		it('runs inside every hook', () => { log.push('inner test'); expect(log[0]).toBe('file beforeAll'); });
	});
	it('runs after the inner suite', () => { log.push('outer test'); expect(true).toBe(true); });
});
describe('after', () => {
	it('saw every hook in Vitest order', () => {
		expect(log).toEqual([
			'file beforeAll', 'outer beforeAll', 'inner beforeAll',
			'file beforeEach 1', 'file beforeEach 2', 'outer beforeEach', 'inner beforeEach', 'inner test',
			'inner afterEach', 'outer afterEach', 'file afterEach 2', 'file afterEach 1',
			'inner afterAll',
			'file beforeEach 1', 'file beforeEach 2', 'outer beforeEach', 'outer test',
			'outer afterEach', 'file afterEach 2', 'file afterEach 1',
			'outer afterAll 2', 'outer afterAll 1',
			'file beforeEach 1', 'file beforeEach 2',
		]);
	});
	it('fails on purpose to show the order in the message', () => { expect(log.slice(0, 3)).toEqual(['file beforeAll', 'inner beforeAll', 'outer beforeAll']); });
});
`,
	'test/each-titles.test.ts': `
import { describe, it, test, expect } from 'vitest';
it.each([[1, 'one', 1.5, { a: 1 }], [-0, 'two words', -2.25, [1, 2]]])('printf %i %s %f %j', (n, s) => { expect(typeof s).toBe('string'); });
it.each([{ name: 'Ada Lovelace, the first programmer of them all', age: 36, tags: ['x'] }, { name: 'Bo', age: -1, tags: [] }])('$name is $age with $tags at %# of %$', ({ age }) => { expect(age).toBeGreaterThan(0); });
it.each([{ user: { name: 'Cy', id: 7 } }])('nested $user.name has id $user.id', ({ user }) => { expect(user.id).toBe(7); });
it.each(['a', 'b'])('single value %s', (v) => { expect(v).toMatch(/[ab]/); });
it.each([['x', 1]])('array row $0 and $1', (s, n) => { expect(n).toBe(1); });
it.each\`
	a    | b    | sum
	\${1} | \${2} | \${3}
	\${'x'} | \${'y'} | \${'xy'}
\`('template $a + $b = $sum', ({ a, b, sum }) => { expect(a + b).toBe(sum); });
test.for([[1, 2], [3, 4]])('for [%i, %i]', ([a, b]) => { expect(b - a).toBe(1); });
it.skip.each([1, 2])('skipped each %i', () => { throw new Error('never'); });
it.each([1, 2])('with timeout %i', async (n) => { await new Promise((r) => setTimeout(r, 1)); expect(n).toBeGreaterThan(0); }, 1000);
describe.each([[1, 2], [2, 3]])('describe printf %i then %i', (a, b) => {
	it('is ordered', () => { expect(b).toBeGreaterThan(a); });
});
describe.each([{ role: 'admin', can: true }, { role: 'guest', can: false }])('role $role', ({ can }) => {
	it('can edit: $can is not a title field here', () => { expect(can).toBe(true); });
});
describe.skip.each([1])('skipped suite %i', () => { it('inside', () => { expect(1).toBe(1); }); });
`,
	'test/modes.test.ts': `
import { describe, it, test, expect } from 'vitest';
describe('todo and skip', () => {
	it.todo('a todo');
	test.todo('another todo');
	it.skip('a skip', () => { throw new Error('never'); });
	it('no body');
	describe.todo('a todo suite');
	describe.skip('skipped suite', () => { it('skipped by suite', () => { expect(1).toBe(1); }); });
	it('still runs', () => { expect(1).toBe(1); });
});
describe('only inside a suite', () => {
	describe('nested', () => {
		it.only('focused deep', () => { expect(1).toBe(1); });
		it('unfocused sibling', () => { expect(1).toBe(1); });
	});
	it('unfocused outer', () => { expect(1).toBe(1); });
});
it.only.each([1, 2])('focused each %i', (n) => { expect(n).toBeLessThan(2); });
it.skipIf(false).each([3])('skipIf false each %i', (n) => { expect(n).toBe(3); });
`,
	'test/failing-hooks.test.ts': `
import { describe, it, expect, beforeEach, afterEach, afterAll, beforeAll } from 'vitest';
describe('beforeEach throws', () => {
	beforeEach(() => { throw new Error('beforeEach broke'); });
	it('fails through its hook', () => { expect(1).toBe(1); });
});
describe('afterEach throws', () => {
	afterEach(() => { throw new Error('afterEach broke'); });
	it('passes its body but fails in afterEach', () => { expect(1).toBe(1); });
});
describe('afterAll throws', () => {
	afterAll(() => { throw new Error('afterAll broke'); });
	it('passes before the afterAll', () => { expect(1).toBe(1); });
});
describe('beforeAll times out', () => {
	beforeAll(async () => { await new Promise(() => {}); }, 40);
	it('is skipped', () => { expect(1).toBe(1); });
});
describe('async', () => {
	it('awaits a resolved promise', async () => { const v = await new Promise((r) => setTimeout(() => r(3), 5)); expect(v).toBe(3); });
	it('fails on a rejected promise', async () => { await new Promise((_, reject) => setTimeout(() => reject(new Error('async boom')), 5)); });
	it('returns a promise without async', () => new Promise<void>((r) => setTimeout(r, 5)).then(() => { expect(1).toBe(2); }));
	it('times out with an options object', { timeout: 30 }, async () => { await new Promise((r) => setTimeout(r, 1000)); });
	it('finishes within its own timeout', async () => { await new Promise((r) => setTimeout(r, 20)); expect(1).toBe(1); }, 2000);
});
`,
	'test/only.test.ts': `
import { describe, it, expect } from 'vitest';
it('not focused', () => { expect(1).toBe(1); });
describe.only('focused suite', () => {
	it('runs', () => { expect(1).toBe(1); });
	it('fails', () => { expect(1).toBe(0); });
});
describe('other suite', () => { it.only('focused test', () => { expect(2).toBe(2); }); it('skipped by only', () => { expect(2).toBe(2); }); });
`,
	'test/setup-fails.test.ts': `
import { describe, it, expect, beforeAll } from 'vitest';
describe('broken setup', () => {
	beforeAll(() => { throw new Error('setup broke'); });
	it('a', () => { expect(1).toBe(1); });
});
it('outside', () => { expect(1).toBe(1); });
`,
	'test/missing-import.test.ts': `
import { it, expect } from 'vitest';
import { nothing } from '../src/missing.ts';
it('never collected', () => { expect(nothing).toBe(1); });
`,
	'test/syntax.test.ts': `
import { it, expect } from 'vitest';
it('never collected', () => { expect(1).toBe(1) ;
`,
	'test/factory-throws.test.ts': `
import { describe, it, expect } from 'vitest';
describe('boom', () => { throw new Error('factory broke'); });
it('never collected', () => { expect(1).toBe(1); });
`,
};

/**
 * Writes `files` into the folder `WORK` (emptied first) and runs real Vitest (node_modules/.bin/vitest) there with the JSON
 * reporter. Returns the report and its checks (names relative to `work`).
 */
const run = promisify(execFile);

export async function realVitest(files: Record<string, string>, work: string): Promise<{ report: VitestReport; checks: LabCheck[] }> {
	await rm(work, { recursive: true, force: true });
	for (const [path, text] of Object.entries(files)) {
		await mkdir(dirname(join(work, path)), { recursive: true });
		await writeFile(join(work, path), text);
	}
	const out = join(work, '.report.json');
	// --allowOnly: under CI=true Vitest turns `.only` into failures; a learner's project (what the
	// offline runner mirrors) runs outside CI, where `.only` focuses tests.
	await run(resolve('node_modules/.bin/vitest'), ['run', '--root', work, '--allowOnly', '--reporter=json', `--outputFile.json=${out}`], { cwd: work }).catch(() => undefined);
	const report = VitestReportSchema.parse(JSON.parse(await readFile(out, 'utf8')));
	return { report, checks: checksFromReport(report, work) };
}
