/**
 * Learner records for the certification tests, built with the record's own functions
 * (src/lib/progress/record.ts) so they are exactly what the store would hold.
 */
import { meetsPassMark } from '../../../../src/lib/progress/grading';
import * as R from '../../../../src/lib/progress/record';
import type { CertificationCatalog } from '../../../../src/lib/credentials/rules';
import type { ProgressRecord } from '../../../../src/schemas/progress';

export const T0 = '2026-11-01T09:00:00.000Z';
let seq = 0;
const id = (p: string) => `${p}-${String(++seq).padStart(8, '0')}`;

/** A knowledge-check attempt with `correct` of `total` right, graded at the catalog's pass mark. */
export function quiz(r: ProgressRecord, catalog: CertificationCatalog, quizId: string, correct: number, total: number, at: string): ProgressRecord {
	const passMark = catalog.quizzes[quizId]!.passMark;
	return R.addQuizAttempt(r, quizId, {
		id: id('attempt'),
		startedAt: at,
		submittedAt: at,
		answers: {},
		correct,
		total,
		score: (correct / total) * 100,
		passMark,
		passed: meetsPassMark(correct, total, passMark),
	});
}

export const read = (r: ProgressRecord, pageId: string, at: string) => R.setRead(r, pageId, true, at);

export function lab(r: ProgressRecord, labId: string, passed: boolean, at: string): ProgressRecord {
	return R.addLabAttempt(r, labId, { id: id('labrun'), at, runner: 'offline', passed, checks: [{ name: 'tests', passed }], durationMs: 1000 });
}

export const tick = (r: ProgressRecord, checklist: string, item: string, at: string, checked = true) => R.setChecklistItem(r, checklist, item, checked, at);

export function selfAssess(r: ProgressRecord, assessmentId: string, average: number, at: string): ProgressRecord {
	return R.addSelfAssessment(r, { id: id('selfassess'), assessmentId, at, ratings: { a: Math.round(average) }, average });
}

export function attest(r: ProgressRecord, certification: string, requirement: string, at: string, what = 'Did it'): ProgressRecord {
	return R.addAttestation(r, { id: id('attest'), certification, requirement, what, date: at.slice(0, 10), note: '', at });
}

/** A finished drill run, passed or not, scored `score` of `max`. */
export function drill(r: ProgressRecord, scenario: string, passed: boolean, at: string, score = passed ? 4 : 3, max = 4): ProgressRecord {
	return R.addScenarioRun(r, { id: id('drillrun'), scenario, startedAt: at, finishedAt: at, choices: [], log: [], score, max, passed, simulatedMinutes: 120, realMs: 60_000 });
}

/** Mark every module of `pathOrPages` read and pass every knowledge check on them, all at `at`. */
export function finishModules(r: ProgressRecord, catalog: CertificationCatalog, pages: readonly string[], at: string): ProgressRecord {
	for (const p of pages) {
		r = read(r, p, at);
		for (const q of catalog.pages[p]!.quizzes) r = quiz(r, catalog, q, 5, 5, at);
	}
	return r;
}

export const empty = () => R.emptyRecord(T0);

/** ISO time `days` days after T0. */
export const day = (days: number) => new Date(Date.parse(T0) + days * 86_400_000).toISOString();
