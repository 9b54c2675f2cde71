/**
 * Progress through the curriculum (issue 3, "My progress"): per page, path and program.
 * A page is done when it is marked as read and every knowledge check embedded in it is passed.
 * A module's prerequisites are met when every prerequisite page is done. Hours come from module
 * `durationMinutes` (frontmatter, from the seeds). Pure: the page passes the curriculum index
 * (built at build time, see buildCurriculumIndex) and the learner record.
 */
import type { ChecklistState, QuizAttempt, ReadingState } from '../../schemas/progress';
import { bestScore, hasPassed, type ScoredAttempt } from './attempts';

/**
 * What progress is computed from: the parts of a learner record (src/schemas/progress.ts) read
 * here. A validated ProgressRecord is one; so is what a page-load peek read of the stored record
 * (src/lib/progress/peek.ts), which path pages show until the progress store loads.
 */
export interface RecordView {
	quizzes: Readonly<Record<string, { attempts: readonly (ScoredAttempt & Pick<QuizAttempt, 'passed'>)[] }>>;
	reading: Readonly<Record<string, Pick<ReadingState, 'read'>>>;
	checklists: Readonly<Record<string, ChecklistState>>;
}

export interface IndexPage {
	/** Page id, e.g. "qms-onboarding/developer/qms-introduction". */
	id: string;
	title: string;
	/** Program id (src/lib/curriculum/taxonomy.ts). */
	program: string;
	/** Page kind: module, path, exercise… */
	kind: string;
	/** Minutes; modules always have it. */
	durationMinutes?: number;
	prerequisites: string[];
	/** Path pages: module ids in order; [] otherwise. */
	modules: string[];
}
export interface IndexQuiz {
	id: string;
	title: string;
	/** Page the quiz is embedded in. */
	page: string;
	program: string;
	/** Percent. */
	passMark: number;
	maxAttempts: number | null;
	questions: number;
	/** A practice check (quiz `kind: practice`): shown with its scores, but a module is done without it. */
	practice?: true;
}
export interface IndexChecklist {
	id: string;
	title: string;
	page: string;
	program: string;
	certification: boolean;
	sections: { id: string; title: string; items: string[] }[];
}
/** Everything the progress page needs to know of the curriculum; embedded in it as JSON. */
export interface CurriculumIndex {
	programs: { id: string; label: string }[];
	pages: IndexPage[];
	quizzes: IndexQuiz[];
	checklists: IndexChecklist[];
}

export interface QuizStatus {
	quiz: IndexQuiz;
	attempts: number;
	/** Best score in percent, null before the first attempt. */
	best: number | null;
	passed: boolean;
}
export interface PageStatus {
	page: IndexPage;
	read: boolean;
	quizzes: QuizStatus[];
	/** Read and every quiz on it passed. */
	done: boolean;
	/** Read, or some quiz attempted. */
	started: boolean;
}
export type ModuleState = 'done' | 'in-progress' | 'available' | 'locked';
export interface Totals {
	/** Modules counted. */
	total: number;
	done: number;
	read: number;
	/** done / total in whole percent, rounded down (100 only when all are done); 0 when total is 0. */
	percent: number;
	minutesPlanned: number;
	minutesDone: number;
}
export interface PathProgress extends Totals {
	path: IndexPage;
	modules: { status: PageStatus; state: ModuleState }[];
	/** First module in path order not done whose prerequisites are met; null when none is. */
	next: IndexPage | null;
}
export interface ChecklistProgress {
	checklist: IndexChecklist;
	total: number;
	ticked: number;
	sections: { id: string; title: string; total: number; ticked: number }[];
	certification?: { date: string; by: string };
}
export interface ProgramProgress extends Totals {
	program: { id: string; label: string };
	paths: PathProgress[];
	quizzes: QuizStatus[];
	checklists: ChecklistProgress[];
	next: IndexPage | null;
}

/** Reads the index and a record; memoizes nothing (inputs are small). */
export class CurriculumProgress {
	private readonly pages: Map<string, IndexPage>;
	private readonly quizzesByPage = new Map<string, IndexQuiz[]>();

	constructor(
		readonly index: CurriculumIndex,
		readonly record: RecordView,
	) {
		this.pages = new Map(index.pages.map((p) => [p.id, p]));
		for (const q of index.quizzes) this.quizzesByPage.set(q.page, [...(this.quizzesByPage.get(q.page) ?? []), q]);
	}

