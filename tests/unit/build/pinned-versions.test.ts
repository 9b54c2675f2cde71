import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every dependency is pinned to one exact version (issue 10, "Reproducible and maintainable"):
 * a range (`^1.2.3`, `~1.2.3`, `>=1`, `1.x`, `*`) lets two installs of the same commit differ.
 * `.npmrc` sets save-exact, so `npm install <pkg>` keeps it that way; the installed copy in
 * node_modules must be the pinned one, or the tests ran against something else.
 */

const ROOT = join(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;
/** Exact semver: major.minor.patch with an optional pre-release and build, nothing before it. */
const EXACT = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

const declared = SECTIONS.flatMap((section) => Object.entries(pkg[section] ?? {}).map(([name, version]) => ({ section, name, version })));

describe('pinned dependency versions', () => {
	it('reads the dependencies it checks', () => {
		expect(declared.length).toBeGreaterThan(20);
		expect(declared.some((d) => d.name === 'astro')).toBe(true);
	});

	it('pins every dependency in package.json to an exact version (no ^, ~ or range)', () => {
		const loose = declared.filter((d) => !EXACT.test(d.version)).map((d) => `${d.section}.${d.name}: "${d.version}"`);
		expect(loose).toEqual([]);
	});

	it('keeps new installs exact: .npmrc sets save-exact=true', () => {
		const npmrc = readFileSync(join(ROOT, '.npmrc'), 'utf8');
		expect(npmrc).toMatch(/^\s*save-exact\s*=\s*true\s*$/m);
	});

	it('has the pinned version installed in node_modules', () => {
		const differ = declared
			.filter((d) => d.section !== 'peerDependencies')
			.flatMap((d) => {
				const installed = (JSON.parse(readFileSync(join(ROOT, 'node_modules', d.name, 'package.json'), 'utf8')) as { version: string }).version;
				return installed === d.version ? [] : [`${d.name}: package.json ${d.version}, installed ${installed}`];
			});
		expect(differ).toEqual([]);
	});

	it('the pattern refuses what a range looks like', () => {
		for (const range of ['^1.2.3', '~1.2.3', '>=1.2.3', '1.x', '*', 'latest', '1.2', '1.2.3 - 2.0.0', 'npm:foo@1.2.3']) expect(EXACT.test(range), range).toBe(false);
		for (const exact of ['1.2.3', '0.42.4', '2.0.0-beta.2', '1.0.0+build.5']) expect(EXACT.test(exact), exact).toBe(true);
	});
});
