import { strToU8, zipSync } from 'fflate';
import type { LabFiles } from './tree';

/**
 * The learner's project as zip bytes (fflate): every file under a `<lab id>/` folder, so
 * unzipping gives one project folder ready for `npm install && npm test`.
 */
export function zipLab(id: string, files: LabFiles): Uint8Array {
	const entries: Record<string, Uint8Array> = {};
	for (const path of Object.keys(files).sort()) entries[`${id}/${path}`] = strToU8(files[path] as string);
	return zipSync(entries, { level: 6 });
}
