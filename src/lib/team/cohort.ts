/**
 * A lead's view of a cohort: one row per learner, built from the progress files learners export
 * from "My progress". Pure: the island reads the files, this module sums them up and writes CSV.
 * Rules (module done = read and every knowledge check passed) are the progress page's
 * (src/lib/progress/curriculum.ts).
 */
import { CurriculumProgress, type CurriculumIndex } from '../progress/curriculum';
import { labSummaries } from '../progress/labs';
import type { ProgressRecord } from '../../schemas/progress';

/** Most files read at once: a cohort, not a company. */
export const MAX_TEAM_FILES = 200;

export interface ProgramCell {
	programId: string;
	/** Modules done, of `total`, and the floor of the percentage (0–100). */
	done: number;
	total: number;
	percent: number;
}

export interface CohortMember {
	/** The export's file name, to tell learners without a display name apart. */
	file: string;
	/** The learner's display name as they typed it; '' when they gave none. Plain text, never HTML. */
	name: string;
	/** ISO time of the export, and of the learner's last change before it. */
	exportedAt: string;
	updatedAt: string;
	/** One cell per program of the index, in index order. */
	programs: ProgramCell[];
	/** Knowledge checks passed, of every knowledge check in the curriculum. */
	quizzesPassed: number;
	quizzesTotal: number;
	/** Labs with at least one passing run, of `labsTotal`. */
	labsPassed: number;
	labsTotal: number;
}

/**
 * The cohort row for one learner's record.
 *
 * @param index curriculum index embedded at build
 * @param labIds every lab id of the build
 */
export function cohortMember(index: CurriculumIndex, labIds: readonly string[], file: string, record: ProgressRecord, exportedAt: string): CohortMember {
	const progress = new CurriculumProgress(index, record);
	const programs = index.programs.map((p) => {
		const { done, total, percent } = progress.program(p);
		return { programId: p.id, done, total, percent };
	});
	const quizzes = index.quizzes.map((q) => progress.quiz(q));
	const labs = labSummaries(record).filter((l) => labIds.includes(l.labId));
	return {
		file,
		name: record.profile.displayName.trim(),
		exportedAt,
		updatedAt: record.updatedAt,
		programs,
		quizzesPassed: quizzes.filter((q) => q.passed).length,
		quizzesTotal: quizzes.length,
		labsPassed: labs.filter((l) => l.firstPassAt !== null).length,
		labsTotal: labIds.length,
	};
}

/** How a member is named in the table and the CSV: their name, or the file they came from. */
export function memberLabel(m: Pick<CohortMember, 'name' | 'file'>): string {
	return m.name || `No name given (${m.file})`;
}

/** Rows sorted by label (case-insensitive), then file name; the input is not changed. */
export function sortCohort(members: readonly CohortMember[]): CohortMember[] {
	return [...members].sort((a, b) => memberLabel(a).localeCompare(memberLabel(b), undefined, { sensitivity: 'base' }) || a.file.localeCompare(b.file));
}

/**
 * The cohort as a table of strings: a header row, then one row per member in `sortCohort` order.
 * Program cells read "3 of 8 (37 %)". Used for the CSV download.
 */
export function cohortTable(index: CurriculumIndex, members: readonly CohortMember[]): string[][] {
	const header = ['Learner', 'File', 'Exported at', 'Last activity', ...index.programs.map((p) => `${p.label}: modules done`), 'Knowledge checks passed', 'Labs passed'];
	const rows = sortCohort(members).map((m) => [
		memberLabel(m),
		m.file,
		m.exportedAt,
		m.updatedAt,
		...m.programs.map((c) => `${c.done} of ${c.total} (${c.percent} %)`),
		`${m.quizzesPassed} of ${m.quizzesTotal}`,
		`${m.labsPassed} of ${m.labsTotal}`,
	]);
	return [header, ...rows];
}
