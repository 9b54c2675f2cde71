import { join } from 'node:path';
import { loadLab, loadLabs, type LoadedLab } from './load-lab';

/**
 * Build-time access to the labs under labs/ (Astro pages and components only; Node, not the
 * browser). Each lab is read and validated once per build; an invalid lab throws LabLoadError
 * naming the file, which fails `astro build`.
 */
let all: Promise<LoadedLab[]> | undefined;
const one = new Map<string, Promise<LoadedLab>>();

export function getLabs(): Promise<LoadedLab[]> {
	all ??= loadLabs('labs');
	return all;
}

/** One lab by id. @throws Error naming the missing folder, or LabLoadError for an invalid lab. */
export function getLab(id: string): Promise<LoadedLab> {
	let lab = one.get(id);
	if (!lab) {
		if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new Error(`<Lab id="${id}"/>: not a lab id`);
		lab = loadLab(join('labs', id));
		one.set(id, lab);
	}
	return lab;
}
