/**
 * The "My progress" dashboard as a view of the curriculum index and a learner record (rules:
 * src/lib/progress/curriculum.ts), made with an element factory (src/lib/html/markup.ts): the
 * build renders it for an empty record into the page (ProgressDashboard.astro), and the island
 * (./dashboard-element.ts) renders it again with the learner's record, so the page arrives with
 * the dashboard's full structure (every program, chart, table and row) and filling it in changes
 * figures, not layout (issue 12). Text only; no learner text as HTML.
 */
import { CurriculumProgress, type CurriculumIndex, type PathProgress, type ProgramProgress } from '../../lib/progress/curriculum';
import { formatMinutes } from '../../lib/curriculum/validate';
import { displayPercent } from '../../lib/progress/grading';
import { bandFor, formatAverage, type Band } from '../../lib/progress/self-assessment';
import type { ProgressRecord } from '../../schemas/progress';
import { isEmptyRecord } from '../../lib/progress/record';
import { labSummaries } from '../../lib/progress/labs';
import { countOf } from '../../lib/text/count';
import type { Make } from '../../lib/html/markup';
import { barChart } from './charts';

export interface DashboardData {
	index: CurriculumIndex;
	assessments: { id: string; title: string; page: string; bands: Band[] }[];
	/** Every lab of the build, in catalogue order. */
	labs: { id: string; title: string }[];
	/** Every drill (content/scenarios): id, title, page id. */
	scenarios: { id: string; title: string; page: string }[];
}

/** Dates in the reader's locale; the build never needs them (an empty record has none). */
export interface Dates {
	date(iso: string): string;
	dateTime(iso: string): string;
}

const hours = (p: { minutesDone: number; minutesPlanned: number }) => `${formatMinutes(p.minutesDone)} of ${formatMinutes(p.minutesPlanned)}`;

/** The dashboard's blocks for `record`, in page order. */
export function dashboardView<N>(m: Make<N>, data: DashboardData, record: ProgressRecord, dates: Dates): N[] {
	return dashboardBlocks(m, data, record, dates).map((make) => make());
}

/**
 * The same blocks, each made when its function is called, in page order (one per program, then
 * the other sections): the island builds them in tasks of their own (issue 12, Lighthouse TBT).
 * Progress per program is computed here, once; a record the view cannot read may throw here or in
 * any block.
 */
