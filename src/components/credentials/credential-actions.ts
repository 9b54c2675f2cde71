/**
 * What the learner does on My credentials, loaded on the first action so the page's first view
 * stays small (issue 7 budget): record an attested item, ask for a sign-off, import one, check the
 * kept sign-offs, download an earned credential. Each works on the progress store's validated
 * record (`page.useStore()` loads it first) and writes only through the store. Learner text is set
 * as text only.
 */
import type { CertificationCatalog, CredentialStatus, VerifiedSignOff } from '../../lib/credentials/rules';
import type { ProgressRecord } from '../../schemas/progress';
import type { ProgressStore } from '../../stores/progress';
import { withProgressStore } from '../../runtime/progress-follow';
import { countOf } from '../../lib/text/count';
import { downloadBytes, downloadText, showError } from '../../runtime/dom';
import type { ExportFormat } from './export-action';

/** The `<qms-my-credentials>` element as the actions see it (./credentials-element.ts). */
export interface CredentialsPage extends HTMLElement {
	readonly catalog: CertificationCatalog;
	/** Statuses on the validated record (empty before the store is loaded). */
	readonly statuses: ReadonlyMap<string, CredentialStatus>;
	/** The store, once loaded. */
	readonly store?: ProgressStore;
	/** Load the store (once) and show its validated record; resolves with the store. */
	useStore(): Promise<ProgressStore>;
	/** Follow `store` (it was loaded by an action). */
	follow(store: ProgressStore): void;
}

const signOffActions = () => import('./signoff-actions');

/** One event on the page's controls (click, form submit, file chosen), already filtered by the element. */
export async function handle(page: CredentialsPage, e: Event): Promise<void> {
	const t = e.target as HTMLElement;
	const card = t.closest<HTMLElement>('[data-cred]');
	if (!card) return;
	if (e.type === 'submit') return t.matches('[data-attest-form]') ? submitAttestation(page, t as HTMLFormElement) : undefined;
	if (e.type === 'change') {
		const input = t as HTMLInputElement;
		const f = input.matches('[data-signoff-import]') ? input.files?.[0] : undefined;
		if (f) await importSignOff(page, card, f).finally(() => (input.value = ''));
		return;
	}
	const remove = t.closest<HTMLElement>('[data-remove-attestation]');
	if (remove) {
		const r = await removeAttestation(page, remove.dataset.removeAttestation!);
		if (!r.ok) showError(page, r.message);
		return;
	}
	const ask = t.closest<HTMLButtonElement>('[data-signoff-request]');
	if (ask) return requestSignOff(page, card, ask);
	const button = t.closest<HTMLButtonElement>('[data-export]');
	if (button) return exportNow(page, card, button, button.dataset.export as ExportFormat);
}
const trust = async (page: CredentialsPage) => (await import('../../runtime/signoff/trust')).trustIn(page);

/**
 * Check the record's sign-offs again (never trusted from storage as they are). Resolves with the
 * verified ones for the rules, or null when they could not be checked; says what was refused in
 * the page's sign-off note.
 */
export async function verifySignOffs(page: CredentialsPage, record: ProgressRecord): Promise<VerifiedSignOff[] | null> {
	const note = page.querySelector<HTMLElement>('[data-signoff-error]')!;
	if (record.signOffs.length === 0) {
		note.hidden = true;
		return [];
	}
	try {
		const { verifyKept } = await signOffActions();
		const { signOffs, refused } = await verifyKept(record.signOffs, await trust(page));
		note.hidden = refused.length === 0;
		note.textContent = refused.length ? `${countOf(refused.length, 'kept sign-off')} failed its check and does not count: ${refused[0]!.reason}` : '';
		return signOffs;
	} catch (e) {
		console.error(e);
		note.hidden = false;
		note.textContent = 'Your sign-offs could not be checked in this browser, so they are not counted now.';
		return null;
	}
}

/** Download a signed sign-off request for the card's certification, made from the validated record. */
export async function requestSignOff(page: CredentialsPage, card: HTMLElement, button: HTMLButtonElement): Promise<void> {
	const out = card.querySelector<HTMLElement>('[data-signoff-status]')!;
	button.disabled = true;
	try {
		const record = (await page.useStore()).$progress.get();
		const status = page.statuses.get(card.dataset.cred!);
		const def = page.catalog.certifications.find((d) => d.id === card.dataset.cred);
		if (!status || !def) return;
		if (!record.profile.displayName) {
			out.textContent = 'Add your name on My progress first: the lead sees it on your request.';
			return;
		}
		const { makeRequest } = await signOffActions();
		const file = await makeRequest(def, status, record, page.dataset.site!);
		downloadText(file.filename, file.text, 'text/plain');
		out.textContent = `Downloaded ${file.filename}. Send it to your lead; import the sign-off they send back here.${file.keyNote ? ` ${file.keyNote}` : ''}`;
	} catch (e) {
		console.error(e);
		out.textContent = `The request could not be made: ${e instanceof Error ? e.message : String(e)}`;
	} finally {
		button.disabled = false;
	}
}

