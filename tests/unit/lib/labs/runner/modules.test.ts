import { describe, expect, it, vi } from 'vitest';
import { createModuleRegistry, joinPath, ModuleNotFoundError, resolveRelative } from '../../../../../src/lib/labs/runner/modules';
import { CompileError } from '../../../../../src/lib/labs/runner/compile';

const quiet = { log: vi.fn(), info() {}, warn() {}, error() {}, debug() {}, trace() {}, table() {}, dir() {} };

describe('joinPath', () => {
	it('normalises . and .. segments', () => {
		expect(joinPath('test', '../src/a.ts')).toBe('src/a.ts');
		expect(joinPath('src/x', './y/../z.ts')).toBe('src/x/z.ts');
	});
	it('refuses to leave the project root', () => {
		expect(joinPath('src', '../../etc/passwd')).toBeNull();
	});
});

describe('resolveRelative', () => {
	const files = { 'src/a.ts': '', 'src/b/index.ts': '', 'src/data.json': '{}' };
	it('takes explicit .ts, extensionless, index and .js-for-.ts specifiers', () => {
		expect(resolveRelative(files, 'test/t.ts', '../src/a.ts')).toBe('src/a.ts');
		expect(resolveRelative(files, 'test/t.ts', '../src/a')).toBe('src/a.ts');
		expect(resolveRelative(files, 'test/t.ts', '../src/a.js')).toBe('src/a.ts');
		expect(resolveRelative(files, 'src/a.ts', './b')).toBe('src/b/index.ts');
		expect(resolveRelative(files, 'src/a.ts', './data.json')).toBe('src/data.json');
	});
	it('returns null for a file that is not in the lab', () => {
		expect(resolveRelative(files, 'src/a.ts', './missing.ts')).toBeNull();
	});
});

describe('createModuleRegistry', () => {
	it('runs TypeScript modules once, with imports across files', () => {
		const files = {
			'src/count.ts': 'export let runs = 0; runs++; export const twice = (n: number): number => n * 2;',
			'src/main.ts': "import { twice, runs } from './count.ts';\nimport { runs as again } from './count.ts';\nexport const out = twice(21) + runs + again;",
		};
		const registry = createModuleRegistry({ files, packages: {}, console: quiet });
		expect(registry.require('src/main.ts')).toMatchObject({ out: 44 });
	});

	it('gives cyclic imports the partial exports, as CommonJS does', () => {
		const files = {
			'src/a.ts': "import { b } from './b.ts';\nexport const a = 'a';\nexport const fromB = () => b;",
			'src/b.ts': "import { a } from './a.ts';\nexport const b = 'b';\nexport const seenA = typeof a;",
		};
		const a = createModuleRegistry({ files, packages: {}, console: quiet }).require('src/a.ts') as { fromB(): string };
		expect(a.fromB()).toBe('b');
	});

	it('maps bare specifiers to the packages it was given, default import included', () => {
		const pkg = { default: 'the default', named: 42 };
		const files = { 'src/m.ts': "import d, { named } from 'pkg';\nimport * as all from 'pkg';\nexport const out = [d, named, all.named];" };
		const registry = createModuleRegistry({ files, packages: { pkg }, console: quiet });
		expect(registry.require('src/m.ts')).toMatchObject({ out: ['the default', 42, 42] });
	});

	it('routes console calls of lab code to the given console', () => {
		const log = vi.fn();
		const registry = createModuleRegistry({ files: { 'src/m.ts': "console.log('hello', 1);" }, packages: {}, console: { ...quiet, log } });
		registry.require('src/m.ts');
		expect(log).toHaveBeenCalledWith('hello', 1);
	});

	it('drops an import nothing uses, as Vitest does', () => {
		const registry = createModuleRegistry({ files: { 'test/t.ts': "import { x } from '../src/nope.ts';\nexport const ok = 1;" }, packages: {}, console: quiet });
		expect(registry.require('test/t.ts')).toMatchObject({ ok: 1 });
	});

	it('names the importer and the specifier when a module is missing', () => {
		const registry = createModuleRegistry({ files: { 'test/t.ts': "import { x } from '../src/nope.ts';\nexport const y = x;" }, packages: {}, console: quiet });
		expect(() => registry.require('test/t.ts')).toThrow(new ModuleNotFoundError("Cannot find module '../src/nope.ts' imported from test/t.ts"));
	});

	it('refuses node: modules and packages outside the allow list, saying which are provided', () => {
		// Bindings are used: like Vitest, sucrase drops imports nothing uses.
		const files = { 'src/fs.ts': "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", 'src/lodash.ts': "import _ from 'lodash';\nexport const l = _;" };
		const registry = createModuleRegistry({ files, packages: { zod: {} }, console: quiet });
		expect(() => registry.require('src/fs.ts')).toThrow(/'node:fs' .* is a Node\.js module; lab code runs in the browser/);
		expect(() => registry.require('src/lodash.ts')).toThrow(/Cannot find package 'lodash' imported from src\/lodash\.ts; the offline runner provides zod/);
	});

	it('reports a syntax error as a CompileError naming the file', () => {
		const registry = createModuleRegistry({ files: { 'src/bad.ts': 'export const = 1;' }, packages: {}, console: quiet });
		expect(() => registry.require('src/bad.ts')).toThrow(CompileError);
		expect(() => registry.require('src/bad.ts')).toThrow(/^src\/bad\.ts: /);
	});

	it('loads JSON files as data', () => {
		const files = { 'src/m.ts': "import data from './d.json';\nexport const n = data.n;", 'src/d.json': '{"n": 7}' };
		expect(createModuleRegistry({ files, packages: {}, console: quiet }).require('src/m.ts')).toMatchObject({ n: 7 });
	});
});
