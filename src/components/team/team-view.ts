/**
 * The Team progress page's working part, loaded when the lead first adds files (or when a roster
 * they chose to keep is in this browser): validation of every export, the roster (identified and
 * merged: src/lib/team/roster.ts), the roll-up, alerts, figures with SVG charts, CSV downloads, the
 * printable report, and the opt-in saved roster. Rules live in src/lib/team/; this module only
 * reads files, renders (learner text always as text) and stores through the storage adapter.
 */
import { ALERT_RULES, type Alert } from '../../lib/team/alerts';
import { cohortMember, cohortTable, MAX_TEAM_FILES } from '../../lib/team/cohort';
import { toCsv } from '../../lib/team/csv';
import { formatFigure, programFigures, type Figure } from '../../lib/team/figures';
import { GATE_STATE_TEXT } from '../../lib/team/gates';
import { itemRows } from '../../lib/team/items';
import { learnerRollup, rollupAlerts, sortLearners, TeamContext, TOOL_PROGRAM, type LearnerRollup, type ProgramRollup, type TeamData } from '../../lib/team/rollup';
import { addExport, rosterFrom, rosterList, type RosterEntry } from '../../lib/team/roster';
import { describeTarget } from '../../lib/team/targets';
import type { CurriculumIndex } from '../../lib/progress/curriculum';
import type { ProgressRecord } from '../../schemas/progress';
import { checkImportSize, parseImport } from '../../lib/progress/transfer';
import { migrateRecord } from '../../lib/progress/migrate';
import { countOf } from '../../lib/text/count';
import { downloadText, formatDate, formatDateTime, h, replace, s as svg, showError } from '../../runtime/dom';
import { getStorage } from '../../runtime/storage';
import { TEAM_ROSTER_KEY, TeamRosterSchema } from '../../schemas/team-roster';
import { barChart } from '../progress/charts';
import type { Make } from '../../lib/html/markup';

/** A file to read and the name to report it by (its path inside a dropped or picked folder). */
export interface Picked {
	file: File;
	name: string;
}

interface Problem {
	file: string;
	reason: string;
}

const now = () => new Date().toISOString();

export class TeamView {
	private roster = new Map<string, RosterEntry>();
	private ctx: TeamContext;
	private rollups: LearnerRollup[] = [];

	constructor(
		private readonly root: HTMLElement,
		private readonly index: CurriculumIndex,
		private readonly labIds: string[],
		data: TeamData,
	) {
		this.ctx = new TeamContext(index, data);
	}

	private $<T extends HTMLElement = HTMLElement>(selector: string): T {
		return this.root.querySelector<T>(selector)!;
	}

	private get remembering(): boolean {
		return this.$<HTMLInputElement>('[data-remember]').checked;
	}

	/** Load the roster kept in this browser, if the lead chose to keep one. */
	restore(): void {
		const storage = getStorage();
		const saved = storage.readJson(TEAM_ROSTER_KEY, TeamRosterSchema);
		if (!saved) {
			// Missing, or damaged: the adapter set damaged text aside and raised a notice.
			if (storage.notices().some((n) => n.kind === 'damaged' && n.name === TEAM_ROSTER_KEY)) {
				showError(this.root, 'The roster kept in this browser could not be read; a copy of it was set aside (see the notice at the top of the page). The table starts empty.');
			}
			this.render();
			return;
		}
		const entries = saved.learners.flatMap((l) => {
			const m = migrateRecord(l.record);
			return m.ok ? [{ files: l.files, exportedAt: l.exportedAt, record: m.record }] : [];
		});
		this.roster = rosterFrom(entries);
		this.$<HTMLInputElement>('[data-remember]').checked = true;
		this.render();
		this.$('[data-summary]').textContent = `${countOf(this.roster.size, 'learner')} in the table, from the roster kept in this browser (saved ${formatDateTime(saved.savedAt)}).`;
	}

