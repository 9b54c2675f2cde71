import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK_GROUPS, groupNames, groupProblems } from '../../../src/build/code-splitting.mjs';

const root = join(import.meta.dirname, '../../..');
const abs = (file: string) => join(root, file);
/** A bundle where every group's chunk holds exactly its files. */
const clean = () => CHUNK_GROUPS.map((g) => ({ name: g.name, moduleIds: g.files.map(abs) }));

describe('code-splitting groups (issue 7: fewer files for the JS every page and My credentials load)', () => {
	it('names files that exist, each in one group only', () => {
		const all = CHUNK_GROUPS.flatMap((g) => g.files);
		expect(all.filter((f) => !existsSync(abs(f)))).toEqual([]);
		expect(new Set(all).size).toBe(all.length);
	});

	it('matches a module id by its path from the project root, ignoring queries and Windows separators', () => {
		const chrome = CHUNK_GROUPS.find((g) => g.name === 'chrome')!;
		expect(groupNames(chrome, abs('src/runtime/progress-peek.ts'))).toBe(true);
		expect(groupNames(chrome, `${abs('src/runtime/progress-peek.ts')}?v=1`)).toBe(true);
		expect(groupNames(chrome, 'C:\\site\\src\\runtime\\progress-peek.ts')).toBe(true);
		expect(groupNames(chrome, abs('src/runtime/other-progress-peek.ts'))).toBe(false);
		expect(groupNames(chrome, abs('src/stores/progress.ts'))).toBe(false);
	});

	it('accepts group chunks that hold their files and Vite’s preload helper, beside any other chunk', () => {
		const chunks = clean();
		chunks[0].moduleIds.push('\0vite/preload-helper.js');
		chunks.push({ name: 'MyCredentials', moduleIds: [abs('src/components/credentials/credentials-store.ts')] });
		expect(groupProblems(chunks)).toBeNull();
	});

	it('refuses a group chunk that took a module it does not name (a heavy import riding into every page)', () => {
		const chunks = clean();
		chunks[0].moduleIds.push(abs('node_modules/zod/v4/mini/schemas.js'));
		expect(groupProblems(chunks)).toMatch(/"chrome" chunk took modules it does not name.*zod\/v4\/mini\/schemas\.js/);
	});

	it('refuses a bundle where a group made no chunk (its files renamed or no longer loaded)', () => {
		const chunks = clean().filter((c) => c.name !== 'credentials');
		expect(groupProblems(chunks)).toMatch(/no "credentials" chunk was made/);
	});
});
