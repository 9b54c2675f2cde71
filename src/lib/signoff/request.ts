/**
 * Sign-off requests (issue 9): a learner asks a lead (or buddy, or peer reviewer) to sign off
 * what the browser cannot check: the attested items of a certification and its sign-off
 * requirements (content/certifications, kinds `attested` and `sign-off`).
 *
 * File: a compact JWS (./jws.ts, header `typ: "qms-signoff-request+jws"`) signed with the learner's
 * own key (src/runtime/credentials/keys.ts), payload a SignOffRequest (src/schemas/signoff-request.ts):
 * ```json
 * { "type": "SignOffRequest", "format": 1, "id": "urn:uuid:…", "createdAt": "…", "site": "https://…",
 *   "learner": { "name": "Ada", "did": "did:key:z6Mk…" },
 *   "certification": { "id": "level-1-engineer", "name": "Level 1 Engineer" },
 *   "requirements": [{ "id": "project", "text": "…", "kind": "attested", "signer": "lead", "count": 1,
 *                      "items": [{ "id": "…", "what": "…", "date": "2026-11-20", "note": "…" }] }],
 *   "evidence": [{ "name": "Theoretical assessment", "description": "Best score 90 % …" }] }
 * ```
 * The `id` is `urn:uuid:` of the SHA-256 of the content without it (as certificate IDs,
 * src/lib/credentials/ob3.ts), and the signing key must be `learner.did`, so a request changed
 * after signing, or signed by someone else than the learner it names, is refused with a reason.
 * File name: `sign-off-request-<certification id>-<first 8 hex of the id hash>.jws`.
 */
import { SignOffRequestSchema, type SignOffRequest, type SignOffRequirement } from '../../schemas/signoff-request';
import type { Attestation } from '../../schemas/progress';
import type { CertificationDef, CredentialStatus } from '../credentials/rules';
import { attestationsFor } from '../credentials/rules';
import { certificateIdOf, credentialIdFor } from '../credentials/ob3';
import { sha256Hex } from '../progress/canonical';
import { signJson, verifySignedJson } from './jws';

export const REQUEST_TYP = 'qms-signoff-request+jws';
/** A request is a few KB; anything over this is not one. */
export const MAX_REQUEST_BYTES = 512 * 1024;

/** The requirements of `def` a sign-off can meet: attested items and sign-offs, in definition order. */
export function signOffRequirementsOf(def: CertificationDef): CertificationDef['requirements'] {
	return def.requirements.filter((r) => r.kind === 'attested' || r.kind === 'sign-off');
}

export interface RequestInput {
	def: CertificationDef;
	/** The certification's status now (its other evidence is shown to the reviewer). */
	status: CredentialStatus;
	record: { attestations: Attestation[] };
	learner: { name: string; did: string };
	/** ISO time. */
	now: string;
	/** Site address (src/lib/credentials/site-issuer.ts). */
	site: string;
}

/**
 * The request for every attested and sign-off requirement of `def` (attested ones with the
 * learner's live items). Throws Error when `def` has none, or the result fails its schema (a name
 * with control characters, too many items).
 */
export async function buildSignOffRequest(input: RequestInput): Promise<SignOffRequest> {
	const requirements: SignOffRequirement[] = signOffRequirementsOf(input.def).flatMap((r): SignOffRequirement[] => {
		if (r.kind === 'attested') {
			const items = attestationsFor(input.record, input.def.id, r.id).map((a) => ({ id: a.id, what: a.what, date: a.date, note: a.note }));
			return [{ id: r.id, text: r.text, kind: 'attested', signer: r.signOff, count: r.count, items }];
		}
		return r.kind === 'sign-off' ? [{ id: r.id, text: r.text, kind: 'sign-off', signer: r.by, count: 0, items: [] }] : [];
	});
	if (requirements.length === 0) throw new Error(`${input.def.name} has nothing to sign off.`);
	const body = {
		type: 'SignOffRequest' as const,
		format: 1 as const,
		createdAt: input.now,
		site: input.site,
		learner: input.learner,
		certification: { id: input.def.id, name: input.def.name },
		requirements,
		evidence: input.status.evidence.filter((e) => e.kind !== 'attestation').map((e) => ({ name: e.name, description: e.description })),
	};
	const { type, format, ...rest } = body;
	const request = { type, format, id: credentialIdFor(await certificateIdOf(body)), ...rest };
	const checked = SignOffRequestSchema.safeParse(request);
	if (!checked.success) throw new Error(`The request cannot be made: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}`);
	return checked.data;
}

/** Sign the request with the learner's key (`did` must be `request.learner.did`). */
export async function signSignOffRequest(request: SignOffRequest, privateKey: CryptoKey, did: string): Promise<string> {
	if (request.learner.did !== did) throw new Error('The request must be signed with the key it names as the learner’s.');
	return signJson(request, privateKey, did, REQUEST_TYP);
}

export function requestFileName(request: SignOffRequest): string {
	return `sign-off-request-${request.certification.id}-${request.id.slice('urn:uuid:'.length, 'urn:uuid:'.length + 8)}.jws`;
}

export type RequestCheck = { ok: true; request: SignOffRequest; jws: string; digest: string } | { ok: false; reason: string };

/**
 * Read a request file's text: signature, structure, the signer is the learner named, and the id
 * matches the content. `digest` is the SHA-256 hex of the JWS text (the endorsement names it).
 * Never throws.
 */
export async function readSignOffRequest(text: string): Promise<RequestCheck> {
	try {
		const jws = text.trim();
		if (jws.length > MAX_REQUEST_BYTES) return { ok: false, reason: 'The file is too large to be a sign-off request.' };
		const signed = await verifySignedJson(jws, REQUEST_TYP, 'sign-off request');
		if (!signed.ok) return signed;
		const parsed = SignOffRequestSchema.safeParse(signed.payload);
		if (!parsed.success) {
			const i = parsed.error.issues[0]!;
			return { ok: false, reason: `The request is not in the expected format: ${i.path.map(String).join('.') || 'request'} ${i.message}.` };
		}
		const request = parsed.data;
		if (request.learner.did !== signed.did) return { ok: false, reason: 'The request was signed by a key that is not the learner’s it names: it was not made by that learner.' };
		const { id: _id, ...body } = request;
		if (credentialIdFor(await certificateIdOf(body)) !== request.id) return { ok: false, reason: 'The request’s id does not match its content: it was not made by this site.' };
		return { ok: true, request, jws, digest: await sha256Hex(jws) };
	} catch (e) {
		return { ok: false, reason: `The request could not be read: ${(e as Error).message}` };
	}
}