	/** Read, validate and add files; each is judged on its own. */
	async add(picked: Picked[], skipped = 0): Promise<void> {
		showError(this.root, null);
		if (picked.length === 0) {
			if (skipped > 0) this.$('[data-summary]').textContent = `No .json files found (${countOf(skipped, 'other file')} skipped).`;
			return;
		}
		const room = MAX_TEAM_FILES - this.roster.size;
		if (picked.length > room) {
			showError(this.root, `That is ${picked.length} files; this page reads at most ${MAX_TEAM_FILES} at a time (${room} more now). Nothing was added.`);
			return;
		}
		// Files are read and checked 16 at a time (reading and hashing are asynchronous; more at once
		// would hold too many large files in memory), then added in the order given, so merges and
		// messages do not depend on which file finished first.
		type Checked = { name: string; ok: true; record: ProgressRecord; exportedAt: string } | { name: string; ok: false; reason: string };
		const check = async ({ file, name }: Picked): Promise<Checked> => {
			// Refuse an oversized file before reading it into memory.
			const tooLarge = checkImportSize(file.size);
			if (tooLarge && !tooLarge.ok) return { name, ok: false, reason: tooLarge.reason };
			try {
				const r = await parseImport(await file.text(), file.size);
				return r.ok ? { name, ok: true, record: r.record, exportedAt: r.exportedAt } : { name, ok: false, reason: r.reason };
			} catch (e) {
				return { name, ok: false, reason: `It could not be read: ${(e as Error).message}` };
			}
		};
		// Marks for the bench (tests/bench/team.mjs): reading and checking, then the roll-up and rendering.
		performance.mark('team:add');
		const results: Checked[] = [];
		for (let i = 0; i < picked.length; i += 16) results.push(...(await Promise.all(picked.slice(i, i + 16).map(check))));
		const problems: Problem[] = [];
		let read = 0;
		let merged = 0;
		for (const r of results) {
			if (!r.ok) {
				problems.push({ file: r.name, reason: r.reason });
				continue;
			}
			const next = addExport(this.roster, r.name, r.record, r.exportedAt);
			if (next.roster.size > MAX_TEAM_FILES) {
				problems.push({ file: r.name, reason: `The table already holds ${MAX_TEAM_FILES} learners.` });
				continue;
			}
			this.roster = next.roster;
			read++;
			if (next.merged) merged++;
		}
		performance.measure('team:check', 'team:add');
		performance.mark('team:checked');
		this.render(problems);
		performance.measure('team:render', 'team:checked');
		const n = this.roster.size;
		const what = [read > 0 ? countOf(read, 'file') + ' read' : '', merged > 0 ? `${merged} merged into a learner already in the table` : '', skipped > 0 ? `${countOf(skipped, 'other file')} skipped` : ''].filter(Boolean).join(', ');
		this.$('[data-summary]').textContent = `${countOf(n, 'learner')} in the table${what ? ` (${what})` : ''}${problems.length ? `; ${countOf(problems.length, 'file')} left out` : ''}.`;
		this.save();
	}

	remove(key: string): void {
		const entry = this.roster.get(key);
		if (!entry) return;
		this.roster.delete(key);
		this.render();
		this.save();
		const label = this.rollups.find((l) => l.key === key)?.label;
		this.$('[data-summary]').textContent = `Removed ${label ?? 'the learner'}; ${countOf(this.roster.size, 'learner')} in the table.`;
		this.$<HTMLInputElement>('[data-files]').focus();
	}

	clear(): void {
		this.roster.clear();
		const kept = this.remembering;
		if (kept) getStorage().remove(TEAM_ROSTER_KEY);
		this.$<HTMLInputElement>('[data-remember]').checked = false;
		this.render();
		this.$('[data-summary]').textContent = kept ? 'The table is cleared, and the roster kept in this browser is deleted.' : 'The table is cleared. Nothing was stored, so nothing else changes.';
		this.$<HTMLInputElement>('[data-files]').focus();
	}

