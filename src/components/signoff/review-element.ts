/**
 * `<qms-signoff-review>`: the lead's side of a sign-off (SignOffReview.astro). Reads a request
 * file (src/lib/signoff/request.ts: signature, learner's key, content id), shows it, and signs the
 * approved requirements as an endorsement (src/lib/signoff/endorsement.ts) with the lead's key
 * (src/runtime/signoff/lead-key.ts). Text from the file is shown as text only.
 */
import { buildEndorsement, endorsementFileName, signEndorsement } from '../../lib/signoff/endorsement';
import { signerOf, signerLabel } from '../../lib/signoff/leads';
import { readSignOffRequest, type RequestCheck } from '../../lib/signoff/request';
import { downloadText, formatDate, h, replace } from '../../runtime/dom';
import { LeadKeyError, createLeadKey, leadSigningKey, peekLeadKey, setLeadProfile, type LeadKeyInfo } from '../../runtime/signoff/lead-key';
import { trustIn } from '../../runtime/signoff/trust';

const SIGNER = {
	buddy: 'a buddy',
	peer: 'a peer reviewer',
	lead: 'a lead',
} as const;
const MAX_BYTES = 512 * 1024;

class QmsSignOffReview extends HTMLElement {
	private key: LeadKeyInfo | undefined;
	private current: Extract<RequestCheck, { ok: true }> | undefined;

	private $<T extends HTMLElement = HTMLElement>(sel: string): T {
		return this.querySelector<T>(sel)!;
	}

	connectedCallback(): void {
		for (const el of this.querySelectorAll<HTMLInputElement | HTMLButtonElement>('[data-lead-name], [data-lead-role], [data-make-key], [data-request-file]')) el.disabled = false;
		this.$('[data-make-key]').addEventListener('click', () => void this.makeKey());
		for (const b of this.querySelectorAll<HTMLButtonElement>('[data-copy]')) b.addEventListener('click', () => void this.copy(b.dataset.copy as 'did' | 'jwk'));
		for (const sel of ['[data-lead-name]', '[data-lead-role]']) this.$(sel).addEventListener('change', () => void this.saveProfile());
		const file = this.$<HTMLInputElement>('[data-request-file]');
		file.addEventListener('change', () => {
			const f = file.files?.[0];
			if (f) void this.open(f);
		});
		this.$<HTMLFormElement>('[data-review]').addEventListener('submit', (e) => {
			e.preventDefault();
			void this.sign();
		});
		void this.loadKey();
	}

	/** The request's error line (its own attribute: the Team page's roll-up above owns `[data-error]`). */
	private requestError(message: string | null): void {
		const el = this.$('[data-review-error]');
		el.hidden = message === null;
		el.textContent = message ?? '';
	}

	private keyError(message: string | null): void {
		const el = this.$('[data-key-error]');
		el.hidden = message === null;
		el.textContent = message ?? '';
	}

	private async loadKey(): Promise<void> {
		try {
			this.key = await peekLeadKey();
			this.renderKey();
		} catch (e) {
			this.keyError(e instanceof LeadKeyError ? e.message : 'Your signing key could not be read.');
		}
	}

	private renderKey(): void {
		const k = this.key;
		const make = this.$<HTMLButtonElement>('[data-make-key]');
		make.hidden = k !== undefined;
		this.$('[data-key-details]').hidden = k === undefined;
		if (!k) {
			this.$('[data-key-state]').textContent = 'This browser has no signing key for you yet. Give your name and role, then make one: it is needed to sign.';
			return;
		}
		this.$<HTMLInputElement>('[data-lead-name]').value = k.name;
		this.$<HTMLInputElement>('[data-lead-role]').value = k.role;
		this.$('[data-key-state]').textContent = `Your signing key was made in this browser on ${formatDate(k.createdAt)}.`;
		this.$('[data-did]').textContent = k.did;
		this.$('[data-jwk]').textContent = JSON.stringify(k.jwk);
		const signer = signerOf(k.did, trustIn(this));
		this.$('[data-key-trust]').textContent = signer.lead
			? `This site publishes this key: your sign-offs show as signed by ${signerLabel(signer)}, and they count.`
			: `This site does not publish this key yet: your sign-offs show as signed by an unknown key${signer.counts ? ' (this site counts them anyway)' : ' and do not count towards certifications'} until the maintainers add it to the site's list of leads.`;
	}

	private fields(): { name: string; role: string } {
		return {
			name: this.$<HTMLInputElement>('[data-lead-name]').value.trim(),
			role: this.$<HTMLInputElement>('[data-lead-role]').value.trim(),
		};
	}

