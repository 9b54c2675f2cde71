/**
 * The end of a drill, computed without the DOM: the debrief's points per task group and what was
 * missed, and the learner-record entry of a finished run. Only the debrief uses these
 * (src/components/scenario/debrief.ts, loaded when a run finishes: issue 8 JS budget). Pure.
 */
import type { ScenarioRun } from '../../schemas/progress';
import { score, type RunState, type ScenarioDef, type Score } from './engine';

/** Points by task group (004 streams: Detection, Analysis…), in milestone order; ungrouped milestones under "Tasks". */
export function pointsByGroup(sc: Score): { group: string; earned: number; points: number }[] {
	const out: { group: string; earned: number; points: number }[] = [];
	for (const m of sc.milestones) {
		const g = m.group ?? 'Tasks';
		let row = out.find((r) => r.group === g);
		if (!row) out.push((row = { group: g, earned: 0, points: 0 }));
		row.earned += m.earned;
		row.points += m.points;
	}
	return out;
}

/** What was missed: each milestone not met with why, then the hint of every step that timed out. */
export function missed(def: ScenarioDef, s: RunState, sc: Score = score(def, s)): string[] {
	const out = sc.milestones.filter((m) => !m.met).map((m) => `${m.title}: ${m.why ?? 'not met.'}`);
	for (const r of s.results) {
		if (!r.timedOut) continue;
		const st = def.steps.find((x) => x.id === r.step);
		if (st) out.push(`Hint for "${st.title}": ${st.hint}`);
	}
	return out;
}

/**
 * The learner-record entry (without its id) for a finished run: the choices, the log, score, max,
 * pass, simulated minutes covered, real time played. Answers and log texts are cut to the record's
 * limits (src/schemas/progress.ts ScenarioRunSchema).
 */
export function runRecord(def: ScenarioDef, s: RunState, startedAt: string, finishedAt: string, realMs: number): Omit<ScenarioRun, 'id'> {
	const sc = score(def, s);
	const cut = (t: string) => t.slice(0, 4000);
	return {
		scenario: def.id,
		startedAt,
		finishedAt,
		choices: s.results.slice(0, 200).map((r) => ({ step: r.step, ...(r.answer === undefined ? {} : { answer: typeof r.answer === 'string' ? cut(r.answer) : r.answer }), minute: r.decidedAt, share: r.share, timedOut: r.timedOut })),
		log: s.log.slice(-1000).map((e) => ({ minute: e.minute, kind: e.kind, text: cut(e.text) })),
		score: sc.points,
		max: sc.max,
		passed: sc.passed,
		simulatedMinutes: s.minute,
		realMs: Math.max(0, Math.round(realMs)),
	};
}
