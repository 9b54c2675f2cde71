import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { act, answerProblem, currentStep, deadline, maxPoints, score, startRun, tick, type Answer, type RunState, type ScenarioDef } from '../../../../src/lib/scenarios/engine';
import { clockText, simulatedMinute } from '../../../../src/lib/scenarios/clock';
import { ScenarioSchema } from '../../../../src/schemas/scenario';
import { loadScenario, rawScenario, scenarioIds } from './load';

/** The right answer to the open step. */
function right(def: ScenarioDef, s: RunState): Answer {
	const st = currentStep(def, s)!;
	switch (st.kind) {
		case 'single':
			return st.choices.find((c) => c.correct)!.id;
		case 'multiple':
			return st.choices.filter((c) => c.correct).map((c) => c.id);
		case 'ordering':
			return st.items.map((i) => i.id);
		case 'classify':
			return Object.fromEntries(st.items.map((i) => [i.id, i.bucket!]));
		case 'notes':
			return 'x'.repeat(st.minLength);
	}
}
/** A wrong (but valid) answer to the open step. */
function wrong(def: ScenarioDef, s: RunState): Answer {
	const st = currentStep(def, s)!;
	switch (st.kind) {
		case 'single':
			return st.choices.find((c) => !c.correct)!.id;
		case 'multiple':
			return st.choices.filter((c) => !c.correct).map((c) => c.id);
		case 'ordering':
			return [...st.items.map((i) => i.id)].reverse();
		case 'classify':
			return Object.fromEntries(st.items.map((i) => [i.id, st.buckets.find((b) => b.id !== i.bucket)!.id]));
		case 'notes':
			return '';
	}
}
/** Answer every step at once (the clock only moves with the decisions' own minutes). */
function playAll(def: ScenarioDef, pick: (def: ScenarioDef, s: RunState) => Answer): RunState {
	let s = startRun(def);
	while (!s.finished) s = act(def, s, pick(def, s), s.minute);
	return s;
}

describe('clock', () => {
	it('reads as the seeds write times', () => {
		expect(clockText(0, '08:00')).toBe('8:00 AM');
		expect(clockText(150, '08:00')).toBe('10:30 AM');
		expect(clockText(330, '08:00')).toBe('1:30 PM');
		expect(clockText(720, '08:00')).toBe('8:00 PM');
		expect(clockText(16 * 60 + 30, '08:00')).toBe('12:30 AM +1 day');
		expect(clockText(15)).toBe('minute 15');
	});
	it('derives simulated minutes from real time and speed, whole minutes only', () => {
		expect(simulatedMinute(5, 9_999, 0.1)).toBe(5);
		expect(simulatedMinute(5, 10_000, 0.1)).toBe(6);
		expect(simulatedMinute(5, -1000, 1)).toBe(5);
	});
});

describe('every scenario file', () => {
	for (const id of scenarioIds()) {
		describe(id, () => {
			const def = loadScenario(id);
			it('passes with every right answer and scores the maximum', () => {
				const s = playAll(def, right);
				const sc = score(def, s);
				expect(sc.points).toBe(maxPoints(def));
				expect(sc.passed).toBe(true);
				expect(s.log.at(-1)!.kind).toBe('end');
			});
			it('fails with every wrong answer', () => {
				const sc = score(def, playAll(def, wrong));
				expect(sc.passed).toBe(false);
				expect(sc.unmet.length).toBeGreaterThan(0);
			});
			it('fails when every step times out, with each hint in the log', () => {
				const s = tick(def, startRun(def), 100_000);
				expect(s.finished).toBe(true);
				expect(s.results.every((r) => r.timedOut)).toBe(true);
				expect(score(def, s)).toMatchObject({ points: 0, passed: false });
				for (const st of def.steps) expect(s.log.some((l) => l.kind === 'hint' && l.text === st.hint)).toBe(true);
			});
		});
	}
});