	/** The lead switched "Keep this roster in this browser" on or off. */
	setRemember(on: boolean): void {
		if (on) {
			this.save();
			if (this.remembering) this.$('[data-store-status]').textContent = `The roster of ${countOf(this.roster.size, 'learner')} is kept in this browser until you clear it.`;
		} else {
			getStorage().remove(TEAM_ROSTER_KEY);
			this.$('[data-store-status]').textContent = 'The roster is no longer kept in this browser.';
		}
	}

	private save(): void {
		if (!this.remembering) return;
		const value = { version: 1, savedAt: now(), learners: rosterList(this.roster).map((e) => ({ files: e.files, exportedAt: e.exportedAt, record: e.record })) };
		const storage = getStorage();
		if (!storage.persistent) {
			this.$<HTMLInputElement>('[data-remember]').checked = false;
			this.$('[data-store-status]').textContent = 'This browser does not allow this site to store data (private mode or blocked storage). The table stays on this page only.';
			return;
		}
		if (!storage.writeJson(TEAM_ROSTER_KEY, value)) {
			this.$<HTMLInputElement>('[data-remember]').checked = false;
			this.$('[data-store-status]').textContent = 'This browser refused to keep the roster (storage full or unavailable). The table stays on this page only.';
		}
	}

	// ── Rendering ────────────────────────────────────────────────────────────────────────────────

	render(problems: Problem[] = []): void {
		const at = now();
		this.rollups = sortLearners([...this.roster.values()].map((e) => learnerRollup(this.ctx, e, at)));
		const list = this.$('[data-problems]');
		replace(list, ...problems.map((p) => h('li', {}, `${p.file}: ${p.reason} It was left out.`)));
		list.hidden = problems.length === 0;
		const n = this.roster.size;
		if (n === 0 && problems.length === 0) this.$('[data-summary]').textContent = 'No files yet.';
		replace(this.$('[data-rows]'), ...this.rollups.map((l) => this.row(l)));
		this.$('[data-table-region]').hidden = n === 0;
		this.renderAlerts(at);
		this.renderReport(at);
		for (const sel of ['[data-csv]', '[data-items-csv]', '[data-print]', '[data-clear]']) this.$<HTMLButtonElement>(sel).disabled = n === 0;
		this.root.toggleAttribute('data-has-report', n > 0);
	}

	private row(l: LearnerRollup): HTMLTableRowElement {
		const certs = l.programs.flatMap((p) => p.certifications.filter((c) => c.state === 'earned'));
		return h(
			'tr',
			{ 'data-learner': l.key },
			h('th', { scope: 'row' }, l.label),
			h('td', {}, formatDateTime(l.updatedAt)),
			...l.programs.map((c) => h('td', {}, `${c.done} of ${c.total} (${c.percent} %)`)),
			h('td', {}, `${l.overall.quizzesPassed} of ${l.overall.quizzesTotal}`),
			h('td', {}, `${l.overall.labsPassed} of ${l.overall.labsTotal}`),
			h('td', {}, `${l.drills.passed} of ${l.drills.run} run`),
			h('td', {}, l.tool.dayText),
			h('td', {}, gateList(l)),
			h('td', {}, certs.length ? h('ul', { class: 'team-list' }, ...certs.map((c) => h('li', {}, certText(c)))) : 'none'),
			h('td', {}, h('button', { type: 'button', class: 'qms-button secondary', 'data-remove': l.key, 'aria-label': `Remove ${l.label}` }, 'Remove')),
		);
	}

	private renderAlerts(at: string): void {
		const alerts = rollupAlerts(this.rollups);
		const region = this.$('[data-alerts-region]');
		region.hidden = this.rollups.length === 0;
		this.$('[data-alerts-status]').textContent =
			this.rollups.length === 0 ? '' : alerts.length === 0 ? `No alerts on ${formatDateTime(at)}.` : `${countOf(alerts.length, 'alert')} on ${formatDateTime(at)}.`;
		replace(this.$('[data-alerts]'), ...alerts.map(alertItem));
	}

