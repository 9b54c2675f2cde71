/**
 * Build an Open Badges 3.0 `OpenBadgeCredential` (1EdTech OB 3.0, "Data Models":
 * AchievementCredential, AchievementSubject, Achievement, Profile, Evidence, IdentityObject) and
 * its certificate ID.
 *
 * Shape of what `buildCredential` returns (JSON, every optional field omitted when absent, no
 * empty arrays, as OB 3.0 "Serialization / JSON" requires):
 * ```json
 * { "@context": ["https://www.w3.org/ns/credentials/v2",
 *                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
 *   "id": "urn:uuid:…",                      // from the certificate ID (below)
 *   "type": ["VerifiableCredential", "OpenBadgeCredential"],
 *   "name": "<achievement name>",
 *   "issuer": { "id": "did:key:z6Mk…", "type": ["Profile"], "name": …, "url"?: …, "description"?: … },
 *   "validFrom": "2026-11-30T15:32:02Z", "validUntil"?: …,   // whole seconds, UTC
 *   "credentialSubject": {
 *     "id": "did:key:z6Mk…",                 // the learner: self-issued, so the issuer's did:key
 *     "type": ["AchievementSubject"],
 *     "identifier": [{ "type": "IdentityObject", "identityType": "name", "hashed": false,
 *                      "identityHash": "<learner name>" }],
 *     "achievement": { "id", "type": ["Achievement"], "achievementType": "Certificate" | "Badge",
 *                      "name", "description", "criteria": { "narrative" }, "image"?: { "id", "type": "Image" } } },
 *   "evidence"?: [{ "id"?, "type": ["Evidence"], "name", "description", "narrative"? }],
 *   "endorsementJwt"?: ["<compact JWS of a lead's EndorsementCredential>", …] }   // sign-offs, issue 9
 * ```
 *
 * Certificate ID: SHA-256 (Web Crypto) of the canonical JSON (src/lib/progress/canonical.ts: keys
 * sorted, no whitespace) of the credential without its `id`, as 64 lowercase hex digits. The
 * credential `id` is `urn:uuid:` + an RFC 9562 version 8 ("custom") UUID made of the first 16
 * bytes of that hash with the version and variant bits set, so anyone can recompute the ID from
 * the content and a changed credential no longer matches its own `id`. The same input always
 * gives the same ID. The short form (`shortCertificateId`) is the first 16 hex digits in groups of
 * four, upper case, e.g. `3F2A-9C01-77B4-E0D2`, for printing on certificates.
 *
 * Learner names and every other text are kept as given (data, never markup); renderers escape
 * them (certificate-svg.ts, certificate-pdf.ts).
 */
import { canonicalJson, sha256Hex } from '../progress/canonical';

