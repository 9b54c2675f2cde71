/**
 * Sign-off endorsements (issue 9): what a lead signs after reviewing a learner's request, and how
 * the learner's page, the rules and the verify page check it.
 *
 * File: a compact JWS, the VC-JWT (src/lib/credentials/sign.ts: header alg EdDSA, kid = the lead's
 * did:key, typ JWT; claims iss/sub/jti/nbf) of an Open Badges 3.0 `EndorsementCredential`:
 * ```json
 * { "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
 *   "id": "urn:uuid:…",                       // from the SHA-256 of the content, as certificate IDs
 *   "type": ["VerifiableCredential", "EndorsementCredential"],
 *   "name": "Sign-off for Level 1 Engineer: Ada",
 *   "issuer": { "id": "did:key:<lead>", "type": ["Profile"], "name": "Ana Costa", "description": "Engineering lead" },
 *   "validFrom": "2026-11-30T16:00:00Z",
 *   "credentialSubject": {
 *     "id": "did:key:<learner>", "type": ["EndorsementSubject"],
 *     "endorsementComment": "Signed off: …",   // OB 3.0 EndorsementSubject, human-readable
 *     "signOff": { "request": "urn:uuid:…", "requestDigest": "<sha-256 of the request file>",
 *                  "certification": { "id", "name" }, "learner": { "name", "did" },
 *                  "approved": [{ "requirement": "project", "items": [{ "id", "what", "date", "note" }] }],
 *                  "declined": [] } } }
 * ```
 * The subject is the learner (their did:key from the request); `signOff` is this site's extension
 * property (VC 2.0's @vocab covers it). An approved attested item counts only while the learner's
 * record still holds it with the same id, text, date and note (src/lib/credentials/rules.ts).
 * File name: `sign-off-<certification id>-<learner slug>-<first 8 hex of the certificate ID>.jws`.
 */
import { EndorsementCredentialSchema, type EndorsementCredential, type SignOffClaim } from '../../schemas/signoff-endorsement';
import type { SignOffEntry } from '../../schemas/progress';
import type { SignOffRequest } from '../../schemas/signoff-request';
import { OB3_CONTEXT, certificateIdOf, credentialIdFor, toDateTimeZ } from '../credentials/ob3';
import { COMPACT_JWS, signCredential, verifyJws } from '../credentials/sign';
import { slug } from '../credentials/files';
import { signerOf, type SignerInfo, type TrustConfig } from './leads';

export const MAX_ENDORSEMENT_BYTES = 32_000;

export interface EndorsementInput {
	request: SignOffRequest;
	/** SHA-256 hex of the request file's JWS text (readSignOffRequest's `digest`). */
	requestDigest: string;
	/** Requirement ids of the request the lead approves; at least one. */
	approve: readonly string[];
	/** The lead's words to the learner (may be ''). */
	comment: string;
	/** The lead: their did:key, name and role as they typed them. */
	lead: { did: string; name: string; role: string };
	/** ISO time of signing. */
	now: string;
}

/** Thrown by buildEndorsement for input the page should have prevented (nothing approved, an unknown requirement, an empty name). */
export class EndorsementInputError extends Error {
	override name = 'EndorsementInputError';
}

/** The EndorsementCredential for the approved requirements, with its certificate ID. */
export async function buildEndorsement(input: EndorsementInput): Promise<{ credential: EndorsementCredential; certificateId: string }> {
	const { request, lead } = input;
	if (input.approve.length === 0) throw new EndorsementInputError('Choose at least one requirement to sign off.');
	if (lead.name.trim() === '') throw new EndorsementInputError('Give your name: the learner and verifiers see it.');
	for (const id of input.approve) {
		if (!request.requirements.some((r) => r.id === id)) throw new EndorsementInputError(`The request has no requirement "${id}".`);
	}
	const approved = request.requirements.filter((r) => input.approve.includes(r.id));
	const declined = request.requirements.filter((r) => !input.approve.includes(r.id)).map((r) => r.id);
	const signOff: SignOffClaim = {
		request: request.id,
		requestDigest: input.requestDigest,
		certification: request.certification,
		learner: request.learner,
		approved: approved.map((r) => ({ requirement: r.id, items: r.items })),
		declined,
	};
	const lines = approved.map((r) => `- ${r.text}${r.items.length ? `: ${r.items.map((i) => `${i.what} (${i.date})`).join('; ')}` : ''}`);
	const comment = [`Signed off for ${request.certification.name}, for ${request.learner.name}:`, ...lines, ...(input.comment.trim() ? ['', input.comment.trim()] : [])].join('\n');
	const withoutId = {
		'@context': [...OB3_CONTEXT],
		type: ['VerifiableCredential', 'EndorsementCredential'],
		name: `Sign-off for ${request.certification.name}: ${request.learner.name}`,
		issuer: { id: lead.did, type: ['Profile'], name: lead.name.trim(), ...(lead.role.trim() ? { description: lead.role.trim() } : {}) },
		validFrom: toDateTimeZ(input.now, 'now'),
		credentialSubject: { id: request.learner.did, type: ['EndorsementSubject'], endorsementComment: comment.slice(0, 4000), signOff },
	};
	const certificateId = await certificateIdOf(withoutId);
	const { '@context': context, ...rest } = withoutId;
	const credential = { '@context': context, id: credentialIdFor(certificateId), ...rest };
	const checked = EndorsementCredentialSchema.safeParse(credential);
	if (!checked.success) throw new EndorsementInputError(`The sign-off cannot be made: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}`);
	return { credential, certificateId };
}

