import type { KindId } from './taxonomy';

/** The part of a page entry the cross-page rules look at. */
export interface PageRef {
	/** Page id (Starlight slug), e.g. "qms-onboarding/developer/qms-introduction". */
	id: string;
	/** Source file, for error messages, e.g. "content/docs/qms-onboarding/developer/qms-introduction.mdx". */
	file: string;
	kind: KindId;
	prerequisites: string[];
	modules: string[];
	durationMinutes?: number;
}

/**
 * Cross-page rules no single page's schema can check.
 * Returns one message per problem, each naming the file and field; [] when the curriculum is sound.
 * - every prerequisite and path module names an existing page id;
 * - a path page lists at least one module, and every module it lists has `durationMinutes`
 *   (path totals are computed from them);
 * - only path pages list modules.
 */
export function validateCurriculum(pages: readonly PageRef[]): string[] {
	const ids = new Set(pages.map((p) => p.id));
	const byId = new Map(pages.map((p) => [p.id, p]));
	const errors: string[] = [];
	for (const p of pages) {
		p.prerequisites.forEach((id, i) => {
			if (!ids.has(id)) errors.push(`${p.file}: prerequisites[${i}] "${id}" is not a page id`);
			if (id === p.id) errors.push(`${p.file}: prerequisites[${i}] names the page itself`);
		});
		if (p.kind !== 'path' && p.modules.length > 0) {
			errors.push(`${p.file}: modules is only for kind "path" (this page is "${p.kind}")`);
		}
		if (p.kind === 'path' && p.modules.length === 0) {
			errors.push(`${p.file}: modules must list the path's modules in order`);
		}
		p.modules.forEach((id, i) => {
			const m = byId.get(id);
			if (!m) errors.push(`${p.file}: modules[${i}] "${id}" is not a page id`);
			else if (m.durationMinutes === undefined) {
				errors.push(`${p.file}: modules[${i}] "${id}" has no durationMinutes (${m.file})`);
			}
		});
	}
	return errors;
}

/** A path's modules resolved in order, with the running total. Minutes are integers. */
export interface PathOutline<T extends PageRef = PageRef> {
	modules: T[];
	/** Sum of the modules' durationMinutes. */
	totalMinutes: number;
}

/** Resolve a path page's modules (ids → pages) and add up their minutes. Unknown ids are skipped. */
export function outlinePath<T extends PageRef>(path: PageRef, pages: readonly T[]): PathOutline<T> {
	const byId = new Map(pages.map((p) => [p.id, p]));
	const modules = path.modules.map((id) => byId.get(id)).filter((m): m is T => m !== undefined);
	const totalMinutes = modules.reduce((sum, m) => sum + (m.durationMinutes ?? 0), 0);
	return { modules, totalMinutes };
}

/** "2 h", "1 h 30 min", "45 min" for a whole number of minutes ≥ 0. */
export function formatMinutes(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	if (h === 0) return `${m} min`;
	return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
