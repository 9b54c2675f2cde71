/**
 * The team roll-up (issue 9, "Team roll-up"): per learner and program, what a lead asks about.
 * Pure: the island passes the curriculum index and the team data (built at build time:
 * src/build/team-data.ts), the roster (./roster.ts) and the clock (`now`, ISO).
 *
 * Per learner and program: modules done (the My progress rule: read and every knowledge check on
 * the page passed, src/lib/progress/curriculum.ts), knowledge checks with the best score against
 * the pass mark, labs passed, certifications with state and expiry (src/lib/credentials/rules.ts
 * `evaluateAll`), first and last activity. Per learner: drills passed of drills run, Gates 1-4 (./gates.ts), the day of the 14-day plan
 * (./plan.ts) and the alerts (./alerts.ts).
 *
 * A learner is "enrolled" in a program when they have recorded anything in it. Every learner is
 * enrolled in the tool-adoption program: 003 (IMPLEMENTATION AUTHORIZATION) says "All team members
 * must begin training process".
 */
import { evaluateAll, type CertificationCatalog } from '../credentials/rules';
import { chronological } from '../progress/attempts';
import { CurriculumProgress, type CurriculumIndex } from '../progress/curriculum';
import { displayPercent } from '../progress/grading';
import { compareTime } from '../progress/time';
import type { ProgressRecord } from '../../schemas/progress';
import { inactivity, learnerAlerts, sortAlerts, teamAlert, type Alert } from './alerts';
import { GATE_CERTIFICATION, gateStatuses, type GateStatus } from './gates';
import { describePlanDay, planDay } from './plan';
import type { RosterEntry } from './roster';

/** The tool-adoption program id (003). */
export const TOOL_PROGRAM = 'tool-adoption';

export interface TeamLab {
	id: string;
	title: string;
	/** Page id of the lab's module page, and that page's program and level. */
	page: string;
	program: string;
	level: string | null;
}

/** Built at build time (src/build/team-data.ts) and fetched when the lead adds files. */
export interface TeamData {
	catalog: CertificationCatalog;
	labs: TeamLab[];
	/** Page id → level (introductory, intermediate, advanced), for pages that have one. */
	levels: Record<string, string>;
}

export interface ModuleCell {
	id: string;
	title: string;
	level: string | null;
	/** ISO times; completed only when done. */
	started: string;
	completed: string | null;
}
export interface QuizCell {
	id: string;
	title: string;
	level: string | null;
	/** Best score, whole percent (shown as the learner saw it). */
	best: number;
	passMark: number;
	passed: boolean;
	attempts: number;
	started: string;
	/** First passing submission. */
	completed: string | null;
}
export interface LabCell {
	id: string;
	title: string;
	level: string | null;
	runs: number;
	started: string;
	completed: string | null;
}
export interface CertCell {
	id: string;
	name: string;
	kind: 'certificate' | 'badge';
	state: 'earned' | 'in-progress' | 'locked';
	earnedAt?: string;
	expiresAt?: string;
	renewal: 'none' | 'due' | 'expired';
}
export interface ProgramRollup {
	programId: string;
	label: string;
	enrolled: boolean;
	/** Modules done of total, and whole percent rounded down. */
	done: number;
	total: number;
	percent: number;
	/** Modules, knowledge checks and labs with something recorded. */
	modules: ModuleCell[];
	quizzes: QuizCell[];
	quizzesPassed: number;
	quizzesTotal: number;
	labs: LabCell[];
	labsPassed: number;
	labsTotal: number;
	certifications: CertCell[];
	firstActivity: string | null;
	lastActivity: string | null;
}
export interface LearnerRollup {
	key: string;
	/** Display name, or '' when none; `label` is what the page shows. */
	name: string;
	label: string;
	files: string[];
	exportedAt: string;
	/** When the record's history began, and its last change. */
	epoch: string;
	updatedAt: string;
	programs: ProgramRollup[];
	/** Across the whole curriculum, as the first table shows them (src/lib/team/cohort.ts counts the same). */
	overall: { quizzesPassed: number; quizzesTotal: number; labsPassed: number; labsTotal: number };
	/** Drills passed (at least one passing run), of drills run. */
	drills: { passed: number; run: number };
	tool: {
		/** Day 1 of the 14-day plan: first tool-adoption activity; null when none. */
		day1: string | null;
		day: number | null;
		dayText: string;
		lastActivity: string | null;
		gates: GateStatus[];
		/** Started the plan and active in the last 2 days (./alerts.ts). */
		adopting: boolean;
	};
	alerts: Alert[];
}

const own = <T>(m: Readonly<Record<string, T>>, k: string): T | undefined => (Object.hasOwn(m, k) ? m[k] : undefined);
const earliest = (ts: readonly string[]): string | null => ts.reduce<string | null>((a, b) => (a === null || compareTime(b, a) < 0 ? b : a), null);
const latest = (ts: readonly string[]): string | null => ts.reduce<string | null>((a, b) => (a === null || compareTime(b, a) > 0 ? b : a), null);