/** The VC 2.0 and OB 3.0 contexts, in the order OB 3.0 requires. */
export const OB3_CONTEXT = [
	'https://www.w3.org/ns/credentials/v2',
	'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;

/** What the site knows when a learner exports an earned certificate or badge. */
export interface CredentialInput {
	achievement: {
		/** Absolute URL of the achievement on the site (the certification's page). */
		id: string;
		kind: 'certificate' | 'badge';
		name: string;
		description: string;
		/** What the learner had to do, written from the seed rule (Markdown allowed by OB 3.0). */
		criteriaNarrative: string;
		/** Absolute URL or data: URI of the unbaked achievement image. */
		imageUrl?: string;
		/** Where the rule comes from, e.g. { seed: '004', section: 'Level 1 Engineer' }; not written into the credential. */
		source?: { seed: string; section: string };
	};
	/** The learner's name as typed in the profile; may contain any text. */
	learner: { name: string };
	/** The issuer: `id` is the learner's own did:key (self-issued); name/url/description from site-issuer.ts. */
	issuer: { id: string; name: string; url?: string; description?: string };
	/** ISO 8601 date-time; stored in whole seconds UTC (the JWT `nbf` claim is in seconds). */
	validFrom: string;
	/** ISO 8601 date-time, when the seed gives a validity (e.g. 2 years, 004). */
	validUntil?: string;
	/** The scores and runs that earned it; an empty list writes no `evidence` property. */
	evidence: { id?: string; name: string; description: string; narrative?: string }[];
	/**
	 * Sign-offs that met its requirements (issue 9): each a compact JWS of an OB 3.0
	 * EndorsementCredential signed by the lead (src/lib/signoff/endorsement.ts), written as OB 3.0
	 * `endorsementJwt`; absent or empty writes nothing.
	 */
	endorsementJwt?: string[];
}

export interface Ob3Image {
	id: string;
	type: 'Image';
	caption?: string;
}

export interface Ob3Profile {
	id: string;
	type: string[];
	name?: string;
	url?: string;
	description?: string;
}

export interface Ob3IdentityObject {
	type: 'IdentityObject';
	identityType: string;
	hashed: boolean;
	identityHash: string;
	salt?: string;
}

export interface Ob3Achievement {
	id: string;
	type: string[];
	achievementType?: string;
	name: string;
	description: string;
	criteria: { id?: string; narrative?: string };
	image?: Ob3Image;
}

export interface Ob3Evidence {
	id?: string;
	type: string[];
	name?: string;
	description?: string;
	narrative?: string;
}

/** An OB 3.0 OpenBadgeCredential as this site writes it (other issuers may add more properties). */
export interface OpenBadgeCredential {
	'@context': string[];
	id: string;
	type: string[];
	name?: string;
	description?: string;
	issuer: Ob3Profile | string;
	validFrom: string;
	validUntil?: string;
	credentialSubject: {
		id?: string;
		type: string[];
		identifier?: Ob3IdentityObject[];
		achievement: Ob3Achievement;
	};
	evidence?: Ob3Evidence[];
	/** OB 3.0 AchievementCredential `endorsementJwt`: endorsements as compact JWS (here: lead sign-offs). */
	endorsementJwt?: string[];
}

/** Thrown by `buildCredential` for input the site should never pass (a bug, not learner data). */
export class CredentialInputError extends Error {
	override name = 'CredentialInputError';
}

/**
 * ISO 8601 date-time → `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds, fraction dropped).
 * Throws CredentialInputError when the text is not a date-time.
 */
export function toDateTimeZ(iso: string, field = 'date'): string {
	const ms = Date.parse(iso);
	if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(ms)) {
		throw new CredentialInputError(`${field} is not an ISO 8601 date-time: ${JSON.stringify(iso)}`);
	}
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const URI = /^[a-z][a-z0-9+.-]*:\S+$/i;

/**
 * Build the credential and its certificate ID (see the module comment).
 * Throws CredentialInputError when an id is not a URI, a date is not ISO 8601, validUntil is not
 * after validFrom, or a required text is empty.
 */
export async function buildCredential(
	input: CredentialInput,
): Promise<{ credential: OpenBadgeCredential; certificateId: string }> {
	const { achievement: a, learner, issuer } = input;
	for (const [field, value] of [
		['achievement.id', a.id],
		['issuer.id', issuer.id],
		['achievement.imageUrl', a.imageUrl],
		['issuer.url', issuer.url],
		...input.evidence.map((e, i) => [`evidence[${i}].id`, e.id] as const),
	] as const) {
		if (value !== undefined && !URI.test(value)) throw new CredentialInputError(`${field} is not a URI: ${JSON.stringify(value)}`);
	}
	for (const [field, value] of [
		['achievement.name', a.name],
		['achievement.description', a.description],
		['achievement.criteriaNarrative', a.criteriaNarrative],
		['learner.name', learner.name],
		['issuer.name', issuer.name],
	] as const) {
		if (value.trim() === '') throw new CredentialInputError(`${field} is empty`);
	}
	const validFrom = toDateTimeZ(input.validFrom, 'validFrom');
	const validUntil = input.validUntil === undefined ? undefined : toDateTimeZ(input.validUntil, 'validUntil');
	if (validUntil !== undefined && validUntil <= validFrom) throw new CredentialInputError('validUntil is not after validFrom');

	const achievement: Ob3Achievement = {
		id: a.id,
		type: ['Achievement'],
		// OB 3.0 AchievementType vocabulary: "Certificate" and "Badge" are both defined terms.
		achievementType: a.kind === 'certificate' ? 'Certificate' : 'Badge',
		name: a.name,
		description: a.description,
		criteria: { narrative: a.criteriaNarrative },
		...(a.imageUrl === undefined ? {} : { image: { id: a.imageUrl, type: 'Image' as const } }),
	};
	const profile: Ob3Profile = {
		id: issuer.id,
		type: ['Profile'],
		name: issuer.name,
		...(issuer.url === undefined ? {} : { url: issuer.url }),
		...(issuer.description === undefined ? {} : { description: issuer.description }),
	};
	const evidence: Ob3Evidence[] = input.evidence.map((e) => ({
		...(e.id === undefined ? {} : { id: e.id }),
		type: ['Evidence'],
		name: e.name,
		description: e.description,
		...(e.narrative === undefined ? {} : { narrative: e.narrative }),
	}));
	const withoutId: Omit<OpenBadgeCredential, 'id'> = {
		'@context': [...OB3_CONTEXT],
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		name: a.name,
		issuer: profile,
		validFrom,
		...(validUntil === undefined ? {} : { validUntil }),
		credentialSubject: {
			// Self-issued: the subject is the learner, identified by the same did:key that signs.
			id: issuer.id,
			type: ['AchievementSubject'],
			// OB 3.0 recommended practice "Including additional recipient profile information".
			identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: learner.name }],
			achievement,
		},
		...(evidence.length === 0 ? {} : { evidence }),
		...(input.endorsementJwt?.length ? { endorsementJwt: [...input.endorsementJwt] } : {}),
	};
	const certificateId = await certificateIdOf(withoutId);
	// Written as @context, id, then the rest, so the JSON reads in the spec's usual order.
	const { '@context': context, ...body } = withoutId;
	const credential: OpenBadgeCredential = { '@context': context, id: credentialIdFor(certificateId), ...body };
	return { credential, certificateId };
}