describe('incident simulation (004, Phase 3: Incident Response Training)', () => {
	const def = loadScenario('engineering-excellence-incident-simulation');
	it("has the seed's tasks and points: detection 10 + 15, analysis 20 + 15, resolution 25 + 15, communication 10 + 10", () => {
		const by = (g: string) => def.milestones.filter((m) => m.group === g).map((m) => [m.title, m.points]);
		expect(by('Detection')).toEqual([['Identify metrics', 10], ['Analyze patterns', 15]]);
		expect(by('Analysis')).toEqual([['Root cause analysis', 20], ['Impact assessment', 15]]);
		expect(by('Resolution')).toEqual([['Implement fix', 25], ['Verify solution', 15]]);
		expect(by('Communication')).toEqual([['Status updates', 10], ['Documentation', 10]]);
		expect(maxPoints(def)).toBe(120);
	});
	it('missing the 25-point fix and the 15-point verification leaves 80 points: below the site pass mark of 84', () => {
		let s = startRun(def);
		while (!s.finished) {
			const id = currentStep(def, s)!.id;
			s = act(def, s, id === 'implement-fix' || id === 'verify' ? wrong(def, s) : right(def, s), s.minute);
		}
		expect(score(def, s)).toMatchObject({ points: 80, max: 120, passed: false, unmet: ['80 points, 84 needed.'] });
	});
	it('a branch: the rollback inject arrives only after the rollback choice', () => {
		const rolled = playAll(def, right);
		expect(rolled.fired).toContain('rollback-done');
		const other = playAll(def, wrong);
		expect(other.fired).not.toContain('rollback-done');
		expect(other.fired).toContain('deploy-note');
	});
	it('status update notes shorter than the minimum do not count', () => {
		let s = startRun(def);
		while (currentStep(def, s)!.id !== 'status-update') s = act(def, s, right(def, s), s.minute);
		const short = act(def, s, 'Looking into it.', s.minute);
		expect(short.results.at(-1)).toMatchObject({ step: 'status-update', share: 0 });
		const long = act(def, s, 'Assessment saves are slow (about 8 s) for all learners since 09:50; rolling back; next update 10:30.', s.minute);
		expect(long.results.at(-1)).toMatchObject({ step: 'status-update', share: 1 });
	});
});

describe('privacy breach (001, Exercise 2: Incident Simulation)', () => {
	const def = loadScenario('release-readiness-privacy-breach');
	it('pass = 4/4 checkmarks: the four checks are the milestones, all required', () => {
		expect(def.milestones.map((m) => m.title)).toEqual([
			'Did you contain the breach within 15 minutes?',
			'Did you notify affected users?',
			'Did you follow the playbook steps?',
			'Did you communicate clearly?',
		]);
		expect(def.pass.milestones).toHaveLength(4);
	});
	it('every decision has a 5-minute limit', () => {
		expect(def.steps.every((s) => s.limit === 5)).toBe(true);
	});
	it('3 of 4 checks fails: contained late (after minute 15) is not a pass', () => {
		let s = startRun(def);
		s = act(def, s, right(def, s), 0); // playbook
		s = act(def, s, right(def, s), 4); // confirm at 4, done at 7
		expect(currentStep(def, s)!.id).toBe('contain');
		s = act(def, s, ['disable', 'delete'], 11); // done at 16: right decision, too late
		while (!s.finished) s = act(def, s, right(def, s), s.minute);
		const sc = score(def, s);
		expect(sc.milestones.filter((m) => m.met)).toHaveLength(3);
		expect(sc.passed).toBe(false);
		expect(sc.milestones[0]).toMatchObject({ met: false, why: 'Done at 16 min, after the deadline of 15 min.' });
	});
	it('a decision past the 5-minute limit times out instead, and the hint is logged', () => {
		let s = startRun(def);
		s = act(def, s, right(def, s), 6);
		expect(s.results[0]).toMatchObject({ step: 'playbook', timedOut: true });
		expect(s.log.some((l) => l.kind === 'hint')).toBe(true);
		expect(currentStep(def, s)!.id).toBe('confirm');
		expect(deadline(def, s)).toBe(10);
	});
	it('the clock jumps to a step that opens later (remediate at minute 60)', () => {
		let s = startRun(def);
		while (currentStep(def, s)!.id !== 'remediate') s = act(def, s, right(def, s), s.minute);
		expect(s.minute).toBe(60);
	});
});

