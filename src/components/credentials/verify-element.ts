/**
 * `<qms-verify-credential>`: read one dropped or picked file, check it with
 * src/lib/credentials/verify.ts (loaded on the first file, so the page ships little JS), and say
 * in words what the file proves. An oversized, foreign, truncated or tampered file gets a reason;
 * nothing a file contains is ever inserted as HTML (text only, through `h`).
 *
 * A QR code on a certificate opens this page as `/verify/?id=<certificate id>`: the page then
 * says which ID it expects and whether the checked file matches it.
 */
import { formatDate, h, replace, showError } from '../../runtime/dom';
import type { VerifyResult } from '../../lib/credentials/verify';
import type { EndorsementCheck } from '../../lib/signoff/endorsement';
import type { SignerInfo } from '../../lib/signoff/leads';

const verifier = () => import('../../lib/credentials/verify');
const signoffs = () => Promise.all([import('../../lib/signoff/endorsement'), import('../../runtime/signoff/trust'), import('../../lib/signoff/leads')]);

/** "signed by Ana Costa (Engineering lead), a lead of this site" / "signed by an unknown key did:key:…". */
const signedBy = (s: SignerInfo, label: (s: SignerInfo) => string) => `signed by ${label(s)}`;

class QmsVerifyCredential extends HTMLElement {
	private expectedId: string | null = null;

	private $<T extends HTMLElement = HTMLElement>(sel: string): T {
		return this.querySelector<T>(sel)!;
	}

	connectedCallback(): void {
		try {
			const input = this.$<HTMLInputElement>('[data-file]');
			const drop = this.$('[data-drop]');
			input.disabled = false;
			input.addEventListener('change', () => {
				const f = input.files?.[0];
				if (f) void this.check(f);
			});
			drop.addEventListener('dragover', (e) => {
				e.preventDefault();
				drop.dataset.over = '';
			});
			drop.addEventListener('dragleave', () => delete drop.dataset.over);
			drop.addEventListener('drop', (e) => {
				e.preventDefault();
				delete drop.dataset.over;
				const f = e.dataTransfer?.files[0];
				if (f) void this.check(f);
			});
			// Certificates link to /verify/#id=<certificate id> (src/lib/credentials/files.ts).
			const id = new URLSearchParams(location.hash.slice(1)).get('id') ?? new URLSearchParams(location.search).get('id');
			if (id && /^[0-9a-f-]{8,80}$/i.test(id)) {
				this.expectedId = id.toLowerCase();
				const p = this.$('[data-expected]');
				p.hidden = false;
				p.textContent = `You followed a certificate's QR code for certificate ID ${id}. Check the credential file to see that it matches.`;
			}
		} catch (e) {
			console.error(e);
			showError(this, 'This part of the page could not start. Reload the page to try again.');
		}
	}

	private async check(file: File): Promise<void> {
		showError(this, null);
		const max = Number(this.dataset.maxBytes);
		const out = this.$('[data-result]');
		if (file.size > max) {
			this.render(out, file.name, { ok: false, reason: `The file is larger than ${Math.round(max / 1024 / 1024)} MB, so it is not a credential from this site. Nothing was read.` });
			return;
		}
		replace(out, h('p', {}, `Checking ${file.name}…`));
		try {
			const [{ verifyCredentialFile }, [{ looksLikeEndorsement, checkEndorsement }, { trustIn }, { signerLabel }], bytes] = await Promise.all([verifier(), signoffs(), file.arrayBuffer()]);
			const trust = trustIn(this);
			// A sign-off file (a lead's EndorsementCredential) is checked as one, not as a badge.
			const text = bytes.byteLength <= 64 * 1024 ? new TextDecoder().decode(bytes) : '';
			if (looksLikeEndorsement(text)) {
				this.renderSignOff(out, file.name, await checkEndorsement(text, { trust }), signerLabel);
				return;
			}
			const result = await verifyCredentialFile(new Uint8Array(bytes), file.name, { now: new Date().toISOString(), maxBytes: max, trust });
			this.render(out, file.name, result, signerLabel);
		} catch (e) {
			console.error(e);
			this.render(out, file.name, { ok: false, reason: 'The file could not be checked (it may be damaged). Nothing was changed.' });
		}
	}

