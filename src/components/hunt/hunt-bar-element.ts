/**
 * `<qms-hunt-bar>`: the find-it-fast hunt bar (HuntBar.astro), loaded only on pages where a hunt
 * is stored or starts. It shows the open target's clue and its timer, marks the target found when
 * the learner arrives on its page, times it out at 2 minutes, and offers Pause/Resume, Skip this
 * target and End hunt. Rules are in src/lib/hunt/run.ts; the state is saved after every change
 * (src/runtime/hunt.ts), so the hunt follows the learner across pages and reloads.
 *
 * The clue line is a polite live region: a found or timed-out target is announced without moving
 * focus. The timer (role="timer") is not announced every second. Controls are built once and only
 * their text changes, so a focused button keeps focus.
 *
 * A hunt changed in another tab (a target found there, paused, ended, cleared) arrives as a
 * `storage` event and is shown at once, so two open tabs never show two different hunts.
 */
import { arrive, elapsed, endHunt, formatMs, isFinished, isPaused, pause, resume, score, skip, tick, TARGET_LIMIT_MS, type HuntState } from '../../lib/hunt/run';
import { clueText } from '../../lib/hunt/targets';
import { h } from '../../runtime/dom';
import { clearHunt, currentPageId, HUNT_CHANGE, HUNT_KEY, readHunt, recordHunt, saveHunt } from '../../runtime/hunt';
import { KEY_PREFIX } from '../../runtime/storage-probe';

class QmsHuntBar extends HTMLElement {
	private state: HuntState | null = null;
	private timer: number | undefined;
	private built = false;
	private readonly clue = h('p', { class: 'hunt-clue', 'aria-live': 'polite' });
	private readonly time = h('span', { class: 'hunt-time', role: 'timer', 'aria-label': 'Time on this target' });
	private readonly pauseButton = h('button', { type: 'button', class: 'qms-button hunt-pause' }, 'Pause');
	private readonly skipButton = h('button', { type: 'button', class: 'qms-button secondary hunt-skip' }, 'Skip this target');
	private readonly endButton = h('button', { type: 'button', class: 'qms-button secondary hunt-end' }, 'End hunt');
	private readonly closeButton = h('button', { type: 'button', class: 'qms-button secondary hunt-close' }, 'Close');
	private readonly progressLink = h('a', { href: '/progress/', class: 'hunt-progress' }, 'See it on My progress');
	private readonly note = h('p', { class: 'hunt-note' });
	private readonly onChange = () => this.load();
	/** Another tab wrote or removed the hunt (`key` null: that tab cleared all of storage). */
	private readonly onStorage = (e: StorageEvent) => {
		if (e.key === KEY_PREFIX + HUNT_KEY || e.key === null) this.load();
	};
	/** Keeps --qms-hunt-bar (room left under the page and the sidebar, HuntBar.astro) equal to the bar's height. */
	private readonly resize = new ResizeObserver(() => document.documentElement.style.setProperty('--qms-hunt-bar', `${Math.ceil(this.getBoundingClientRect().height)}px`));
	private readonly onShow = (e: PageTransitionEvent) => {
		if (e.persisted) this.load();
	};

	connectedCallback(): void {
		try {
			if (!this.built) this.build();
			addEventListener(HUNT_CHANGE, this.onChange);
			addEventListener('storage', this.onStorage);
			addEventListener('pageshow', this.onShow);
			this.resize.observe(this);
			this.load();
		} catch (e) {
			console.error(e);
		}
	}

	disconnectedCallback(): void {
		removeEventListener(HUNT_CHANGE, this.onChange);
		removeEventListener('storage', this.onStorage);
		removeEventListener('pageshow', this.onShow);
		this.resize.disconnect();
		clearInterval(this.timer);
	}

	private build(): void {
		this.built = true;
		this.pauseButton.addEventListener('click', () => this.change((s, now) => (isPaused(s) ? resume(s, now) : pause(s, now))));
		this.skipButton.addEventListener('click', () => this.act(skip));
		this.endButton.addEventListener('click', () => this.act(endHunt));
		this.closeButton.addEventListener('click', () => {
			clearHunt();
		});
		this.replaceChildren(
			h(
				'section',
				{ class: 'hunt-bar', 'aria-label': 'Find-it-fast hunt' },
				h('div', { class: 'hunt-main' }, this.clue, this.note),
				h('div', { class: 'hunt-controls' }, this.time, this.pauseButton, this.skipButton, this.endButton, this.progressLink, this.closeButton),
			),
		);
	}