describe('launch dry run (001, Exercise 1: Launch Dry Run)', () => {
	const def = loadScenario('release-readiness-launch-dry-run');
	it('runs launch day from 8:00 AM to 8:00 PM with the four roles', () => {
		expect(clockText(0, def.clock.start)).toBe('8:00 AM');
		expect(clockText(def.clock.end, def.clock.start)).toBe('8:00 PM');
		expect(def.roles.map((r) => r.name)).toEqual(['Release Manager', 'Engineering Lead', 'Community Lead', 'Security Lead']);
		expect(def.debrief).toEqual(['What went well?', 'What was confusing?', 'What would you do differently?', 'Are you ready for the real launch?']);
	});
	it('injects the three issues at 10:30 AM, 1:30 PM and 4:00 PM', () => {
		const s = playAll(def, right);
		const injected = s.log.filter((l) => l.kind === 'inject').map((l) => [clockText(l.minute, def.clock.start), l.text]);
		expect(injected).toEqual([
			['10:30 AM', 'The macOS ARM binary fails its checksum.'],
			['1:30 PM', 'A user reports an installation error on Ubuntu.'],
			['4:00 PM', 'Spike in support requests: Discord and GitHub issues are filling up.'],
		]);
		expect(s.log.find((l) => l.kind === 'step' && l.text.startsWith('Final GO/NO-GO'))!.minute).toBe(0);
	});
	it('publishing a binary that failed its checksum fails the dry run, whatever the points', () => {
		let s = startRun(def);
		while (!s.finished) s = act(def, s, currentStep(def, s)!.id === 'publish' ? 'on-time' : right(def, s), s.minute);
		const sc = score(def, s);
		expect(sc.points).toBe(100);
		expect(sc.passed).toBe(false);
		expect(sc.unmet).toEqual(['Not met: Published with verified binaries']);
		expect(s.fired).toContain('published-bad');
	});
});

describe('universal competency drills (001, Core Competencies)', () => {
	const items = (id: string, step: string) => {
		const st = loadScenario(id).steps.find((x) => x.id === step)!;
		return st.kind === 'classify' ? { items: st.items.length, buckets: st.buckets.map((b) => b.label) } : undefined;
	};
	it('2. route 10 sample messages to Discord, GitHub or email; 9 of 10 is not a pass', () => {
		expect(items('release-readiness-message-routing', 'route')).toEqual({ items: 10, buckets: ['Discord', 'GitHub', 'Email'] });
		const def = loadScenario('release-readiness-message-routing');
		const s = startRun(def);
		const answer = right(def, s) as Record<string, string>;
		const end = act(def, s, { ...answer, 'crash-report': 'discord' }, 0);
		expect(score(def, end)).toMatchObject({ points: 9, max: 10, passed: false });
	});
	it('3. interpret 5 dashboard scenarios as normal, warning or critical', () => {
		expect(items('release-readiness-dashboard-reading', 'read')).toEqual({ items: 5, buckets: ['Normal', 'Warning', 'Critical'] });
	});
	it('5. escalate 5 simulated incidents: P0-P3, then the escalation matrix levels of 002, 5.2', () => {
		expect(items('release-readiness-crisis-escalation', 'classify')).toEqual({ items: 5, buckets: ['P0', 'P1', 'P2', 'P3'] });
		expect(items('release-readiness-crisis-escalation', 'path')!.buckets).toEqual([
			'Level 1: Team Resolution (0-24 hours)',
			'Level 2: Management Involvement (24-48 hours)',
			'Level 3: Executive Decision (48+ hours)',
		]);
	});
});

