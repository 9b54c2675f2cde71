import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LabLoadError, listLabIds, loadLab, loadLabs, readTree } from '../../../src/build/load-lab';

const LAB_YAML = `id: demo
title: Demo lab
program: qms-onboarding
module: qms-onboarding/developer/testing-excellence
estimatedMinutes: 10
difficulty: easy
instructions: Do the thing.
hints: [Look closer.]
editable: [src/a.ts]
source: { seed: '000', section: 'Module 2.1: Testing Excellence' }
`;
const PACKAGE = JSON.stringify({ type: 'module', scripts: { test: 'vitest run' }, devDependencies: { vitest: '5.1.1' } });
const LOCK = JSON.stringify({ lockfileVersion: 3, packages: { '': { devDependencies: { vitest: '5.1.1' } }, 'node_modules/vitest': { version: '5.1.1' } } });

let root: string;
beforeEach(async () => {
	root = await mkdtemp(join(tmpdir(), 'lab-load-'));
});
afterEach(async () => {
	await rm(root, { recursive: true, force: true });
});

async function writeLab(id: string, files: Record<string, string>) {
	for (const [path, contents] of Object.entries(files)) {
		const target = join(root, id, path);
		await mkdir(dirname(target), { recursive: true });
		await writeFile(target, contents);
	}
	return join(root, id);
}

const sound = {
	'lab.yaml': LAB_YAML,
	'files/package.json': PACKAGE,
	'files/package-lock.json': LOCK,
	'files/src/a.ts': 'export const a = 1;',
	'files/test/a.test.ts': 'test',
	'solution/src/a.ts': 'export const a = 2;',
};

async function loadError(dir: string): Promise<LabLoadError> {
	const error = await loadLab(dir).catch((e: unknown) => e);
	expect(error).toBeInstanceOf(LabLoadError);
	return error as LabLoadError;
}

describe('loadLab', () => {
	it('reads lab.yaml, files/ and solution/ into validated data and path maps', async () => {
		const loaded = await loadLab(await writeLab('demo', sound));
		expect(loaded.lab).toMatchObject({ id: 'demo', testCommand: 'npx vitest run', hints: ['Look closer.'] });
		expect(loaded.lab.source).toEqual([{ seed: '000', section: 'Module 2.1: Testing Excellence' }]);
		expect(loaded.files).toEqual({
			'package-lock.json': LOCK,
			'package.json': PACKAGE,
			'src/a.ts': 'export const a = 1;',
			'test/a.test.ts': 'test',
		});
		expect(loaded.solution).toEqual({ 'src/a.ts': 'export const a = 2;' });
	});

	it('names lab.yaml and the field when the schema rejects it', async () => {
		const dir = await writeLab('demo', { ...sound, 'lab.yaml': LAB_YAML.replace('difficulty: easy', 'difficulty: brutal') });
		const error = await loadError(dir);
		expect(error.file).toMatch(/demo[/\\]lab\.yaml$/);
		expect(error.message).toContain('lab.yaml');
		expect(error.problems.join('\n')).toContain('difficulty');
	});

	it('names lab.yaml and the line of a YAML syntax error', async () => {
		const error = await loadError(await writeLab('demo', { ...sound, 'lab.yaml': `${LAB_YAML}hints: [unclosed\n` }));
		expect(error.file).toMatch(/lab\.yaml$/);
		expect(error.problems[0]).toMatch(/YAML syntax error \(line \d+\)/);
	});

	it('reports a missing lab.yaml', async () => {
		const { 'lab.yaml': _omitted, ...rest } = sound;
		const error = await loadError(await writeLab('demo', rest));
		expect(error.file).toMatch(/lab\.yaml$/);
		expect(error.problems).toEqual(['missing or unreadable']);
	});

	it('reports an id that differs from the folder name', async () => {
		const error = await loadError(await writeLab('other', sound));
		expect(error.problems).toContain('lab.yaml id: "demo" must equal the folder name "other"');
	});

	it('reports a missing files/ folder', async () => {
		const error = await loadError(await writeLab('demo', { 'lab.yaml': LAB_YAML, 'solution/src/a.ts': 'x' }));
		expect(error.file).toMatch(/demo[/\\]files$/);
	});

	it('lists every cross-part problem at once', async () => {
		const dir = await writeLab('demo', {
			'lab.yaml': LAB_YAML.replace('editable: [src/a.ts]', 'editable: [src/missing.ts]'),
			'files/package.json': JSON.stringify({ scripts: { test: 'jest' } }),
			'files/src/a.ts': 'a',
			'solution/src/a.ts': 'a2',
		});
		const { problems } = await loadError(dir);
		expect(problems).toEqual([
			'files/package.json: "type" must be "module"',
			'files/package.json: scripts.test must run vitest',
			"files/package-lock.json: missing (run `npm install --package-lock-only` in the lab's files/ folder)",
			'lab.yaml editable[0]: "src/missing.ts" is not in files/',
			'solution/src/a.ts: changes a file that is not in lab.yaml editable',
		]);
	});

	it('rejects a solution identical to the starter', async () => {
		const same = await loadError(await writeLab('demo', { ...sound, 'solution/src/a.ts': 'export const a = 1;' }));
		expect(same.problems).toEqual(['solution/: every file is identical to the starter']);
	});

	it('rejects a lab without solution files', async () => {
		const { 'solution/src/a.ts': _omitted, ...rest } = sound;
		const none = await loadError(await writeLab('demo', rest));
		expect(none.problems).toEqual(['solution/: empty; a lab needs at least one solution file']);
	});

	it('accepts a new file in the solution', async () => {
		const loaded = await loadLab(await writeLab('demo', { ...sound, 'solution/src/new.ts': 'n' }));
		expect(Object.keys(loaded.solution)).toEqual(['src/a.ts', 'src/new.ts']);
	});
});

describe('readTree, listLabIds and loadLabs', () => {
	it('skips node_modules inside a lab and returns {} for a missing folder', async () => {
		await writeLab('demo', { 'files/a.ts': 'a', 'files/node_modules/x/index.js': 'x' });
		expect(await readTree(join(root, 'demo', 'files'))).toEqual({ 'a.ts': 'a' });
		expect(await readTree(join(root, 'nope'))).toEqual({});
	});

	it('lists lab folders in order and loads them all', async () => {
		await writeLab('demo', sound);
		await writeLab('zeta', { ...sound, 'lab.yaml': LAB_YAML.replace('id: demo', 'id: zeta') });
		await writeFile(join(root, 'README.md'), 'not a lab');
		expect(await listLabIds(root)).toEqual(['demo', 'zeta']);
		expect((await loadLabs(root)).map((loaded) => loaded.lab.id)).toEqual(['demo', 'zeta']);
	});
});
