import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathSegments, type LabFiles } from '../../../src/lib/labs/tree';

/**
 * Writes `files` as a fresh project in `dir` (removing whatever was there) and returns `dir`.
 * Paths are checked with the same rules the browser uses.
 */
export async function writeProject(dir: string, files: LabFiles): Promise<string> {
	await rm(dir, { recursive: true, force: true });
	for (const [path, contents] of Object.entries(files)) {
		const target = join(dir, ...pathSegments(path));
		await mkdir(dirname(target), { recursive: true });
		await writeFile(target, contents);
	}
	return dir;
}
