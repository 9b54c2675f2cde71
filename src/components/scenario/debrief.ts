/**
 * The end of a drill (issue 8), imported by `<qms-scenario>` (./scenario-element.ts) only when a
 * run finishes, together with the progress store: most visits never finish a run, so this code is
 * not part of the island's JS at hydration (issue 8 budget, 15 KB gzip of our JS, npm run bench).
 * - `recordRun` records a finished run in the learner record (`recordScenarioRun`);
 * - `renderDebrief` shows the debrief: pass or fail, the seed's debrief questions, what was missed,
 *   the points per task (and per task group), and whether the run was saved.
 */
import { score, type RunState, type ScenarioDef } from '../../lib/scenarios/engine';
import { missed, pointsByGroup, runRecord } from '../../lib/scenarios/debrief';
import type { SavedRun } from '../../schemas/scenario-saved';
import { h, replace } from '../../runtime/dom';
import { loadProgressStore } from '../../stores/progress-ready';

/**
 * Record `run` (finished) in the learner record. Never throws: `saved` false with the learner's
 * sentence when the store refused the run (e.g. storage full) or could not load.
 */
export async function recordRun(def: ScenarioDef, run: SavedRun): Promise<{ saved: boolean; note: string }> {
	const rec = runRecord(def, run.state, run.startedAt, run.finishedAt ?? new Date().toISOString(), run.realMs);
	try {
		const store = await loadProgressStore();
		const r = store.recordScenarioRun(rec);
		return { saved: r.ok, note: r.ok ? 'This run is saved in your progress.' : r.message };
	} catch (e) {
		console.error(e);
		return { saved: false, note: 'This run could not be saved in your progress.' };
	}
}

/**
 * Replace the drill's stage (`[data-stage]` inside `root`) with the debrief of the finished run
 * `state` and move focus to its heading. `note` says whether the run was saved; when it was not
 * (`saved` false) the note is an alert followed by the `retry` button. `playAgain` ends the debrief.
 */
export function renderDebrief(root: HTMLElement, def: ScenarioDef, state: RunState, note: string, saved: boolean, retry: HTMLButtonElement, playAgain: HTMLButtonElement): void {
	const sc = score(def, state);
	const heading = h('h3', { tabindex: -1, 'data-focus': true }, `Debrief: ${sc.passed ? 'passed' : 'not passed'}, ${sc.points} of ${sc.max} points`);
	const table = h(
		'table',
		{},
		h('caption', {}, 'Points per task'),
		h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Task'), h('th', { scope: 'col' }, 'Points'), h('th', { scope: 'col' }, 'Met'))),
		h(
			'tbody',
			{},
			...sc.milestones.map((m) => h('tr', {}, h('td', {}, m.group ? `${m.group}: ${m.title}` : m.title), h('td', {}, `${m.earned} of ${m.points}`), h('td', {}, m.met ? 'Yes' : 'No'))),
		),
	);
	const groups = pointsByGroup(sc);
	const byGroup = groups.length > 1 ? h('p', {}, groups.map((g) => `${g.group} ${g.earned} of ${g.points}`).join(' · ')) : null;
	const miss = missed(def, state, sc);
	const missedList = miss.length ? [h('h4', {}, 'What was missed'), h('ul', {}, ...miss.map((m) => h('li', {}, m)))] : [h('p', {}, 'Nothing was missed.')];
	const unmet = sc.passed ? h('p', {}, `Pass rule: ${def.pass.text}`) : h('p', {}, h('strong', {}, 'Not passed: '), sc.unmet.join(' '), ` Pass rule: ${def.pass.text}`);
	const questions = [h('h4', {}, 'Debrief questions'), h('ol', {}, ...def.debrief.map((q) => h('li', {}, q)))];
	replace(
		root.querySelector('[data-stage]')!,
		h(
			'div',
			{ 'data-debrief': true, 'data-passed': String(sc.passed) },
			heading,
			h('p', { role: saved ? 'status' : 'alert', 'data-save-note': saved ? 'saved' : 'failed' }, note),
			saved ? null : retry,
			unmet,
			table,
			byGroup,
			...missedList,
			...questions,
			h('div', { class: 'scn-actions' }, playAgain),
		),
	);
	heading.focus();
}
