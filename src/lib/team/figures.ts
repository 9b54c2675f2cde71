/**
 * Team figures per program (issue 9): training completion, certification rate, average assessment
 * score, gate pass rates and adoption rate, each against the seeds' target (./targets.ts). Pure.
 *
 * Definitions (the site's, where the seeds name a figure without defining it):
 * - training completion: enrolled learners (./rollup.ts) with every module of the program done;
 * - certification rate: enrolled learners holding a current certificate (earned, not expired) of
 *   the program; programs without certificates have no such figure;
 * - average assessment score: mean of the best scores of every knowledge check an enrolled
 *   learner attempted in the program (whole percent, as shown to learners);
 * - gate pass rate (tool adoption): learners whose gate is passed, counting a gate whose
 *   assessment is passed while its other parts wait for a sign-off (./gates.ts);
 * - adoption rate (tool adoption): learners active in the program in the last 2 days, of every
 *   learner (./alerts.ts).
 */
import { GATES } from './gates';
import type { LearnerRollup } from './rollup';
import { TARGETS, meetsTarget, type FigureId, type Target } from './targets';

export interface Figure {
	id: FigureId;
	label: string;
	/** Percent (may have decimals), or null when nothing is counted yet (no learner, no score). */
	value: number | null;
	/** "2 of 3 learners", "mean of 5 best scores". */
	basis: string;
	target?: Target;
	/** Whether the value meets the target; null without a target or a value. */
	met: boolean | null;
}

function figure(programId: string, id: FigureId, label: string, value: number | null, basis: string): Figure {
	const target = TARGETS[programId]?.[id];
	return { id, label, value, basis, ...(target ? { target } : {}), met: target && value !== null ? meetsTarget(value, target) : null };
}

const rate = (n: number, of: number) => (of === 0 ? null : (n / of) * 100);
const learners = (n: number) => `${n} ${n === 1 ? 'learner' : 'learners'}`;

/** The figures of one program over the learners of the roll-up. */
export function programFigures(programId: string, all: readonly LearnerRollup[]): Figure[] {
	const cells = all.map((l) => ({ l, p: l.programs.find((x) => x.programId === programId)! })).filter((x) => x.p?.enrolled);
	const n = cells.length;
	const out: Figure[] = [];
	const completed = cells.filter((x) => x.p.total > 0 && x.p.done === x.p.total).length;
	out.push(figure(programId, 'completion', 'Training completion', rate(completed, n), `${completed} of ${learners(n)} finished every module`));
	if (cells.some((x) => x.p.certifications.some((c) => c.kind === 'certificate')) || (n === 0 && TARGETS[programId]?.certification)) {
		const certified = cells.filter((x) => x.p.certifications.some((c) => c.kind === 'certificate' && c.state === 'earned' && c.renewal !== 'expired')).length;
		out.push(figure(programId, 'certification', 'Certification rate', rate(certified, n), `${certified} of ${learners(n)} hold a current certificate`));
	}
	const scores = cells.flatMap((x) => x.p.quizzes.map((q) => q.best));
	const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
	out.push(figure(programId, 'assessment', 'Average assessment score', mean, `mean of ${scores.length} best ${scores.length === 1 ? 'score' : 'scores'} on knowledge checks`));
	if (programId === 'tool-adoption') {
		for (const g of GATES) {
			const passed = all.filter((l) => {
				const s = l.tool.gates.find((x) => x.gate === g.gate)?.state;
				return s === 'passed' || s === 'assessment-passed';
			}).length;
			out.push(figure(programId, `gate-${g.gate}` as FigureId, `Gate ${g.gate}: ${g.name}`, rate(passed, all.length), `${passed} of ${learners(all.length)} passed`));
		}
		const adopting = all.filter((l) => l.tool.adopting).length;
		out.push(figure(programId, 'adoption', 'Adoption rate', rate(adopting, all.length), `${adopting} of ${learners(all.length)} active in the last 2 days`));
	}
	return out;
}

/** "67 %" (rounded down), or "no data". */
export function formatFigure(f: Pick<Figure, 'value'>): string {
	return f.value === null ? 'no data' : `${Math.floor(f.value + 1e-9)} %`;
}