/** Drill runs of a record (issue 8: the `scenarios` list, one entry per finished run; imports are migrated to include it). */
export function drillRuns(record: ProgressRecord): { id: string; at: string; passed: boolean }[] {
	return record.scenarios.map((r) => ({ id: r.scenario, at: r.finishedAt, passed: r.passed }));
}

/** Everything the roll-up needs, indexed once per page. */
export class TeamContext {
	readonly index: CurriculumIndex;
	readonly data: TeamData;
	readonly pagesById: Map<string, CurriculumIndex['pages'][number]>;
	readonly certProgram: Map<string, string>;
	/** Module pages per program, in My progress order (filled on first use). */
	readonly modulesOf = new Map<string, CurriculumIndex['pages']>();
	constructor(index: CurriculumIndex, data: TeamData) {
		this.index = index;
		this.data = data;
		this.pagesById = new Map(index.pages.map((p) => [p.id, p]));
		this.certProgram = new Map(data.catalog.certifications.map((c) => [c.id, c.program]));
	}
	level(pageId: string): string | null {
		return own(this.data.levels, pageId) ?? null;
	}
	/** Every time something was recorded in `programId` (ISO times, unordered). */
	activity(record: ProgressRecord, programId: string): string[] {
		const ts: string[] = [];
		for (const [id, r] of Object.entries(record.reading)) if (this.pagesById.get(id)?.program === programId) ts.push(r.at, ...r.acks.map((a) => a.at));
		for (const q of this.index.quizzes) if (q.program === programId) for (const a of own(record.quizzes, q.id)?.attempts ?? []) ts.push(a.startedAt, a.submittedAt);
		for (const c of this.index.checklists) if (c.program === programId) for (const t of Object.values(own(record.checklists, c.id)?.items ?? {})) ts.push(t.at);
		for (const l of this.data.labs) if (l.program === programId) for (const a of own(record.labs, l.id)?.attempts ?? []) ts.push(a.at);
		for (const a of record.attestations) if (this.certProgram.get(a.certification) === programId) ts.push(a.at);
		return ts;
	}
}

/**
 * A program's modules in the order My progress lists them (src/lib/progress/curriculum.ts
 * `program`: every learning path's modules in path order, then the program's other module pages).
 */
function programModules(ctx: TeamContext, programId: string): CurriculumIndex['pages'] {
	const cached = ctx.modulesOf.get(programId);
	if (cached) return cached;
	const ordered: CurriculumIndex['pages'] = [];
	const seen = new Set<string>();
	const paths = ctx.index.pages.filter((p) => p.program === programId && p.kind === 'path');
	for (const id of [...paths.flatMap((p) => p.modules), ...ctx.index.pages.filter((x) => x.program === programId && x.kind === 'module').map((x) => x.id)]) {
		const page = ctx.pagesById.get(id);
		if (page && !seen.has(id)) {
			seen.add(id);
			ordered.push(page);
		}
	}
	ctx.modulesOf.set(programId, ordered);
	return ordered;
}

function programRollup(ctx: TeamContext, progress: CurriculumProgress, record: ProgressRecord, program: { id: string; label: string }, certs: ReturnType<typeof evaluateAll>): ProgramRollup {
	// Done and total as My progress counts them (CurriculumProgress.program), without its per-path
	// outline and next-step search, which the team view does not show and which cost most of the time.
	const statuses = programModules(ctx, program.id).map((page) => progress.status(page));
	const p = { done: statuses.filter((x) => x.done).length, total: statuses.length, percent: 0 };
	p.percent = p.total === 0 ? 0 : Math.floor((p.done / p.total) * 100);
	const modules: ModuleCell[] = [];
	for (const st of statuses) {
		if (!st.started) continue;
		const id = st.page.id;
		const reading = own(record.reading, id);
		const quizTimes = st.quizzes.map((q) => chronological(own(record.quizzes, q.quiz.id)?.attempts ?? []));
		const started = earliest([...(reading?.read ? [reading.at] : []), ...quizTimes.flatMap((as) => as.map((a) => a.startedAt))])!;
		// Practice checks need not be passed for a module to be done: only passes count towards when it was completed.
		const completed = st.done ? latest([reading!.at, ...quizTimes.flatMap((as) => as.filter((a) => a.passed).slice(0, 1).map((a) => a.submittedAt))]) : null;
		modules.push({ id, title: st.page.title, level: ctx.level(id), started, completed });
	}
	const quizzes: QuizCell[] = [];
	for (const q of ctx.index.quizzes.filter((x) => x.program === program.id)) {
		const attempts = chronological(own(record.quizzes, q.id)?.attempts ?? []);
		if (attempts.length === 0) continue;
		const pass = attempts.find((a) => a.passed);
		quizzes.push({
			id: q.id,
			title: q.title,
			level: ctx.level(q.page),
			best: displayPercent(Math.max(...attempts.map((a) => a.score))),
			passMark: q.passMark,
			passed: pass !== undefined,
			attempts: attempts.length,
			started: attempts[0]!.startedAt,
			completed: pass?.submittedAt ?? null,
		});
	}
	const programLabs = ctx.data.labs.filter((l) => l.program === program.id);
	const labs: LabCell[] = [];
	for (const l of programLabs) {
		const runs = [...(own(record.labs, l.id)?.attempts ?? [])].sort((a, b) => compareTime(a.at, b.at));
		if (runs.length === 0) continue;
		labs.push({ id: l.id, title: l.title, level: l.level, runs: runs.length, started: runs[0]!.at, completed: runs.find((r) => r.passed)?.at ?? null });
	}
	const times = ctx.activity(record, program.id);
	return {
		programId: program.id,
		label: program.label,
		enrolled: program.id === TOOL_PROGRAM || times.length > 0,
		done: p.done,
		total: p.total,
		percent: p.percent,
		modules,
		quizzes,
		quizzesPassed: quizzes.filter((q) => q.passed).length,
		quizzesTotal: ctx.index.quizzes.filter((x) => x.program === program.id).length,
		labs,
		labsPassed: labs.filter((l) => l.completed !== null).length,
		labsTotal: programLabs.length,
		certifications: certs
			.filter((c) => c.program === program.id)
			.map((c) => ({ id: c.id, name: c.name, kind: c.kind, state: c.state, ...(c.earnedAt ? { earnedAt: c.earnedAt } : {}), ...(c.expiresAt ? { expiresAt: c.expiresAt } : {}), renewal: c.renewal })),
		firstActivity: earliest(times),
		lastActivity: latest(times),
	};
}