	/**
	 * A control in the bar was used: apply it; when that finished the hunt, the control is now hidden,
	 * so focus moves to Close (the learner was in the bar already; nothing else ever moves focus).
	 */
	private act(rule: (s: HuntState, now: number) => HuntState): void {
		this.change(rule);
		if (this.state && isFinished(this.state) && !this.contains(document.activeElement)) this.closeButton.focus();
	}

	/** Read the stored hunt, count this page as an arrival, and show it (or hide when none). */
	private load(): void {
		const s = readHunt();
		if (!s) {
			this.state = null;
			this.hidden = true;
			document.documentElement.classList.remove('hunt-active');
			clearInterval(this.timer);
			this.timer = undefined;
			return;
		}
		this.state = s;
		this.hidden = false;
		document.documentElement.classList.add('hunt-active');
		this.change((st, now) => arrive(st, currentPageId(), now), true);
		if (this.timer === undefined) this.timer = window.setInterval(() => this.change(tick), 1000);
	}

	/** Apply a rule at the current time; save and announce when it changed anything. */
	private change(rule: (s: HuntState, now: number) => HuntState, first = false): void {
		const before = this.state;
		if (!before) return;
		const now = Date.now();
		const after = rule(before, now);
		if (after !== before) {
			this.state = after;
			saveHunt(after, false);
		}
		if (after !== before || first) this.render(before, after);
		this.renderTime(now);
		if (isFinished(after) && !after.recorded) void this.record(after);
	}

	private async record(s: HuntState): Promise<void> {
		const { state, note } = await recordHunt(s);
		if (this.state?.id === state.id) this.state = state;
		this.note.textContent = note;
	}

	private renderTime(now: number): void {
		const s = this.state;
		if (!s || isFinished(s)) {
			this.time.hidden = true;
			return;
		}
		this.time.hidden = false;
		this.time.textContent = `${formatMs(elapsed(s, now))} of ${formatMs(TARGET_LIMIT_MS)}${isPaused(s) ? ' (paused)' : ''}`;
	}

	/** Texts and which controls show; the live region gets what just happened, then the open clue. */
	private render(before: HuntState, s: HuntState): void {
		const done = isFinished(s);
		const last = before.current < s.current ? s.targets[before.current] : undefined;
		const what = last
			? last.status === 'found'
				? `Found "${last.title}" in ${formatMs(last.ms)}. `
				: last.status === 'timed-out'
					? `Time is up for target ${before.current + 1}: it was "${last.title}". `
					: `Skipped target ${before.current + 1}: it was "${last.title}". `
			: '';
		if (done) {
			const sc = score(s);
			this.clue.textContent = `${what}Hunt finished: ${sc.found} of ${sc.total} found in under ${formatMs(TARGET_LIMIT_MS)} each. ${sc.passed ? 'Passed.' : 'Not passed.'}`;
			if (s.recorded) this.note.textContent = 'This hunt is saved in your progress.';
		} else {
			const t = s.targets[s.current]!;
			this.clue.textContent = `${what}Target ${s.current + 1} of ${s.targets.length}. ${clueText(t.clue)}`;
			this.note.textContent = isPaused(s) ? 'Paused: the timer stands still until you resume.' : 'Find this page with search (Ctrl K) or the sidebar; arriving on it counts.';
		}
		this.pauseButton.textContent = isPaused(s) ? 'Resume' : 'Pause';
		this.pauseButton.hidden = done;
		this.skipButton.hidden = done;
		this.endButton.hidden = done;
		this.progressLink.hidden = !done;
		this.closeButton.hidden = !done;
		if (done) {
			clearInterval(this.timer);
			this.timer = undefined;
		}
	}
}

if (!customElements.get('qms-hunt-bar')) customElements.define('qms-hunt-bar', QmsHuntBar);
