/**
 * The drill state machine (issue 8): start a run, act on the open step, advance the simulated
 * clock, fire injects, time a step out, score and decide pass or fail. Pure: no DOM, no clock of
 * its own; the caller passes the simulated minute (the island derives it from real time and the
 * scenario's `clock.speed`). Every function returns a new state and never mutates its argument.
 *
 * Rules:
 * - A step opens when the previous one closes, or at its `at` minute if that is later (the clock
 *   jumps there, firing the injects on the way, in time order).
 * - A step closes when answered, or times out at `openedAt + limit`: a timed-out step scores 0 and
 *   its `hint` goes to the log.
 * - An answer takes simulated time (a choice's or the step's `minutes`); the step is done at
 *   decision minute + minutes, which is what a milestone's `by` deadline is compared with.
 * - Time never goes backwards: a tick to an earlier minute changes nothing.
 * - Points: a milestone is met when its step's share right is 1 (or > 0 when `partial`) and it was
 *   done by `by`; it earns `points` (× share when partial, rounded down). Passed = finished, every
 *   milestone of `pass.milestones` met, points ≥ `pass.minPoints` and at least `pass.minGroups`
 *   milestone groups with every milestone of the group met (a group = one incident of several).
 */
import type { Scenario, ScenarioStep } from '../../schemas/scenario';

/** A scenario with its id (file name in content/scenarios). */
export type ScenarioDef = Scenario & { id: string };

/** A learner's answer: choice id (single), choice ids (multiple), item ids in order (ordering), bucket id by item id (classify), text (notes). */
export type Answer = string | string[] | Record<string, string>;

export type LogKind = 'start' | 'inject' | 'step' | 'decision' | 'feedback' | 'timeout' | 'hint' | 'milestone' | 'end';

/** One line of the exercise log. */
export interface LogEntry {
	/** Simulated minute. */
	minute: number;
	kind: LogKind;
	/** Plain text (rendered as text, never HTML). */
	text: string;
	/** Role id, when a role acts or reports. */
	role?: string;
}

/** How one step closed. */
export interface StepResult {
	step: string;
	/** Absent when it timed out. */
	answer?: Answer;
	/** Simulated minute of the decision (or of the timeout). */
	decidedAt: number;
	/** Simulated minute the action was done (decision + its minutes). */
	doneAt: number;
	/** Share right, 0–1. */
	share: number;
	timedOut: boolean;
}

export interface RunState {
	scenario: string;
	/** Simulated minutes since the start of the clock; never decreases. */
	minute: number;
	/** Index of the open step; steps.length when all are closed. */
	step: number;
	/** Minute the open step opened. */
	openedAt: number;
	/** Ids of the injects fired so far. */
	fired: string[];
	results: StepResult[];
	log: LogEntry[];
	finished: boolean;
}

export interface MilestoneOutcome {
	id: string;
	title: string;
	group?: string;
	points: number;
	earned: number;
	met: boolean;
	/** Why it was missed, when it was (plain text). */
	why?: string;
}

export interface Score {
	points: number;
	max: number;
	milestones: MilestoneOutcome[];
	passed: boolean;
	/** Pass criteria not met, one sentence each; [] when passed. */
	unmet: string[];
}

const stepAt = (def: ScenarioDef, i: number): ScenarioStep | undefined => def.steps[i];

/** Total points available. */
export function maxPoints(def: ScenarioDef): number {
	return def.milestones.reduce((n, m) => n + m.points, 0);
}

/** Fire every timed inject due by `minute`, in time order, and set the clock to `minute` (never back). */
function moveTo(def: ScenarioDef, s: RunState, minute: number): RunState {
	const target = Math.max(s.minute, minute);
	const due = def.injects.filter((i) => i.at !== undefined && i.at <= target && !s.fired.includes(i.id)).sort((a, b) => a.at! - b.at!);
	if (due.length === 0) return target === s.minute ? s : { ...s, minute: target };
	return {
		...s,
		minute: target,
		fired: [...s.fired, ...due.map((i) => i.id)],
		log: [...s.log, ...due.map((i): LogEntry => ({ minute: i.at!, kind: 'inject', text: i.text, ...(i.from ? { role: i.from } : {}) }))],
	};
}

