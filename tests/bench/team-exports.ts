/**
 * Export files of `n` learners for the Team page bench, made with the site's own record functions
 * and export builder (loaded by ./team.mjs with a resolve hook for the sources' extensionless
 * imports). Each learner has read a few pages and taken Gate 1.
 */
import * as R from '../../src/lib/progress/record';
import { buildExport } from '../../src/lib/progress/transfer';

export async function teamExports(n: number, now: string): Promise<{ name: string; text: string }[]> {
	const out: { name: string; text: string }[] = [];
	const t = (h: number) => new Date(Date.parse(now) - h * 3600_000).toISOString();
	for (let i = 0; i < n; i++) {
		const id = String(i + 1).padStart(3, '0');
		let r = R.setDisplayName(R.emptyRecord(t(200 + i)), `Learner ${id}`, t(200 + i));
		r = R.setRead(r, 'tool-adoption/gates/gate-1-knowledge-foundation', true, t(100 + (i % 90)));
		r = R.setRead(r, 'qms-onboarding/developer/qms-introduction', true, t(90));
		const score = 60 + (i % 41);
		r = R.addQuizAttempt(r, 'tool-adoption-gate-1-knowledge-foundation', { id: `bench-${id}-attempt-1`, startedAt: t(50), submittedAt: t(50), answers: {}, correct: score, total: 100, score, passMark: 85, passed: score >= 85 });
		out.push({ name: `learner-${id}.json`, text: await buildExport(r, now) });
	}
	return out;
}
