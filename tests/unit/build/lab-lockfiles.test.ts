import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabs } from '../../../src/build/load-lab';
import { HIDDEN_FILES, LOCKFILE, installCommand, lockedVersion, lockfileProblems } from '../../../src/lib/labs/lockfile';
import { buildLabPayload } from '../../../src/lib/labs/payload';
import { fromFileSystemTree } from '../../../src/lib/labs/tree';

/**
 * Issue 10: each lab ships a lockfile, so WebContainer installs (`npm ci`) the same Vitest the lab
 * proofs ran (tests/labs runs the repo's vitest from node_modules).
 */
const ROOT = join(import.meta.dirname, '../../..');
const installed = (name: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const labs = await loadLabs(join(ROOT, 'labs'));

describe('every lab ships a lockfile with the repo’s vitest', () => {
	it('finds the labs', () => {
		expect(labs.length).toBeGreaterThanOrEqual(8);
	});

	it.each(labs.map((l) => [l.lab.id, l] as const))('%s: package-lock.json in sync, vitest locked at the installed version', (_id, loaded) => {
		expect(lockfileProblems(loaded.files)).toEqual([]);
		expect(lockedVersion(loaded.files, 'vitest')).toBe(installed('vitest'));
		const pkg = JSON.parse(loaded.files['package.json'] as string) as { dependencies?: Record<string, string> };
		// A lab's other packages (zod) are the ones the proofs import from the repo's node_modules too.
		for (const name of Object.keys(pkg.dependencies ?? {})) expect(lockedVersion(loaded.files, name), name).toBe(installed(name));
	});

	it.each(labs.map((l) => [l.lab.id, l] as const))('%s: the page payload mounts the lockfile, and the runner installs with npm ci', (_id, loaded) => {
		const mounted = fromFileSystemTree(buildLabPayload(loaded).tree);
		expect(mounted[LOCKFILE]).toBe(loaded.files[LOCKFILE]);
		expect(installCommand(mounted)).toEqual(['npm', 'ci', '--no-audit', '--no-fund']);
		expect(HIDDEN_FILES).toContain(LOCKFILE);
	});
});
