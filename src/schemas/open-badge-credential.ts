/**
 * Structure of an Open Badges 3.0 `OpenBadgeCredential` (also accepted: its alias
 * `AchievementCredential`), as read back from a file on the verify page.
 *
 * Required properties and constraints follow the OB 3.0 data model (1EdTech
 * openbadges-specification, ob_v3p0/common_credentials.lines, "Data Models"):
 * - AchievementCredential: `@context` (1st = VC 2.0 context, 2nd = an OB 3.0 context
 *   `…/ob/v3p0/context[-3.x.y].json`), `id` (URI), `type` (contains "VerifiableCredential" and
 *   "OpenBadgeCredential" or "AchievementCredential"), `issuer` (URI or Profile), `validFrom`
 *   (DateTimeZ), `credentialSubject`; optional `validUntil`, `name`, `description`, `evidence`.
 * - AchievementSubject: `type` contains "AchievementSubject", `achievement`; `id` or at least one
 *   `identifier` (IdentityObject: type, identityType, hashed, identityHash).
 * - Achievement: `id`, `type` contains "Achievement", `name`, `description`, `criteria`
 *   (with `id` or `narrative`); optional `image` (Image: id, type "Image").
 * - Profile: `id`, `type` contains "Profile". Evidence: `type` contains "Evidence".
 * `type` may be one string or an array (the spec's "array-compacted" JSON-LD form).
 *
 * Objects are loose (other issuers' extension properties pass through). Lengths are bounded so a
 * hostile file cannot make the page render megabytes of text. Uses `zod/mini` (browser-side).
 */
import * as z from 'zod/mini';

const VC2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
const OB3_CONTEXT = /^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context(-3\.\d\.\d)*\.json$/;

/** A URI: scheme, colon, no whitespace (urn:uuid:…, https://…, did:key:…, data:…). */
const Uri = z.string().check(z.maxLength(100_000), z.regex(/^[a-z][a-z0-9+.-]*:\S+$/i, 'is not a URI'));
/** DateTimeZ: ISO 8601 date-time with a time zone (Z or ±hh:mm). */
const DateTimeZ = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'is not a date-time with a time zone'));
const Text = (max: number) => z.string().check(z.maxLength(max));

/** `type` as the spec allows it: one IRI or a list; must include `name`. */
const TypeContaining = (...names: string[]) =>
	z.union([z.string(), z.array(z.string()).check(z.maxLength(20))]).check(
		z.refine((t) => {
			const list = typeof t === 'string' ? [t] : t;
			return names.some((n) => list.includes(n));
		}, `must include ${names.map((n) => `"${n}"`).join(' or ')}`),
	);

export const Ob3ImageSchema = z.looseObject({ id: Uri, type: z.literal('Image'), caption: z.optional(Text(2_000)) });

export const Ob3ProfileSchema = z.looseObject({
	id: Uri,
	type: TypeContaining('Profile'),
	name: z.optional(Text(500)),
	url: z.optional(Uri),
	description: z.optional(Text(5_000)),
});

export const Ob3IdentityObjectSchema = z.looseObject({
	type: z.literal('IdentityObject'),
	identityType: Text(200),
	hashed: z.boolean(),
	identityHash: Text(1_000),
	salt: z.optional(Text(1_000)),
});

export const Ob3AchievementSchema = z.looseObject({
	id: Uri,
	type: TypeContaining('Achievement'),
	achievementType: z.optional(Text(200)),
	name: Text(500),
	description: Text(10_000),
	criteria: z
		.looseObject({ id: z.optional(Uri), narrative: z.optional(Text(20_000)) })
		.check(z.refine((c) => c.id !== undefined || c.narrative !== undefined, 'needs an id or a narrative')),
	image: z.optional(Ob3ImageSchema),
});

export const Ob3AchievementSubjectSchema = z
	.looseObject({
		id: z.optional(Uri),
		type: TypeContaining('AchievementSubject'),
		identifier: z.optional(z.array(Ob3IdentityObjectSchema).check(z.maxLength(50))),
		achievement: Ob3AchievementSchema,
	})
	.check(z.refine((s) => s.id !== undefined || (s.identifier?.length ?? 0) > 0, 'needs an id or an identifier'));

