/**
 * `<qms-my-credentials>`: marks every card built by MyCredentials.astro with the learner's state.
 * Rules live in src/lib/credentials/rules.ts (evaluated on every change of the record, with the
 * clock read here, never inside the rules); exports are loaded only when the learner asks for one
 * (src/runtime/credentials/export.ts). Learner text (names, attested items) is set as text only.
 */
import { $progress, addSignOff, load, recordAttestation, removeAttestation } from '../../stores/progress';
import { evaluateAll, type CredentialStatus, type RequirementStatus, type VerifiedSignOff } from '../../lib/credentials/rules';
import type { CertificationCatalog } from '../../lib/credentials/rules';
import type { ProgressRecord } from '../../schemas/progress';
import { countOf } from '../../lib/text/count';
import { embeddedJson, formatDate, h, replace, showError } from '../../runtime/dom';
import { downloadBytes, downloadText } from '../../runtime/dom';
import { exportFor, type ExportFormat } from './export-action';
import { cardState, datesText, requirementView, stateLabel, summaryText } from './card-view';

class QmsMyCredentials extends HTMLElement {
	private catalog!: CertificationCatalog;
	private statuses = new Map<string, CredentialStatus>();
	private unsubscribe?: () => void;
	/** The record's sign-offs as last verified (signature, structure, trust), and which entries that was for. */
	private verified: VerifiedSignOff[] = [];
	private verifiedFor = '';
	/** Sign-off actions (jose and the request/endorsement code), loaded on first need. */
	private signOffActions = () => import('./signoff-actions');
	private trust = async () => (await import('../../runtime/signoff/trust')).trustIn(this);

	connectedCallback(): void {
		try {
			this.catalog = embeddedJson<CertificationCatalog>(this, 'script[data-catalog]');
			load();
			this.wireForms();
			this.wireSignOffs();
			this.addEventListener('click', (e) => this.onClick(e));
			this.unsubscribe = $progress.subscribe((r) => {
				this.render(r);
				this.querySelector('.creds')?.removeAttribute('aria-busy');
			});
		} catch (e) {
			console.error(e);
			showError(this, 'This part of the page could not start. Reload the page to try again.');
		}
	}

	disconnectedCallback(): void {
		this.unsubscribe?.();
	}

	private render(record: ProgressRecord): void {
		const kept = record.signOffs.map((s) => s.id).join(',');
		if (kept !== this.verifiedFor) void this.verifySignOffs(record, kept);
		const now = new Date().toISOString();
		const all = evaluateAll(this.catalog, record, now, this.verified);
		this.statuses = new Map(all.map((s) => [s.id, s]));
		for (const s of all) this.renderCard(s, record);
		this.querySelector('[data-summary]')!.textContent = summaryText(all, countOf);
		const name = record.profile.displayName;
		replace(
			this.querySelector('[data-name-note]')!,
			name ? `Certificates will show your name as “${name}”. Change it on ` : 'Add the name to print on your certificates on ',
			h('a', { href: '/progress/#profile-title' }, 'My progress'),
			name ? '.' : ' before you download one.',
		);
	}

	private renderCard(s: CredentialStatus, record: ProgressRecord): void {
		const card = this.querySelector<HTMLElement>(`[data-cred="${CSS.escape(s.id)}"]`);
		if (!card) return;
		card.dataset.state = cardState(s);
		card.querySelector('[data-state-label]')!.textContent = stateLabel(s);
		card.querySelector('[data-dates]')!.textContent = datesText(s, formatDate);
		for (const r of s.requirements) this.renderRequirement(card, r, record, s.id);
		const actions = card.querySelector<HTMLElement>('[data-actions]')!;
		actions.hidden = s.state !== 'earned';
	}

	private renderRequirement(card: HTMLElement, r: RequirementStatus, record: ProgressRecord, certId: string): void {
		const li = card.querySelector<HTMLElement>(`[data-req="${CSS.escape(r.id)}"]`);
		if (!li) return;
		li.dataset.met = String(r.met);
		li.dataset.available = String(r.available);
		const view = requirementView(r);
		li.querySelector('[data-mark]')!.textContent = view.mark;
		li.querySelector('[data-req-state]')!.textContent = view.srState;
		replace(li.querySelector('[data-missing]')!, ...view.lines.map((l) => h('li', {}, l.href ? h('a', { href: l.href }, l.text) : l.text)));
		const list = li.querySelector('[data-attest-items]');
		if (list) {
			const items = record.attestations.filter((a) => a.certification === certId && a.requirement === r.id && !a.removedAt);
			replace(
				list,
				...items.map((a) =>
					h('li', {}, `${formatDate(a.date)}: ${a.what}${a.note ? ` (${a.note})` : ''} `, h('button', { type: 'button', class: 'qms-button secondary', 'data-remove-attestation': a.id }, 'Remove')),
				),
			);
		}
	}

