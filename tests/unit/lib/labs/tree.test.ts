import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromFileSystemTree, LabPathError, overlay, pathSegments, toFileSystemTree } from '../../../../src/lib/labs/tree';

describe('toFileSystemTree', () => {
	it('nests files into WebContainer directory nodes', () => {
		expect(
			toFileSystemTree({
				'package.json': '{}',
				'src/auth.ts': 'export {}',
				'src/lib/hash.ts': 'h',
				'test/auth.test.ts': 't',
			}),
		).toEqual({
			'package.json': { file: { contents: '{}' } },
			src: {
				directory: {
					'auth.ts': { file: { contents: 'export {}' } },
					lib: { directory: { 'hash.ts': { file: { contents: 'h' } } } },
				},
			},
			test: { directory: { 'auth.test.ts': { file: { contents: 't' } } } },
		});
	});

	it('gives an empty tree for no files', () => {
		expect(toFileSystemTree({})).toEqual({});
	});

	it('keeps names that are also Object.prototype keys as plain entries', () => {
		const tree = toFileSystemTree({ 'constructor/toString.ts': 'a', hasOwnProperty: 'b' });
		expect(tree).toEqual({
			constructor: { directory: { 'toString.ts': { file: { contents: 'a' } } } },
			hasOwnProperty: { file: { contents: 'b' } },
		});
	});

	it('rejects a path that is both a file and a directory, naming the path', () => {
		expect(() => toFileSystemTree({ src: 'x', 'src/a.ts': 'y' })).toThrow(LabPathError);
		expect(() => toFileSystemTree({ src: 'x', 'src/a.ts': 'y' })).toThrow('"src/a.ts"');
	});

	it.each(['', '/etc/passwd', '../outside.ts', 'src/../../x.ts', 'src//a.ts', './a.ts', 'src\\a.ts', '__proto__/x.ts'])(
		'rejects the unsafe path %j',
		(path) => {
			expect(() => toFileSystemTree({ [path]: 'x' })).toThrow(LabPathError);
		},
	);
});

describe('pathSegments', () => {
	it('splits a clean relative path', () => {
		expect(pathSegments('test/support/fakes.ts')).toEqual(['test', 'support', 'fakes.ts']);
	});
});

describe('fromFileSystemTree', () => {
	it('flattens a tree and decodes binary contents as UTF-8', () => {
		const tree = {
			'a.txt': { file: { contents: new TextEncoder().encode('héllo') } },
			src: { directory: { 'b.ts': { file: { contents: 'b' } } } },
		};
		expect(fromFileSystemTree(tree)).toEqual({ 'a.txt': 'héllo', 'src/b.ts': 'b' });
	});

	it('rejects symlinks', () => {
		expect(() => fromFileSystemTree({ link: { file: { symlink: '../x' } } })).toThrow(LabPathError);
	});

	it('is the inverse of toFileSystemTree for any valid set of files', () => {
		const segment = fc.stringMatching(/^[a-z0-9_-]{1,8}(\.[a-z]{1,3})?$/);
		const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
		const files = fc.dictionary(path, fc.string(), { maxKeys: 12 }).filter((record) => {
			// A path cannot be both a file and a directory prefix of another path.
			const paths = Object.keys(record);
			return !paths.some((a) => paths.some((b) => b.startsWith(`${a}/`)));
		});
		fc.assert(
			fc.property(files, (record) => {
				expect(fromFileSystemTree(toFileSystemTree(record))).toEqual(record);
			}),
		);
	});
});

describe('overlay', () => {
	const files = { 'package.json': '{}', 'src/a.ts': 'starter a', 'src/b.ts': 'starter b' };

	it('replaces changed files, adds new ones and keeps the rest', () => {
		expect(overlay(files, { 'src/a.ts': 'solved a', 'src/c.ts': 'new c' })).toEqual({
			'package.json': '{}',
			'src/a.ts': 'solved a',
			'src/b.ts': 'starter b',
			'src/c.ts': 'new c',
		});
	});

	it('keeps an empty solution file (empty contents still replace)', () => {
		expect(overlay(files, { 'src/b.ts': '' })['src/b.ts']).toBe('');
	});

	it('returns sorted keys and changes neither argument', () => {
		const solution = { 'src/a.ts': 'solved a' };
		const before = structuredClone({ files, solution });
		const merged = overlay(files, solution);
		expect(Object.keys(merged)).toEqual([...Object.keys(merged)].sort());
		expect({ files, solution }).toEqual(before);
		expect(merged).not.toBe(files);
	});
});