describe('risk register and impact/effort matrix (002, 5.1 and 4.1)', () => {
	const def = loadScenario('qms-leadership-risk-and-priorities');
	it("uses the seed's scores and quadrants: 4 quick wins, 4 major projects, 4 fill-in, 3 to avoid", () => {
		const st = def.steps.find((x) => x.id === 'matrix')!;
		if (st.kind !== 'classify') throw new Error('matrix is a classify step');
		const count = (b: string) => st.items.filter((i) => i.bucket === b).length;
		expect([count('quick-wins'), count('major'), count('fill-in'), count('avoid')]).toEqual([4, 4, 4, 3]);
		const q1 = def.steps.find((x) => x.id === 'qr-001')!;
		expect(q1.kind === 'single' && q1.choices.find((c) => c.correct)!.text).toBe('12 (High Priority)');
	});
	it('11 of 15 in the right quadrant is short of the pass (15 of 19 points)', () => {
		let s = startRun(def);
		s = act(def, s, right(def, s), 0);
		s = act(def, s, right(def, s), s.minute);
		const a = right(def, s) as Record<string, string>;
		s = act(def, s, { ...a, overhaul: 'quick-wins', 'prediction-models': 'major', 'custom-tooling': 'fill-in', 'quality-docs': 'avoid' }, s.minute);
		expect(score(def, s)).toMatchObject({ points: 15, passed: false });
	});
});

describe('Context7 gates and alerts (003)', () => {
	const def = loadScenario('tool-adoption-gate-progression');
	it("matches each situation to the seed's alert", () => {
		const st = def.steps.find((x) => x.id === 'alerts')!;
		if (st.kind !== 'classify') throw new Error('alerts is a classify step');
		expect(st.buckets.map((b) => b.label)).toEqual(['Yellow Alert (24-hour check-in)', 'Red Alert (immediate intervention)', 'Critical Alert (performance improvement plan)', 'Team Alert (executive notification)']);
		expect(Object.fromEntries(st.items.map((i) => [i.text, i.bucket]))).toEqual({
			'Eli has not used Context7 for 2 days': 'yellow',
			'Fay has not used Context7 for 3 days': 'red',
			'Gus failed a quality gate': 'critical',
			"The team's adoption rate is 75%": 'team',
		});
	});
	it('granting the Gate 1 exception (84 %) fails the drill', () => {
		let s = startRun(def);
		s = act(def, s, 'yes', 0);
		while (!s.finished) s = act(def, s, right(def, s), s.minute);
		expect(score(def, s)).toMatchObject({ points: 7, passed: false });
	});
});

describe('answers that do not fit', () => {
	const def = loadScenario('release-readiness-privacy-breach');
	it('are refused and change nothing', () => {
		const s = startRun(def);
		for (const bad of ['nope', ['detect'], { detect: 'x' }, ['detect', 'detect', 'confirm', 'contain', 'remediate']] as Answer[]) {
			expect(answerProblem(currentStep(def, s)!, bad)).not.toBeNull();
			expect(act(def, s, bad, 0)).toEqual(s);
		}
	});
});

describe('schema errors name the field', () => {
	const base = rawScenario('release-readiness-privacy-breach') as Record<string, unknown>;
	const issues = (v: unknown) => {
		const r = ScenarioSchema.safeParse(v);
		return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
	};
	it('unknown step, role, milestone and choice ids', () => {
		const steps = structuredClone(base.steps) as { role: string }[];
		steps[0]!.role = 'ghost';
		expect(issues({ ...base, steps })).toContain('steps.0.role: unknown role "ghost"');
		const milestones = structuredClone(base.milestones) as { step: string }[];
		milestones[1]!.step = 'nowhere';
		expect(issues({ ...base, milestones })).toContain('milestones.1.step: unknown step "nowhere"');
		expect(issues({ ...base, pass: { ...(base.pass as object), milestones: ['ghost'] } })).toContain('pass.milestones.0: unknown milestone "ghost"');
		const injects = structuredClone(base.injects) as { choice?: string }[];
		injects[2]!.choice = 'ghost';
		expect(issues({ ...base, injects })).toContain('injects.2.choice: step "contain" has no choice "ghost"');
		expect(issues({ ...base, pass: { ...(base.pass as object), minPoints: 5 } })).toContain('pass.minPoints: more than the 4 points available');
	});
});

// Random play: any sequence of ticks (forward or back) and answers (right, wrong or invalid).
/** Play every step: right for the step ids in `rightIds`, wrong for the others; each answered as soon as it opens. */
function playSome(def: ScenarioDef, rightIds: string[]): RunState {
	let s = startRun(def);
	while (!s.finished) s = act(def, s, rightIds.includes(currentStep(def, s)!.id) ? right(def, s) : wrong(def, s), s.minute);
	return s;
}

