import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * src/lib is pure TypeScript, usable in the browser and in unit tests (DESIGN.md layer 1); code
 * that imports astro:* or node:*, or reads files at build time, lives in src/build/ (issue 10).
 * The rule is ESLint's (eslint.config.js, `files: ['src/lib/**']`), so `npm run lint` fails on a
 * new offender; this test proves the rule is there and fires, and that today's src/lib passes it.
 */

const ROOT = join(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
	return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

// Loading the ESLint config (typescript-eslint, eslint-plugin-astro) takes seconds on a busy machine.
describe('src/lib stays pure (ESLint rule)', { timeout: 60_000 }, () => {
	beforeAll(() => eslint.calculateConfigForFile(join(ROOT, 'src/lib/example.ts')), 60_000);

	it.each([
		["import { getCollection } from 'astro:content';\nexport const x = getCollection;", 'no-restricted-imports'],
		["import { readFile } from 'node:fs/promises';\nexport const x = readFile;", 'no-restricted-imports'],
		["import type { Dirent } from 'node:fs';\nexport type X = Dirent;", 'no-restricted-imports'],
		["import { join } from 'path';\nexport const x = join;", 'no-restricted-imports'],
		["export const x = () => import('node:fs');", 'no-restricted-syntax'],
		["export const x = import.meta.glob('./*.yaml');", 'no-restricted-syntax'],
		['export const x = () => localStorage.getItem("k");', 'no-restricted-globals'],
	])('refuses %j in src/lib', async (code, rule) => {
		expect(await ruleIds(code, 'src/lib/example/file.ts')).toContain(rule);
	});

	it('allows the same imports in src/build (the build folder)', async () => {
		expect(await ruleIds("import { getCollection } from 'astro:content';\nimport { readFile } from 'node:fs/promises';\nexport const x = [getCollection, readFile];", 'src/build/example.ts')).toEqual([]);
	});

	it('allows pure imports in src/lib', async () => {
		expect(await ruleIds("import * as z from 'zod/mini';\nimport { pathSegments } from '../labs/tree';\nexport const x = [z, pathSegments];", 'src/lib/example/file.ts')).toEqual([]);
	});

	it('every file in src/lib passes today', async () => {
		const files = readdirSync(join(ROOT, 'src/lib'), { recursive: true, encoding: 'utf8' })
			.filter((f) => f.endsWith('.ts'))
			.map((f) => join(ROOT, 'src/lib', f));
		expect(files.length).toBeGreaterThan(50);
		const offenders = (await eslint.lintFiles(files)).flatMap((r) =>
			r.messages.filter((m) => /^no-restricted-/.test(m.ruleId ?? '')).map((m) => `${r.filePath}:${m.line} ${m.message}`),
		);
		expect(offenders).toEqual([]);
		// Not a stale grep: no file in src/lib names astro:* or node:* in an import.
		const named = files.filter((f) => /from\s+['"](astro|node):/.test(readFileSync(f, 'utf8')));
		expect(named).toEqual([]);
	});
});