	private renderReport(at: string): void {
		const report = this.$('[data-report]');
		const sections = this.index.programs
			.map((p) => ({ p, cells: this.rollups.map((l) => ({ l, c: l.programs.find((x) => x.programId === p.id)! })).filter((x) => x.c.enrolled) }))
			.filter((x) => x.cells.length > 0)
			.map(({ p, cells }) => this.programSection(p, cells, at));
		replace(report, ...sections);
		report.hidden = sections.length === 0;
	}

	private programSection(p: { id: string; label: string }, cells: { l: LearnerRollup; c: ProgramRollup }[], at: string): HTMLElement {
		const id = `team-report-${p.id}`;
		const figures = programFigures(p.id, this.rollups);
		const tool = p.id === TOOL_PROGRAM;
		const chart = barChart(
			{ h, s: svg } as Make<HTMLElement | SVGElement>,
			`chart-team-${p.id}`,
			`${p.label}: team figures against the seeds' targets`,
			figures.map((f) => ({ label: f.label, value: f.value ?? 0, ...(f.target ? { marker: f.target.value } : {}), text: `${formatFigure(f)} (${f.basis})` })),
			'target',
		);
		const header = ['Learner', 'Modules done', 'Knowledge checks: best score (pass mark)', 'Labs passed', 'Certifications', 'Last activity in the program', ...(tool ? ['Day of the 14-day plan', 'Gates 1-4'] : [])];
		return h(
			'section',
			{ class: 'team-program', 'aria-labelledby': id, 'data-program': p.id },
			h('h2', { id }, h('span', { class: 'print-only' }, 'Team report: '), p.label),
			h('p', { class: 'team-meta' }, `${countOf(cells.length, 'learner')} with activity in this program${tool ? ' (every learner takes part: 003, Implementation authorization)' : ''}; figures on ${formatDateTime(at)}.`),
			h(
				'div',
				{ class: 'team-figures' },
				chart,
				h(
					'table',
					{},
					h('caption', {}, `${p.label}: figures and targets`),
					h('thead', {}, h('tr', {}, ...['Figure', 'Value', 'Basis', 'Target (source)', 'Target met'].map((t) => h('th', { scope: 'col' }, t)))),
					h('tbody', {}, ...figures.map(figureRow)),
				),
			),
			tool ? h('div', { class: 'print-only' }, h('h3', {}, 'Alerts'), h('ul', { class: 'team-alerts' }, ...rollupAlerts(this.rollups).map(alertItem))) : null,
			h(
				'div',
				{ class: 'team-table', role: 'region', tabindex: 0, 'aria-labelledby': `${id}-learners` },
				h(
					'table',
					{},
					h('caption', { id: `${id}-learners` }, `${p.label}: learners`),
					h('thead', {}, h('tr', {}, ...header.map((t) => h('th', { scope: 'col' }, t)))),
					h(
						'tbody',
						{},
						...cells.map(({ l, c }) =>
							h(
								'tr',
								{},
								h('th', { scope: 'row' }, l.label),
								h('td', {}, `${c.done} of ${c.total} (${c.percent} %)`),
								h('td', {}, c.quizzes.length ? h('ul', { class: 'team-list' }, ...c.quizzes.map((q) => h('li', {}, `${q.title}: ${q.best} % (${q.passMark} %) ${q.passed ? 'passed' : 'not passed'}`))) : 'none attempted'),
								h('td', {}, `${c.labsPassed} of ${c.labsTotal}`),
								h('td', {}, c.certifications.length ? h('ul', { class: 'team-list' }, ...c.certifications.map((x) => h('li', {}, certText(x)))) : 'none in this program'),
								h('td', {}, c.lastActivity ? formatDateTime(c.lastActivity) : 'none'),
								...(tool ? [h('td', {}, l.tool.dayText), h('td', {}, gateList(l))] : []),
							),
						),
					),
				),
			),
		);
	}