/** Check a sign-off file and keep it in the record (through the store) when it is usable. */
export async function importSignOff(page: CredentialsPage, card: HTMLElement, file: File): Promise<void> {
	const out = card.querySelector<HTMLElement>('[data-signoff-status]')!;
	out.textContent = `Checking ${file.name}…`;
	try {
		const store = await page.useStore();
		const { checkImport } = await signOffActions();
		const r = await checkImport(await file.text(), file.size, store.$progress.get(), page.catalog, await trust(page));
		if (!r.ok) {
			out.textContent = `Not imported: ${file.name}. ${r.reason}`;
			return;
		}
		const saved = store.addSignOff(r.id, r.jws);
		out.textContent = saved.ok ? r.message : saved.message;
	} catch (e) {
		console.error(e);
		out.textContent = `Not imported: ${file.name} could not be read. Nothing was changed.`;
	}
}

/** Record the form's attested item (the store validates it and the record before saving). */
export async function submitAttestation(page: CredentialsPage, form: HTMLFormElement): Promise<void> {
	const card = form.closest<HTMLElement>('[data-cred]')!;
	const req = form.closest<HTMLElement>('[data-attest]')!.dataset.attest!;
	const data = new FormData(form);
	const what = String(data.get('what') ?? '').trim();
	const date = String(data.get('date') ?? '');
	const err = form.querySelector<HTMLElement>('[data-attest-error]')!;
	const fail = (m: string) => {
		err.hidden = false;
		err.textContent = m;
	};
	if (!what) return fail('Say what you did (for example which review or which shift).');
	if (!date) return fail('Enter the date it happened.');
	const r = await withProgressStore((store) => {
		page.follow(store);
		return store.recordAttestation(card.dataset.cred!, req, { what, date, note: String(data.get('note') ?? '') });
	});
	if (!r.ok) return fail(r.message);
	err.hidden = true;
	form.reset();
}

/** Remove an attested item (through the store); says why when it cannot. */
export async function removeAttestation(page: CredentialsPage, id: string): Promise<{ ok: true } | { ok: false; message: string }> {
	return withProgressStore((store) => {
		page.follow(store);
		return store.removeAttestation(id);
	});
}

/** Make and download the card's credential in `format`; only for a credential earned on the validated record. */
export async function exportNow(page: CredentialsPage, card: HTMLElement, button: HTMLButtonElement, format: ExportFormat): Promise<void> {
	// Download buttons show on a validated or sealed record (./credentials-element.ts); the file is
	// made from the store's validated record, loaded here when the page showed a sealed one.
	const out = card.querySelector<HTMLElement>('[data-export-status]')!;
	let record: ProgressRecord;
	try {
		record = (page.store ?? (await page.useStore())).$progress.get();
	} catch (e) {
		console.error(e);
		out.textContent = 'The file could not be made: part of the page did not download. Reload the page and try again.';
		return;
	}
	const status = page.statuses.get(card.dataset.cred!);
	if (!status || status.state !== 'earned') {
		out.textContent = 'This credential is not earned on your saved record, so there is nothing to download.';
		return;
	}
	if (!record.profile.displayName) {
		out.textContent = 'Add your name on My progress first: it is printed on the certificate.';
		return;
	}
	button.disabled = true;
	out.textContent = 'Preparing your file…';
	try {
		const def = page.catalog.certifications.find((d) => d.id === status.id)!;
		const { exportFor } = await import('./export-action');
		const file = await exportFor(format, { def, status, learnerName: record.profile.displayName, site: page.dataset.site! });
		downloadBytes(file.filename, file.bytes, file.mime);
		out.textContent = `Downloaded ${file.filename}. Certificate ID ${file.certificateId}.`;
		page.querySelector('[data-key-info]')!.textContent = file.keyNote;
	} catch (e) {
		console.error(e);
		out.textContent = `The file could not be made: ${e instanceof Error ? e.message : String(e)}`;
	} finally {
		button.disabled = false;
	}
}