describe('crisis simulations 2 of 2: system outage (001, Release Manager Training Checklist, Phase 3)', () => {
	const def = loadScenario('release-readiness-system-outage');
	it("uses the four checks and pass = 4/4 of the seed's other crisis simulation (001, Exercise 2), 5-minute decisions, a 120-minute clock", () => {
		expect(def.milestones.map((m) => m.title)).toEqual(['Did you restore service within 15 minutes?', 'Did you notify affected users?', 'Did you follow the playbook steps?', 'Did you communicate clearly?']);
		expect(def.pass).toMatchObject({ milestones: ['contained', 'notified', 'playbook', 'communicated'], minPoints: 4, minGroups: 0 });
		expect(def.steps.every((s) => s.limit === 5)).toBe(true);
		expect(def.clock.end).toBe(120);
		expect(def.pass.text).toMatch(/seed sets no assessment/);
	});
	it('3 of 4 checks fails: a vague status note', () => {
		const sc = score(def, playSome(def, ['playbook', 'confirm', 'contain', 'level', 'remediate', 'notify']));
		expect(sc).toMatchObject({ points: 3, max: 4, passed: false, unmet: ['Not met: Did you communicate clearly?', '3 points, 4 needed.'] });
	});
	it('service restored after minute 15 is not a pass, even with every decision right', () => {
		let s = startRun(def);
		s = act(def, s, right(def, s), 0); // playbook
		s = act(def, s, right(def, s), 5); // confirm at 5, done at 8 (reproduce takes 3)
		s = act(def, s, right(def, s), 8); // restore takes 8: done at 16
		while (!s.finished) s = act(def, s, right(def, s), s.minute);
		const sc = score(def, s);
		expect(sc.passed).toBe(false);
		expect(sc.milestones[0]).toMatchObject({ id: 'contained', met: false, why: 'Done at 16 min, after the deadline of 15 min.' });
	});
	it('investigating the root cause before restoring service keeps users down (a branch) and misses the 15 minutes', () => {
		let s = startRun(def);
		s = act(def, s, right(def, s), 0);
		s = act(def, s, right(def, s), 0);
		s = act(def, s, 'root-cause-first', s.minute);
		expect(s.log.some((l) => l.text.includes('Users keep hitting failing downloads'))).toBe(true);
		while (!s.finished) s = act(def, s, right(def, s), s.minute);
		expect(score(def, s).passed).toBe(false);
	});
});

describe('security incident simulation (001, Security Lead Training, Module 3: Incident Response)', () => {
	const def = loadScenario('release-readiness-security-incident');
	it('one check per Module 3 skill (rapid containment, investigation, remediation, communication), all four needed', () => {
		expect(def.milestones.map((m) => m.step)).toEqual(['contain', 'investigate', 'remediate', 'communicate']);
		expect(def.pass).toMatchObject({ milestones: ['contained', 'investigated', 'remediated', 'communicated'], minPoints: 4 });
		expect(def.milestones[0]!.by).toBe(15);
		expect(def.situation).toMatch(/SQL injection/);
		expect(def.situation).toMatch(/data breach/);
	});
	it('a blocklist instead of parameterised queries fails: 3 of 4', () => {
		const sc = score(def, playSome(def, ['contain', 'investigate', 'communicate']));
		expect(sc).toMatchObject({ points: 3, passed: false });
		expect(sc.unmet).toContain('Not met: Did you remediate the cause?');
	});
	it('investigation must name how, what and since when, and not who to blame', () => {
		let s = startRun(def);
		s = act(def, s, right(def, s), 0);
		s = act(def, s, ['how', 'what', 'since', 'who-wrote'], s.minute);
		expect(s.results[1]!.share).toBeLessThan(1);
		while (!s.finished) s = act(def, s, right(def, s), s.minute);
		expect(score(def, s).passed).toBe(false);
	});
	it('the evidence inject follows taking the endpoint offline; leaving it running brings the "more records leave" inject instead', () => {
		const off = act(def, startRun(def), 'offline', 0);
		expect(off.log.some((l) => l.text.includes('access logs and a copy of the database are kept'))).toBe(true);
		const live = act(def, startRun(def), 'patch-live', 0);
		expect(live.log.some((l) => l.text.includes('more user records leave'))).toBe(true);
		expect(live.log.some((l) => l.text.includes('access logs'))).toBe(false);
	});
});

