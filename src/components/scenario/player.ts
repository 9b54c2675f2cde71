/**
 * A drill being played (issue 8), for `<qms-scenario>` (./scenario-element.ts), which loads this
 * module when the learner presses Start or when there is a saved run to restore: not at hydration,
 * so the page does not download the engine and the step rendering before they are needed (issue 8
 * JS budget, npm run bench). The rules are src/lib/scenarios/engine.ts; this file only turns real
 * time into simulated minutes, renders the open step, the clock and the log, and saves:
 * - the run in progress after every change, under `scenario-run:<id>` through the storage adapter
 *   (src/runtime/storage.ts, part of this chunk); after a reload it comes back paused, where it was;
 * - every finished run in the learner record (`recordScenarioRun`), then the debrief (both in
 *   ./debrief.ts, loaded when a run finishes). The saved copy is removed only once the record has
 *   it: when recording fails (storage full), the finished run is kept under the same key, the
 *   debrief says so with a "Try saving again" button, and the next load tries again.
 * Real time counts only while the page shows the run and it is not paused.
 */
import { act, answerProblem, currentStep, deadline, score, startRun, tick, type Answer, type RunState, type ScenarioDef } from '../../lib/scenarios/engine';
import { clockText } from '../../lib/scenarios/clock';
import { logLine } from '../../lib/scenarios/view';
import type { SavedRun } from '../../schemas/scenario-saved';
import type { ScenarioStep } from '../../schemas/scenario';
import { h, replace, showError } from '../../runtime/dom';
import { getStorage, type StorageAdapter } from '../../runtime/storage';

const TICK_MS = 250;

/** Plays the drill whose build-rendered markup is inside `root` (the `<qms-scenario>` element). */
export class ScenarioPlayer {
	private run: SavedRun | null = null;
	private paused = false;
	private timer: number | undefined;
	private last = 0;
	/** Log lines already announced to screen readers. */
	private announced = 0;
	private readonly key: string;
	private readonly storage: StorageAdapter = getStorage();
	/** A finished run is being recorded (a second press of "Try saving again" must not record it twice). */
	private finishing = false;

	/**
	 * `def` and `orders` (ordering steps' item ids in the order shown) are what the build embedded in
	 * `root`. Takes over its Pause and Abandon buttons; `stop()` undoes what the constructor started.
	 */
	constructor(
		private readonly root: HTMLElement,
		private readonly def: ScenarioDef,
		private readonly orders: Record<string, string[]>,
	) {
		this.key = `scenario-run:${def.id}`;
		this.q('[data-pause]').addEventListener('click', () => this.setPaused(!this.paused));
		this.q('[data-abandon]').addEventListener('click', () => this.abandon());
		document.addEventListener('visibilitychange', this.onVisibility);
	}

	/** The element left the page: stop the clock and stop listening. */
	stop(): void {
		this.stopTimer();
		document.removeEventListener('visibilitychange', this.onVisibility);
	}

	/**
	 * Resume a saved run (paused), record a finished one that could not be recorded, or drop one
	 * that does not fit. The saved-run schema (zod) is loaded only here, when there is a saved run
	 * to check: most visits have none, and zod would double the drill's JS (issue 8 budget).
	 */
	async restore(): Promise<void> {
		try {
			const { SavedRunSchema } = await import('../../schemas/scenario-saved');
			const storage = this.storage;
			const saved = storage.readJson(this.key, SavedRunSchema);
			// A saved run that does not fit this build's scenario (edited since, or tampered with) is dropped.
			const ours = saved && saved.state.scenario === this.def.id && saved.state.results.every((r) => this.def.steps.some((st) => st.id === r.step));
			const fits = ours && !saved.state.finished && saved.state.step < this.def.steps.length;
			// A finished run left here could not be recorded last time: record it now.
			const unrecorded = ours && saved.state.finished && saved.state.step >= this.def.steps.length;
			if (saved && !fits && !unrecorded) storage.remove(this.key);
			if (saved && unrecorded) {
				this.run = saved;
				void this.finish();
			} else if (saved && fits) {
				this.run = saved;
				this.paused = true;
				this.announced = saved.state.log.length;
				this.render(false);
			} else {
				(this.q('[data-start]') as HTMLButtonElement).disabled = false;
			}
		} catch (e) {
			console.error(e);
			showError(this.root, 'This drill could not start. Reload the page to try again.');
		}
	}