/**
 * Certificate ID of a credential: SHA-256 hex of the canonical JSON of the credential without its
 * `id` (any `id` passed in is ignored). Throws when Web Crypto is unavailable.
 */
export async function certificateIdOf(credential: object): Promise<string> {
	const { id: _ignored, ...rest } = credential as Record<string, unknown>;
	return sha256Hex(canonicalJson(rest));
}

/**
 * The credential `id` for a certificate ID: `urn:uuid:` + RFC 9562 UUIDv8 from the first 16 bytes
 * (version nibble 8, variant bits 10). Throws on anything but 64 hex digits.
 */
export function credentialIdFor(certificateId: string): string {
	if (!/^[0-9a-f]{64}$/.test(certificateId)) throw new CredentialInputError('certificate ID is not 64 hex digits');
	const hex = certificateId.slice(0, 32).split('');
	hex[12] = '8';
	hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
	const h = hex.join('');
	return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Short printed form: first 16 hex digits, upper case, groups of 4 joined by "-". */
export function shortCertificateId(certificateId: string): string {
	return (certificateId.slice(0, 16).toUpperCase().match(/.{4}/g) ?? []).join('-');
}

/** The learner name carried in `credentialSubject.identifier` (identityType "name", not hashed), if any. */
export function learnerNameOf(credential: Pick<OpenBadgeCredential, 'credentialSubject'>): string | undefined {
	return credential.credentialSubject.identifier?.find((i) => i.identityType === 'name' && !i.hashed)?.identityHash;
}
