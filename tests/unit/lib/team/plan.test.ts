import { describe, expect, it } from 'vitest';
import { describePlanDay, planDay, planPhase } from '../../../../src/lib/team/plan';

const DAY1 = '2026-11-16T15:30:00.000Z';
const plus = (h: number) => new Date(Date.parse(DAY1) + h * 3600_000).toISOString();

describe('the 14-day plan (003, Implementation timeline)', () => {
	it('counts day 1 from the first activity, a new day every 24 hours', () => {
		expect(planDay(DAY1, DAY1)).toBe(1);
		expect(planDay(DAY1, plus(23.99))).toBe(1);
		expect(planDay(DAY1, plus(24))).toBe(2);
		expect(planDay(DAY1, plus(13 * 24))).toBe(14);
		expect(planDay(DAY1, plus(14 * 24))).toBe(15);
		expect(planDay(DAY1, plus(-3))).toBe(1);
	});
	it('names the phase of each day in 003’s words', () => {
		expect(planPhase(1).what).toBe('System deployment and team announcement');
		expect(planPhase(3).what).toBe('Knowledge assessments and initial training');
		expect(planPhase(4).what).toBe('Practical exercises with peer collaboration');
		expect(planPhase(12)).toMatchObject({ week: 'Week 2: Integration phase', what: 'Real-world implementation and daily tracking' });
		expect(planPhase(14).what).toBe('Final assessments and certification ceremony');
		expect(describePlanDay(5)).toBe('Day 5 of 14: Practical exercises with peer collaboration');
		expect(describePlanDay(16)).toBe('Day 16: past the 14-day plan (ongoing: sustainability phase)');
	});
});
