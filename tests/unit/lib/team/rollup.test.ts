import { describe, expect, it } from 'vitest';
import * as R from '../../../../src/lib/progress/record';
import { programFigures } from '../../../../src/lib/team/figures';
import { itemRows, ITEM_COLUMNS } from '../../../../src/lib/team/items';
import { drillRuns, learnerRollup, rollupAlerts, type LearnerRollup } from '../../../../src/lib/team/rollup';
import { addExport, learnerKey, rosterFrom, type RosterEntry } from '../../../../src/lib/team/roster';
import { TARGETS } from '../../../../src/lib/team/targets';
import type { ProgressRecord } from '../../../../src/schemas/progress';
import { meetsPassMark } from '../../../../src/lib/progress/grading';
import { lab, read } from '../credentials/records';
import { realTeam } from './content';

const ctx = realTeam();
const catalog = ctx.data.catalog;
const NOW = '2026-11-30T12:00:00.000Z';
const ago = (hours: number) => new Date(Date.parse(NOW) - hours * 3600_000).toISOString();
const GATE1 = 'tool-adoption-gate-1-knowledge-foundation';
const GATE2 = 'tool-adoption-gate-2-practical-application';
const GATE1_PAGE = 'tool-adoption/gates/gate-1-knowledge-foundation';

function named(name: string, epoch: string): ProgressRecord {
	return R.setDisplayName(R.emptyRecord(epoch), name, epoch);
}
const entry = (r: ProgressRecord, file = 'x.json'): RosterEntry => ({ key: learnerKey(r), record: r, files: [file], exportedAt: NOW });

/** Ada: started 5 days ago, passed Gate 1 (90 %), ran a tool-adoption lab, active 1 hour ago. */
function ada(): ProgressRecord {
	let r = named('Ada', ago(120));
	r = read(r, GATE1_PAGE, ago(120));
	r = quiz(r, catalog, GATE1, 9, 10, ago(100));
	r = lab(r, 'input-validation', true, ago(1));
	return r;
}
/** Bob: failed Gate 1 (70 %) 4 days ago, nothing since. */
function bob(): ProgressRecord {
	let r = named('Bob', ago(200));
	r = read(r, GATE1_PAGE, ago(200));
	return quiz(r, catalog, GATE1, 7, 10, ago(96));
}
/** Cy: QMS onboarding only, never touched tool adoption. */
function cy(): ProgressRecord {
	let r = named('Cy', ago(50));
	r = read(r, 'qms-onboarding/developer/qms-introduction', ago(50));
	return quiz(r, catalog, 'qms-onboarding-qms-introduction', 5, 5, ago(49));
}

let seq = 0;
/** A knowledge-check attempt with `correct` of `total` right, graded at the quiz's pass mark in the index. */
function quiz(r: ProgressRecord, _catalog: unknown, quizId: string, correct: number, total: number, at: string): ProgressRecord {
	const passMark = ctx.index.quizzes.find((q) => q.id === quizId)!.passMark;
	return R.addQuizAttempt(r, quizId, { id: `attempt-${String(++seq).padStart(8, '0')}`, startedAt: at, submittedAt: at, answers: {}, correct, total, score: (correct / total) * 100, passMark, passed: meetsPassMark(correct, total, passMark) });
}

const roll = (r: ProgressRecord) => learnerRollup(ctx, entry(r), NOW);