/** Open step `i` (or finish when there is none), jumping the clock to its `at` if later. */
function open(def: ScenarioDef, s: RunState, i: number): RunState {
	const st = stepAt(def, i);
	if (!st) {
		const end = moveTo(def, s, def.clock.end);
		return { ...end, step: i, finished: true, log: [...end.log, { minute: end.minute, kind: 'end', text: 'The exercise is over: debrief.' }] };
	}
	const moved = moveTo(def, s, st.at ?? s.minute);
	return { ...moved, step: i, openedAt: moved.minute, log: [...moved.log, { minute: moved.minute, kind: 'step', text: `${st.title}: ${st.prompt}`, role: st.role }] };
}

/** A new run of `def`, its clock at minute 0 and its first step open. */
export function startRun(def: ScenarioDef): RunState {
	const s: RunState = { scenario: def.id, minute: 0, step: 0, openedAt: 0, fired: [], results: [], log: [{ minute: 0, kind: 'start', text: def.situation }], finished: false };
	return open(def, moveTo(def, s, 0), 0);
}

/** The open step, or undefined when the run is finished. */
export function currentStep(def: ScenarioDef, s: RunState): ScenarioStep | undefined {
	return s.finished ? undefined : stepAt(def, s.step);
}

/** Minute the open step times out at. */
export function deadline(def: ScenarioDef, s: RunState): number | undefined {
	const st = currentStep(def, s);
	return st ? s.openedAt + st.limit : undefined;
}

/** Fire the injects that follow step `id` (those naming a choice only when it was picked). */
function after(def: ScenarioDef, s: RunState, id: string, answer: Answer | undefined): RunState {
	const picked = typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : [];
	const due = def.injects.filter((i) => i.after === id && !s.fired.includes(i.id) && (i.choice === undefined || picked.includes(i.choice)));
	if (due.length === 0) return s;
	return { ...s, fired: [...s.fired, ...due.map((i) => i.id)], log: [...s.log, ...due.map((i): LogEntry => ({ minute: s.minute, kind: 'inject', text: i.text, ...(i.from ? { role: i.from } : {}) }))] };
}

/** Close the open step as timed out at its deadline, log the hint, and open the next. */
function timeOut(def: ScenarioDef, s: RunState): RunState {
	const st = currentStep(def, s)!;
	const at = s.openedAt + st.limit;
	let n = moveTo(def, s, at);
	n = {
		...n,
		results: [...n.results, { step: st.id, decidedAt: at, doneAt: at, share: 0, timedOut: true }],
		log: [...n.log, { minute: at, kind: 'timeout', text: `Time is up for "${st.title}" (${st.limit} simulated minutes).`, role: st.role }, { minute: at, kind: 'hint', text: st.hint }],
	};
	return open(def, after(def, n, st.id, undefined), s.step + 1);
}

/**
 * Advance the clock to `minute` (simulated; an earlier minute changes nothing), firing injects and
 * timing out every step whose limit passes on the way.
 */
export function tick(def: ScenarioDef, s: RunState, minute: number): RunState {
	let n = s;
	for (;;) {
		const d = deadline(def, n);
		if (d === undefined || minute <= d) break;
		n = timeOut(def, n);
	}
	return n.finished ? n : moveTo(def, n, minute);
}

