import type { LabFiles } from './tree';

/**
 * A lab's lockfile (files/package-lock.json, npm's lockfileVersion 3): WebContainer installs from
 * it with `npm ci`, so a learner gets the exact packages the lab proofs ran with (tests/labs runs
 * the repo's vitest; issue 10, "each lab ships a lockfile"). Generated with
 * `npm install --package-lock-only` in the lab's files/ folder (README, "Add a lab").
 */
export const LOCKFILE = 'package-lock.json';

/** Files that travel with the lab (WebContainer mounts them, downloads include them) but get no editor tab. */
export const HIDDEN_FILES: readonly string[] = [LOCKFILE];

/** The command that installs a lab's packages: `npm ci` with a lockfile (exact, fails if out of sync), else `npm install`. */
export function installCommand(files: LabFiles): [string, ...string[]] {
	return Object.hasOwn(files, LOCKFILE) ? ['npm', 'ci', '--no-audit', '--no-fund'] : ['npm', 'install', '--no-audit', '--no-fund'];
}

/** Exact semver (1.2.3, 2.0.0-beta.1), no range operator. */
const EXACT = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

interface PackageJson {
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
}
interface Lockfile {
	lockfileVersion?: unknown;
	packages?: Record<string, { version?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
}

function parse<T>(text: string | undefined): T | undefined {
	if (text === undefined) return undefined;
	try {
		return JSON.parse(text) as T;
	} catch {
		return undefined;
	}
}

const same = (a: Record<string, string> = {}, b: Record<string, string> = {}) =>
	Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/** The version of `name` the lab's lockfile installs at the top level, or undefined. */
export function lockedVersion(files: LabFiles, name: string): string | undefined {
	return parse<Lockfile>(files[LOCKFILE])?.packages?.[`node_modules/${name}`]?.version;
}

/**
 * Problems with a lab's lockfile, one message each, starting with the file at fault; [] when
 * sound: files/package-lock.json exists and is lockfileVersion 2 or 3, every dependency in
 * package.json is an exact version, the lockfile's root entry lists the same dependencies as
 * package.json (else `npm ci` refuses it), and it installs each at that version.
 */
export function lockfileProblems(files: LabFiles): string[] {
	const pkg = parse<PackageJson>(files['package.json']);
	if (!pkg) return []; // checkLab reports a missing or broken package.json.
	const problems: string[] = [];
	const deps = { ...pkg.dependencies, ...pkg.devDependencies };
	for (const [name, version] of Object.entries(deps)) {
		if (!EXACT.test(version)) problems.push(`files/package.json: ${name} "${version}" must be an exact version (the one the lab proofs run)`);
	}
	if (!Object.hasOwn(files, LOCKFILE)) {
		return [...problems, `files/${LOCKFILE}: missing (run \`npm install --package-lock-only\` in the lab's files/ folder)`];
	}
	const lock = parse<Lockfile>(files[LOCKFILE]);
	if (!lock) return [...problems, `files/${LOCKFILE}: not valid JSON`];
	if (lock.lockfileVersion !== 2 && lock.lockfileVersion !== 3) problems.push(`files/${LOCKFILE}: lockfileVersion must be 2 or 3`);
	const root = lock.packages?.[''];
	if (!root || !same(root.dependencies, pkg.dependencies) || !same(root.devDependencies, pkg.devDependencies)) {
		problems.push(`files/${LOCKFILE}: out of sync with package.json (run \`npm install --package-lock-only\` again)`);
	}
	for (const [name, version] of Object.entries(deps)) {
		const locked = lock.packages?.[`node_modules/${name}`]?.version;
		if (locked !== version) problems.push(`files/${LOCKFILE}: ${name} is locked at ${locked ?? 'nothing'}, package.json says ${version}`);
	}
	return problems;
}
