import { describe, expect, it } from 'vitest';
import { ESCALATION, inactivity, learnerAlerts, sortAlerts, teamAlert } from '../../../../src/lib/team/alerts';

const LAST = '2026-11-20T10:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(LAST) + ms).toISOString();
const H = 3600_000;
const MS = 1;

describe('inactivity (003: yellow after 2 days, red after 3)', () => {
	it('is quiet until exactly 48 hours, yellow from 48 hours on', () => {
		expect(inactivity(LAST, at(48 * H - MS))).toEqual({ level: null, days: 1 });
		expect(inactivity(LAST, at(48 * H))).toEqual({ level: 'yellow', days: 2 });
	});
	it('turns red at exactly 72 hours, not a millisecond before', () => {
		expect(inactivity(LAST, at(72 * H - MS)).level).toBe('yellow');
		expect(inactivity(LAST, at(72 * H))).toEqual({ level: 'red', days: 3 });
		expect(inactivity(LAST, at(240 * H))).toEqual({ level: 'red', days: 10 });
	});
	it('raises nothing for a learner who has not started, or a clock behind the activity', () => {
		expect(inactivity(null, at(500 * H)).level).toBeNull();
		expect(inactivity(LAST, at(-5 * H))).toEqual({ level: null, days: 0 });
	});
	it('refuses a time that is not a date', () => {
		expect(() => inactivity('yesterday', LAST)).toThrow(RangeError);
	});
});

describe('learnerAlerts', () => {
	const who = { key: 'k', name: 'Ada', lastToolActivity: LAST, gateFailures: [] };
	it('names the response and escalation level of each alert (003, Escalation procedures)', () => {
		const [yellow] = learnerAlerts(who, at(49 * H));
		expect(yellow).toMatchObject({ kind: 'yellow', learner: 'Ada', response: '24-hour check-in', escalation: { level: 1, name: 'Training Coordinator (Development Manager)' } });
		expect(yellow!.detail).toBe('No tool-adoption activity recorded for 2 days (last: 2026-11-20 10:00 UTC).');
		const [red] = learnerAlerts(who, at(73 * H));
		expect(red).toMatchObject({ kind: 'red', response: 'Immediate intervention', escalation: { level: 2, name: 'Engineering Director' } });
	});
	it('gives one inactivity alert (red replaces yellow) and one critical alert per failed gate', () => {
		const failures = [
			{ gate: 1, name: 'Knowledge Foundation', score: 70, passMark: 85, at: LAST, attemptsLeft: null },
			{ gate: 2, name: 'Practical Application', score: 60, passMark: 80, at: LAST, attemptsLeft: 1 },
		];
		const alerts = learnerAlerts({ ...who, gateFailures: failures }, at(80 * H));
		expect(alerts.map((a) => a.kind)).toEqual(['red', 'critical', 'critical']);
		expect(alerts[1]).toMatchObject({ response: 'Performance improvement plan', escalation: { level: 3, name: 'CTO/VP Engineering' } });
		expect(alerts[1]!.detail).toBe('Gate 1 (Knowledge Foundation) failed: best score 70 %, pass mark 85 %, on 2026-11-20; retakes are not limited.');
		expect(alerts[2]!.detail).toContain('1 attempt left');
	});
	it('a critical alert does not depend on the clock; no alert for a fresh learner', () => {
		expect(learnerAlerts({ ...who, lastToolActivity: null }, at(999 * H))).toEqual([]);
		expect(learnerAlerts(who, at(H))).toEqual([]);
	});
});

describe('teamAlert (003: <80% adoption rate → executive notification)', () => {
	it('fires below 80 % and not at 80 %', () => {
		expect(teamAlert(4, 5)).toBeNull();
		expect(teamAlert(79, 100)).toMatchObject({ kind: 'team', response: 'Executive notification', escalation: { level: 4, name: ESCALATION[4] } });
		expect(teamAlert(3, 4)!.detail).toBe('Adoption rate 75 % (3 of 4 learners active in the last 2 days) is below 80 %.');
	});
	it('says nothing about an empty roster', () => {
		expect(teamAlert(0, 0)).toBeNull();
	});
	it('sorts team, critical, red, yellow, then by learner', () => {
		const mk = (kind: 'team' | 'critical' | 'red' | 'yellow', learner?: string) => ({ kind, learner, detail: '', response: '', escalation: { level: 1 as const, name: '' } });
		expect(sortAlerts([mk('yellow', 'b'), mk('red', 'z'), mk('yellow', 'A'), mk('critical', 'c'), mk('team')]).map((a) => `${a.kind}:${a.learner ?? ''}`)).toEqual(['team:', 'critical:c', 'red:z', 'yellow:A', 'yellow:b']);
	});
});