	private async makeKey(): Promise<void> {
		const { name, role } = this.fields();
		if (!name) return this.keyError('Give your name first: learners and verifiers see it on your sign-offs.');
		this.keyError(null);
		try {
			this.key = await createLeadKey(name, role);
			this.renderKey();
		} catch (e) {
			this.keyError(e instanceof LeadKeyError ? e.message : 'Your signing key could not be made.');
		}
	}

	private async saveProfile(): Promise<void> {
		if (!this.key) return;
		const { name, role } = this.fields();
		if (!name) return;
		try {
			await setLeadProfile(name, role);
			this.key = { ...this.key, name, role };
		} catch (e) {
			this.keyError(e instanceof LeadKeyError ? e.message : 'Your name could not be saved with your key.');
		}
	}

	private async copy(what: 'did' | 'jwk'): Promise<void> {
		if (!this.key) return;
		const text = what === 'did' ? this.key.did : JSON.stringify(this.key.jwk);
		const out = this.$('[data-copied]');
		try {
			await navigator.clipboard.writeText(text);
			out.textContent = what === 'did' ? 'did:key copied.' : 'JWK copied.';
		} catch {
			out.textContent = 'This browser did not allow copying: select the text and copy it.';
		}
	}

	private async open(file: File): Promise<void> {
		this.requestError(null);
		const form = this.$<HTMLFormElement>('[data-review]');
		form.hidden = true;
		this.current = undefined;
		if (file.size > MAX_BYTES) return this.requestError(`${file.name} is too large to be a sign-off request. Nothing was read.`);
		const r = await readSignOffRequest(await file.text());
		if (!r.ok) return this.requestError(`${file.name} was refused: ${r.reason}`);
		this.current = r;
		const q = r.request;
		replace(
			this.$('[data-request-summary]'),
			h('strong', {}, q.learner.name || '(no name)'),
			` asks for a sign-off on ${q.certification.name}. Made on ${formatDate(q.createdAt)}, signed by the learner's key `,
			h('code', {}, q.learner.did),
			' (the request was not changed after they signed it).',
		);
		replace(
			this.$('[data-requirements]'),
			...q.requirements.map((req) => {
				const id = `so-req-${req.id}`;
				const short = req.kind === 'attested' && req.items.length < req.count;
				return h(
					'div',
					{ class: 'so-req' },
					h('input', {
						type: 'checkbox',
						id,
						name: 'approve',
						value: req.id,
						'data-approve': req.id,
					}),
					' ',
					h('label', { for: id }, req.text),
					h(
						'ul',
						{},
						h(
							'li',
							{},
							`Asks for ${SIGNER[req.signer]}.${req.kind === 'attested' ? ` ${req.items.length} of ${req.count} items recorded${short ? ': fewer than needed, so it will not be met yet' : ''}.` : ''}`,
						),
						...req.items.map((i) => h('li', {}, `${formatDate(i.date)}: ${i.what}${i.note ? ` (${i.note})` : ''}`)),
					),
				);
			}),
		);
		replace(this.$('[data-evidence]'), ...(q.evidence.length ? q.evidence.map((e) => h('li', {}, `${e.name}: ${e.description}`)) : [h('li', {}, 'None recorded yet.')]));
		this.$('[data-sign-status]').textContent = '';
		form.hidden = false;
	}

	private async sign(): Promise<void> {
		const status = this.$('[data-sign-status]');
		const r = this.current;
		if (!r) return;
		const approve = [...this.querySelectorAll<HTMLInputElement>('[data-approve]:checked')].map((c) => c.value);
		if (approve.length === 0) {
			status.textContent = 'Choose at least one requirement you reviewed and approve.';
			return;
		}
		if (!this.key) {
			status.textContent = 'Make your signing key first (above).';
			return;
		}
		try {
			const { name, role } = this.fields();
			if (!name) {
				status.textContent = 'Give your name (above): it is signed with the sign-off.';
				return;
			}
			await this.saveProfile();
			const k = await leadSigningKey();
			const comment = String(new FormData(this.$<HTMLFormElement>('[data-review]')).get('comment') ?? '');
			const { credential, certificateId } = await buildEndorsement({
				request: r.request,
				requestDigest: r.digest,
				approve,
				comment,
				lead: { did: k.did, name, role },
				now: new Date().toISOString(),
			});
			const jws = await signEndorsement(credential, k.privateKey, k.did);
			const filename = endorsementFileName(credential, certificateId);
			downloadText(filename, `${jws}\n`, 'text/plain');
			status.textContent = `Downloaded ${filename}: send it to ${r.request.learner.name || 'the learner'}, who imports it on My credentials.`;
		} catch (e) {
			status.textContent = `The sign-off could not be made: ${e instanceof Error ? e.message : String(e)}`;
		}
	}
}

customElements.define('qms-signoff-review', QmsSignOffReview);
