import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every package the code imports is a declared dependency with a version range (issue 10,
 * "Reproducible and maintainable"): an undeclared one works only while another package happens
 * to install it. Imports are read with TypeScript's own pre-processor (real import statements,
 * not strings in test fixtures); .astro files contribute their frontmatter and <script> blocks.
 */

const ROOT = join(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
const declared: Record<string, string> = { ...pkg.dependencies, ...pkg.devDependencies };

function files(dir: string): string[] {
	return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
		.filter((f) => /\.(?:[cm]?[jt]s|astro)$/.test(f))
		.map((f) => join(ROOT, dir, f));
}

/** The TypeScript/JavaScript an .astro file runs: frontmatter and inline <script> bodies. */
function astroCode(source: string): string {
	const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
	const scripts = [...source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
	return [frontmatter, ...scripts].join('\n');
}

/** Package name of a bare specifier ("@scope/pkg/sub" → "@scope/pkg"), or null for relative, Node and virtual modules. */
function packageOf(specifier: string): string | null {
	if (/^[./~]/.test(specifier) || /^(node|astro|virtual):/.test(specifier)) return null;
	const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
	return builtinModules.includes(name) ? null : name.replace(/\?.*$/, '');
}

function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const code = file.endsWith('.astro') ? astroCode(text) : text;
	// Import declarations and import() only: CommonJS require() is not used here, and its detection
	// would take `registry.require(...)` calls in the runner tests for imports.
	const info = ts.preProcessFile(code, true, false);
	// JSDoc type imports (`import('vite').Plugin`) in checked JavaScript count too.
	const jsdoc = [...code.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)\./g)].map((m) => m[1]!);
	return [...info.importedFiles.map((f) => f.fileName), ...jsdoc];
}

describe('declared dependencies', () => {
	const sources = [...files('src'), ...files('tests'), ...['astro.config.mjs', 'vitest.config.ts', 'playwright.config.ts', 'eslint.config.js'].map((f) => join(ROOT, f))];
	const used = new Map<string, string>();
	for (const file of sources) {
		for (const specifier of importsOf(file)) {
			const name = packageOf(specifier);
			if (name && !used.has(name)) used.set(name, relative(ROOT, file));
		}
	}

	it('finds the imports it checks', () => {
		expect(used.get('astro')).toBeDefined();
		expect(used.get('@pagefind/default-ui')).toBe('src/runtime/search/pagefind-ui.ts');
	});

	it('declares every imported package in package.json', () => {
		const missing = [...used].filter(([name]) => !(name in declared)).map(([name, file]) => `${name} (first imported in ${file})`);
		expect(missing).toEqual([]);
	});

	it('gives every declared package a version range, not a tag, URL or path', () => {
		const loose = Object.entries(declared).filter(([, range]) => !/^[\^~]?\d+\.\d+\.\d+/.test(range));
		expect(loose).toEqual([]);
	});
});