export function dashboardBlocks<N>(m: Make<N>, data: DashboardData, record: ProgressRecord, dates: Dates): (() => N)[] {
	const { h } = m;
	// Prefetched when pressed, not on hover: Starlight's prefetch-all adds two listeners to every link
	// with the default hover strategy, once per link the dashboard draws (hundreds with a full record;
	// issue 12, TBT), and its scan of the page's links runs again on every drawing.
	const link = (id: string, title: string) => h('a', { href: `/${id}/`, 'data-astro-prefetch': 'tap' }, title);
	const th = (...cols: string[]) => h('thead', {}, h('tr', {}, ...cols.map((c) => h('th', { scope: 'col' }, c))));

	function pathRow(p: PathProgress): N {
		return h(
			'tr',
			{},
			h('th', { scope: 'row' }, link(p.path.id, p.path.title)),
			h('td', {}, `${p.done} of ${p.total} (${p.percent} %)`),
			h('td', {}, `${p.read} of ${p.total}`),
			h('td', {}, hours(p)),
			h('td', {}, p.next ? link(p.next.id, p.next.title) : p.total > 0 ? 'Complete' : '—'),
		);
	}

	function program(p: ProgramProgress): N {
		const id = `progress-${p.program.id}`;
		const parts: N[] = [
			h('h2', { id }, p.program.label),
			h(
				'p',
				{ class: 'summary' },
				h('strong', {}, `${p.done} of ${p.total} modules done (${p.percent} %)`),
				` · ${p.read} read · ${hours(p)} done`,
				...(p.next ? [' · Next: ', link(p.next.id, p.next.title)] : []),
			),
		];
		if (p.total > 0) {
			parts.push(
				barChart(m, `chart-${p.program.id}-progress`, `${p.program.label}: progress`, [
					{ label: 'Modules done', value: p.percent, text: `${p.done} of ${p.total} modules (${p.percent} %)` },
					{ label: 'Hours done', value: p.minutesPlanned ? (p.minutesDone / p.minutesPlanned) * 100 : 0, text: `${hours(p)}` },
					...p.paths.map((x) => ({ label: x.path.title, value: x.percent, text: `${x.done} of ${x.total} modules (${x.percent} %)` })),
				]),
			);
		}
		if (p.paths.length) {
			parts.push(
				h('h3', {}, 'Learning paths'),
				h('table', {}, h('caption', { class: 'visually-hidden' }, `Learning paths in ${p.program.label}`), th('Path', 'Modules done', 'Read', 'Hours', 'Next module'), h('tbody', {}, ...p.paths.map(pathRow))),
			);
		}
		if (p.quizzes.length) {
			parts.push(
				h('h3', {}, 'Knowledge checks'),
				barChart(
					m,
					`chart-${p.program.id}-quizzes`,
					`${p.program.label}: best knowledge-check scores against pass marks`,
					p.quizzes.map((q) => ({ label: q.quiz.title, value: q.best ?? 0, marker: q.quiz.passMark, text: q.best === null ? 'not attempted' : `best ${displayPercent(q.best)} %` })),
					'pass mark',
				),
				h(
					'table',
					{},
					h('caption', { class: 'visually-hidden' }, `Knowledge checks in ${p.program.label}`),
					th('Knowledge check', 'Best score', 'Pass mark', 'Attempts', 'Result'),
					h(
						'tbody',
						{},
						...p.quizzes.map((q) =>
							h(
								'tr',
								{ 'data-quiz-id': q.quiz.id },
								h('th', { scope: 'row' }, link(q.quiz.page, q.quiz.title)),
								h('td', {}, q.best === null ? '—' : `${displayPercent(q.best)} %`),
								h('td', {}, `${q.quiz.passMark} %`),
								h('td', {}, q.quiz.maxAttempts === null ? String(q.attempts) : `${q.attempts} of ${q.quiz.maxAttempts}`),
								h('td', {}, q.passed ? 'Passed' : q.attempts ? 'Not passed yet' : 'Not attempted'),
							),
						),
					),
				),
			);
		}
		if (p.checklists.length) {
			parts.push(
				h('h3', {}, 'Checklists'),
				h(
					'table',
					{},
					h('caption', { class: 'visually-hidden' }, `Checklists in ${p.program.label}`),
					th('Checklist', 'Items ticked', 'By section', 'Certification'),
					h(
						'tbody',
						{},
						...p.checklists.map((c) =>
							h(
								'tr',
								{ 'data-checklist-id': c.checklist.id },
								h('th', { scope: 'row' }, link(c.checklist.page, c.checklist.title)),
								h('td', {}, `${c.ticked} of ${c.total}`),
								h('td', {}, c.sections.map((s) => `${s.title}: ${s.ticked}/${s.total}`).join('; ')),
								h(
									'td',
									{},
									!c.checklist.certification ? '—' : c.certification ? `${c.certification.date ? dates.date(c.certification.date) : 'no date'}${c.certification.by ? `, by ${c.certification.by}` : ''}` : 'Not certified yet',
								),
							),
						),
					),
				),
			);
		}
		return h('section', { class: 'program', 'aria-labelledby': id, 'data-program': p.program.id }, ...parts);
	}

	function other(): N {
		const rows: N[] = [];
		for (const a of data.assessments) {
			const subs = record.selfAssessments.filter((s) => s.assessmentId === a.id);
			const last = subs[subs.length - 1];
			rows.push(
				h(
					'li',
					{},
					link(a.page, a.title),
					': ',
					last ? `${subs.length} submitted; latest ${formatAverage(last.average)} / 5 (${bandFor(last.average, a.bands)?.label ?? ''}) on ${dates.dateTime(last.at)}` : 'not taken yet',
				),
			);
		}
		rows.push(h('li', {}, `Feedback forms saved: ${record.feedback.length}`));
		const labs = labSummaries(record, data.labs.map((l) => l.id));
		const labTitle = (id: string) => data.labs.find((l) => l.id === id)?.title ?? id;
		rows.push(
			h(
				'li',
				{},
				labs.length === 0 ? 'Labs: none run yet' : `Labs run: ${labs.length} (${labs.filter((l) => l.firstPassAt).length} passed)`,
				...(labs.length === 0
					? []
					: [
							h(
								'ul',
								{},
								...labs.map((l) =>
									h(
										'li',
										{ 'data-lab-id': l.labId },
										link(`labs/${l.labId}`, labTitle(l.labId)),
										': ',
										l.earlier ? `${countOf(l.attempts - l.earlier, 'run')} and ${countOf(l.earlier, 'earlier run')}; ` : `${countOf(l.attempts, 'run')}; `,
										l.firstPassAt ? `passed on ${dates.dateTime(l.firstPassAt)}, fastest passing run ${(l.bestPassMs! / 1000).toFixed(1)} s` : 'not passed yet',
									),
								),
							),
						]),
			),
		);
		const read = Object.values(record.reading).filter((r) => r.read).length;
		const acks = Object.values(record.reading).reduce((n, r) => n + r.acks.length, 0);
		rows.push(h('li', {}, `Pages marked as read: ${read}; read-and-understood confirmations: ${acks}`));
		return h('section', { class: 'program', 'aria-labelledby': 'progress-other' }, h('h2', { id: 'progress-other' }, 'Assessments, feedback and labs'), h('ul', {}, ...rows));
	}

	/** Drill runs (issue 8), newest first: drill, when, points, passed or not, simulated and real time. */
	function drills(): N {
		const runs = [...record.scenarios].reverse();
		const drill = (id: string) => data.scenarios.find((x) => x.id === id);
		const realTime = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : formatMinutes(Math.round(ms / 60_000)));
		const body = runs.length
			? h(
					'table',
					{ 'data-drill-runs': true },
					th('Drill', 'Finished', 'Points', 'Result', 'Simulated / real time'),
					h(
						'tbody',
						{},
						...runs.slice(0, 50).map((r) => {
							const d = drill(r.scenario);
							return h(
								'tr',
								{ 'data-scenario': r.scenario },
								h('th', { scope: 'row' }, d ? link(d.page, d.title) : r.scenario),
								h('td', {}, dates.dateTime(r.finishedAt)),
								h('td', {}, `${r.score} of ${r.max}`),
								h('td', {}, r.passed ? 'Passed' : 'Not passed'),
								h('td', {}, `${formatMinutes(r.simulatedMinutes)} / ${realTime(r.realMs)}`),
							);
						}),
					),
				)
			: h('p', {}, 'No drill played yet.');
		const passed = record.scenarios.filter((r) => r.passed).length;
		return h('section', { class: 'program', 'aria-labelledby': 'progress-drills' }, h('h2', { id: 'progress-drills' }, 'Drills and simulations'), ...(runs.length ? [h('p', {}, `${countOf(runs.length, 'run')}, ${passed} passed.`)] : []), body);
	}

	/** Find-it-fast hunts (issue 8; 001 Universal Competency 1), newest first: when, each target with its time, passed or not. */
	function hunts(): N {
		const runs = [...record.hunts].reverse();
		const status = { found: 'found', skipped: 'skipped', 'timed-out': 'timed out' } as const;
		const seconds = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}`;
		const body = runs.length
			? h(
					'table',
					{ 'data-hunt-runs': true },
					th('Finished', 'Targets (time on each)', 'Result', 'Seed'),
					h(
						'tbody',
						{},
						...runs.slice(0, 50).map((r) =>
							h(
								'tr',
								{ 'data-hunt': r.id },
								h('th', { scope: 'row' }, dates.dateTime(r.finishedAt)),
								h('td', {}, h('ol', {}, ...r.targets.map((t) => h('li', {}, link(t.page, t.title), ` — ${status[t.status]}, ${seconds(t.ms)}`)))),
								h('td', {}, r.passed ? 'Passed' : 'Not passed'),
								h('td', {}, String(r.seed)),
							),
						),
					),
				)
			: h('p', {}, 'No hunt played yet.');
		const passed = record.hunts.filter((r) => r.passed).length;
		return h(
			'section',
			{ class: 'program', 'aria-labelledby': 'progress-hunts' },
			h('h2', { id: 'progress-hunts' }, 'Find-it-fast hunts'),
			h('p', {}, ...(runs.length ? [`${countOf(runs.length, 'hunt')}, ${passed} passed. `] : []), 'Five pages, each found in under 2 minutes: ', link('release-readiness/scenarios/find-it-fast', 'play the hunt'), '.'),
			body,
		);
	}

	const programs = new CurriculumProgress(data.index, record).programs();
	return [
		...(programs.length ? programs.map((p) => () => program(p)) : [() => h('p', {}, 'No learning paths are published yet.')]),
		other,
		drills,
		hunts,
		() =>
			h(
				'p',
				{ class: 'muted' },
				isEmptyRecord(record) ? 'Nothing recorded yet. ' : `Last change: ${dates.dateTime(record.updatedAt)}. `,
				'A module is done when you have marked it as read and passed its knowledge checks.',
			),
	];
}
