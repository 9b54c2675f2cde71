/**
 * `<qms-my-credentials>`: marks every card built by MyCredentials.astro with the learner's state.
 * Rules live in src/lib/credentials/rules.ts (evaluated on every change of the record, with the
 * clock read here, never inside the rules); exports are loaded only when the learner asks for one
 * (./export-action.ts). Learner text (names, attested items) is set as text only.
 *
 * Two sources, so the page ships ≤ 15 KB gzip of our JS before an export (issue 7):
 * - At load, the stored record as it is, not validated (src/runtime/record-peek.ts), so no zod;
 *   nothing stored: the build's cards are a new learner's state, and the rules are not even
 *   downloaded (./credentials-view.ts). From a stored record, requirements, progress and locks
 *   are shown. When some card looks earned, the record's validation seal is checked
 *   (src/runtime/progress-seal-check.ts): if it matches, the store validated exactly this text, and the
 *   earned credentials and their downloads show at once. Otherwise (no seal, tampered text, an
 *   older release, another tab mid-write, or the record holds sign-offs, which are verified again
 *   on every visit) no credential is shown as earned: a card whose requirements look met says
 *   "Checking…" and offers no download until the record is validated. That check (the progress
 *   store, with zod) loads right after the first paint, and seals the record if it is valid as stored.
 * - Once the store is loaded (that check, anything the learner does here, or another island),
 *   the store's validated record and the verified sign-offs, on every change (./credentials-store.ts,
 *   loaded with the store).
 * Every action (record or remove an item, import a sign-off, ask for one, download) loads the
 * store first and works on its validated record; every write goes through the store.
 */
import type { CertificationCatalog, CredentialStatus } from '../../lib/credentials/rules';
import type { ProgressStore } from '../../stores/progress';
import { loadProgressStore, whenProgressStoreLoaded } from '../../stores/progress-ready';
import { onOtherTabProgress } from '../../runtime/progress-peek';
import { peekWholeRecord } from '../../runtime/record-peek';
import { embeddedJson, showError } from '../../runtime/dom';
import { nextTask } from '../../runtime/next-task';
import type { CredentialsPage } from './credential-actions';

/** The rules and the cards' rendering, loaded when there is a record to show. */
const view = () => import('./credentials-view');
/** The seal check, loaded when a stored record looks earned. */
const seal = () => import('../../runtime/progress-seal-check');
/** Following the store's validated record, loaded with the store. */
const onStore = () => import('./credentials-store');
/** The actions, loaded on the first one. */
const actions = () => import('./credential-actions');

class QmsMyCredentials extends HTMLElement implements CredentialsPage {
	private cat?: CertificationCatalog;
	/** Statuses on the validated (or sealed) record only (empty until then): what actions act on. */
	statuses = new Map<string, CredentialStatus>();
	store?: ProgressStore;
	readonly stops: (() => void)[] = [];
	/** Settles when the store's latest record is shown. */
	private shown: () => Promise<void> = () => Promise.resolve();

	/** The certifications and what their rules name, embedded by the build (read when first needed). */
	get catalog(): CertificationCatalog {
		return (this.cat ??= embeddedJson<CertificationCatalog>(this, 'script[data-catalog]'));
	}

	connectedCallback(): void {
		try {
			this.wire();
			whenProgressStoreLoaded((store) => this.follow(store));
			this.stops.push(onOtherTabProgress(() => void (this.store || this.fromPeek(true))));
			void this.fromPeek(false);
		} catch (e) {
			console.error(e);
			showError(this, 'This part of the page could not start. Reload the page to try again.');
		}
	}

	disconnectedCallback(): void {
		this.stops.splice(0).forEach((stop) => stop());
	}