	/** A sign-off file itself (an EndorsementCredential a lead signed on the Team page). */
	private renderSignOff(out: HTMLElement, fileName: string, r: EndorsementCheck, label: (s: SignerInfo) => string): void {
		if (!r.ok) {
			replace(out, h('div', { class: 'verdict', 'data-ok': 'false', 'data-verdict': 'refused' }, h('h3', {}, `Not accepted: ${fileName}`), h('p', {}, r.reason)));
			return;
		}
		const c = r.claim;
		replace(
			out,
			h(
				'div',
				{ class: 'verdict', 'data-ok': String(r.signer.lead !== undefined), 'data-verdict': 'sign-off' },
				h('h3', {}, r.signer.lead ? 'Sign-off, intact and signed by a lead of this site' : 'Sign-off, intact, signed by an unknown key'),
				h(
					'dl',
					{},
					h('dt', {}, 'Sign-off for'),
					h('dd', { 'data-field': 'certification' }, c.certification.name),
					h('dt', {}, 'Learner'),
					h('dd', { 'data-field': 'name' }, `${c.learner.name} (key ${c.learner.did})`),
					h('dt', {}, 'Approved'),
					h('dd', {}, c.approved.map((a) => `${a.requirement}${a.items.length ? ` (${a.items.length} ${a.items.length === 1 ? 'item' : 'items'})` : ''}`).join(', ')),
					h('dt', {}, 'Signed'),
					h('dd', {}, formatDate(r.signedAt)),
					h('dt', {}, 'Signed by'),
					h('dd', { 'data-field': 'signer' }, signedBy(r.signer, label)),
				),
				h(
					'p',
					{},
					r.signer.lead
						? 'What this proves: a lead this site publishes signed off these items for this learner, and the file was not changed after.'
						: 'What this proves: the file was not changed after it was signed by the key named above. This site does not publish that key, so it does not say who holds it.',
				),
			),
		);
	}

	private render(out: HTMLElement, fileName: string, r: VerifyResult, label: (s: SignerInfo) => string = (s) => s.did): void {
		if (!r.ok) {
			replace(out, h('div', { class: 'verdict', 'data-ok': 'false', 'data-verdict': 'refused' }, h('h3', {}, `Not accepted: ${fileName}`), h('p', {}, r.reason)));
			return;
		}
		const c = r.summary;
		const expiry =
			r.expiry === 'expired' ? `Expired on ${formatDate(c.validUntil!)}` : r.expiry === 'not-yet-valid' ? `Not valid before ${formatDate(c.validFrom)}` : c.validUntil ? `Valid until ${formatDate(c.validUntil)}` : 'Does not expire';
		const idMatch = this.expectedId === null ? null : r.certificateId.toLowerCase().startsWith(this.expectedId) || this.expectedId.startsWith(r.certificateId.toLowerCase());
		const heading = r.signed ? (r.expiry === 'valid' ? 'Valid, intact and signed' : 'Intact and signed, but not in force') : 'Readable, but not signed';
		replace(
			out,
			h(
				'div',
				{ class: 'verdict', 'data-ok': String(r.signed && r.expiry === 'valid' && idMatch !== false), 'data-verdict': r.signed ? 'signed' : 'unsigned' },
				h('h3', {}, heading),
				h(
					'dl',
					{},
					h('dt', {}, 'Credential'),
					h('dd', { 'data-field': 'achievement' }, c.achievementName),
					h('dt', {}, 'Awarded to'),
					h('dd', { 'data-field': 'name' }, c.learnerName ?? '(no name)'),
					h('dt', {}, 'Issued'),
					h('dd', {}, formatDate(c.validFrom)),
					h('dt', {}, 'In force'),
					h('dd', { 'data-field': 'expiry' }, expiry),
					h('dt', {}, 'Certificate ID'),
					h('dd', { 'data-field': 'certificate-id' }, r.certificateId),
					h('dt', {}, 'Signed by'),
					h('dd', { 'data-field': 'signer' }, r.signed && r.signer ? `${r.signer.did} (the learner's own key: self-issued)` : 'No signature: anyone could have written this file.'),
				),
				idMatch === null ? null : h('p', { 'data-field': 'id-match' }, idMatch ? 'The certificate ID matches the QR code you followed.' : 'This file is a different certificate from the one whose QR code you followed.'),
				h(
					'p',
					{},
					r.signed
						? `What this proves: the file was not changed after it was signed, by the key named above. The credential is self-issued: the learner’s own browser signed it from progress it recorded. It does not prove who the learner is, and no lead or organisation vouches for it${r.signOffs.some((x) => x.ok && x.signer.lead) ? ', except for the sign-offs below signed by a lead of this site, each for the items it names' : ''}.`
						: 'What this proves: only that the file is shaped like an Open Badges 3.0 credential. Without a signature it may have been written or edited by anyone.',
				),
				...r.warnings.map((w) => h('p', { class: 'verify-warning' }, w)),
				r.signOffs.length
					? h(
							'div',
							{ 'data-field': 'sign-offs' },
							h('h4', {}, 'Sign-offs it carries'),
							h(
								'ul',
								{},
								...r.signOffs.map((s) =>
									s.ok
										? h('li', { 'data-sign-off': s.signer.lead ? 'lead' : 'unknown' }, `Sign-off of ${s.requirements.join(', ')} on ${formatDate(s.signedAt)}, ${signedBy(s.signer, label)}.`)
										: h('li', { 'data-sign-off': 'refused' }, `A sign-off that does not check out: ${s.reason}`),
								),
							),
						)
					: null,
			),
		);
	}
}

customElements.define('qms-verify-credential', QmsVerifyCredential);
