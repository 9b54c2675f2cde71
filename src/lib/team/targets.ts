/**
 * The seeds' targets for the team figures (issue 9, "Team figures against the seeds' targets"),
 * per program, each with the seed section it comes from. A figure with no target in the seeds has
 * none here: the page shows the figure and says there is no target, rather than inventing one.
 */

export type FigureId = 'completion' | 'certification' | 'assessment' | 'gate-1' | 'gate-2' | 'gate-3' | 'gate-4' | 'adoption';

export interface Target {
	/** Percent. */
	value: number;
	/** '>' = must exceed (the seed says "exceed" or ">"), '>=' = at least. */
	op: '>' | '>=';
	source: { seed: string; section: string };
	/** How the site reads the seed, when it is not a plain number the seed gives for this figure. */
	note?: string;
}

const s = (seed: string, section: string) => ({ seed, section });

/** 003: 100 % certification, and with it every gate (SUCCESS METRICS; SUCCESS DECLARATION CRITERIA). */
const TOOL_GATE: Target = {
	value: 100,
	op: '>=',
	source: s('003', 'SUCCESS DECLARATION CRITERIA'),
	note: '"100% of team members achieve certification", and certification needs all four gates',
};

/** Target by program id and figure. */
export const TARGETS: Readonly<Record<string, Partial<Record<FigureId, Target>>>> = {
	'qms-onboarding': {
		completion: { value: 80, op: '>', source: s('002', 'Executive Quality Dashboard: Team Performance'), note: '"Quality Training Completion (Target: >80%)", the QMS lead guide\'s target for QMS training' },
	},
	'release-readiness': {
		completion: { value: 80, op: '>', source: s('002', 'Executive Quality Dashboard: Team Performance'), note: '"Quality Training Completion (Target: >80%)", the QMS lead guide\'s target for quality training' },
	},
	'qms-leadership': {
		completion: { value: 80, op: '>', source: s('002', 'Executive Quality Dashboard: Team Performance'), note: '"Quality Training Completion (Target: >80%)"' },
	},
	'tool-adoption': {
		completion: { value: 100, op: '>=', source: s('003', 'RISK MITIGATION: HIGH RISKS ADDRESSED'), note: '"Non-adoption: Mandatory completion with manager enforcement"' },
		certification: { value: 100, op: '>=', source: s('003', 'SUCCESS METRICS'), note: '"Team: 100% certification rate"' },
		assessment: { value: 90, op: '>', source: s('003', 'SUCCESS DECLARATION CRITERIA'), note: '"Average competency scores exceed 90%"' },
		'gate-1': TOOL_GATE,
		'gate-2': TOOL_GATE,
		'gate-3': TOOL_GATE,
		'gate-4': TOOL_GATE,
		adoption: { value: 80, op: '>=', source: s('003', 'MONITORING AND ENFORCEMENT: AUTOMATED ALERTS'), note: '"Team Alert: <80% adoption rate → Executive notification"' },
	},
	'engineering-excellence': {
		completion: { value: 90, op: '>=', source: s('004', 'Success Metrics: 1. Training Effectiveness'), note: 'completion_rate: 90' },
		certification: { value: 90, op: '>=', source: s('004', 'Phase 4: Assessment & Certification'), note: "tracking.completion: { name: 'certification_rate', target: 90 }" },
		assessment: { value: 85, op: '>=', source: s('004', 'Success Metrics: 1. Training Effectiveness'), note: 'assessment_scores: 85' },
	},
};

/** Whether `value` (percent) meets `target`. */
export function meetsTarget(value: number, target: Pick<Target, 'value' | 'op'>): boolean {
	return target.op === '>' ? value > target.value : value >= target.value;
}

/** "target > 80 % (002, Executive Quality Dashboard: Team Performance)". */
export function describeTarget(t: Target): string {
	return `target ${t.op === '>' ? '>' : '≥'} ${t.value} % (${t.source.seed}, ${t.source.section})`;
}