	/**
	 * First view, from the record as stored (see the module comment). Nothing stored: the build's
	 * cards are the learner's state as they are. Loads the store when only it can decide.
	 */
	private async fromPeek(fresh: boolean): Promise<void> {
		const peek = peekWholeRecord(fresh);
		const busy = this.querySelector('.creds[aria-busy]');
		if (peek.state === 'empty' && busy) return void busy.removeAttribute('aria-busy');
		// Storage damaged or unusable, or another tab cleared it after this page showed a record.
		if (peek.state !== 'unvalidated') return this.validate();
		try {
			const v = await view();
			// The rules one certification per task, then the cards one per task (issue 12, Lighthouse TBT).
			const all = await v.evaluateEach(this.catalog, peek.record, new Date().toISOString(), nextTask, () => !!this.store);
			if (!all || this.store) return;
			const looksEarned = all.some((s) => s.state === 'earned');
			// Sign-offs are never taken from storage as they are: such a record always goes through the store.
			const sealed = looksEarned && peek.record.signOffs.length === 0 && (await seal().then((m) => m.checkSeal(peek.text, peek.seal), () => false));
			if (this.store) return;
			if (sealed) this.statuses = new Map(all.map((s) => [s.id, s]));
			if (!(await v.render(this, peek.record, all, sealed, nextTask, () => !!this.store))) return;
			// After the first paint: requirements are shown from the record as stored, the earned state once confirmed.
			if (!sealed && (looksEarned || peek.record.signOffs.length > 0)) requestAnimationFrame(() => setTimeout(() => this.validate()));
		} catch (e) {
			// Not a record the rules can read (or the view did not download): the store decides.
			console.error(e);
			this.validate();
		}
	}

	/**
	 * Load the store to show the validated record, and seal that record if it is valid as stored (so
	 * the next visit needs no store); says so in the page when it cannot load.
	 */
	private validate(): void {
		if (this.store) return;
		this.useStore().then((store) => store.sealStored(), (e: unknown) => {
			console.error(e);
			showError(this, 'Your credentials could not be checked: part of the page did not download. Reload the page to try again.');
		});
	}

	/** Load the store (once) and follow its validated record; resolves once that record is shown. */
	async useStore(): Promise<ProgressStore> {
		const store = await loadProgressStore();
		this.follow(store);
		await this.shown();
		return store;
	}

	/** Follow `store`'s validated record from now on (once); the code for it is loaded here. */
	follow(store: ProgressStore): void {
		if (this.store) return;
		this.store = store;
		const started = onStore().then((m) => {
			this.shown = m.followStore(this, store).latest;
			return this.shown();
		});
		this.shown = () => started;
		started.catch((e: unknown) => {
			console.error(e);
			showError(this, 'Your credentials could not be shown. Reload the page to try again.');
		});
	}

	/**
	 * Enable the controls the build rendered disabled, and hand their events to the actions module
	 * (loaded on the first one). Focus in a form fetches the store while the learner types.
	 * An attested item's form is added from its `<template>` when its `<details>` opens, the first
	 * moment it can be used: the page's date fields laid out at load make the browser lay the page
	 * out again once per field (its calendar icon arrives), a long task on a phone (issue 12, TBT).
	 */
	private wire(): void {
		for (const el of this.querySelectorAll<HTMLInputElement>('[data-signoff] :disabled')) el.disabled = false;
		const addForm = (d: Element) => {
			const t = d.querySelector<HTMLTemplateElement>(':scope > template[data-attest-template]');
			t?.replaceWith(t.content);
		};
		for (const d of this.querySelectorAll('.attest details[open]')) addForm(d);
		// `toggle` does not bubble: caught on its way down to the <details>.
		this.addEventListener(
			'toggle',
			(e) => {
				if (e.target instanceof HTMLDetailsElement && e.target.open) addForm(e.target);
			},
			true,
		);
		this.addEventListener('focusin', (e) => (e.target as Element).closest('[data-attest-form]') && this.validate());
		const handle = (e: Event) => {
			if (e.type === 'submit') e.preventDefault();
			else if (!(e.target as Element).closest('[data-remove-attestation], [data-signoff-request], [data-signoff-import], [data-export]')) return;
			void this.act((a) => a.handle(this, e));
		};
		for (const type of ['click', 'submit', 'change']) this.addEventListener(type, handle);
	}

	/** Run an action; when its code cannot be downloaded (offline, a new deploy), say so in the page. */
	private async act(run: (a: Awaited<ReturnType<typeof actions>>) => Promise<unknown>): Promise<void> {
		let a: Awaited<ReturnType<typeof actions>>;
		try {
			a = await actions();
		} catch (e) {
			console.error(e);
			showError(this, 'This could not be done: part of the page did not download. Reload the page and try again. Nothing was changed.');
			return;
		}
		await run(a);
	}
}

customElements.define('qms-my-credentials', QmsMyCredentials);
