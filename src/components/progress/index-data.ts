/**
 * Build-time only (Astro components): the curriculum index the progress islands need, from the
 * docs, quizzes and checklists collections. Embedded in pages as JSON.
 */
import { getCollection } from 'astro:content';
import { getCurriculum } from '../../build/curriculum';
import { oncePerBuild } from '../../build/once-per-build';
import { PROGRAMS, type ProgramId } from '../../lib/curriculum/taxonomy';
import { buildCurriculumIndex } from '../../lib/progress/curriculum-index';
import type { CurriculumIndex } from '../../lib/progress/curriculum';

/** Built once per build; on every call in `astro dev`, so edits show on reload (src/build/once-per-build.ts). */
export const getCurriculumIndex: () => Promise<CurriculumIndex> = oncePerBuild(async () => {
	const [pages, quizzes, checklists] = await Promise.all([getCurriculum(), getCollection('quizzes'), getCollection('checklists')]);
	return buildCurriculumIndex({
		programs: (Object.keys(PROGRAMS) as ProgramId[]).filter((id) => id !== 'general').map((id) => ({ id, label: PROGRAMS[id].label })),
		pages: pages.map((p) => ({ id: p.id, title: p.title, data: p.entry.data })),
		quizzes,
		checklists,
	});
});

/** The part of the index a path page needs: its modules, their prerequisites, and their quizzes. */
export function pathSlice(index: CurriculumIndex, pathId: string): CurriculumIndex {
	const path = index.pages.find((p) => p.id === pathId);
	const ids = new Set<string>([pathId, ...(path?.modules ?? [])]);
	for (const p of index.pages) if (ids.has(p.id)) p.prerequisites.forEach((x) => ids.add(x));
	return {
		programs: index.programs,
		pages: index.pages.filter((p) => ids.has(p.id)),
		quizzes: index.quizzes.filter((q) => ids.has(q.page)),
		checklists: [],
	};
}

/** JSON safe to put inside <script type="application/json">. */
export function scriptJson(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c');
}
