/**
 * The sign-off a lead signs (issue 9): an Open Badges 3.0 `EndorsementCredential` (OB 3.0 "Data
 * Models": EndorsementCredential, EndorsementSubject with `endorsementComment`) whose subject also
 * carries `signOff`, the machine-readable part: which request, which requirements and items were
 * approved. Built and checked in src/lib/signoff/endorsement.ts; this is the structure check of the
 * credential inside the JWS. Uses `zod/mini` (parsed in the browser).
 */
import * as z from 'zod/mini';
import { ContentId, Sha256Hex } from './progress';
import { DidKey, SignOffItemSchema } from './signoff-request';

const Text = (max: number) => z.string().check(z.maxLength(max));
const DateTimeZ = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/));

/** What was signed off, machine-readable (an extension property of EndorsementSubject). */
export const SignOffClaimSchema = z.object({
	/** The request's id (urn:uuid). */
	request: z.string().check(z.maxLength(100)),
	/** SHA-256 hex of the request file's JWS text, binding the sign-off to exactly that request. */
	requestDigest: Sha256Hex,
	certification: z.object({ id: ContentId, name: Text(200) }),
	/** The learner as the request named them. */
	learner: z.object({ name: Text(80), did: DidKey }),
	/** Requirements approved; for attested ones, the items approved, as the learner recorded them. */
	approved: z
		.array(z.object({ requirement: ContentId, items: z.array(SignOffItemSchema).check(z.maxLength(200)) }))
		.check(z.minLength(1), z.maxLength(50)),
	/** Requirement ids of the request the lead did not approve. */
	declined: z.array(ContentId).check(z.maxLength(50)),
});
export type SignOffClaim = z.infer<typeof SignOffClaimSchema>;

export const EndorsementCredentialSchema = z.looseObject({
	'@context': z.array(z.string()).check(z.minLength(2), z.maxLength(10)),
	id: z.string().check(z.regex(/^urn:uuid:/)),
	type: z.array(z.string()).check(z.refine((t) => t.includes('VerifiableCredential') && t.includes('EndorsementCredential'), 'must include "EndorsementCredential"')),
	name: Text(500),
	issuer: z.looseObject({ id: DidKey, type: z.array(z.string()), name: Text(120), description: z.optional(Text(200)) }),
	validFrom: DateTimeZ,
	credentialSubject: z.looseObject({
		/** The learner endorsed: their did:key. */
		id: DidKey,
		type: z.array(z.string()).check(z.refine((t) => t.includes('EndorsementSubject'), 'must include "EndorsementSubject"')),
		endorsementComment: Text(4000),
		signOff: SignOffClaimSchema,
	}),
});
export type EndorsementCredential = z.infer<typeof EndorsementCredentialSchema>;
