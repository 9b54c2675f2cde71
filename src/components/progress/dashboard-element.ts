/**
 * `<qms-progress-dashboard>`: renders the progress page (./dashboard-render.ts) from the embedded
 * curriculum index and the learner record, over the same view the build rendered for an empty
 * record. Text only; no learner text as HTML.
 *
 * Two sources, so the page ships little of our JS before the learner does anything (no zod at load;
 * issue 7's approach, as My credentials):
 * - At load, the stored record as it is, not validated (src/runtime/record-peek.ts). Nothing
 *   stored: the build's rendering is a new learner's dashboard, and the view is not even
 *   downloaded. A stored record is shown at once, built in several short tasks (issue 12, TBT),
 *   while its validation seal is checked (src/runtime/progress-seal-check.ts). When the seal matches,
 *   the store validated exactly this text: the dashboard is the validated one, and the progress
 *   store and zod are not loaded at all until the learner acts (the name form, export, import,
 *   reset load it on first use: ./profile-element.ts, ./data-element.ts) or another island loads
 *   it. Otherwise (no seal, a record edited after it was sealed, an older release, another tab
 *   mid-write) the progress store (which validates it, sets aside what is damaged and raises the
 *   storage notice) loads after the first paint, and the dashboard is shown again from the
 *   validated record: nothing set aside stays shown as done; the store then seals the record if it
 *   is valid as stored, so the next visit needs no store. The dashboard stays aria-busy until the
 *   record shown is a validated one. When the validated record is the one already shown (the
 *   usual case: nothing was set aside), the dashboard is not built and laid out a second time.
 * - Once the store is loaded (that check, another island, or a notice), the store's validated
 *   record, on every change. This island never writes.
 */
import type { ProgressStore } from '../../stores/progress';
import type { ProgressRecord } from '../../schemas/progress';
import { loadProgressStore, whenProgressStoreLoaded } from '../../stores/progress-ready';
import { onOtherTabProgress } from '../../runtime/progress-peek';
import { peekWholeRecord } from '../../runtime/record-peek';
import { embeddedJson, h, replace } from '../../runtime/dom';
import { canonicalJson } from '../../lib/progress/canonical';
import { nextTask } from '../../runtime/next-task';
import { prepareFormatters } from '../../runtime/format';
import type { DashboardData } from './dashboard-view';

/** The view, loaded when there is a record to show. */
const view = () => import('./dashboard-render');
/** The seal check, loaded when a stored record has a seal. */
const sealCheck = () => import('../../runtime/progress-seal-check');

/** After the first paint, when the browser is idle (soon at the latest). */
const afterPaint = (cb: () => void) => requestAnimationFrame(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(cb, { timeout: 1000 }) : setTimeout(cb)));

class QmsProgressDashboard extends HTMLElement {
	private root!: HTMLElement;
	private data!: DashboardData;
	private store?: ProgressStore;
	private stops: (() => void)[] = [];
	/** The record the dashboard shows; unset while it shows the build's view (or a rendering failed). */
	private shown?: ProgressRecord;
	/** Counts renderings from a peek: one started later (another tab wrote) makes an earlier one stale. */
	private peeks = 0;

	connectedCallback(): void {
		this.root = this.querySelector<HTMLElement>('[data-root]')!;
		try {
			this.data = embeddedJson<DashboardData>(this, 'script[data-index]');
			whenProgressStoreLoaded((store) => this.follow(store));
			this.stops.push(onOtherTabProgress(() => void (this.store || this.fromPeek(true))));
			void this.fromPeek(false);
		} catch (e) {
			this.failed(e);
		}
	}

	disconnectedCallback(): void {
		this.stops.splice(0).forEach((stop) => stop());
	}

	/** First view, from the record as stored (see the module comment); `fresh` after another tab changed it. */
	private async fromPeek(fresh: boolean): Promise<void> {
		const peek = peekWholeRecord(fresh);
		const n = ++this.peeks;
		// Another tab changed the record: what is shown is no longer the validated record until checked again.
		if (fresh) this.root.setAttribute('aria-busy', 'true');
		// Nothing stored, as the build rendered it: that is the learner's dashboard.
		if (peek.state === 'empty' && !fresh) return void this.root.removeAttribute('aria-busy');
		// Storage damaged or unusable, not a current record, or cleared by another tab: the store decides.
		if (peek.state !== 'unvalidated') return this.validate();
		const stale = () => !!this.store || n !== this.peeks;
		// Each download starts in a task of its own: the module preloads it adds to the page take
		// main-thread time too (issue 12, TBT). Web Crypto and IndexedDB check the seal off the main
		// thread while the dashboard is built.
		await nextTask();
		const sealed = peek.seal === null ? Promise.resolve(false) : sealCheck().then((m) => m.checkSeal(peek.text, peek.seal), () => false);
		let drawn = false;
		try {
			await nextTask();
			const v = await view();
			// The locale's date data in a task of its own, then the dashboard block by block (issue 12, TBT).
			await nextTask();
			prepareFormatters();
			if (stale()) return;
			this.shown = undefined;
			drawn = await v.renderDashboard(this.root, this.data, peek.record, nextTask, stale);
			if (!drawn) return;
			this.shown = peek.record;
		} catch (e) {
			this.shown = undefined;
			// Not a record the view can read (or the view did not download): the store decides.
			console.error(e);
		}
		// Sealed: what is shown is the validated record (the store would show the same); done until the learner acts.
		if (drawn && (await sealed)) {
			if (!stale()) this.root.removeAttribute('aria-busy');
			return;
		}
		if (n === this.peeks) afterPaint(() => this.validate());
	}

	/**
	 * Load the store to show the validated record, and seal that record if it is valid as stored (so
	 * the next visit needs no store); says so in the page when it cannot load.
	 */
	private validate(): void {
		if (this.store) return;
		loadProgressStore().then(
			(store) => {
				this.follow(store);
				return store.sealStored();
			},
			(e: unknown) => this.failed(e),
		);
	}

	private follow(store: ProgressStore): void {
		if (this.store) return;
		this.store = store;
		this.stops.push(store.$progress.subscribe((record) => void this.fromStore(record)));
	}

	/** Show the store's (validated) record. */
	private async fromStore(record: ProgressRecord): Promise<void> {
		try {
			const v = await view();
			if (record !== this.store!.$progress.get()) return; // a newer record is on its way
			// The same record as shown gives the same dashboard: nothing to build again.
			if (!this.shown || canonicalJson(record) !== canonicalJson(this.shown)) {
				this.shown = undefined;
				const stale = () => record !== this.store!.$progress.get();
				if (!(await v.renderDashboard(this.root, this.data, record, nextTask, stale))) return;
				this.shown = record;
			}
			this.root.removeAttribute('aria-busy');
		} catch (e) {
			this.failed(e);
		}
	}

	private failed(e: unknown): void {
		console.error(e);
		replace(this.root, h('p', {}, 'Your progress could not be shown. Reload the page to try again.'));
		this.root.removeAttribute('aria-busy');
	}
}

if (!customElements.get('qms-progress-dashboard')) customElements.define('qms-progress-dashboard', QmsProgressDashboard);