/** Why `answer` does not fit `step`, or null when it does. */
export function answerProblem(step: ScenarioStep, answer: Answer): string | null {
	switch (step.kind) {
		case 'single':
			return typeof answer === 'string' && step.choices.some((c) => c.id === answer) ? null : 'Pick one of the choices.';
		case 'multiple':
			return Array.isArray(answer) && answer.length > 0 && new Set(answer).size === answer.length && answer.every((a) => step.choices.some((c) => c.id === a)) ? null : 'Pick at least one choice.';
		case 'ordering': {
			const ids = step.items.map((i) => i.id);
			return Array.isArray(answer) && answer.length === ids.length && ids.every((id) => answer.includes(id)) ? null : 'Put every item in order.';
		}
		case 'classify': {
			if (typeof answer !== 'object' || Array.isArray(answer)) return 'Put every item in a bucket.';
			const buckets = new Set(step.buckets.map((b) => b.id));
			return step.items.every((i) => Object.hasOwn(answer, i.id) && buckets.has(answer[i.id]!)) && Object.keys(answer).length === step.items.length ? null : 'Put every item in a bucket.';
		}
		case 'notes':
			return typeof answer === 'string' ? null : 'Write your notes.';
	}
}

/** Share right (0–1) of a valid answer, the simulated minutes it takes, and the feedback lines. */
export function grade(step: ScenarioStep, answer: Answer): { share: number; minutes: number; feedback: string[] } {
	switch (step.kind) {
		case 'single': {
			const c = step.choices.find((x) => x.id === answer)!;
			return { share: c.correct ? 1 : 0, minutes: c.minutes, feedback: [c.feedback] };
		}
		case 'multiple': {
			const picked = new Set(answer as string[]);
			const right = step.choices.every((c) => c.correct === picked.has(c.id));
			const chosen = step.choices.filter((c) => picked.has(c.id));
			const missed = step.choices.filter((c) => c.correct && !picked.has(c.id));
			return {
				share: right ? 1 : 0,
				minutes: Math.max(0, ...chosen.map((c) => c.minutes)),
				feedback: [...chosen.map((c) => c.feedback), ...missed.map((c) => `Missed: ${c.text}. ${c.feedback}`)],
			};
		}
		case 'ordering': {
			const right = step.items.every((it, i) => (answer as string[])[i] === it.id);
			return { share: right ? 1 : 0, minutes: step.minutes, feedback: [right ? step.feedback : `The order is: ${step.items.map((i) => i.text).join(' → ')}. ${step.feedback}`] };
		}
		case 'classify': {
			const a = answer as Record<string, string>;
			const wrong = step.items.filter((i) => a[i.id] !== i.bucket);
			const label = (id: string | undefined) => step.buckets.find((b) => b.id === id)?.label ?? '';
			return {
				share: (step.items.length - wrong.length) / step.items.length,
				minutes: step.minutes,
				feedback: [`${step.items.length - wrong.length} of ${step.items.length} placed right.`, ...wrong.map((i) => `"${i.text}" belongs in ${label(i.bucket)}, not ${label(a[i.id])}.${i.feedback ? ` ${i.feedback}` : ''}`), step.feedback],
			};
		}
		case 'notes': {
			const text = (answer as string).trim();
			const ok = text.length >= step.minLength;
			return { share: ok ? 1 : 0, minutes: step.minutes, feedback: [ok ? step.feedback : `Too short to count (${text.length} of at least ${step.minLength} characters). ${step.feedback}`] };
		}
	}
}

/** The answer as the log words it. */
function answerText(step: ScenarioStep, answer: Answer): string {
	switch (step.kind) {
		case 'single':
			return step.choices.find((c) => c.id === answer)!.text;
		case 'multiple':
			return step.choices.filter((c) => (answer as string[]).includes(c.id)).map((c) => c.text).join('; ');
		case 'ordering':
			return (answer as string[]).map((id) => step.items.find((i) => i.id === id)!.text).join(' → ');
		case 'classify':
			return step.items.map((i) => `${i.text}: ${step.buckets.find((b) => b.id === (answer as Record<string, string>)[i.id])!.label}`).join('; ');
		case 'notes':
			return (answer as string).trim() || '(no notes)';
	}
}