	private q<T extends HTMLElement = HTMLElement>(sel: string): T {
		return this.root.querySelector<T>(sel)!;
	}

	/** Leaving the tab pauses the drill: time away is not decision time. */
	private onVisibility = (): void => {
		if (document.hidden && this.run && !this.paused) this.setPaused(true);
	};

	/** Start a new run (the Start, Start the drill and Play again buttons). */
	start(): void {
		const state = startRun(this.def);
		this.run = { version: 1, startedAt: new Date().toISOString(), realMs: 0, carryMs: 0, state };
		this.paused = false;
		this.announced = 0;
		showError(this.root, null);
		this.update(state, true);
	}

	private abandon(): void {
		if (!this.run) return;
		if (!window.confirm('Abandon this run? It will not be recorded.')) return;
		this.stopTimer();
		this.run = null;
		this.storage.remove(this.key);
		replace(this.q('[data-log]'));
		this.renderIntro();
	}

	private setPaused(paused: boolean): void {
		if (!this.run) return;
		this.flushTime();
		this.paused = paused;
		this.save();
		this.render(false);
		this.q('[data-pause]').focus();
	}

	/** Add the real time since the last tick, and move the simulated clock by the whole minutes it makes. */
	private flushTime(): void {
		if (!this.run || this.paused || this.timer === undefined) return;
		const now = performance.now();
		const dt = Math.max(0, now - this.last);
		this.last = now;
		this.run.realMs += Math.round(dt);
		const speed = this.def.clock.speed;
		if (speed <= 0) return;
		this.run.carryMs += dt;
		const minutes = Math.floor((this.run.carryMs / 1000) * speed);
		if (minutes > 0) {
			this.run.carryMs -= (minutes * 1000) / speed;
			const next = tick(this.def, this.run.state, this.run.state.minute + minutes);
			this.update(next, next.step !== this.run.state.step);
		}
	}

	private startTimer(): void {
		if (this.timer !== undefined) return;
		this.last = performance.now();
		this.timer = window.setInterval(() => {
			this.flushTime();
			this.renderBar();
		}, TICK_MS);
	}

	private stopTimer(): void {
		if (this.timer !== undefined) window.clearInterval(this.timer);
		this.timer = undefined;
	}

	/** Take a new engine state: save it, record the run when it finished, render. */
	private update(state: RunState, stepChanged: boolean): void {
		if (!this.run) return;
		const prev = this.run.state;
		this.run.state = state;
		if (state.minute !== prev.minute && stepChanged) this.run.carryMs = 0;
		if (state.finished) {
			this.stopTimer();
			void this.finish();
			return;
		}
		this.save();
		this.render(stepChanged);
	}

	private save(): void {
		if (this.run) this.storage.writeJson(this.key, this.run);
	}

	/**
	 * Record the finished run in the learner record; remove the saved copy only once that worked.
	 * On failure the finished run stays saved (if even that write fails, the last in-progress copy
	 * stays, so a reload resumes before the last decision) and the debrief offers to try again.
	 * The recording and the debrief (./debrief.ts) are loaded now, not at hydration (issue 8 JS budget).
	 */
	private async finish(): Promise<void> {
		const run = this.run!;
		if (this.finishing) return;
		this.finishing = true;
		run.finishedAt ??= new Date().toISOString();
		try {
			let debrief: typeof import('./debrief');
			try {
				debrief = await import('./debrief');
			} catch (e) {
				console.error(e);
				this.save();
				showError(this.root, 'The debrief could not load. The finished run is kept in this browser: reload the page to record it and see the debrief.');
				return;
			}
			const r = await debrief.recordRun(this.def, run);
			let note = r.note;
			if (r.saved) this.storage.remove(this.key);
			else {
				this.save();
				note += ' The run is kept in this browser: free some space (for example, export and reset your progress, or remove other sites\' data), then press "Try saving again" or reload this page.';
			}
			this.renderLog();
			const s = run.state;
			this.q('[data-left]').textContent = '';
			this.q('[data-pause]').hidden = this.q('[data-abandon]').hidden = true;
			const sc = score(this.def, s);
			this.q('[data-points]').textContent = `${sc.points} of ${sc.max} points`;
			this.q('[data-clock]').textContent = clockText(s.minute, this.def.clock.start);
			debrief.renderDebrief(this.root, this.def, s, note, r.saved, this.retryButton(), this.startButton('Play again'));
			this.run = r.saved ? null : run;
		} finally {
			this.finishing = false;
		}
	}

