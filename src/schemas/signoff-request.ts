/**
 * A sign-off request (issue 9): what a learner asks a lead to sign, downloaded from My credentials
 * as a compact JWS signed with the learner's own key (src/lib/signoff/request.ts). This is the
 * JWS payload. Bounded so a hostile file cannot make the Team page render megabytes.
 * Uses `zod/mini` (parsed in the browser).
 */
import * as z from 'zod/mini';
import { LIMITS, NO_CONTROL_CHARACTERS } from './limits';
import { ContentId, EntryId, IsoTime } from './progress';

/** Ed25519 did:key (src/lib/credentials/did-key.ts). */
export const DidKey = z.string().check(z.regex(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]{40,60}$/, 'is not an Ed25519 did:key'));
const Text = (max: number) => z.string().check(z.maxLength(max));

/** One attested item as the learner recorded it (src/schemas/progress.ts AttestationSchema). */
export const SignOffItemSchema = z.object({
	/** The attested item's id in the learner record. */
	id: EntryId,
	/** What the learner did. */
	what: Text(200),
	/** The day it happened, YYYY-MM-DD. */
	date: z.iso.date(),
	/** The learner's note ('' when none). */
	note: Text(1000),
});
export type SignOffItem = z.infer<typeof SignOffItemSchema>;

/** One requirement the learner asks to have signed off. */
export const SignOffRequirementSchema = z.object({
	/** Requirement id within the certification (content/certifications/<id>.yaml). */
	id: ContentId,
	/** The requirement as the certification words it. */
	text: Text(600),
	/** `attested`: the items below are to be signed; `sign-off`: the requirement itself. */
	kind: z.enum(['attested', 'sign-off']),
	/** Who the certification says must sign (buddy, peer reviewer or lead). */
	signer: z.enum(['buddy', 'peer', 'lead']),
	/** Items the requirement needs (attested); 0 for a sign-off requirement. */
	count: z.int().check(z.gte(0), z.lte(1000)),
	/** The attested items, oldest first; [] for a sign-off requirement. */
	items: z.array(SignOffItemSchema).check(z.maxLength(200)),
});
export type SignOffRequirement = z.infer<typeof SignOffRequirementSchema>;

/** The request (JWS payload). */
export const SignOffRequestSchema = z.object({
	/** Always "SignOffRequest". */
	type: z.literal('SignOffRequest'),
	/** Format version of this file. */
	format: z.literal(1),
	/** `urn:uuid:` derived from the content (SHA-256, as certificate IDs are: src/lib/credentials/ob3.ts). */
	id: z.string().check(z.regex(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)),
	/** When the learner made it. */
	createdAt: IsoTime,
	/** The site's address (src/lib/credentials/site-issuer.ts). */
	site: Text(200),
	/** Who asks: the name on their certificates and the did:key of the key that signed this request. */
	learner: z.object({ name: Text(LIMITS.displayName).check(z.regex(NO_CONTROL_CHARACTERS)), did: DidKey }),
	/** The certification the requirements belong to. */
	certification: z.object({ id: ContentId, name: Text(200) }),
	/** What is to be signed; at least one. */
	requirements: z.array(SignOffRequirementSchema).check(z.minLength(1), z.maxLength(50)),
	/** The learner's other progress on the certification (scores, runs), for the reviewer to see. */
	evidence: z.array(z.object({ name: Text(300), description: Text(600) })).check(z.maxLength(200)),
});
export type SignOffRequest = z.infer<typeof SignOffRequestSchema>;
