import type { DirectoryNode, FileSystemTree } from '@webcontainer/api';

/**
 * A lab's files as a flat map: POSIX path relative to the project root (`src/auth.ts`,
 * `package.json`) → UTF-8 contents. This is how labs are stored in the bundle, in autosaves
 * and in zips; `toFileSystemTree` turns it into what WebContainer's `mount()` takes.
 */
export type LabFiles = Record<string, string>;

/** Thrown when a path cannot be placed in a project tree; `path` is the offending path. */
export class LabPathError extends Error {
	constructor(
		readonly path: string,
		reason: string,
	) {
		super(`Invalid lab file path "${path}": ${reason}`);
		this.name = 'LabPathError';
	}
}

/**
 * Checks a lab path and returns its segments. A path is relative, uses `/`, and has no empty,
 * `.` or `..` segment, so a tampered autosave cannot write outside the project.
 * @throws LabPathError
 */
export function pathSegments(path: string): string[] {
	if (path.length === 0) throw new LabPathError(path, 'empty path');
	if (path.includes('\\')) throw new LabPathError(path, 'use "/" as the separator');
	if (path.startsWith('/')) throw new LabPathError(path, 'must be relative to the project root');
	const segments = path.split('/');
	for (const segment of segments) {
		// `__proto__` as a key would change an object's prototype instead of adding an entry.
		if (segment === '' || segment === '.' || segment === '..' || segment === '__proto__') {
			throw new LabPathError(path, `segment "${segment}" is not allowed`);
		}
	}
	return segments;
}

/**
 * Flat files → WebContainer `FileSystemTree` (`{ src: { directory: { 'a.ts': { file: { contents } } } } }`).
 * Keys are inserted in sorted path order so the same files always give the same tree.
 * @throws LabPathError for an invalid path, or when a path is both a file and a directory
 *   (`src` and `src/a.ts`).
 */
export function toFileSystemTree(files: LabFiles): FileSystemTree {
	const root: FileSystemTree = {};
	for (const path of Object.keys(files).sort()) {
		const segments = pathSegments(path);
		const name = segments.pop() as string;
		let dir = root;
		for (const segment of segments) {
			const node = Object.hasOwn(dir, segment) ? dir[segment] : undefined;
			if (node === undefined) {
				const created: DirectoryNode = { directory: {} };
				dir[segment] = created;
				dir = created.directory;
			} else if ('directory' in node) {
				dir = node.directory;
			} else {
				throw new LabPathError(path, `"${segment}" is a file, not a directory`);
			}
		}
		if (Object.hasOwn(dir, name)) throw new LabPathError(path, `"${name}" is already a directory`);
		dir[name] = { file: { contents: files[path] as string } };
	}
	return root;
}

/**
 * WebContainer `FileSystemTree` → flat files (the inverse of `toFileSystemTree`), e.g. for a tree
 * read back with `webcontainer.export()`. Binary contents are decoded as UTF-8.
 * @throws LabPathError for a symlink or an invalid name.
 */
export function fromFileSystemTree(tree: FileSystemTree, prefix = ''): LabFiles {
	const files: LabFiles = {};
	for (const name of Object.keys(tree).sort()) {
		const path = prefix === '' ? name : `${prefix}/${name}`;
		pathSegments(path);
		const node = tree[name];
		if (node === undefined) continue;
		if ('directory' in node) {
			Object.assign(files, fromFileSystemTree(node.directory, path));
		} else if ('contents' in node.file) {
			const { contents } = node.file;
			files[path] = typeof contents === 'string' ? contents : new TextDecoder().decode(contents);
		} else {
			throw new LabPathError(path, 'symlinks are not supported in labs');
		}
	}
	return files;
}

/**
 * The starting files with the solution laid over them: every solution path replaces the file of
 * the same path or adds a new one; other files stay. Returns a new object with sorted keys;
 * neither argument is changed.
 */
export function overlay(files: LabFiles, solution: LabFiles): LabFiles {
	const merged: LabFiles = {};
	for (const path of [...new Set([...Object.keys(files), ...Object.keys(solution)])].sort()) {
		merged[path] = (Object.hasOwn(solution, path) ? solution[path] : files[path]) as string;
	}
	return merged;
}