	page(id: string): IndexPage | undefined {
		return this.pages.get(id);
	}

	quiz(q: IndexQuiz): QuizStatus {
		const attempts = this.record.quizzes[q.id]?.attempts ?? [];
		return { quiz: q, attempts: attempts.length, best: bestScore(attempts), passed: hasPassed(attempts) };
	}

	status(page: IndexPage): PageStatus {
		const read = this.record.reading[page.id]?.read === true;
		const quizzes = (this.quizzesByPage.get(page.id) ?? []).map((q) => this.quiz(q));
		// Practice checks are optional: a page is done when its graded and knowledge checks are passed.
		const allPassed = quizzes.every((q) => q.passed || q.quiz.practice === true);
		return { page, read, quizzes, done: read && allPassed, started: read || quizzes.some((q) => q.attempts > 0) };
	}

	/** Every prerequisite page is done (unknown ids count as met: the build already rejects them). */
	prerequisitesMet(page: IndexPage): boolean {
		return page.prerequisites.every((id) => {
			const p = this.pages.get(id);
			return !p || this.status(p).done;
		});
	}

	moduleState(status: PageStatus): ModuleState {
		if (status.done) return 'done';
		if (status.started) return 'in-progress';
		return this.prerequisitesMet(status.page) ? 'available' : 'locked';
	}

	private totals(statuses: PageStatus[]): Totals {
		const total = statuses.length;
		const done = statuses.filter((s) => s.done);
		const minutes = (xs: PageStatus[]) => xs.reduce((m, s) => m + (s.page.durationMinutes ?? 0), 0);
		return {
			total,
			done: done.length,
			read: statuses.filter((s) => s.read).length,
			percent: total === 0 ? 0 : Math.floor((done.length / total) * 100),
			minutesPlanned: minutes(statuses),
			minutesDone: minutes(done),
		};
	}

	private nextOf(statuses: PageStatus[]): IndexPage | null {
		return statuses.find((s) => !s.done && this.prerequisitesMet(s.page))?.page ?? null;
	}

	path(path: IndexPage): PathProgress {
		const statuses = path.modules.map((id) => this.pages.get(id)).filter((p): p is IndexPage => !!p).map((p) => this.status(p));
		return {
			path,
			...this.totals(statuses),
			modules: statuses.map((status) => ({ status, state: this.moduleState(status) })),
			next: this.nextOf(statuses),
		};
	}

	checklist(c: IndexChecklist): ChecklistProgress {
		const state: ChecklistState | undefined = this.record.checklists[c.id];
		const ticked = (id: string) => state?.items[id]?.checked === true;
		const sections = c.sections.map((s) => ({ id: s.id, title: s.title, total: s.items.length, ticked: s.items.filter(ticked).length }));
		const cert = state?.certification;
		return {
			checklist: c,
			total: sections.reduce((n, s) => n + s.total, 0),
			ticked: sections.reduce((n, s) => n + s.ticked, 0),
			sections,
			...(cert && (cert.date || cert.by) ? { certification: { date: cert.date, by: cert.by } } : {}),
		};
	}

	/** A program: its modules (every module page of the program, paths' modules in path order first), paths, quizzes, checklists. */
	program(program: { id: string; label: string }): ProgramProgress {
		const paths = this.index.pages.filter((p) => p.program === program.id && p.kind === 'path');
		const ordered: IndexPage[] = [];
		const seen = new Set<string>();
		const add = (p: IndexPage | undefined) => {
			if (p && !seen.has(p.id)) {
				seen.add(p.id);
				ordered.push(p);
			}
		};
		for (const path of paths) path.modules.forEach((id) => add(this.pages.get(id)));
		this.index.pages.filter((p) => p.program === program.id && p.kind === 'module').forEach(add);
		const statuses = ordered.map((p) => this.status(p));
		return {
			program,
			...this.totals(statuses),
			paths: paths.map((p) => this.path(p)),
			quizzes: this.index.quizzes.filter((q) => q.program === program.id).map((q) => this.quiz(q)),
			checklists: this.index.checklists.filter((c) => c.program === program.id).map((c) => this.checklist(c)),
			next: this.nextOf(statuses),
		};
	}

	/** Every program that has pages, quizzes or checklists, in the index's order. */
	programs(): ProgramProgress[] {
		return this.index.programs
			.map((p) => this.program(p))
			.filter((p) => p.total > 0 || p.paths.length > 0 || p.quizzes.length > 0 || p.checklists.length > 0);
	}
}