describe('engineering lead incidents (001, Engineering Lead Training: debug 2 simulated incidents)', () => {
	const def = loadScenario('release-readiness-engineering-incident');
	it('holds the three incidents of Module 3 (memory leak, crash, slow queries), each a root cause and a hotfix-or-rollback task', () => {
		expect([...new Set(def.milestones.map((m) => m.group))]).toEqual(['Memory leak', 'Crash', 'Slow queries']);
		expect(def.pass).toMatchObject({ minGroups: 2, minPoints: 0, milestones: [] });
	});
	it('2 of 3 incidents debugged passes (any two)', () => {
		for (const pair of [['leak', 'crash'], ['leak', 'slow'], ['crash', 'slow']]) {
			const sc = score(def, playSome(def, pair.flatMap((p) => [`${p}-cause`, `${p}-fix`])));
			expect(sc).toMatchObject({ points: 4, passed: true, unmet: [] });
		}
	});
	it('1 incident debugged fails, and so do 4 of 6 tasks spread over three incidents', () => {
		const one = score(def, playSome(def, ['crash-cause', 'crash-fix']));
		expect(one).toMatchObject({ passed: false, unmet: ['Incidents or groups debugged in full: 1 of 3 (Crash); 2 needed.'] });
		const spread = score(def, playSome(def, ['leak-cause', 'leak-fix', 'crash-cause', 'slow-fix']));
		expect(spread).toMatchObject({ points: 4, passed: false });
	});
	it('the crash calls for a rollback (no fix in sight), the slow queries for a hotfix (one query and an index)', () => {
		const crash = def.steps.find((s) => s.id === 'crash-fix')!;
		const slow = def.steps.find((s) => s.id === 'slow-fix')!;
		expect(crash.kind === 'single' && crash.choices.find((c) => c.correct)!.id).toBe('rollback');
		expect(slow.kind === 'single' && slow.choices.find((c) => c.correct)!.id).toBe('hotfix');
	});
});

const ids = scenarioIds();
const defs = new Map(ids.map((id) => [id, loadScenario(id)]));
const action = fc.oneof(
	fc.record({ kind: fc.constant('tick' as const), by: fc.integer({ min: -30, max: 90 }) }),
	fc.record({ kind: fc.constant('act' as const), how: fc.constantFrom('right', 'wrong', 'junk'), wait: fc.nat(8) }),
);

describe('properties', () => {
	it('no action sequence scores above the maximum, passes without the criteria, or turns the clock back', () => {
		fc.assert(
			fc.property(fc.constantFrom(...ids), fc.array(action, { maxLength: 40 }), (id, actions) => {
				const def = defs.get(id)!;
				let s = startRun(def);
				for (const a of actions) {
					const before = s.minute;
					if (a.kind === 'tick') s = tick(def, s, s.minute + a.by);
					else if (!s.finished) {
						const answer = a.how === 'right' ? right(def, s) : a.how === 'wrong' ? wrong(def, s) : ('junk' as Answer);
						s = act(def, s, answer, s.minute + a.wait);
					}
					expect(s.minute).toBeGreaterThanOrEqual(before);
					const logMinutes = s.log.map((l) => l.minute);
					expect(logMinutes).toEqual([...logMinutes].sort((x, y) => x - y));
					const sc = score(def, s);
					expect(sc.points).toBeLessThanOrEqual(sc.max);
					expect(sc.points).toBeGreaterThanOrEqual(0);
					if (sc.passed) {
						expect(s.finished).toBe(true);
						expect(sc.points).toBeGreaterThanOrEqual(def.pass.minPoints);
						for (const m of def.pass.milestones) expect(sc.milestones.find((x) => x.id === m)!.met).toBe(true);
						const groups = [...new Set(sc.milestones.flatMap((m) => (m.group ? [m.group] : [])))];
						expect(groups.filter((g) => sc.milestones.every((m) => m.group !== g || m.met)).length).toBeGreaterThanOrEqual(def.pass.minGroups);
					}
				}
			}),
			{ numRuns: 200 },
		);
	}, 60_000);
});
