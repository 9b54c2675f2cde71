import { join } from 'node:path';
import { loadLab, loadLabs, type LoadedLab } from './load-lab';
import { oncePerBuild, oncePerBuildByKey } from './once-per-build';

/**
 * Build-time access to the labs under labs/ (Astro pages and components only; Node, not the
 * browser). An invalid lab throws LabLoadError naming the file, which fails `astro build`.
 *
 * Read once per `astro build`, and from disk on every call in `astro dev`, so an edit under labs/
 * shows on the next reload without a restart (src/build/once-per-build.ts, issue 10).
 */
export const getLabs: () => Promise<LoadedLab[]> = oncePerBuild(() => loadLabs('labs'));

const loadById = oncePerBuildByKey((id) => loadLab(join('labs', id)));

/** One lab by id. @throws Error naming the missing folder, or LabLoadError for an invalid lab. */
export function getLab(id: string): Promise<LoadedLab> {
	if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new Error(`<Lab id="${id}"/>: not a lab id`);
	return loadById(id);
}