	private decide(answer: Answer): void {
		if (!this.run || this.paused) return;
		this.flushTime();
		const st = currentStep(this.def, this.run.state);
		if (!st) return;
		const problem = answerProblem(st, answer);
		if (problem) {
			showError(this.root, problem);
			return;
		}
		showError(this.root, null);
		const next = act(this.def, this.run.state, answer, this.run.state.minute);
		this.update(next, true);
	}

	// Rendering ---------------------------------------------------------------------------------

	private render(stepChanged: boolean): void {
		if (!this.run) return;
		if (this.paused) this.stopTimer();
		else this.startTimer();
		this.renderBar();
		this.renderLog();
		if (stepChanged || this.paused || !this.q('[data-stage]').querySelector('[data-step]')) this.renderStep(stepChanged);
		else this.setFormDisabled(false);
	}

	private renderBar(): void {
		const s = this.run?.state;
		const pause = this.q<HTMLButtonElement>('[data-pause]');
		const abandon = this.q<HTMLButtonElement>('[data-abandon]');
		pause.hidden = abandon.hidden = !s;
		pause.textContent = this.paused ? 'Resume' : 'Pause';
		if (!s) return;
		const clock = this.q('[data-clock]');
		const text = clockText(s.minute, this.def.clock.start);
		if (clock.textContent !== text) clock.textContent = text;
		const d = deadline(this.def, s);
		const left = this.q('[data-left]');
		const l = d === undefined ? '' : `Time left for this decision: ${d - s.minute} min${this.paused ? ' (paused)' : ''}`;
		if (left.textContent !== l) left.textContent = l;
		const sc = score(this.def, s);
		this.q('[data-points]').textContent = `${sc.points} of ${sc.max} points`;
	}

	private renderLog(): void {
		const s = this.run?.state;
		if (!s) return;
		const ol = this.q('[data-log]');
		const items = s.log.map((e) => {
			const l = logLine(this.def, e);
			return h('li', { 'data-kind': l.kind }, h('span', { class: 'scn-time' }, l.time), ' ', l.who ? `${l.who}: ` : '', l.text);
		});
		replace(ol, ...items);
		ol.scrollTop = ol.scrollHeight;
		// Announce what arrived since last time (injects, feedback, timeouts), not the step prompts read on screen.
		const fresh = s.log.slice(this.announced).filter((e) => e.kind !== 'step' && e.kind !== 'decision');
		this.announced = s.log.length;
		if (fresh.length) this.q('[data-announce]').textContent = fresh.map((e) => e.text).join(' ');
	}

	private renderIntro(): void {
		const stage = this.q('[data-stage]');
		replace(
			stage,
			h('div', { 'data-intro': true }, h('h3', { tabindex: -1, 'data-focus': true }, 'Start again'), h('p', {}, 'The run was abandoned and not recorded.'), this.startButton('Start the drill')),
		);
		this.renderBar();
		this.q('[data-clock]').textContent = clockText(0, this.def.clock.start);
		this.q('[data-left]').textContent = '';
		stage.querySelector<HTMLElement>('[data-focus]')!.focus();
	}

	private retryButton(): HTMLButtonElement {
		const b = h('button', { type: 'button', class: 'qms-button', 'data-retry-save': true }, 'Try saving again');
		b.addEventListener('click', () => {
			if (this.run?.state.finished) void this.finish();
		});
		return b;
	}

	private startButton(label: string): HTMLButtonElement {
		const b = h('button', { type: 'button', class: 'qms-button', 'data-start': true }, label);
		b.addEventListener('click', () => this.start());
		return b;
	}

	private setFormDisabled(disabled: boolean): void {
		const fs = this.q('[data-stage]').querySelector<HTMLFieldSetElement>('fieldset[data-step]');
		if (fs) fs.disabled = disabled;
	}

