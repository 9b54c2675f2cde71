// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * `npm run lint` (part of `npm test`): the recommended rule sets of ESLint, typescript-eslint and
 * eslint-plugin-astro, nothing stricter, so new code passes without churn. Type checking is
 * `astro check`'s job; these rules catch what it does not (unused code, risky patterns).
 */
export default defineConfig(
	globalIgnores([
		'dist/',
		'.astro/',
		'.cache/',
		'node_modules/',
		'test-results/',
		'playwright-report/',
		// Lab starters are unfinished on purpose (e.g. an imported schema the learner must
		// use, an unused clock parameter); their own tests check them. Solutions are linted.
		'labs/*/files/',
	]),
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
		},
		rules: {
			// `_name` marks a deliberately unused binding; `const { a, ...rest } = x` omits `a` from `rest`.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
		},
	},
	{
		// DESIGN.md layer 1: src/lib is pure TypeScript that runs in the browser and in unit tests.
		// Build-time code (astro:content, node:fs, reading files) lives in src/build/.
		files: ['src/lib/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ regex: '^astro:', message: 'src/lib is pure TypeScript: build-time code that reads Astro content goes in src/build/.' },
						{ regex: '^node:', message: 'src/lib is pure TypeScript: code that needs Node goes in src/build/ (build) or tests/.' },
					],
					paths: ['fs', 'fs/promises', 'path', 'os', 'child_process', 'url', 'module', 'process'].map((name) => ({
						name,
						message: 'src/lib is pure TypeScript: code that needs Node goes in src/build/.',
					})),
				},
			],
			'no-restricted-syntax': [
				'error',
				{ selector: "ImportExpression > Literal[value=/^(astro|node):/]", message: 'src/lib is pure TypeScript: no dynamic import of astro:* or node:* modules.' },
				{ selector: "MemberExpression[object.type='MetaProperty'][property.name='glob']", message: 'src/lib is pure TypeScript: import.meta.glob reads files at build time; use it in src/build/.' },
			],
			'no-restricted-globals': [
				'error',
				...['window', 'document', 'localStorage', 'sessionStorage', 'process', 'Buffer', 'require', '__dirname', '__filename'].map((name) => ({
					name,
					message: 'src/lib is pure TypeScript (DESIGN.md): browser and Node globals belong in src/runtime/ or src/build/.',
				})),
			],
		},
	},
);
