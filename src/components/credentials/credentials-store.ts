/**
 * My credentials on the progress store's validated record (loaded with the store, never before):
 * shows the store's record on every change, with the record's sign-offs verified again (they are
 * never trusted from storage as they are; ./credential-actions.ts verifySignOffs). Split from
 * ./credentials-element.ts so a page that shows a record from a peek (no store) does not download
 * it (issue 7 budget).
 */
import type { CredentialStatus, VerifiedSignOff } from '../../lib/credentials/rules';
import type { ProgressRecord } from '../../schemas/progress';
import type { ProgressStore } from '../../stores/progress';
import { showError } from '../../runtime/dom';
import { nextTask } from '../../runtime/next-task';
import type { CredentialsPage } from './credential-actions';

/** The element as this module sees it: it keeps the statuses and the unsubscribe functions. */
export interface StorePage extends CredentialsPage {
	statuses: Map<string, CredentialStatus>;
	readonly stops: (() => void)[];
}

/**
 * Show `store`'s record in `page` now and on every change. Resolves once a change is shown; the
 * returned `latest()` is the promise of the latest one (what `useStore` waits for).
 */
export function followStore(page: StorePage, store: ProgressStore): { latest: () => Promise<void> } {
	/** The record's sign-offs as last verified (signature, structure, trust), and which entries that was for. */
	let verified: VerifiedSignOff[] = [];
	let verifiedFor = '';
	let shown: Promise<void> = Promise.resolve();

	/** Which show() is the latest: an older one stops between cards. */
	let shows = 0;

	/** Show the store's current record (validated), with the sign-offs as last verified. */
	async function show(): Promise<void> {
		const n = ++shows;
		try {
			const v = await import('./credentials-view');
			if (n !== shows) return;
			const record = store.$progress.get();
			const kept = record.signOffs.map((s) => s.id).join(',');
			if (kept !== verifiedFor) void verify(record, kept);
			const all = await v.evaluateEach(page.catalog, record, new Date().toISOString(), nextTask, () => n !== shows, verified);
			if (!all) return;
			page.statuses = new Map(all.map((s) => [s.id, s]));
			// Card by card, each in a task of its own (issue 12, TBT); a newer record's show takes over.
			await v.render(page, record, all, true, nextTask, () => n !== shows);
		} catch (e) {
			console.error(e);
			showError(page, 'Your credentials could not be shown. Reload the page to try again.');
		}
	}

	/** Check the record's sign-offs again, then show the record with them. */
	async function verify(record: ProgressRecord, kept: string): Promise<void> {
		verifiedFor = kept;
		if (record.signOffs.length === 0) {
			verified = [];
			page.querySelector<HTMLElement>('[data-signoff-error]')!.hidden = true;
			return;
		}
		const checked = await import('./credential-actions').then(
			(a) => a.verifySignOffs(page, record),
			(e: unknown) => (console.error(e), null),
		);
		if (verifiedFor !== kept) return;
		verified = checked ?? [];
		shown = show();
	}

	page.stops.push(store.$progress.subscribe(() => (shown = show())));
	return { latest: () => shown };
}
