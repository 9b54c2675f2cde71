/**
 * Hydrate an island when the learner is about to see or use it, as Astro's `client:visible` does
 * for framework islands: the island's code (and the progress store with zod behind it) is
 * downloaded only when the element comes near the viewport, gets focus, is pressed or hovered, the
 * learner presses Tab anywhere on the page (keyboard use), or the page is about to print (best effort: loading is asynchronous, and a print already under way
 * shows the island as built). Until then the build-rendered markup is all there is: controls that
 * need the script start `disabled`. What must show at load without the store (read marks, checklist
 * ticks, a path's progress) comes from a peek at saved progress instead (./progress-follow.ts).
 *
 * Islands use this from their component's `<script>`:
 *   hydrateWhenNeeded('qms-quiz', () => import('./quiz-element'));
 */

/** How far outside the viewport an island starts loading: a few lines of scrolling ahead. */
export const AHEAD = '200px 0px';

/** Events on an island that mean the learner is using it now. */
const USE_EVENTS = ['focusin', 'pointerdown', 'pointerenter'] as const;

/**
 * A Tab key anywhere on the page hydrates every waiting island: controls that start disabled are
 * skipped by Tab, so a keyboard learner must find them enabled before focus gets there.
 */
const isTab = (e: KeyboardEvent) => e.key === 'Tab';

/**
 * Call `start` once, the first time any of `targets` is needed (see above). If `start` rejects
 * (a chunk failed to download), the next sign of need tries again. Returns a function that stops
 * watching.
 */
export function whenNeeded(targets: readonly Element[], start: () => Promise<unknown> | void): () => void {
	let state: 'waiting' | 'starting' | 'done' = 'waiting';
	const io = typeof IntersectionObserver === 'function' ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && fire(), { rootMargin: AHEAD }) : null;
	const stop = () => {
		io?.disconnect();
		for (const t of targets) for (const type of USE_EVENTS) t.removeEventListener(type, fire);
		window.removeEventListener('beforeprint', fire);
		document.removeEventListener('keydown', onKey);
	};
	const onKey = (e: KeyboardEvent) => isTab(e) && fire();
	function fire(): void {
		if (state !== 'waiting') return;
		state = 'starting';
		Promise.resolve()
			.then(start)
			.then(
				() => {
					state = 'done';
					stop();
				},
				(e: unknown) => {
					console.error(e);
					state = 'waiting';
				},
			);
	}
	if (!io) {
		fire();
		return stop;
	}
	for (const t of targets) {
		io.observe(t);
		for (const type of USE_EVENTS) t.addEventListener(type, fire);
	}
	window.addEventListener('beforeprint', fire);
	document.addEventListener('keydown', onKey);
	return stop;
}

/**
 * Load the module that defines the custom element `tag` (`load`) the first time any `<tag>` on
 * this page is needed; `alsoWatch(el)` names other elements whose visibility counts for `el` (e.g.
 * the path outline that the path-progress island decorates). Does nothing when the page has no `<tag>`.
 */
export function hydrateWhenNeeded(tag: string, load: () => Promise<unknown>, alsoWatch: (el: HTMLElement) => (Element | null)[] = () => []): void {
	const els = [...document.querySelectorAll<HTMLElement>(tag)];
	if (els.length === 0 || customElements.get(tag)) return;
	// The children too: a custom element is display: inline by default, and its box may not span
	// the blocks inside it.
	const targets = els.flatMap((el) => [el, ...[...el.children].filter((c) => c.localName !== 'script'), ...alsoWatch(el)]).filter((t): t is Element => t !== null);
	whenNeeded(targets, load);
}
