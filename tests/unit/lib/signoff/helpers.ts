/**
 * Keys and sign-offs for the sign-off tests, made with the site's own functions and Node's Web
 * Crypto Ed25519 (non-extractable private keys, as in the browser). No key is stored anywhere.
 */
import { didKeyFromPublicKey } from '../../../../src/lib/credentials/did-key';
import { evaluateCertification, type CertificationCatalog, type VerifiedSignOff } from '../../../../src/lib/credentials/rules';
import { buildEndorsement, checkEndorsement, signEndorsement } from '../../../../src/lib/signoff/endorsement';
import type { TrustConfig } from '../../../../src/lib/signoff/leads';
import { buildSignOffRequest, readSignOffRequest, signSignOffRequest } from '../../../../src/lib/signoff/request';
import type { ProgressRecord } from '../../../../src/schemas/progress';

export interface TestKey {
	privateKey: CryptoKey;
	publicKey: CryptoKey;
	did: string;
}

export async function makeKey(): Promise<TestKey> {
	const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
	return { privateKey: pair.privateKey, publicKey: pair.publicKey, did: await didKeyFromPublicKey(pair.publicKey) };
}

export const SITE = 'https://training.example.org';

/** The learner's signed request for `certId` from `record` (every attested and sign-off requirement). */
export async function requestFor(catalog: CertificationCatalog, record: ProgressRecord, certId: string, learner: TestKey, at: string, name = 'Ada Lovelace') {
	const def = catalog.certifications.find((c) => c.id === certId)!;
	const status = evaluateCertification(def, record, catalog, at);
	const request = await buildSignOffRequest({ def, status, record, learner: { name, did: learner.did }, now: at, site: SITE });
	const jws = await signSignOffRequest(request, learner.privateKey, learner.did);
	return { request, jws };
}

/** A lead signs off `approve` of a request file's text; returns the endorsement JWS. */
export async function endorse(requestJws: string, approve: string[], lead: TestKey, at: string, name = 'Ana Costa'): Promise<string> {
	const read = await readSignOffRequest(requestJws);
	if (!read.ok) throw new Error(read.reason);
	const { credential } = await buildEndorsement({ request: read.request, requestDigest: read.digest, approve, comment: 'Reviewed the report.', lead: { did: lead.did, name, role: 'Engineering lead' }, now: at });
	return signEndorsement(credential, lead.privateKey, lead.did);
}

/** Check an endorsement under `trust` and give it in the rules' shape; throws when refused. */
export async function verified(jws: string, trust: TrustConfig): Promise<VerifiedSignOff> {
	const r = await checkEndorsement(jws, { trust });
	if (!r.ok) throw new Error(r.reason);
	return { id: r.id, jws: r.jws, claim: r.claim, signer: r.signer, signedAt: r.signedAt };
}