	/** Check the record's sign-offs again (never trusted from storage as they are), then evaluate with them. */
	private async verifySignOffs(record: ProgressRecord, kept: string): Promise<void> {
		this.verifiedFor = kept;
		const note = this.querySelector<HTMLElement>('[data-signoff-error]')!;
		if (record.signOffs.length === 0) {
			this.verified = [];
			note.hidden = true;
			return;
		}
		try {
			const { verifyKept } = await this.signOffActions();
			const { signOffs, refused } = await verifyKept(record.signOffs, await this.trust());
			if (this.verifiedFor !== kept) return;
			this.verified = signOffs;
			note.hidden = refused.length === 0;
			note.textContent = refused.length ? `${countOf(refused.length, 'kept sign-off')} failed its check and does not count: ${refused[0]!.reason}` : '';
			this.render($progress.get());
		} catch (e) {
			console.error(e);
			note.hidden = false;
			note.textContent = 'Your sign-offs could not be checked in this browser, so they are not counted now.';
		}
	}

	private wireSignOffs(): void {
		for (const el of this.querySelectorAll<HTMLInputElement | HTMLButtonElement>('[data-signoff-request], [data-signoff-import]')) el.disabled = false;
		for (const input of this.querySelectorAll<HTMLInputElement>('[data-signoff-import]')) {
			input.addEventListener('change', () => {
				const f = input.files?.[0];
				if (f) void this.importSignOff(input.closest<HTMLElement>('[data-cred]')!, f).finally(() => (input.value = ''));
			});
		}
	}

	private async requestSignOff(card: HTMLElement, button: HTMLButtonElement): Promise<void> {
		const out = card.querySelector<HTMLElement>('[data-signoff-status]')!;
		const record = $progress.get();
		const status = this.statuses.get(card.dataset.cred!);
		const def = this.catalog.certifications.find((d) => d.id === card.dataset.cred);
		if (!status || !def) return;
		if (!record.profile.displayName) {
			out.textContent = 'Add your name on My progress first: the lead sees it on your request.';
			return;
		}
		button.disabled = true;
		try {
			const { makeRequest } = await this.signOffActions();
			const file = await makeRequest(def, status, record, this.dataset.site!);
			downloadText(file.filename, file.text, 'text/plain');
			out.textContent = `Downloaded ${file.filename}. Send it to your lead; import the sign-off they send back here.${file.keyNote ? ` ${file.keyNote}` : ''}`;
		} catch (e) {
			console.error(e);
			out.textContent = `The request could not be made: ${e instanceof Error ? e.message : String(e)}`;
		} finally {
			button.disabled = false;
		}
	}

	private async importSignOff(card: HTMLElement, file: File): Promise<void> {
		const out = card.querySelector<HTMLElement>('[data-signoff-status]')!;
		out.textContent = `Checking ${file.name}…`;
		try {
			const { checkImport } = await this.signOffActions();
			const r = await checkImport(await file.text(), file.size, $progress.get(), this.catalog, await this.trust());
			if (!r.ok) {
				out.textContent = `Not imported: ${file.name}. ${r.reason}`;
				return;
			}
			const saved = addSignOff(r.id, r.jws);
			out.textContent = saved.ok ? r.message : saved.message;
		} catch (e) {
			console.error(e);
			out.textContent = `Not imported: ${file.name} could not be read. Nothing was changed.`;
		}
	}

	private wireForms(): void {
		for (const form of this.querySelectorAll<HTMLFormElement>('[data-attest-form]')) {
			for (const el of form.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, textarea, button')) el.disabled = false;
			form.addEventListener('submit', (e) => {
				e.preventDefault();
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
				const r = recordAttestation(card.dataset.cred!, req, { what, date, note: String(data.get('note') ?? '') });
				if (!r.ok) return fail(r.message);
				err.hidden = true;
				form.reset();
			});
		}
	}

	private onClick(e: Event): void {
		const t = e.target as HTMLElement;
		const remove = t.closest<HTMLElement>('[data-remove-attestation]');
		if (remove) {
			const r = removeAttestation(remove.dataset.removeAttestation!);
			if (!r.ok) showError(this, r.message);
			return;
		}
		const ask = t.closest<HTMLButtonElement>('[data-signoff-request]');
		if (ask) {
			void this.requestSignOff(ask.closest<HTMLElement>('[data-cred]')!, ask);
			return;
		}
		const button = t.closest<HTMLButtonElement>('[data-export]');
		if (!button) return;
		const card = button.closest<HTMLElement>('[data-cred]')!;
		void this.exportNow(card, button, button.dataset.export as ExportFormat);
	}

	private async exportNow(card: HTMLElement, button: HTMLButtonElement, format: ExportFormat): Promise<void> {
		const status = this.statuses.get(card.dataset.cred!);
		const out = card.querySelector<HTMLElement>('[data-export-status]')!;
		const record = $progress.get();
		if (!status || status.state !== 'earned') return;
		if (!record.profile.displayName) {
			out.textContent = 'Add your name on My progress first: it is printed on the certificate.';
			return;
		}
		button.disabled = true;
		out.textContent = 'Preparing your file…';
		try {
			const def = this.catalog.certifications.find((d) => d.id === status.id)!;
			const file = await exportFor(format, { def, status, learnerName: record.profile.displayName, site: this.dataset.site! });
			downloadBytes(file.filename, file.bytes, file.mime);
			out.textContent = `Downloaded ${file.filename}. Certificate ID ${file.certificateId}.`;
			this.querySelector('[data-key-info]')!.textContent = file.keyNote;
		} catch (e) {
			console.error(e);
			out.textContent = `The file could not be made: ${e instanceof Error ? e.message : String(e)}`;
		} finally {
			button.disabled = false;
		}
	}
}

customElements.define('qms-my-credentials', QmsMyCredentials);