describe('learnerRollup', () => {
	it('puts a learner on day N of the 14-day plan from their first tool-adoption activity', () => {
		const a = roll(ada());
		expect(a.tool.day1).toBe(ago(120));
		expect(a.tool.day).toBe(6);
		expect(a.tool.dayText).toBe('Day 6 of 14: Practical exercises with peer collaboration');
		expect(roll(cy()).tool).toMatchObject({ day1: null, day: null, dayText: 'Not started', adopting: false });
	});

	it('reports Gate 1 passed at its assessment while its other parts wait for a sign-off, and Gate 1 failed below 85 %', () => {
		const [g1] = roll(ada()).tool.gates;
		expect(g1).toMatchObject({ gate: 1, state: 'assessment-passed', assessment: { best: 90, passMark: 85, passed: true } });
		const b = roll(bob());
		expect(b.tool.gates[0]).toMatchObject({ state: 'failed', failure: { gate: 1, score: 70, passMark: 85, at: ago(96), attemptsLeft: null } });
		expect(b.tool.gates.slice(1).map((g) => g.state)).toEqual(['not-started', 'not-started', 'not-started']);
	});

	it('does not call a Gate 2 pass before Gate 1 a pass, nor a failure (003 Gate 1: no exceptions policy for advancement)', () => {
		const r = quiz(named('Dee', ago(30)), catalog, GATE2, 10, 10, ago(20));
		expect(roll(r).tool.gates[1]).toMatchObject({ state: 'in-progress', assessment: { best: 100, passed: false } });
		expect(roll(r).alerts.filter((a) => a.kind === 'critical')).toEqual([]);
	});

	it('counts Gate 2 as failed with one attempt left after a first failed attempt (retesting allowed once)', () => {
		let r = quiz(named('Eve', ago(30)), catalog, GATE1, 10, 10, ago(29));
		r = quiz(r, catalog, GATE2, 1, 10, ago(28));
		expect(roll(r).tool.gates[1]).toMatchObject({ state: 'failed', failure: { attemptsLeft: 1 } });
	});

	it('raises red and critical for Bob, nothing for Ada, no inactivity alert for Cy, and the team alert below 80 % adoption', () => {
		const all = [ada(), bob(), cy()].map(roll);
		expect(all[0]!.alerts).toEqual([]);
		expect(all[1]!.alerts.map((a) => a.kind)).toEqual(['red', 'critical']);
		expect(all[2]!.alerts).toEqual([]);
		const alerts = rollupAlerts(all);
		expect(alerts.map((a) => `${a.kind}:${a.learner ?? 'team'}`)).toEqual(['team:team', 'critical:Bob', 'red:Bob']);
		expect(alerts[0]!.detail).toBe('Adoption rate 33 % (1 of 3 learners active in the last 2 days) is below 80 %.');
	});

	it('per program: modules done, best scores against pass marks, labs passed, first and last activity', () => {
		const tool = roll(ada()).programs.find((p) => p.programId === 'tool-adoption')!;
		expect(tool.quizzes).toEqual([expect.objectContaining({ id: GATE1, best: 90, passMark: 85, passed: true, attempts: 1, started: ago(100), completed: ago(100) })]);
		expect(tool.labsPassed).toBe(1);
		expect(tool.labs[0]).toMatchObject({ id: 'input-validation', level: expect.any(String), completed: ago(1) });
		expect(tool).toMatchObject({ enrolled: true, firstActivity: ago(120), lastActivity: ago(1) });
		const qms = roll(cy()).programs.find((p) => p.programId === 'qms-onboarding')!;
		expect(qms.modules).toEqual([{ id: 'qms-onboarding/developer/qms-introduction', title: expect.any(String), level: expect.any(String), started: ago(50), completed: ago(49) }]);
		expect(qms.done).toBe(1);
		expect(roll(cy()).programs.find((p) => p.programId === 'engineering-excellence')!.enrolled).toBe(false);
	});

	it('counts drills passed (a passing run) of drills run, from the record’s scenarios list', () => {
		expect(roll(ada()).drills).toEqual({ passed: 0, run: 0 });
		const run = (id: string, scenario: string, at: string, passed: boolean) => ({ id, scenario, startedAt: at, finishedAt: at, choices: [], log: [], score: passed ? 4 : 1, max: 4, passed, simulatedMinutes: 20, realMs: 60_000 });
		const withDrills: ProgressRecord = { ...ada(), scenarios: [run('run-aaaaaaaa', 'release-readiness-privacy-breach', ago(2), false), run('run-bbbbbbbb', 'release-readiness-privacy-breach', ago(1), true), run('run-cccccccc', 'release-readiness-message-routing', ago(3), false)] };
		expect(drillRuns(withDrills)).toHaveLength(3);
		expect(learnerRollup(ctx, entry(withDrills), NOW).drills).toEqual({ passed: 1, run: 2 });
	});
});

describe('programFigures against the seeds’ targets', () => {
	const all: LearnerRollup[] = [ada(), bob(), cy()].map(roll);
	it('tool adoption: every learner counts; gate pass rates, adoption rate, average score with 003 targets', () => {
		const f = Object.fromEntries(programFigures('tool-adoption', all).map((x) => [x.id, x]));
		expect(f['gate-1']!.value).toBeCloseTo(33.33, 1);
		expect(f.adoption!.value).toBeCloseTo(33.33, 1);
		expect(f['gate-1']).toMatchObject({ basis: '1 of 3 learners passed', met: false, target: { value: 100, source: { seed: '003' } } });
		expect(f.adoption).toMatchObject({ met: false, target: TARGETS['tool-adoption']!.adoption });
		expect(f.assessment).toMatchObject({ value: 80, basis: 'mean of 2 best scores on knowledge checks', met: false, target: { value: 90, op: '>' } });
		expect(f.certification).toMatchObject({ value: 0, target: { value: 100, source: { seed: '003', section: 'SUCCESS METRICS' } } });
	});
	it('QMS onboarding: only learners with activity in it are counted, target > 80 % from 002', () => {
		const f = Object.fromEntries(programFigures('qms-onboarding', all).map((x) => [x.id, x]));
		expect(f.completion).toMatchObject({ value: 0, basis: '0 of 1 learner finished every module', target: { value: 80, op: '>', source: { seed: '002' } } });
		expect(f.assessment).toMatchObject({ value: 100, met: null });
		expect(f.assessment!.target).toBeUndefined();
	});
	it('a program nobody started has no values', () => {
		const f = programFigures('engineering-excellence', all);
		expect(f.every((x) => x.value === null && x.met === null)).toBe(true);
		expect(f.map((x) => x.id)).toEqual(['completion', 'certification', 'assessment']);
	});
});

