/**
 * Check a credential file dropped on the verify page, following OB 3.0 "Verification and
 * Validation" as far as a browser without a server can.
 *
 * Steps, each ending the check with a plain-language reason when it fails:
 * 1. Size: files over `maxBytes` (default 5 MB) are refused before any parsing.
 * 2. Format, detected from the bytes (the file name is only used in messages): PNG (signature
 *    bytes) → the `openbadgecredential` iTXt chunk; SVG (XML text with an `<svg>` root) → the
 *    `<openbadges:credential>` element; JSON text → the credential; compact JWS text (.jwt/.jws).
 * 3. Proof: a compact JWS is verified with the did:key in its `kid` and its JWT claims are checked
 *    against the credential (sign.ts); plain JSON is accepted as unsigned, with a warning.
 * 4. Structure: the OB 3.0 required properties (src/schemas/open-badge-credential.ts).
 * 5. Certificate ID: recomputed from the content (ob3.ts) and compared with the credential `id`.
 * 6. Time: `now` against validFrom / validUntil → 'not-yet-valid' | 'valid' | 'expired'
 *    (reported, not refused: the page shows it).
 * 7. Sign-offs (issue 9): each `endorsementJwt` is checked as an endorsement file is
 *    (src/lib/signoff/endorsement.ts), must be for this credential's learner and certification,
 *    and its signer is named under `trust` (a lead of this site, or an unknown key). A sign-off
 *    that fails is reported with its reason; it does not refuse the credential, whose own
 *    signature still holds.
 *
 * Never throws; an unexpected failure becomes `{ ok: false, reason }`.
 */
import { checkOpenBadgeCredential } from '../../schemas/open-badge-credential';
import { extractFromPng, isPng } from './bake-png';
import { extractFromSvg, isSvgText } from './bake-svg';
import { type OpenBadgeCredential, certificateIdOf, credentialIdFor, learnerNameOf } from './ob3';
import { COMPACT_JWS, verifyJws } from './sign';
import { checkEndorsement } from '../signoff/endorsement';
import { NO_TRUST, type SignerInfo, type TrustConfig } from '../signoff/leads';

/** One sign-off carried by a credential, as checked. */
export type CarriedSignOff =
	| { ok: true; signer: SignerInfo; signedAt: string; requirements: string[] }
	| { ok: false; reason: string };

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export type Expiry = 'valid' | 'expired' | 'not-yet-valid';

/** The facts the verify page shows, read from the credential. */
export interface VerifySummary {
	learnerName?: string;
	achievementName: string;
	achievementId: string;
	achievementType?: string;
	issuerId: string;
	issuerName?: string;
	validFrom: string;
	validUntil?: string;
}

export type VerifyResult =
	| {
			ok: true;
			credential: OpenBadgeCredential;
			/** SHA-256 hex of the credential without `id` (ob3.ts). */
			certificateId: string;
			signed: boolean;
			signer?: { did: string };
			expiry: Expiry;
			/** Where the credential was found. */
			format: 'png' | 'svg' | 'json' | 'jws';
			summary: VerifySummary;
			/** Things the learner or a reader should know even though the check passed. */
			warnings: string[];
			/** The sign-offs it carries (OB 3.0 endorsementJwt), each checked. */
			signOffs: CarriedSignOff[];
	  }
	| { ok: false; reason: string };

export const SELF_ISSUED_NOTE =
	'Self-issued: the issuer is the learner’s own key, made in their browser. The signature proves the file was not changed after signing; it does not prove that anyone else vouches for it.';
export const UNSIGNED_NOTE = 'This credential is not signed: anyone could have written or changed it. Use the signed badge, certificate or .jwt file to check it.';

