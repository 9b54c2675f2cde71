/**
 * The roll-up as rows for review files (issue 9: "the columns people ask for when they file
 * reviews"): learner, program, item, level, started, completed, score; one row per item a learner
 * has started (modules, knowledge checks, labs) or earned (certifications and badges), plus one
 * row per quality gate of the tool-adoption program. Items with nothing recorded are left out.
 * Times are ISO 8601 UTC; score is the best knowledge-check score with its pass mark, or the gate's
 * state. The island writes the rows with ./csv.ts (formula escaping).
 */
import { GATE_STATE_TEXT } from './gates';
import { sortLearners, type LearnerRollup } from './rollup';

export const ITEM_COLUMNS = ['Learner', 'Program', 'Item', 'Level', 'Started', 'Completed', 'Score'] as const;

/** Header row, then the rows, learners in name order and programs in index order. */
export function itemRows(ls: readonly LearnerRollup[]): string[][] {
	const rows: string[][] = [[...ITEM_COLUMNS]];
	for (const l of sortLearners(ls)) {
		for (const p of l.programs) {
			const row = (item: string, level: string | null, started: string | null, completed: string | null, score: string) => rows.push([l.label, p.label, item, level ?? '', started ?? '', completed ?? '', score]);
			for (const m of p.modules) row(`Module: ${m.title}`, m.level, m.started, m.completed, '');
			for (const q of p.quizzes) row(`Knowledge check: ${q.title}`, q.level, q.started, q.completed, `${q.best} % (pass mark ${q.passMark} %)`);
			for (const b of p.labs) row(`Lab: ${b.title}`, b.level, b.started, b.completed, b.completed ? 'passed' : `not passed in ${b.runs} ${b.runs === 1 ? 'run' : 'runs'}`);
			if (p.programId === 'tool-adoption') {
				for (const g of l.tool.gates) {
					if (g.state === 'not-started') continue;
					const a = g.assessment;
					row(`Gate ${g.gate}: ${g.name}`, null, null, null, `${GATE_STATE_TEXT[g.state]}${a?.best != null ? `; assessment ${a.best} % (pass mark ${a.passMark} %)` : ''}`);
				}
			}
			for (const c of p.certifications) {
				if (c.state !== 'earned') continue;
				const exp = c.expiresAt ? `; ${c.renewal === 'expired' ? 'expired' : 'expires'} ${c.expiresAt.slice(0, 10)}` : '';
				row(`${c.kind === 'badge' ? 'Badge' : 'Certificate'}: ${c.name}`, c.kind, null, c.earnedAt ?? null, `earned${exp}`);
			}
		}
	}
	return rows;
}