describe('itemRows (the review CSV)', () => {
	it('has the review columns and one row per item started, gate and earned certificate', () => {
		const rows = itemRows([roll(cy()), roll(ada())]);
		expect(rows[0]).toEqual([...ITEM_COLUMNS]);
		expect(rows.slice(1).map((r) => `${r[0]} | ${r[2]}`)).toEqual([
			'Ada | Module: Gate 1: Knowledge Foundation',
			'Ada | Knowledge check: Gate 1 written assessment: Knowledge Foundation',
			'Ada | Lab: ' + ctx.data.labs.find((l) => l.id === 'input-validation')!.title,
			'Ada | Gate 1: Knowledge Foundation',
			'Cy | Module: ' + ctx.index.pages.find((p) => p.id === 'qms-onboarding/developer/qms-introduction')!.title,
			'Cy | Knowledge check: ' + ctx.index.quizzes.find((q) => q.id === 'qms-onboarding-qms-introduction')!.title,
		]);
		const gate = rows.find((r) => r[2] === 'Gate 1: Knowledge Foundation')!;
		expect(gate).toEqual(['Ada', 'Tool adoption (Context7)', 'Gate 1: Knowledge Foundation', '', '', '', 'assessment passed, sign-off pending; assessment 90 % (pass mark 85 %)']);
		const check = rows.find((r) => r[0] === 'Cy' && r[2]!.startsWith('Knowledge check:'))!;
		expect(check.slice(3)).toEqual(['introductory', ago(49), ago(49), '100 % (pass mark 80 %)']);
		expect(rows.find((r) => r[0] === 'Ada' && r[2]!.startsWith('Lab:'))!.slice(5)).toEqual([ago(1), 'passed']);
	});
});

describe('roster: one learner, several files', () => {
	it('merges a second export of the same learner (same record start, same name in any case) instead of doubling', () => {
		const first = ada();
		const later = R.setRead(first, 'tool-adoption/gates/gate-2-practical-application', true, ago(0.5));
		let roster = addExport(new Map(), 'ada-1.json', first, ago(2)).roster;
		const step = addExport(roster, 'ada-2.json', R.setDisplayName(later, 'ADA ', ago(0.4)), ago(0.3));
		roster = step.roster;
		expect(step.merged).toBe(true);
		expect(roster.size).toBe(1);
		const only = [...roster.values()][0]!;
		expect(only.files).toEqual(['ada-1.json', 'ada-2.json']);
		expect(only.exportedAt).toBe(ago(0.3));
		expect(Object.keys(only.record.reading)).toContain('tool-adoption/gates/gate-2-practical-application');
		expect(only.record.quizzes[GATE1]!.attempts).toHaveLength(1);
	});
	it('keeps two people apart whose records start at the same moment, and a reset record apart from the old one', () => {
		const t = ago(10);
		const roster = addExport(addExport(new Map(), 'a.json', named('Ada', t), NOW).roster, 'b.json', named('Bob', t), NOW).roster;
		expect(roster.size).toBe(2);
		const reset = addExport(roster, 'a2.json', named('Ada', ago(1)), NOW);
		expect(reset.merged).toBe(false);
		expect(reset.roster.size).toBe(3);
	});
	it('rebuilds a stored roster with keys computed again and duplicates merged', () => {
		const r = ada();
		const roster = rosterFrom([
			{ files: ['1.json'], exportedAt: ago(5), record: r },
			{ files: ['2.json', '1.json'], exportedAt: ago(1), record: quiz(r, catalog, GATE1, 10, 10, ago(3)) },
		]);
		expect(roster.size).toBe(1);
		const e = [...roster.values()][0]!;
		expect(e).toMatchObject({ key: learnerKey(r), files: ['1.json', '2.json'], exportedAt: ago(1) });
		expect(e.record.quizzes[GATE1]!.attempts).toHaveLength(2);
	});
});

describe('the roll-up counts as My progress and the first table do', () => {
	it('modules done per program and the overall counts equal CurriculumProgress and cohortMember on the real curriculum', async () => {
		const { CurriculumProgress } = await import('../../../../src/lib/progress/curriculum');
		const { cohortMember } = await import('../../../../src/lib/team/cohort');
		for (const r of [ada(), bob(), cy()]) {
			const l = roll(r);
			const progress = new CurriculumProgress(ctx.index, r);
			expect(l.programs.map(({ done, total, percent }) => ({ done, total, percent }))).toEqual(ctx.index.programs.map((p) => {
				const { done, total, percent } = progress.program(p);
				return { done, total, percent };
			}));
			const m = cohortMember(ctx.index, ctx.data.labs.map((x) => x.id), 'x.json', r, NOW);
			expect(l.overall).toEqual({ quizzesPassed: m.quizzesPassed, quizzesTotal: m.quizzesTotal, labsPassed: m.labsPassed, labsTotal: m.labsTotal });
		}
	});
});