/** 5242880 → "5 MB", 1536 → "1.5 KB". */
const size = (bytes: number) =>
	bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.round((bytes / 1024) * 10) / 10} KB`;

/**
 * Check a credential file. `now` is an ISO 8601 date-time (the caller's clock, injected so tests
 * are fixed); `maxBytes` defaults to 5 MB.
 */
export async function verifyCredentialFile(bytes: Uint8Array, fileName: string, opts: { now: string; maxBytes?: number; trust?: TrustConfig }): Promise<VerifyResult> {
	try {
		return await verify(bytes, fileName, opts);
	} catch (error) {
		return { ok: false, reason: `The file could not be checked: ${(error as Error)?.message ?? String(error)}` };
	}
}

async function verify(bytes: Uint8Array, fileName: string, opts: { now: string; maxBytes?: number; trust?: TrustConfig }): Promise<VerifyResult> {
	const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
	if (bytes.length > maxBytes) return { ok: false, reason: `The file is larger than ${size(maxBytes)}, so it is not checked.` };
	if (bytes.length === 0) return { ok: false, reason: `${fileName || 'The file'} is empty.` };

	let format: 'png' | 'svg' | 'json' | 'jws';
	let text: string;
	if (isPng(bytes)) {
		const found = extractFromPng(bytes);
		if (found.kind === 'error') return { ok: false, reason: found.reason };
		if (found.kind === 'ob2') return { ok: false, reason: 'This PNG holds an Open Badges 2.0 badge (“openbadges” chunk); this page checks Open Badges 3.0 credentials only.' };
		if (found.kind === 'none') return { ok: false, reason: 'This PNG has no Open Badges credential in it.' };
		format = 'png';
		text = found.text.trim();
	} else {
		let decoded: string;
		try {
			decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
		} catch {
			return { ok: false, reason: `${fileName || 'This file'} is not a PNG, SVG, JSON or JWT credential file.` };
		}
		const trimmed = decoded.trim();
		if (trimmed.startsWith('<')) {
			if (!isSvgText(trimmed)) return { ok: false, reason: 'This is an XML or HTML file, not an SVG image.' };
			const found = extractFromSvg(trimmed);
			if (found.kind === 'error') return { ok: false, reason: found.reason };
			if (found.kind === 'none') {
				const ob2 = /<openbadges:assertion\b/.test(trimmed);
				return { ok: false, reason: ob2 ? 'This SVG holds an Open Badges 2.0 badge; this page checks Open Badges 3.0 credentials only.' : 'This SVG has no Open Badges credential in it.' };
			}
			format = 'svg';
			text = found.text;
		} else if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
			format = 'json';
			text = trimmed;
		} else if (COMPACT_JWS.test(trimmed)) {
			format = 'jws';
			text = trimmed;
		} else {
			return { ok: false, reason: `${fileName || 'This file'} is not a PNG, SVG, JSON or JWT credential file.` };
		}
	}

	// The embedded text is a compact JWS (signed) or the credential JSON (unsigned).
	let raw: unknown;
	let signer: { did: string } | undefined;
	if (COMPACT_JWS.test(text)) {
		const checked = await verifyJws(text);
		if (!checked.ok) return { ok: false, reason: checked.reason };
		raw = checked.credential;
		signer = { did: checked.did };
	} else {
		try {
			raw = JSON.parse(text);
		} catch {
			if (format === 'json') return { ok: false, reason: 'The file is not valid JSON (it may be cut short or damaged).' };
			return { ok: false, reason: 'The credential in this file is neither a signed credential (JWS) nor valid JSON: it is damaged.' };
		}
	}
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'The file does not hold a credential object.' };
	const foreign = describeForeign(raw as Record<string, unknown>);
	if (foreign) return { ok: false, reason: foreign };

	const structure = checkOpenBadgeCredential(raw);
	if (!structure.ok) return { ok: false, reason: `Not an Open Badges 3.0 credential: ${structure.problem}.` };
	const credential = raw as OpenBadgeCredential;

	const certificateId = await certificateIdOf(credential);
	if (credentialIdFor(certificateId) !== credential.id) {
		return {
			ok: false,
			reason: signer
				? 'The certificate ID does not match the credential’s content: this credential was not made by this site.'
				: 'The certificate ID does not match the credential’s content: the credential was changed after it was made (or was not made by this site).',
		};
	}

	const expiry = expiryAt(credential, opts.now);
	const warnings: string[] = [signer ? SELF_ISSUED_NOTE : UNSIGNED_NOTE];
	if (expiry === 'expired') warnings.push(`This credential expired on ${credential.validUntil}.`);
	if (expiry === 'not-yet-valid') warnings.push(`This credential is not valid before ${credential.validFrom}.`);
	const issuer = credential.issuer;
	const achievement = credential.credentialSubject.achievement;
	const signOffs: CarriedSignOff[] = [];
	for (const jws of credential.endorsementJwt ?? []) {
		const e = await checkEndorsement(jws, { trust: opts.trust ?? NO_TRUST, ...(credential.credentialSubject.id ? { learnerDid: credential.credentialSubject.id } : {}) });
		if (!e.ok) signOffs.push({ ok: false, reason: e.reason });
		else if (!achievement.id.endsWith(`#${e.claim.certification.id}`)) signOffs.push({ ok: false, reason: `This sign-off is for another certification (${e.claim.certification.name}).` });
		else signOffs.push({ ok: true, signer: e.signer, signedAt: e.signedAt, requirements: e.claim.approved.map((a) => a.requirement) });
	}
	return {
		ok: true,
		credential,
		certificateId,
		signed: signer !== undefined,
		...(signer ? { signer } : {}),
		expiry,
		format,
		summary: {
			learnerName: learnerNameOf(credential),
			achievementName: achievement.name,
			achievementId: achievement.id,
			achievementType: achievement.achievementType,
			issuerId: typeof issuer === 'string' ? issuer : issuer.id,
			issuerName: typeof issuer === 'string' ? undefined : issuer.name,
			validFrom: credential.validFrom,
			validUntil: credential.validUntil,
		},
		warnings,
		signOffs,
	};
}

/** 'not-yet-valid' before validFrom, 'expired' from validUntil on, else 'valid'. Throws on a bad `now`. */
export function expiryAt(credential: Pick<OpenBadgeCredential, 'validFrom' | 'validUntil'>, now: string): Expiry {
	const t = Date.parse(now);
	if (Number.isNaN(t)) throw new Error(`now is not a date-time: ${now}`);
	if (t < Date.parse(credential.validFrom)) return 'not-yet-valid';
	if (credential.validUntil !== undefined && t >= Date.parse(credential.validUntil)) return 'expired';
	return 'valid';
}

/** Name well-known credentials that are not OB 3.0, for a clearer reason than a missing field. */
function describeForeign(raw: Record<string, unknown>): string | undefined {
	const context = raw['@context'];
	const contexts = Array.isArray(context) ? context : [context];
	if (contexts.some((c) => typeof c === 'string' && c.startsWith('https://w3id.org/openbadges'))) {
		return 'This is an Open Badges 2.0 assertion; this page checks Open Badges 3.0 credentials only.';
	}
	if (contexts.includes('https://www.w3.org/2018/credentials/v1') && !contexts.includes('https://www.w3.org/ns/credentials/v2')) {
		return 'This credential uses the older Verifiable Credentials 1.1 format; this page checks Open Badges 3.0 credentials (VC 2.0) only.';
	}
	if (raw.type === 'Assertion' || raw.badge !== undefined) return 'This looks like an Open Badges 2.0 assertion; this page checks Open Badges 3.0 credentials only.';
	return undefined;
}
