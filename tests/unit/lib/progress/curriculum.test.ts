import { describe, expect, it } from 'vitest';
import { CurriculumProgress, type CurriculumIndex } from '../../../../src/lib/progress/curriculum';
import { buildCurriculumIndex } from '../../../../src/lib/progress/curriculum-index';
import * as R from '../../../../src/lib/progress/record';

const t = '2026-01-08T09:00:00.000Z';
const page = (id: string, kind: string, extra: Partial<{ durationMinutes: number; prerequisites: string[]; modules: string[] }> = {}) => ({
	id,
	title: id.toUpperCase(),
	data: { program: 'qms-onboarding' as const, kind: kind as 'module', prerequisites: [], modules: [], ...extra },
});
const quiz = (id: string, pageId: string, passMark = 80) => ({
	id,
	data: { title: `Quiz ${id}`, page: pageId, program: 'qms-onboarding' as const, passMark, policy: { maxAttempts: null }, questions: new Array(5).fill({}) },
});

const index: CurriculumIndex = buildCurriculumIndex({
	programs: [
		{ id: 'qms-onboarding', label: 'QMS onboarding' },
		{ id: 'release-readiness', label: 'Release readiness' },
	],
	pages: [
		page('dev', 'path', { modules: ['dev/m1', 'dev/m2', 'dev/m3'] }),
		page('dev/m1', 'module', { durationMinutes: 120 }),
		page('dev/m2', 'module', { durationMinutes: 180, prerequisites: ['dev/m1'] }),
		page('dev/m3', 'module', { durationMinutes: 60, prerequisites: ['dev/m2'] }),
		page('extra', 'module', { durationMinutes: 30 }),
	],
	quizzes: [quiz('q1', 'dev/m1'), quiz('q2', 'dev/m2', 85)],
	checklists: [
		{
			id: 'cl',
			data: {
				title: 'Checklist',
				page: 'dev',
				program: 'qms-onboarding',
				certification: true,
				sections: [
					{ id: 's1', title: 'Phase 1', items: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] },
					{ id: 's2', title: 'Phase 2', items: [{ id: 'c', text: 'C' }] },
				],
			},
		},
	],
});
const passed = (quizId: string, score = 100) =>
	(r: ReturnType<typeof R.emptyRecord>) =>
		R.addQuizAttempt(r, quizId, { id: `attempt-${quizId}-${score}`, startedAt: t, submittedAt: t, answers: {}, correct: score / 20, total: 5, score, passMark: 80, passed: score >= 80 });

describe('CurriculumProgress', () => {
	it('starts at zero with the first module next', () => {
		const p = new CurriculumProgress(index, R.emptyRecord(t));
		const prog = p.program(index.programs[0]!);
		expect(prog).toMatchObject({ total: 4, done: 0, read: 0, percent: 0, minutesPlanned: 390, minutesDone: 0 });
		const path = prog.paths[0]!;
		expect(path).toMatchObject({ total: 3, percent: 0, minutesPlanned: 360 });
		expect(path.next?.id).toBe('dev/m1');
		expect(path.modules.map((m) => m.state)).toEqual(['available', 'locked', 'locked']);
	});

	it('a module is done when read and its knowledge checks are passed; then the next one opens', () => {
		let r = R.setRead(R.emptyRecord(t), 'dev/m1', true, t);
		let path = new CurriculumProgress(index, r).path(index.pages.find((x) => x.id === 'dev')!);
		expect(path.modules[0]!.state).toBe('in-progress'); // read, quiz not passed
		expect(path.next?.id).toBe('dev/m1');
		r = passed('q1', 60)(r);
		path = new CurriculumProgress(index, r).path(index.pages.find((x) => x.id === 'dev')!);
		expect(path.modules[0]!.status.quizzes[0]).toMatchObject({ best: 60, passed: false, attempts: 1 });
		r = passed('q1', 100)(r);
		path = new CurriculumProgress(index, r).path(index.pages.find((x) => x.id === 'dev')!);
		expect(path).toMatchObject({ done: 1, read: 1, percent: 33, minutesDone: 120 });
		expect(path.modules.map((m) => m.state)).toEqual(['done', 'available', 'locked']);
		expect(path.next?.id).toBe('dev/m2');
	});

	it('a practice check on the page is shown but optional: the module is done without passing it', () => {
		const practice = { ...quiz('p1', 'dev/m1'), data: { ...quiz('p1', 'dev/m1').data, kind: 'practice' as const } };
		const withPractice = buildCurriculumIndex({ programs: index.programs, pages: [page('dev', 'path', { modules: ['dev/m1'] }), page('dev/m1', 'module', { durationMinutes: 120 })], quizzes: [quiz('q1', 'dev/m1'), practice], checklists: [] });
		let r = R.setRead(R.emptyRecord(t), 'dev/m1', true, t);
		r = passed('q1', 100)(r);
		const path = new CurriculumProgress(withPractice, r).path(withPractice.pages.find((x) => x.id === 'dev')!);
		expect(path.modules[0]!.status.quizzes.map((q) => [q.quiz.id, q.passed])).toEqual([['p1', false], ['q1', true]]);
		expect(path.modules[0]!.state).toBe('done');
	});

	it('100 % only when every module is done; next is null then', () => {
		let r = R.emptyRecord(t);
		for (const m of ['dev/m1', 'dev/m2', 'dev/m3']) r = R.setRead(r, m, true, t);
		r = passed('q1')(passed('q2')(r));
		const path = new CurriculumProgress(index, r).path(index.pages.find((x) => x.id === 'dev')!);
		expect(path).toMatchObject({ done: 3, percent: 100, minutesDone: 360, next: null });
		const prog = new CurriculumProgress(index, r).program(index.programs[0]!);
		expect(prog).toMatchObject({ done: 3, total: 4, percent: 75 });
		expect(prog.next?.id).toBe('extra');
	});

	it('counts checklist ticks per section and certification', () => {
		let r = R.setChecklistItem(R.emptyRecord(t), 'cl', 'a', true, t);
		r = R.setChecklistItem(r, 'cl', 'c', true, t);
		r = R.setChecklistItem(r, 'cl', 'c', false, '2026-01-08T09:01:00.000Z');
		r = R.setCertification(r, 'cl', { date: '2026-01-15', by: 'Buddy' }, t);
		const cl = new CurriculumProgress(index, r).checklist(index.checklists[0]!);
		expect(cl).toMatchObject({ total: 3, ticked: 1, certification: { date: '2026-01-15', by: 'Buddy' } });
		expect(cl.sections.map((s) => [s.ticked, s.total])).toEqual([
			[1, 2],
			[0, 1],
		]);
	});

	it('lists only programs that have something', () => {
		expect(new CurriculumProgress(index, R.emptyRecord(t)).programs().map((p) => p.program.id)).toEqual(['qms-onboarding']);
	});
});
