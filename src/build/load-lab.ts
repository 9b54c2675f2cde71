import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { LabSchema } from '../schemas/lab';
import { checkLab, type LoadedLab } from '../lib/labs/check';
import type { LabFiles } from '../lib/labs/tree';

/**
 * Node-only (build step and tests): reads labs from disk. Not for the browser.
 * Layout: labs/<id>/lab.yaml, labs/<id>/files/**, labs/<id>/solution/**.
 */
export type { LoadedLab } from '../lib/labs/check';

/** A lab that cannot be used; `file` is the file or folder at fault (relative to the cwd). */
export class LabLoadError extends Error {
	constructor(
		readonly file: string,
		readonly problems: string[],
	) {
		super(`${file}: invalid lab\n  ${problems.join('\n  ')}`);
		this.name = 'LabLoadError';
	}
}

const display = (path: string): string => {
	const rel = relative(process.cwd(), path);
	return rel.startsWith('..') ? path : rel;
};

/** Every file under `dir` as POSIX relative path → UTF-8 text, sorted; `{}` if `dir` is absent. */
export async function readTree(dir: string): Promise<LabFiles> {
	let entries;
	try {
		entries = await readdir(dir, { recursive: true, withFileTypes: true });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
		throw error;
	}
	const paths = entries
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
		// A stray install inside a lab folder must not end up in the bundle.
		.filter((path) => !path.split('/').includes('node_modules'))
		.sort();
	const files: LabFiles = {};
	for (const path of paths) files[path] = await readFile(join(dir, path), 'utf8');
	return files;
}

/**
 * Reads and validates one lab folder.
 * @throws LabLoadError naming lab.yaml (YAML syntax, schema, cross-part rules from `checkLab`) or
 *   the folder (no lab.yaml, no files/).
 */
export async function loadLab(dir: string): Promise<LoadedLab> {
	const folder = basename(resolve(dir));
	const yamlPath = join(dir, 'lab.yaml');
	let text: string;
	try {
		text = await readFile(yamlPath, 'utf8');
	} catch {
		throw new LabLoadError(display(yamlPath), ['missing or unreadable']);
	}
	let raw: unknown;
	try {
		raw = parse(text);
	} catch (error) {
		const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line})` : '';
		throw new LabLoadError(display(yamlPath), [`YAML syntax error${where}: ${(error as Error).message.split('\n')[0]}`]);
	}
	const parsed = LabSchema.safeParse(raw);
	if (!parsed.success) {
		throw new LabLoadError(
			display(yamlPath),
			parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`),
		);
	}
	const files = await readTree(join(dir, 'files'));
	if (Object.keys(files).length === 0) throw new LabLoadError(display(join(dir, 'files')), ['missing or empty']);
	const loaded: LoadedLab = { lab: parsed.data, files, solution: await readTree(join(dir, 'solution')) };
	const problems = checkLab(folder, loaded);
	if (problems.length > 0) throw new LabLoadError(display(dir), problems);
	return loaded;
}

/** Ids (folder names) of every lab under `root`, sorted. */
export async function listLabIds(root = 'labs'): Promise<string[]> {
	const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
	return entries
		.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
		.map((entry) => entry.name)
		.sort();
}

/** Every lab under `root`, in id order. Fails on the first invalid lab. */
export async function loadLabs(root = 'labs'): Promise<LoadedLab[]> {
	const labs: LoadedLab[] = [];
	for (const id of await listLabIds(root)) labs.push(await loadLab(join(root, id)));
	return labs;
}