	// ── Downloads and print ──────────────────────────────────────────────────────────────────────

	downloadCsv(): void {
		const day = now().slice(0, 10);
		const members = rosterList(this.roster).map((e) => cohortMember(this.index, this.labIds, e.files.join('; '), e.record, e.exportedAt));
		downloadText(`qms-training-team-progress-${day}.csv`, toCsv(cohortTable(this.index, members)), 'text/csv');
		this.$('[data-summary]').textContent = `Downloaded the table of ${countOf(this.roster.size, 'learner')} as CSV.`;
	}

	downloadItems(): void {
		const day = now().slice(0, 10);
		const rows = itemRows(this.rollups);
		downloadText(`qms-training-team-rollup-${day}.csv`, toCsv(rows), 'text/csv');
		this.$('[data-summary]').textContent = `Downloaded the roll-up: ${countOf(rows.length - 1, 'item row')} for ${countOf(this.roster.size, 'learner')}.`;
	}

	print(): void {
		// Figures are worked out again at the moment of printing, so the report carries its time.
		this.render();
		window.print();
	}
}

function certText(c: ProgramRollup['certifications'][number]): string {
	if (c.state !== 'earned') return `${c.name}: ${c.state === 'locked' ? 'locked' : 'in progress'}`;
	const earned = `earned ${formatDate(c.earnedAt!)}`;
	if (!c.expiresAt) return `${c.name}: ${earned}`;
	const exp = c.renewal === 'expired' ? `expired ${formatDate(c.expiresAt)}` : `expires ${formatDate(c.expiresAt)}${c.renewal === 'due' ? ', renewal due' : ''}`;
	return `${c.name}: ${earned}, ${exp}`;
}

function gateList(l: LearnerRollup): HTMLElement {
	return h(
		'ul',
		{ class: 'team-list' },
		...l.tool.gates.map((g) => h('li', { 'data-gate': g.gate, 'data-state': g.state }, `Gate ${g.gate}: ${GATE_STATE_TEXT[g.state]}${g.assessment?.best != null ? ` (${g.assessment.best} %, pass mark ${g.assessment.passMark} %)` : ''}`)),
	);
}

function alertItem(a: Alert): HTMLLIElement {
	const rule = ALERT_RULES[a.kind];
	return h(
		'li',
		{ class: `team-alert team-alert-${a.kind}`, 'data-alert': a.kind },
		h('strong', {}, `${rule.name}${a.learner ? `: ${a.learner}` : ': the team'}`),
		` ${a.detail} Response: ${a.response}. Escalation level ${a.escalation.level}: ${a.escalation.name}.`,
	);
}

function figureRow(f: Figure): HTMLTableRowElement {
	return h(
		'tr',
		{ 'data-figure': f.id },
		h('th', { scope: 'row' }, f.label),
		h('td', {}, formatFigure(f)),
		h('td', {}, f.basis),
		// The seed's words are left out of the printout to keep a program on one page; the source stays.
		h('td', {}, ...(f.target ? [describeTarget(f.target), f.target.note ? h('span', { class: 'screen-only' }, `: ${f.target.note}`) : null] : ['no target in the seeds'])),
		h('td', {}, f.met === null ? '—' : f.met ? 'yes' : 'no'),
	);
}

/** Fetch the build-time data and make the view. */
export async function createView(root: HTMLElement, index: CurriculumIndex, labIds: string[], dataUrl: string): Promise<TeamView> {
	const res = await fetch(dataUrl);
	if (!res.ok) throw new Error(`The team data could not be loaded (HTTP ${res.status}).`);
	return new TeamView(root, index, labIds, (await res.json()) as TeamData);
}