/**
 * Answer the open step at simulated `minute` (the clock first advances to it, which may time the
 * step out: then the answer is not taken). An answer that does not fit the step changes nothing
 * (check it first with answerProblem). Finished runs do not change.
 */
export function act(def: ScenarioDef, s: RunState, answer: Answer, minute: number): RunState {
	let n = tick(def, s, minute);
	if (n.step !== s.step || n.finished) return n;
	const st = currentStep(def, n)!;
	if (answerProblem(st, answer) !== null) return n;
	const g = grade(st, answer);
	const decidedAt = n.minute;
	const doneAt = decidedAt + g.minutes;
	const result: StepResult = { step: st.id, answer, decidedAt, doneAt, share: g.share, timedOut: false };
	n = {
		...n,
		results: [...n.results, result],
		log: [...n.log, { minute: decidedAt, kind: 'decision', text: answerText(st, answer), role: st.role }, ...g.feedback.map((text): LogEntry => ({ minute: decidedAt, kind: 'feedback', text }))],
	};
	n = moveTo(def, n, doneAt);
	const earned = def.milestones.map((m) => outcome(def, m, result)).filter((o) => o && o.earned > 0);
	n = { ...n, log: [...n.log, ...earned.map((o): LogEntry => ({ minute: doneAt, kind: 'milestone', text: `${o!.title}: +${o!.earned} ${o!.earned === 1 ? 'point' : 'points'}` }))] };
	return open(def, after(def, n, st.id, answer), n.step + 1);
}

/** How one milestone fares given its step's result (undefined when `r` is another step's). */
function outcome(def: ScenarioDef, m: ScenarioDef['milestones'][number], r: StepResult | undefined): MilestoneOutcome | undefined {
	if (r && r.step !== m.step) return undefined;
	const base = { id: m.id, title: m.title, ...(m.group ? { group: m.group } : {}), points: m.points };
	const stepTitle = def.steps.find((x) => x.id === m.step)?.title ?? m.step;
	if (!r) return { ...base, earned: 0, met: false, why: `"${stepTitle}" was not reached.` };
	if (r.timedOut) return { ...base, earned: 0, met: false, why: `"${stepTitle}" timed out.` };
	if (m.by !== undefined && r.doneAt > m.by) return { ...base, earned: 0, met: false, why: `Done at ${r.doneAt} min, after the deadline of ${m.by} min.` };
	const met = m.partial ? r.share > 0 : r.share === 1;
	const earned = !met ? 0 : m.partial ? Math.floor(m.points * r.share + 1e-9) : m.points;
	return { ...base, earned, met, ...(met ? {} : { why: `The decision in "${stepTitle}" was not right.` }) };
}

/** Points, milestones, pass or fail of a run (a run not finished never passes). */
export function score(def: ScenarioDef, s: RunState): Score {
	const milestones = def.milestones.map((m) => outcome(def, m, s.results.find((r) => r.step === m.step))!);
	const points = milestones.reduce((n, m) => n + m.earned, 0);
	const unmet: string[] = [];
	if (!s.finished) unmet.push('The exercise is not finished.');
	for (const id of def.pass.milestones) {
		const m = milestones.find((x) => x.id === id)!;
		if (!m.met) unmet.push(`Not met: ${m.title}`);
	}
	if (points < def.pass.minPoints) unmet.push(`${points} points, ${def.pass.minPoints} needed.`);
	const minGroups = def.pass.minGroups ?? 0;
	if (minGroups > 0) {
		const groups = [...new Set(milestones.flatMap((m) => (m.group ? [m.group] : [])))];
		const full = groups.filter((g) => milestones.every((m) => m.group !== g || m.met));
		if (full.length < minGroups) unmet.push(`Incidents or groups debugged in full: ${full.length} of ${groups.length} (${full.join(', ') || 'none'}); ${minGroups} needed.`);
	}
	return { points, max: maxPoints(def), milestones, passed: unmet.length === 0, unmet };
}
