/**
 * Status of the tool-adoption program's quality Gates 1-4 (003, QUALITY GATES IMPLEMENTATION) for
 * one learner, read from the Context7 certification's evaluation (content/certifications/
 * context7.yaml, whose requirement ids start with `gate-<n>-`; src/lib/credentials/rules.ts).
 *
 * States:
 * - passed: every requirement of the gate is met (attested parts count only once signed off);
 * - assessment-passed: the gate's assessment is passed at its pass mark and policy (Gate 1 85 %,
 *   Gate 2 80 % with "retesting allowed once", Gate 4 90 %: 003), the other parts still need a
 *   sign-off. Gate 3 has no assessment in 003, so it is never in this state;
 * - failed: the gate's latest assessment attempt is below the pass mark and no counted pass
 *   followed (003, Critical Alert: "Quality gate failures");
 * - in-progress: something is recorded for the gate; not-started: nothing is.
 */
import type { CertificationDef, CredentialStatus } from '../credentials/rules';
import { chronological, attemptsLeft } from '../progress/attempts';
import { displayPercent } from '../progress/grading';
import type { ProgressRecord } from '../../schemas/progress';
import type { GateFailure } from './alerts';

/** The certification whose requirements are the four gates. */
export const GATE_CERTIFICATION = 'context7';

/** 003, QUALITY GATES IMPLEMENTATION: names and risk levels. */
export const GATES = [
	{ gate: 1, name: 'Knowledge Foundation', risk: 'high risk' },
	{ gate: 2, name: 'Practical Application', risk: 'medium risk' },
	{ gate: 3, name: 'Integration Consistency', risk: 'medium risk' },
	{ gate: 4, name: 'Certification Validation', risk: 'low risk' },
] as const;

export type GateState = 'passed' | 'assessment-passed' | 'failed' | 'in-progress' | 'not-started';

export interface GateStatus {
	gate: number;
	name: string;
	state: GateState;
	/** Requirements of the gate met, of all of them. */
	met: number;
	total: number;
	/** The gate's assessment, when it has one. Scores in whole percent. */
	assessment?: { quizId: string; title: string; best: number | null; passMark: number; attempts: number; attemptsLeft: number | null; passed: boolean };
	/** Only when failed. */
	failure?: GateFailure;
}

/** Words for a state, as the table and CSV show it. */
export const GATE_STATE_TEXT: Record<GateState, string> = {
	passed: 'passed',
	'assessment-passed': 'assessment passed, sign-off pending',
	failed: 'failed',
	'in-progress': 'in progress',
	'not-started': 'not started',
};

/**
 * Gates 1-4 for one learner. `def` is the Context7 certification and `status` its evaluation for
 * this record (both undefined when the build has no such certification: every gate is then not
 * started). `quizzes` are the catalog's knowledge checks by id.
 */
export function gateStatuses(def: CertificationDef | undefined, status: CredentialStatus | undefined, record: Pick<ProgressRecord, 'quizzes'>, quizzes: Readonly<Record<string, { title: string; passMark: number; maxAttempts: number | null }>>): GateStatus[] {
	return GATES.map(({ gate, name }) => {
		const reqs = (status?.requirements ?? []).filter((r) => r.id.startsWith(`gate-${gate}-`));
		const met = reqs.filter((r) => r.met).length;
		const recorded = reqs.some((r) => r.met || r.evidence.length > 0);
		const check = reqs.find((r) => r.kind === 'quiz-passed');
		const defReq = def?.requirements.find((r) => r.id === check?.id);
		const quizId = defReq?.kind === 'quiz-passed' ? defReq.quiz : undefined;
		let assessment: GateStatus['assessment'];
		let failure: GateFailure | undefined;
		if (check && quizId && Object.hasOwn(quizzes, quizId)) {
			const q = quizzes[quizId]!;
			const attempts = chronological(Object.hasOwn(record.quizzes, quizId) ? record.quizzes[quizId]!.attempts : []);
			const best = attempts.length ? displayPercent(Math.max(...attempts.map((a) => a.score))) : null;
			const last = attempts[attempts.length - 1];
			const left = attemptsLeft(q.maxAttempts, attempts.length);
			assessment = { quizId, title: q.title, best, passMark: q.passMark, attempts: attempts.length, attemptsLeft: left, passed: check.met };
			if (!check.met && last && !last.passed) failure = { gate, name, score: best ?? 0, passMark: q.passMark, at: last.submittedAt, attemptsLeft: left };
		}
		const state: GateState = reqs.length > 0 && met === reqs.length ? 'passed' : failure ? 'failed' : assessment?.passed ? 'assessment-passed' : recorded || (assessment?.attempts ?? 0) > 0 ? 'in-progress' : 'not-started';
		return { gate, name, state, met, total: reqs.length, ...(assessment ? { assessment } : {}), ...(failure ? { failure } : {}) };
	});
}
