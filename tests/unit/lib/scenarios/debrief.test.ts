import { describe, expect, it } from 'vitest';
import { act, currentStep, type Answer, maxPoints, score, startRun, tick, type RunState, type ScenarioDef } from '../../../../src/lib/scenarios/engine';
import { missed, pointsByGroup, runRecord } from '../../../../src/lib/scenarios/debrief';
import { ScenarioRunSchema } from '../../../../src/schemas/progress';
import { loadScenario } from './load';

/** Play every step with its right answer, or with a wrong (but valid) one. */
function play(def: ScenarioDef, rightAnswers: boolean): RunState {
	let s = startRun(def);
	while (!s.finished) {
		const st = currentStep(def, s)!;
		let answer: Answer;
		if (st.kind === 'single') answer = st.choices.find((c) => c.correct === rightAnswers)!.id;
		else if (st.kind === 'multiple') answer = st.choices.filter((c) => c.correct === rightAnswers).map((c) => c.id);
		else if (st.kind === 'ordering') answer = rightAnswers ? st.items.map((i) => i.id) : st.items.map((i) => i.id).reverse();
		else if (st.kind === 'classify') answer = Object.fromEntries(st.items.map((i) => [i.id, rightAnswers ? i.bucket! : st.buckets.find((b) => b.id !== i.bucket)!.id]));
		else answer = rightAnswers ? 'x'.repeat(st.minLength) : '';
		s = act(def, s, answer, s.minute);
	}
	return s;
}

describe('debrief: points per task group and what was missed', () => {
	const incident = loadScenario('engineering-excellence-incident-simulation');
	it('groups the points as the seed does (004: detection 25, analysis 35, resolution 40, communication 20), in milestone order', () => {
		const s = startRun(incident);
		const groups = pointsByGroup(score(incident, s));
		expect(groups.map((g) => [g.group, g.points])).toEqual([['Detection', 25], ['Analysis', 35], ['Resolution', 40], ['Communication', 20]]);
		expect(groups.reduce((n, g) => n + g.points, 0)).toBe(maxPoints(incident));
		expect(groups.every((g) => g.earned === 0)).toBe(true);
	});
	it('puts ungrouped milestones under "Tasks"', () => {
		const breach = loadScenario('release-readiness-privacy-breach');
		expect(breach.milestones.every((m) => m.group === undefined)).toBe(true);
		expect(pointsByGroup(score(breach, startRun(breach)))).toEqual([{ group: 'Tasks', earned: 0, points: maxPoints(breach) }]);
	});
	const breach = loadScenario('release-readiness-privacy-breach');
	it('a run with every decision right missed nothing', () => {
		const s = play(breach, true);
		expect(score(breach, s).passed).toBe(true);
		expect(missed(breach, s)).toEqual([]);
	});
	it('a run left to time out lists every milestone not met, then the hint of every step that timed out', () => {
		let s = startRun(breach);
		while (!s.finished) s = tick(breach, s, s.minute + 1);
		const out = missed(breach, s);
		const unmet = score(breach, s).milestones.filter((m) => !m.met);
		expect(unmet.length).toBe(breach.milestones.length);
		expect(out.slice(0, unmet.length).map((l) => l.split(':')[0])).toEqual(unmet.map((m) => m.title));
		expect(out.slice(unmet.length)).toEqual(breach.steps.map((st) => `Hint for "${st.title}": ${st.hint}`));
	});
});

describe('runRecord: the learner-record entry of a finished run', () => {
	const breach = loadScenario('release-readiness-privacy-breach');
	it('fits the record schema and says what the run did', () => {
		const s = play(breach, false);
		const rec = runRecord(breach, s, '2026-12-01T10:00:00.000Z', '2026-12-01T10:05:00.000Z', 1234.6);
		expect(ScenarioRunSchema.safeParse({ id: 'run-0001', ...rec }).success).toBe(true);
		expect(rec).toMatchObject({ scenario: breach.id, score: score(breach, s).points, max: maxPoints(breach), passed: false, simulatedMinutes: s.minute, realMs: 1235 });
		expect(rec.choices.map((c) => c.step)).toEqual(breach.steps.map((st) => st.id));
		expect(rec.log).toHaveLength(s.log.length);
	});
	it('cuts long notes to the record limit of 4000 characters and never records negative time', () => {
		const s = play(breach, true);
		const long: RunState = { ...s, results: s.results.map((r, i) => (i === 0 ? { ...r, answer: 'x'.repeat(5000) } : r)) };
		const rec = runRecord(breach, long, '2026-12-01T10:00:00.000Z', '2026-12-01T10:05:00.000Z', -5);
		expect((rec.choices[0]!.answer as string).length).toBe(4000);
		expect(rec.realMs).toBe(0);
		expect(ScenarioRunSchema.safeParse({ id: 'run-0001', ...rec }).success).toBe(true);
	});
});
