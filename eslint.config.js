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
);
