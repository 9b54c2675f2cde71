/**
 * Build the curriculum index (see ./curriculum.ts) from content collections. Runs at build time in
 * the progress page's Astro component; the result is embedded in the page as JSON.
 */
import type { Checklist } from '../../schemas/checklist';
import type { PageData } from '../../schemas/page';
import type { Quiz } from '../../schemas/quiz';
import type { CurriculumIndex } from './curriculum';

export interface IndexInput {
	programs: { id: string; label: string }[];
	pages: { id: string; title: string; data: Pick<PageData, 'program' | 'kind' | 'durationMinutes' | 'prerequisites' | 'modules'> }[];
	quizzes: { id: string; data: Pick<Quiz, 'title' | 'page' | 'program' | 'passMark' | 'policy' | 'questions'> & Partial<Pick<Quiz, 'kind'>> }[];
	checklists: { id: string; data: Pick<Checklist, 'title' | 'page' | 'program' | 'certification' | 'sections'> }[];
}

/** Pages sorted by id; quizzes and checklists by id, so the JSON is stable between builds. */
export function buildCurriculumIndex(input: IndexInput): CurriculumIndex {
	const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return {
		programs: input.programs,
		pages: byId(input.pages).map((p) => ({
			id: p.id,
			title: p.title,
			program: p.data.program,
			kind: p.data.kind,
			...(p.data.durationMinutes !== undefined ? { durationMinutes: p.data.durationMinutes } : {}),
			prerequisites: p.data.prerequisites,
			modules: p.data.modules,
		})),
		quizzes: byId(input.quizzes).map((q) => ({
			id: q.id,
			title: q.data.title,
			page: q.data.page,
			program: q.data.program,
			passMark: q.data.passMark,
			maxAttempts: q.data.policy.maxAttempts,
			questions: q.data.questions.length,
			...(q.data.kind === 'practice' ? { practice: true as const } : {}),
		})),
		checklists: byId(input.checklists).map((c) => ({
			id: c.id,
			title: c.data.title,
			page: c.data.page,
			program: c.data.program,
			certification: c.data.certification,
			sections: c.data.sections.map((s) => ({ id: s.id, title: s.title, items: s.items.map((i) => i.id) })),
		})),
	};
}