/** Sign with the lead's key (`did` must be the issuer id). */
export function signEndorsement(credential: EndorsementCredential, privateKey: CryptoKey, did: string): Promise<string> {
	return signCredential(credential, privateKey, did);
}

export function endorsementFileName(credential: EndorsementCredential, certificateId: string): string {
	return `sign-off-${credential.credentialSubject.signOff.certification.id}-${slug(credential.credentialSubject.signOff.learner.name)}-${certificateId.slice(0, 8)}.jws`;
}

/** A checked endorsement: what the rules count. */
export interface CheckedEndorsement {
	/** Certificate ID (64 hex) of the endorsement. */
	id: string;
	jws: string;
	credential: EndorsementCredential;
	claim: SignOffClaim;
	signer: SignerInfo;
	/** ISO time it was signed (validFrom). */
	signedAt: string;
}

export type EndorsementCheck = ({ ok: true } & CheckedEndorsement) | { ok: false; reason: string };

export interface CheckOptions {
	trust: TrustConfig;
	/** When given, the endorsement must be for this learner's did:key (import on My credentials). */
	learnerDid?: string;
}

/**
 * Check an endorsement file's text: signature and JWT claims (sign.ts), OB 3.0
 * EndorsementCredential structure, id recomputed from the content, the learner when `learnerDid` is
 * given; the signer is named under `trust`. Never throws: a refusal is a reason in plain words.
 */
export async function checkEndorsement(text: string, opts: CheckOptions): Promise<EndorsementCheck> {
	try {
		const jws = text.trim();
		if (jws.length > MAX_ENDORSEMENT_BYTES) return { ok: false, reason: 'The file is too large to be a sign-off.' };
		if (!COMPACT_JWS.test(jws)) return { ok: false, reason: 'This is not a signed sign-off (a .jws file made on the Team page).' };
		const signed = await verifyJws(jws);
		if (!signed.ok) return { ok: false, reason: signed.reason };
		const parsed = EndorsementCredentialSchema.safeParse(signed.credential);
		if (!parsed.success) {
			const i = parsed.error.issues[0]!;
			return { ok: false, reason: `This is not a sign-off endorsement: ${i.path.map(String).join('.') || 'credential'} ${i.message}.` };
		}
		const credential = parsed.data;
		const certificateId = await certificateIdOf(signed.credential);
		if (credentialIdFor(certificateId) !== credential.id) return { ok: false, reason: 'The sign-off’s id does not match its content: it was not made by this site.' };
		const claim = credential.credentialSubject.signOff;
		if (claim.learner.did !== credential.credentialSubject.id) return { ok: false, reason: 'The sign-off names two different learners.' };
		if (opts.learnerDid !== undefined && credential.credentialSubject.id !== opts.learnerDid) {
			return { ok: false, reason: `This sign-off is for another learner (${claim.learner.name}, key ${claim.learner.did}), not for the key of this browser (${opts.learnerDid}).` };
		}
		return { ok: true, id: certificateId, jws, credential, claim, signer: signerOf(signed.did, opts.trust, credential.issuer.name), signedAt: new Date(Date.parse(credential.validFrom)).toISOString() };
	} catch (e) {
		return { ok: false, reason: `The sign-off could not be checked: ${(e as Error).message}` };
	}
}

/**
 * Check every sign-off kept in the learner record (each time the page evaluates the rules, so an
 * entry edited in storage counts for nothing). Entries that fail are returned with the reason.
 */
export async function checkStoredSignOffs(entries: readonly SignOffEntry[], trust: TrustConfig): Promise<{ checked: CheckedEndorsement[]; refused: { id: string; reason: string }[] }> {
	const checked: CheckedEndorsement[] = [];
	const refused: { id: string; reason: string }[] = [];
	for (const e of entries) {
		const r = await checkEndorsement(e.jws, { trust });
		if (r.ok && r.id === e.id) {
			const { ok: _ok, ...rest } = r;
			checked.push(rest);
		} else refused.push({ id: e.id, reason: r.ok ? 'The kept sign-off does not match its id.' : r.reason });
	}
	return { checked, refused };
}

/**
 * Whether `text` is a compact JWS whose (not yet verified) payload says it is an
 * EndorsementCredential: the verify page then checks it as a sign-off, not as a badge. Never throws.
 */
export function looksLikeEndorsement(text: string): boolean {
	const t = text.trim();
	if (!COMPACT_JWS.test(t) || t.length > MAX_ENDORSEMENT_BYTES) return false;
	try {
		const b64 = t.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
		const json = new TextDecoder().decode(Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0)));
		const type = (JSON.parse(json) as { type?: unknown }).type;
		return Array.isArray(type) && type.includes('EndorsementCredential');
	} catch {
		return false;
	}
}
