/**
 * How a sign-off's signer is named (issue 9), kept apart from ./leads.ts so the rules
 * (src/lib/credentials/rules.ts, loaded with My credentials) do not pull in jose. Plain text only.
 */

/** Who signed, and whether it counts on this site. */
export interface SignerInfo {
	did: string;
	/** The published lead, when the key is one. */
	lead?: { name: string; role: string };
	/** The name the signer gave themselves in the endorsement (not vouched for by the site). */
	claimedName?: string;
	/** Counts towards certifications under the trust rule above. */
	counts: boolean;
}

/** "Ana Costa (Engineering lead), a lead of this site" or "an unknown key did:key:z6Mk… (who signed as “X”)". Plain text. */
export function signerLabel(s: SignerInfo): string {
	if (s.lead) return `${s.lead.name} (${s.lead.role}), a lead of this site`;
	return `an unknown key ${s.did}${s.claimedName ? ` (who signed as “${s.claimedName}”)` : ''}`;
}

/** The sentence for a sign-off that does not count, naming the rule. */
export function notCountedReason(s: SignerInfo): string {
	return `Signed off by ${signerLabel(s)}: this site counts sign-offs by its published leads only, so it does not count`;
}