export const Ob3EvidenceSchema = z.looseObject({
	id: z.optional(Uri),
	type: TypeContaining('Evidence'),
	name: z.optional(Text(500)),
	description: z.optional(Text(10_000)),
	narrative: z.optional(Text(20_000)),
});

export const OpenBadgeCredentialSchema = z.looseObject({
	'@context': z
		.array(z.union([z.string(), z.record(z.string(), z.unknown())]))
		.check(
			z.minLength(2, 'needs the VC 2.0 and OB 3.0 contexts'),
			z.maxLength(20),
			z.refine((c) => c[0] === VC2_CONTEXT, `must start with "${VC2_CONTEXT}"`),
			z.refine((c) => typeof c[1] === 'string' && OB3_CONTEXT.test(c[1]), 'must have an Open Badges 3.0 context second'),
		),
	id: Uri,
	type: TypeContaining('VerifiableCredential').check(
		z.refine((t) => ['OpenBadgeCredential', 'AchievementCredential'].some((n) => (typeof t === 'string' ? [t] : t).includes(n)), 'must include "OpenBadgeCredential"'),
	),
	name: z.optional(Text(500)),
	description: z.optional(Text(10_000)),
	issuer: z.union([Uri, Ob3ProfileSchema]),
	validFrom: DateTimeZ,
	validUntil: z.optional(DateTimeZ),
	credentialSubject: Ob3AchievementSubjectSchema,
	evidence: z.optional(z.array(Ob3EvidenceSchema).check(z.maxLength(200))),
	/** OB 3.0 `endorsementJwt`: endorsements as compact JWS (checked one by one by the verify page). */
	endorsementJwt: z.optional(z.array(z.string().check(z.maxLength(32_000))).check(z.maxLength(50))),
});

export type OpenBadgeCredentialParsed = z.infer<typeof OpenBadgeCredentialSchema>;

/**
 * Check `value` and say what is wrong in one sentence naming the property, e.g.
 * "credentialSubject.achievement.name is missing". Never throws.
 */
export function checkOpenBadgeCredential(value: unknown): { ok: true; credential: OpenBadgeCredentialParsed } | { ok: false; problem: string } {
	const result = OpenBadgeCredentialSchema.safeParse(value);
	if (result.success) return { ok: true, credential: result.data };
	return { ok: false, problem: describe(value, result.error.issues[0]!, []) };
}

type Issue = z.core.$ZodIssue;

function describe(root: unknown, issue: Issue, prefix: readonly PropertyKey[]): string {
	const path = [...prefix, ...issue.path];
	const where = path.length === 0 ? 'the credential' : path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
	if (lookup(root, path) === undefined) return `${where} is missing`;
	switch (issue.code) {
		case 'invalid_union': {
			// Report the alternative that got furthest (e.g. the Profile object rather than the URI string).
			const branches = issue.errors.filter((b) => b.length > 0);
			const best = branches.sort((a, b) => b[0]!.path.length - a[0]!.path.length)[0];
			return best ? describe(root, best[0]!, path) : `${where} is not valid`;
		}
		case 'invalid_type':
			return `${where} has the wrong type (expected ${issue.expected})`;
		case 'too_big':
			return issue.origin === 'array' ? `${where} has too many entries (at most ${String(issue.maximum)})` : `${where} is too long (at most ${String(issue.maximum)} characters)`;
		case 'too_small':
			return issue.origin === 'array' ? `${where} has too few entries (at least ${String(issue.minimum)})` : `${where} is too short (at least ${String(issue.minimum)} characters)`;
		case 'invalid_value':
			return `${where} must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
		case 'custom':
		case 'invalid_format':
			return `${where} ${issue.message}`;
		default:
			return `${where} is not valid (${issue.message})`;
	}
}

function lookup(value: unknown, path: readonly PropertyKey[]): unknown {
	let current = value;
	for (const key of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<PropertyKey, unknown>)[key];
	}
	return current;
}
