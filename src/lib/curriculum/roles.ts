import { PROGRAMS, ROLE_IDS, type ProgramId, type RoleId } from './taxonomy';

/** What the role chooser and catalog need of a page. */
export interface PathSummary {
	id: string;
	title: string;
	program: ProgramId;
	roles: RoleId[];
	/** Sum of the path's module minutes (see outlinePath). */
	totalMinutes: number;
	moduleCount: number;
}

/** Roles offered by the chooser: every role of the taxonomy but `all`, in taxonomy order. */
export const CHOOSABLE_ROLES = ROLE_IDS.filter((r) => r !== 'all');

/**
 * A role's learning paths across programs, in program order (000 → 004).
 * Paths for `all` are everyone's; a role with no path of its own still gets those.
 */
export function pathsForRole(role: RoleId, paths: readonly PathSummary[]): PathSummary[] {
	const programOrder = Object.keys(PROGRAMS);
	return paths
		.filter((p) => p.roles.includes(role) || p.roles.includes('all'))
		.sort((a, b) => programOrder.indexOf(a.program) - programOrder.indexOf(b.program) || a.title.localeCompare(b.title));
}
