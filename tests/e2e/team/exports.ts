/**
 * Learners' export files for the Team page tests, made in the test process with the site's own
 * record functions and export builder (src/lib/progress/record.ts, transfer.ts `buildExport`), so
 * each file is exactly what a learner's "Export progress" would download.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { meetsPassMark } from '../../../src/lib/progress/grading';
import * as R from '../../../src/lib/progress/record';
import { buildExport } from '../../../src/lib/progress/transfer';
import type { ProgressRecord } from '../../../src/schemas/progress';

const root = join(import.meta.dirname, '../../..');
/** The fixed clock of the tests: the page reads it through Playwright's page.clock. */
export const NOW = '2026-11-30T12:00:00.000Z';
export const ago = (hours: number) => new Date(Date.parse(NOW) - hours * 3600_000).toISOString();

export const GATE1 = 'tool-adoption-gate-1-knowledge-foundation';
export const GATE1_PAGE = 'tool-adoption/gates/gate-1-knowledge-foundation';
export const QMS_QUIZ = 'qms-onboarding-qms-introduction';
export const QMS_PAGE = 'qms-onboarding/developer/qms-introduction';

const passMark = (quizId: string) => (parse(readFileSync(join(root, 'content/quizzes', `${quizId}.yaml`), 'utf8')) as { passMark: number }).passMark;
let seq = 0;
const id = (p: string) => `${p}-${String(++seq).padStart(10, '0')}`;

export function quiz(r: ProgressRecord, quizId: string, correct: number, total: number, at: string): ProgressRecord {
	const mark = passMark(quizId);
	return R.addQuizAttempt(r, quizId, { id: id('attempt'), startedAt: at, submittedAt: at, answers: {}, correct, total, score: (correct / total) * 100, passMark: mark, passed: meetsPassMark(correct, total, mark) });
}
export const lab = (r: ProgressRecord, labId: string, passed: boolean, at: string) =>
	R.addLabAttempt(r, labId, { id: id('labrun'), at, runner: 'offline', passed, checks: [{ name: 'tests', passed }], durationMs: 1200 });
export const named = (name: string, epoch: string) => R.setDisplayName(R.emptyRecord(epoch), name, epoch);

/** Ada: started 5 days ago, Gate 1 passed at 90 %, a tool-adoption lab passed an hour ago: no alert, day 6. */
export function ada(): ProgressRecord {
	let r = named('Ada Lovelace', ago(120));
	r = R.setRead(r, GATE1_PAGE, true, ago(120));
	r = quiz(r, GATE1, 9, 10, ago(100));
	return lab(r, 'input-validation', true, ago(1));
}
/** Bob: Gate 1 failed at 70 % four days ago, nothing since: red and critical alerts. */
export function bob(): ProgressRecord {
	let r = named('Bob Builder', ago(200));
	r = R.setRead(r, GATE1_PAGE, true, ago(200));
	return quiz(r, GATE1, 7, 10, ago(96));
}
/** Cy: read the Gate 1 page 50 hours ago (yellow alert), and finished a QMS onboarding module. */
export function cy(): ProgressRecord {
	let r = named('Cy Twombly', ago(60));
	r = R.setRead(r, QMS_PAGE, true, ago(60));
	r = quiz(r, QMS_QUIZ, 5, 5, ago(59));
	return R.setRead(r, GATE1_PAGE, true, ago(50));
}

export const exportOf = (r: ProgressRecord, at = NOW) => buildExport(r, at);
