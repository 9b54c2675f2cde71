/**
 * The 14-day plan of the tool-adoption program (003, IMPLEMENTATION TIMELINE: "WEEK 1: FOUNDATION
 * PHASE", "WEEK 2: INTEGRATION PHASE", "ONGOING: SUSTAINABILITY PHASE") and which day of it a
 * learner is on. Pure: the clock is passed in.
 *
 * Day 1 is this site's assumption, not the seed's: 003 starts Day 1 with "System deployment and team
 * announcement", a date the site cannot see. The site counts day 1 from the learner's first
 * recorded activity in the tool-adoption program, and a day as 24 hours from that moment (the same
 * in every time zone): day N starts (N - 1) × 24 h after it.
 */

/** Length of the plan in days (003, IMPLEMENTATION TIMELINE: Day 1 to Day 13-14). */
export const PLAN_DAYS = 14;
export const DAY_MS = 24 * 60 * 60 * 1000;

export interface PlanPhase {
	/** First and last day, inclusive. */
	from: number;
	to: number;
	/** "Week 1: Foundation phase". */
	week: string;
	/** What the days are for, in 003's words. */
	what: string;
}

/** 003, IMPLEMENTATION TIMELINE. */
export const PLAN_PHASES: readonly PlanPhase[] = [
	{ from: 1, to: 1, week: 'Week 1: Foundation phase', what: 'System deployment and team announcement' },
	{ from: 2, to: 3, week: 'Week 1: Foundation phase', what: 'Knowledge assessments and initial training' },
	{ from: 4, to: 7, week: 'Week 1: Foundation phase', what: 'Practical exercises with peer collaboration' },
	{ from: 8, to: 12, week: 'Week 2: Integration phase', what: 'Real-world implementation and daily tracking' },
	{ from: 13, to: 14, week: 'Week 2: Integration phase', what: 'Final assessments and certification ceremony' },
];

/** After day 14 (003, ONGOING: SUSTAINABILITY PHASE). */
export const SUSTAINABILITY: Omit<PlanPhase, 'from' | 'to'> = { week: 'Ongoing: Sustainability phase', what: 'Weekly progress monitoring and support' };

/**
 * The plan day at `now` for a learner whose day 1 began at `day1` (ISO times): 1 on the first
 * 24 hours, 2 on the next… and above 14 after the plan. A `now` before `day1` (a clock behind the
 * learner's) counts as day 1. @throws RangeError when either time is not a date.
 */
export function planDay(day1: string, now: string): number {
	const start = Date.parse(day1);
	const t = Date.parse(now);
	if (Number.isNaN(start) || Number.isNaN(t)) throw new RangeError(`not a date: ${Number.isNaN(start) ? day1 : now}`);
	return Math.max(0, Math.floor((t - start) / DAY_MS)) + 1;
}

/** The phase of plan day `day` (1-based); the sustainability phase after day 14. */
export function planPhase(day: number): Omit<PlanPhase, 'from' | 'to'> {
	return PLAN_PHASES.find((p) => day >= p.from && day <= p.to) ?? SUSTAINABILITY;
}

/** "Day 5 of 14: Practical exercises with peer collaboration", or "Day 16: past the 14-day plan (…)". */
export function describePlanDay(day: number): string {
	if (day > PLAN_DAYS) return `Day ${day}: past the ${PLAN_DAYS}-day plan (${SUSTAINABILITY.week.toLowerCase()})`;
	return `Day ${day} of ${PLAN_DAYS}: ${planPhase(day).what}`;
}
