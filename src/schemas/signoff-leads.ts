/**
 * The leads a site publishes (issue 9), so their sign-offs count and the verify page can name them
 * (src/lib/signoff/site-leads.ts holds the list; src/lib/signoff/leads.ts loads it). Public keys
 * only: a lead makes their key in their own browser on the Team page and copies the public half
 * (did:key or JWK) for the maintainer. Uses `zod/mini` (read in the browser).
 */
import * as z from 'zod/mini';
import { NO_CONTROL_CHARACTERS } from './limits';

const Text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max), z.regex(NO_CONTROL_CHARACTERS));

/** An Ed25519 public key as a JWK (RFC 8037); a private part (`d`) is refused. */
export const PublicJwkSchema = z
	.looseObject({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)) })
	.check(z.refine((k) => !('d' in k), 'holds a private key (d): publish the public key only'));

export const PublishedLeadSchema = z.object({
	/** The lead's name as the site shows it, e.g. "Ana Costa". */
	name: Text(120),
	/** Their role, e.g. "Engineering lead". */
	role: Text(120),
	/** The public key: did:key text or a JWK. */
	publicKey: z.union([z.string().check(z.regex(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]{40,60}$/)), PublicJwkSchema]),
	/** True for an example entry whose private key does not exist; shown as an example, never counted. */
	example: z.optional(z.boolean()),
});
export type PublishedLead = z.infer<typeof PublishedLeadSchema>;

export const LeadsConfigSchema = z.object({
	leads: z.array(PublishedLeadSchema).check(z.maxLength(500)),
	/**
	 * Whether a sign-off by a key the site did not publish counts (then shown as "signed off by an
	 * unknown key"). Default false: only published leads count.
	 */
	acceptUnknownKeys: z.boolean(),
});
export type LeadsConfig = z.infer<typeof LeadsConfigSchema>;
