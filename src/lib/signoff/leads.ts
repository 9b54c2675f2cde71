/**
 * Who signed a sign-off, in the site's eyes (issue 9). The site publishes its leads' public keys
 * (./site-leads.ts); a signature by one of them is "signed off by <name> (a lead of this site)",
 * any other key is "an unknown key did:key:…". Trust rule: a sign-off counts towards a
 * certification when its key is a published lead's, or, only when the site config sets
 * `acceptUnknownKeys`, any key (then it stays labelled as an unknown key). A published lead may
 * sign any requirement, whether the certification asks for a buddy, a peer or a lead: the request
 * names whom it asks for, and the lead decides.
 * Pure: the config comes in as data (the page embeds it; tests inject their own).
 */
import { base64url } from 'jose';
import { LeadsConfigSchema } from '../../schemas/signoff-leads';
import { didKeyFromRawPublicKey } from '../credentials/did-key';
import type { SignerInfo } from './signer';

export { notCountedReason, signerLabel, type SignerInfo } from './signer';

/** A published lead, with the key as did:key. */
export interface KnownLead {
	name: string;
	role: string;
	did: string;
}

/** The site's trust settings, as the rules and pages use them. */
export interface TrustConfig {
	leads: KnownLead[];
	acceptUnknownKeys: boolean;
}

export const NO_TRUST: TrustConfig = { leads: [], acceptUnknownKeys: false };

/**
 * Validate a leads config (src/schemas/signoff-leads.ts) and turn every key into did:key. Example
 * entries (`example: true`) are dropped: they are documentation, never trusted.
 * Returns a problem in words (naming the entry) when it does not validate.
 */
export function loadLeadsConfig(raw: unknown): { ok: true; config: TrustConfig } | { ok: false; problem: string } {
	const parsed = LeadsConfigSchema.safeParse(raw);
	if (!parsed.success) {
		const i = parsed.error.issues[0]!;
		return { ok: false, problem: `${i.path.map(String).join('.') || 'config'}: ${i.message}` };
	}
	const leads: KnownLead[] = [];
	for (const [n, l] of parsed.data.leads.entries()) {
		if (l.example) continue;
		let did: string;
		try {
			did = typeof l.publicKey === 'string' ? l.publicKey : didKeyFromRawPublicKey(base64url.decode(l.publicKey.x));
		} catch (e) {
			return { ok: false, problem: `leads.${n}.publicKey: ${(e as Error).message}` };
		}
		leads.push({ name: l.name, role: l.role, did });
	}
	return { ok: true, config: { leads, acceptUnknownKeys: parsed.data.acceptUnknownKeys } };
}

/** The signer of `did` under `config`; `claimedName` is what the endorsement calls its issuer. */
export function signerOf(did: string, config: TrustConfig, claimedName?: string): SignerInfo {
	const lead = config.leads.find((l) => l.did === did);
	return {
		did,
		...(lead ? { lead: { name: lead.name, role: lead.role } } : {}),
		...(claimedName ? { claimedName } : {}),
		counts: lead !== undefined || config.acceptUnknownKeys,
	};
}