/** How a learner is named on the page: their display name, or the files they came from. */
export function learnerLabel(name: string, files: readonly string[]): string {
	return name || `No name given (${files.join(', ')})`;
}

/** One learner's roll-up at `now`. */
export function learnerRollup(ctx: TeamContext, entry: RosterEntry, now: string): LearnerRollup {
	const { record } = entry;
	const progress = new CurriculumProgress(ctx.index, record);
	const certs = evaluateAll(ctx.data.catalog, record, now);
	const programs = ctx.index.programs.map((p) => programRollup(ctx, progress, record, p, certs));
	const drills = drillRuns(record);
	const tool = programs.find((p) => p.programId === TOOL_PROGRAM);
	const day1 = tool?.firstActivity ?? null;
	const day = day1 ? planDay(day1, now) : null;
	const lastActivity = tool?.lastActivity ?? null;
	const def = ctx.data.catalog.certifications.find((c) => c.id === GATE_CERTIFICATION);
	const gates = gateStatuses(
		def,
		certs.find((c) => c.id === GATE_CERTIFICATION),
		record,
		ctx.data.catalog.quizzes,
	);
	const name = record.profile.displayName.trim();
	const label = learnerLabel(name, entry.files);
	const alerts = learnerAlerts({ key: entry.key, name: label, lastToolActivity: lastActivity, gateFailures: gates.flatMap((g) => (g.failure ? [g.failure] : [])) }, now);
	return {
		key: entry.key,
		name,
		label,
		files: entry.files,
		exportedAt: entry.exportedAt,
		epoch: record.epoch,
		updatedAt: record.updatedAt,
		programs,
		overall: {
			quizzesPassed: ctx.index.quizzes.filter((q) => (own(record.quizzes, q.id)?.attempts ?? []).some((a) => a.passed)).length,
			quizzesTotal: ctx.index.quizzes.length,
			labsPassed: ctx.data.labs.filter((l) => (own(record.labs, l.id)?.attempts ?? []).some((a) => a.passed)).length,
			labsTotal: ctx.data.labs.length,
		},
		drills: { passed: new Set(drills.filter((d) => d.passed).map((d) => d.id)).size, run: new Set(drills.map((d) => d.id)).size },
		tool: {
			day1,
			day,
			dayText: day === null ? 'Not started' : describePlanDay(day),
			lastActivity,
			gates,
			adopting: lastActivity !== null && inactivity(lastActivity, now).level === null,
		},
		alerts,
	};
}

/** Learners sorted by label (case-insensitive), then key; the input is not changed. */
export function sortLearners<T extends Pick<LearnerRollup, 'label' | 'key'>>(ls: readonly T[]): T[] {
	return [...ls].sort((a, b) => a.label.localeCompare(b.label, undefined, { sensitivity: 'base' }) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Every alert of the roll-up: each learner's, and the team alert on the adoption rate (./alerts.ts), sorted. */
export function rollupAlerts(ls: readonly LearnerRollup[]): Alert[] {
	const team = teamAlert(ls.filter((l) => l.tool.adopting).length, ls.length);
	return sortAlerts([...(team ? [team] : []), ...ls.flatMap((l) => l.alerts)]);
}