	private renderStep(moveFocus: boolean): void {
		const s = this.run!.state;
		const st = currentStep(this.def, s);
		if (!st) return;
		const stage = this.q('[data-stage]');
		const role = this.def.roles.find((r) => r.id === st.role)?.name ?? st.role;
		const n = this.def.steps.indexOf(st) + 1;
		const heading = h('h3', { tabindex: -1, 'data-focus': true }, `Decision ${n} of ${this.def.steps.length}: ${st.title}`);
		const form = h('form', { 'data-step-form': true });
		const fs = h('fieldset', { 'data-step': st.id }, h('legend', {}, `${role}: ${st.prompt}`), ...this.controls(st));
		fs.disabled = this.paused;
		const submit = h('button', { type: 'submit', class: 'qms-button' }, st.kind === 'notes' ? 'Send' : 'Decide');
		form.append(fs, h('div', { class: 'scn-actions' }, submit));
		form.addEventListener('submit', (e) => {
			e.preventDefault();
			this.decide(this.readAnswer(st, form));
		});
		const pausedNote = this.paused ? h('p', {}, h('strong', {}, 'Paused. '), 'Press Resume to carry on; the clock stands still until then.') : null;
		replace(stage, heading, pausedNote, form);
		if (moveFocus) heading.focus();
	}

	/** The inputs of one step. Labels wrap their inputs, so every control has its name. */
	private controls(st: ScenarioStep): Node[] {
		const name = `scn-${this.def.id}-${st.id}`;
		switch (st.kind) {
			case 'single':
			case 'multiple':
				return st.choices.map((c) => h('label', {}, h('input', { type: st.kind === 'single' ? 'radio' : 'checkbox', name, value: c.id }), ' ', c.text));
			case 'ordering': {
				const ol = h('ol', { class: 'scn-order', 'data-order': true });
				for (const id of this.orders[st.id] ?? st.items.map((i) => i.id)) {
					const item = st.items.find((i) => i.id === id)!;
					const li = h('li', { 'data-item': id }, h('span', {}, item.text));
					const up = h('button', { type: 'button', class: 'qms-button secondary', 'data-move': '-1', 'aria-label': `Move "${item.text}" up` }, '↑');
					const down = h('button', { type: 'button', class: 'qms-button secondary', 'data-move': '1', 'aria-label': `Move "${item.text}" down` }, '↓');
					up.addEventListener('click', () => this.move(li, -1, up));
					down.addEventListener('click', () => this.move(li, 1, down));
					li.prepend(up, down);
					ol.append(li);
				}
				return [h('p', {}, 'Use the arrow buttons to move items; the first item comes first.'), ol];
			}
			case 'classify':
				return st.items.map((it) =>
					h('label', {}, `${it.text} `, h('select', { name: `${name}-${it.id}`, 'data-item': it.id }, h('option', { value: '' }, 'Choose…'), ...st.buckets.map((b) => h('option', { value: b.id }, b.label)))),
				);
			case 'notes':
				return [h('label', {}, `Your notes (at least ${st.minLength} characters)`, h('textarea', { name, class: 'qms-input', maxlength: 4000, rows: 5 }))];
		}
	}

	private move(li: HTMLElement, by: -1 | 1, button: HTMLElement): void {
		const sib = by < 0 ? li.previousElementSibling : li.nextElementSibling;
		if (!sib) return;
		if (by < 0) sib.before(li);
		else sib.after(li);
		button.focus();
		const pos = [...li.parentElement!.children].indexOf(li) + 1;
		this.q('[data-announce]').textContent = `${li.textContent?.replace(/[↑↓]/g, '').trim()}: position ${pos}`;
	}

	private readAnswer(st: ScenarioStep, form: HTMLFormElement): Answer {
		switch (st.kind) {
			case 'single':
				return form.querySelector<HTMLInputElement>('input:checked')?.value ?? '';
			case 'multiple':
				return [...form.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
			case 'ordering':
				return [...form.querySelectorAll<HTMLElement>('[data-order] > li')].map((li) => li.dataset.item!);
			case 'classify': {
				const out: Record<string, string> = {};
				for (const sel of form.querySelectorAll<HTMLSelectElement>('select[data-item]')) if (sel.value) out[sel.dataset.item!] = sel.value;
				return out;
			}
			case 'notes':
				return form.querySelector('textarea')!.value;
		}
	}
}
