/**
 * The learner's side of a sign-off on My credentials (issue 9), loaded on first use (it brings
 * jose): download a signed sign-off request, import a signed sign-off, and check the sign-offs kept
 * in the record before the rules count them. Formats and checks: src/lib/signoff/.
 */
import type { CertificationCatalog, CertificationDef, CredentialStatus, VerifiedSignOff } from '../../lib/credentials/rules';
import { checkEndorsement, checkStoredSignOffs, MAX_ENDORSEMENT_BYTES } from '../../lib/signoff/endorsement';
import { signerLabel, type TrustConfig } from '../../lib/signoff/leads';
import { buildSignOffRequest, requestFileName, signSignOffRequest } from '../../lib/signoff/request';
import type { ProgressRecord, SignOffEntry } from '../../schemas/progress';
import { getOrCreateSigningKey, peekSigningKey } from '../../runtime/credentials/keys';

export { SigningUnavailableError } from '../../runtime/credentials/keys';

/** Make the request file for `def` from the record now; `keyNote` says when a new key was made. */
export async function makeRequest(def: CertificationDef, status: CredentialStatus, record: ProgressRecord, site: string): Promise<{ filename: string; text: string; keyNote?: string }> {
	const key = await getOrCreateSigningKey();
	const request = await buildSignOffRequest({
		def,
		status,
		record,
		learner: { name: record.profile.displayName, did: key.did },
		now: new Date().toISOString(),
		site,
	});
	const jws = await signSignOffRequest(request, key.privateKey, key.did);
	return {
		filename: requestFileName(request),
		text: `${jws}\n`,
		...(key.created
			? {
					keyNote: `A new signing key was made in this browser for your request: ${key.did}. Import the sign-off in this browser: it is made out to this key.`,
				}
			: {}),
	};
}

export type ImportOutcome = { ok: true; id: string; jws: string; message: string } | { ok: false; reason: string };

/**
 * Check a sign-off file's text before it is kept: signature, structure, made out to this browser's
 * key, for a certification of this site, approving something the record still holds as signed.
 */
export async function checkImport(text: string, bytes: number, record: ProgressRecord, catalog: CertificationCatalog, trust: TrustConfig): Promise<ImportOutcome> {
	if (bytes > MAX_ENDORSEMENT_BYTES)
		return {
			ok: false,
			reason: 'The file is too large to be a sign-off. Nothing was changed.',
		};
	const key = await peekSigningKey();
	if (!key)
		return {
			ok: false,
			reason: 'This browser has no signing key, so the sign-off cannot be yours: import it in the browser where you made the request.',
		};
	const r = await checkEndorsement(text, { trust, learnerDid: key.did });
	if (!r.ok) return r;
	const def = catalog.certifications.find((c) => c.id === r.claim.certification.id);
	if (!def)
		return {
			ok: false,
			reason: `The sign-off is for “${r.claim.certification.name}”, which this site does not offer.`,
		};
	const live = record.attestations.filter((a) => a.removedAt === undefined);
	const usable = r.claim.approved.filter((a) => {
		const req = def.requirements.find((x) => x.id === a.requirement);
		if (req?.kind === 'sign-off') return true;
		return req?.kind === 'attested' && a.items.some((i) => live.some((l) => l.id === i.id && l.what === i.what && l.date === i.date && l.note === i.note));
	});
	if (usable.length === 0)
		return {
			ok: false,
			reason: 'The items this sign-off approves are no longer in your record as they were signed (changed or removed since the request). Nothing was changed.',
		};
	if (record.signOffs.some((s) => s.id === r.id)) return { ok: false, reason: 'You have already imported this sign-off.' };
	const counts = r.signer.counts ? '' : ' It is kept, but it does not count: this site counts sign-offs by its published leads only.';
	return {
		ok: true,
		id: r.id,
		jws: r.jws,
		message: `Imported the sign-off for ${def.name}, signed by ${signerLabel(r.signer)}.${counts}`,
	};
}

/** The record's sign-offs, each checked again, in the rules' shape; refused ones with the reason. */
export async function verifyKept(
	entries: readonly SignOffEntry[],
	trust: TrustConfig,
): Promise<{
	signOffs: VerifiedSignOff[];
	refused: { id: string; reason: string }[];
}> {
	const { checked, refused } = await checkStoredSignOffs(entries, trust);
	return {
		signOffs: checked.map((c) => ({
			id: c.id,
			jws: c.jws,
			claim: c.claim,
			signer: c.signer,
			signedAt: c.signedAt,
		})),
		refused,
	};
}
