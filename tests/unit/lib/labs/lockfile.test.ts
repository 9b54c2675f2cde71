import { describe, expect, it } from 'vitest';
import { installCommand, lockedVersion, lockfileProblems } from '../../../../src/lib/labs/lockfile';

const pkg = (deps: Record<string, string>, devDeps: Record<string, string> = { vitest: '5.1.1' }) =>
	JSON.stringify({ type: 'module', scripts: { test: 'vitest run' }, dependencies: deps, devDependencies: devDeps });
const lock = (deps: Record<string, string>, devDeps: Record<string, string>, installed: Record<string, string>, version = 3) =>
	JSON.stringify({
		lockfileVersion: version,
		packages: {
			'': { dependencies: deps, devDependencies: devDeps },
			...Object.fromEntries(Object.entries(installed).map(([name, v]) => [`node_modules/${name}`, { version: v }])),
		},
	});

describe('lab lockfiles', () => {
	it('accepts a lockfile in sync with exact versions', () => {
		const files = { 'package.json': pkg({ zod: '4.6.7' }), 'package-lock.json': lock({ zod: '4.6.7' }, { vitest: '5.1.1' }, { zod: '4.6.7', vitest: '5.1.1' }) };
		expect(lockfileProblems(files)).toEqual([]);
		expect(lockedVersion(files, 'vitest')).toBe('5.1.1');
		expect(lockedVersion(files, 'chai')).toBeUndefined();
	});

	it('names a missing lockfile and a range in package.json', () => {
		expect(lockfileProblems({ 'package.json': pkg({}, { vitest: '^5.1.0' }) })).toEqual([
			'files/package.json: vitest "^5.1.0" must be an exact version (the one the lab proofs run)',
			"files/package-lock.json: missing (run `npm install --package-lock-only` in the lab's files/ folder)",
		]);
	});

	it('names a lockfile out of sync with package.json, or locking another version', () => {
		const files = { 'package.json': pkg({}, { vitest: '5.1.1' }), 'package-lock.json': lock({}, { vitest: '5.1.0' }, { vitest: '5.1.0' }) };
		expect(lockfileProblems(files)).toEqual([
			'files/package-lock.json: out of sync with package.json (run `npm install --package-lock-only` again)',
			'files/package-lock.json: vitest is locked at 5.1.0, package.json says 5.1.1',
		]);
	});

	it('refuses broken JSON and an old lockfile version', () => {
		expect(lockfileProblems({ 'package.json': pkg({}), 'package-lock.json': '{' })).toEqual(['files/package-lock.json: not valid JSON']);
		expect(lockfileProblems({ 'package.json': pkg({}), 'package-lock.json': lock({}, { vitest: '5.1.1' }, { vitest: '5.1.1' }, 1) })).toEqual([
			'files/package-lock.json: lockfileVersion must be 2 or 3',
		]);
	});

	it('installs with npm ci when the lab has a lockfile, npm install otherwise', () => {
		expect(installCommand({ 'package.json': '{}', 'package-lock.json': '{}' })).toEqual(['npm', 'ci', '--no-audit', '--no-fund']);
		expect(installCommand({ 'package.json': '{}' })).toEqual(['npm', 'install', '--no-audit', '--no-fund']);
	});
});
