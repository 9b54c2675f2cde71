import { describe, expect, it } from 'vitest';
import { buildCurriculumIndex } from '../../../../src/lib/progress/curriculum-index';
import * as R from '../../../../src/lib/progress/record';
import { cohortMember, cohortTable, memberLabel, sortCohort } from '../../../../src/lib/team/cohort';

const t = '2026-03-02T09:00:00.000Z';
const page = (id: string, program: 'qms-onboarding' | 'release-readiness', extra: Partial<{ modules: string[] }> = {}) => ({
	id,
	title: id,
	data: { program, kind: (extra.modules ? 'path' : 'module') as 'module', prerequisites: [], modules: [], durationMinutes: 60, ...extra },
});
const index = buildCurriculumIndex({
	programs: [
		{ id: 'qms-onboarding', label: 'QMS onboarding' },
		{ id: 'release-readiness', label: 'Release readiness' },
	],
	pages: [page('a/m1', 'qms-onboarding'), page('a/m2', 'qms-onboarding'), page('b/m1', 'release-readiness')],
	quizzes: [{ id: 'q1', data: { title: 'Q1', page: 'a/m1', program: 'qms-onboarding', passMark: 80, policy: { maxAttempts: null }, questions: new Array(5).fill({}) } }],
	checklists: [],
});
const LABS = ['lab-1', 'lab-2'];

function learner(name: string) {
	let r = R.setDisplayName(R.emptyRecord(t), name, t);
	r = R.setRead(r, 'a/m1', true, t);
	r = R.addQuizAttempt(r, 'q1', { id: 'attempt-1', startedAt: t, submittedAt: t, answers: {}, correct: 4, total: 5, score: 80, passMark: 80, passed: true });
	r = R.addLabAttempt(r, 'lab-1', { id: 'run-1', at: t, runner: 'offline', passed: true, checks: [], durationMs: 900 });
	r = R.addLabAttempt(r, 'lab-2', { id: 'run-2', at: t, runner: 'offline', passed: false, checks: [], durationMs: 900 });
	return r;
}

describe('cohortMember', () => {
	it('counts modules done per program, knowledge checks passed and labs passed', () => {
		const m = cohortMember(index, LABS, 'ada.json', learner('Ada'), t);
		expect(m).toMatchObject({ file: 'ada.json', name: 'Ada', exportedAt: t, quizzesPassed: 1, quizzesTotal: 1, labsPassed: 1, labsTotal: 2 });
		expect(m.programs).toEqual([
			{ programId: 'qms-onboarding', done: 1, total: 2, percent: 50 },
			{ programId: 'release-readiness', done: 0, total: 1, percent: 0 },
		]);
	});

	it('ignores labs the build no longer has', () => {
		const r = R.addLabAttempt(R.emptyRecord(t), 'retired-lab', { id: 'run-x', at: t, runner: 'offline', passed: true, checks: [], durationMs: 1 });
		expect(cohortMember(index, LABS, 'x.json', r, t).labsPassed).toBe(0);
	});
});

describe('labels, order and table', () => {
	it('names a learner without a display name by their file', () => {
		expect(memberLabel({ name: '', file: 'progress.json' })).toBe('No name given (progress.json)');
		expect(memberLabel({ name: 'Grace', file: 'g.json' })).toBe('Grace');
	});

	it('sorts by name regardless of case, then by file', () => {
		const members = [cohortMember(index, LABS, '2.json', learner('bob'), t), cohortMember(index, LABS, '1.json', learner('Bob'), t), cohortMember(index, LABS, 'a.json', learner('Ada'), t)];
		expect(sortCohort(members).map((m) => m.file)).toEqual(['a.json', '1.json', '2.json']);
	});

	it('writes a header and one row per learner, hostile text kept as plain strings', () => {
		const table = cohortTable(index, [cohortMember(index, LABS, 'eve.json', learner('=HYPERLINK("http://x")'), t)]);
		expect(table[0]).toEqual(['Learner', 'File', 'Exported at', 'Last activity', 'QMS onboarding: modules done', 'Release readiness: modules done', 'Knowledge checks passed', 'Labs passed']);
		expect(table[1]).toEqual(['=HYPERLINK("http://x")', 'eve.json', t, t, '1 of 2 (50 %)', '0 of 1 (0 %)', '1 of 1', '1 of 2']);
	});
});
