import { describe, expect, it } from 'vitest';
import { dashboardBlocks, dashboardView, type DashboardData } from '../../../../src/components/progress/dashboard-view';
import { buildCurriculumIndex } from '../../../../src/lib/progress/curriculum-index';
import { concat, markup, type Make, type Html } from '../../../../src/lib/html/markup';
import * as R from '../../../../src/lib/progress/record';

const t = '2026-01-08T09:00:00.000Z';
const page = (id: string, kind: string, extra: Partial<{ durationMinutes: number; modules: string[] }> = {}) => ({
	id,
	title: id.toUpperCase(),
	data: { program: 'qms-onboarding' as const, kind: kind as 'module', prerequisites: [], modules: [], ...extra },
});
const data: DashboardData = {
	index: buildCurriculumIndex({
		programs: [
			{ id: 'qms-onboarding', label: 'QMS onboarding' },
			{ id: 'release-readiness', label: 'Release readiness' },
		],
		pages: [page('dev', 'path', { modules: ['dev/m1'] }), page('dev/m1', 'module', { durationMinutes: 120 })],
		quizzes: [{ id: 'q1', data: { title: 'Quiz q1', page: 'dev/m1', program: 'qms-onboarding' as const, passMark: 80, policy: { maxAttempts: null }, questions: new Array(5).fill({}) } }],
		checklists: [],
	}),
	assessments: [],
	labs: [],
	scenarios: [],
};
const dates = { date: (iso: string) => iso, dateTime: (iso: string) => iso };
const record = R.addQuizAttempt(R.setRead(R.emptyRecord(t), 'dev/m1', true, t), 'q1', { id: 'attempt-0001', startedAt: t, submittedAt: t, answers: {}, correct: 5, total: 5, score: 100, passMark: 80, passed: true });

/** `markup`, counting the elements it makes. */
function counting(): { m: Make<Html>; made: () => number } {
	let n = 0;
	return {
		m: { h: (...a) => (n++, markup.h(...a)), s: (...a) => (n++, markup.s(...a)) },
		made: () => n,
	};
}

describe('dashboardBlocks (My progress, built block by block: issue 12, TBT)', () => {
	it('makes nothing until a block is asked for, then one block per call', () => {
		const { m, made } = counting();
		const blocks = dashboardBlocks(m, data, record, dates);
		expect(made()).toBe(0);
		// One program with content (release-readiness has none), then other, drills, hunts and the closing note.
		expect(blocks).toHaveLength(5);
		const first = blocks[0]!();
		expect(made()).toBeGreaterThan(0);
		expect(first.html).toMatch(/^<section class="program" aria-labelledby="progress-qms-onboarding" data-program="qms-onboarding">/);
		expect(first.html).toContain('1 of 1 modules done (100 %)');
	});

	it('gives the page dashboardView renders, block for block', () => {
		expect(concat(dashboardBlocks(markup, data, record, dates).map((make) => make()))).toEqual(concat(dashboardView(markup, data, record, dates)));
		const empty = R.emptyRecord(t);
		expect(concat(dashboardBlocks(markup, data, empty, dates).map((make) => make()))).toEqual(concat(dashboardView(markup, data, empty, dates)));
	});

	it("prefetches the dashboard's links when pressed, not on hover", () => {
		const html = concat(dashboardView(markup, data, record, dates));
		const links = html.match(/<a [^>]*>/g) ?? [];
		expect(links.length).toBeGreaterThan(2);
		for (const a of links) expect(a).toContain('data-astro-prefetch="tap"');
	});
});
