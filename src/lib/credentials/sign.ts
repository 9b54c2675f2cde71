/**
 * VC-JWT proof for OB 3.0 credentials (OB 3.0 "Proofs (Signatures) / JSON Web Token Proof
 * Format"), with `jose` and Web Crypto Ed25519 keys.
 *
 * - JOSE header: exactly `{ alg: "EdDSA", kid: "did:key:z…#z…", typ: "JWT" }` (the spec allows
 *   no other headers; RS256 is its interoperability minimum, EdDSA is permitted and is what a
 *   browser-made did:key can sign with).
 * - JWT payload: the credential itself plus the claims the spec requires: `iss` = issuer.id,
 *   `sub` = credentialSubject.id, `jti` = id, `nbf` = validFrom and `exp` = validUntil (when
 *   present), in seconds since 1970 (NumericDate).
 * - Verification follows "Verify a Credential" (jwt-verify): resolve the public key from the
 *   `kid` (or `iss`) did:key, check the signature, then check each claim against the credential.
 *   Validity in time is not judged here: verify.ts reports not-yet-valid / expired.
 */
import { CompactSign, base64url, compactVerify, decodeProtectedHeader, errors, importJWK } from 'jose';
import { DidKeyError, didKeyToPublicJwk, verificationMethodOf } from './did-key';
import type { OpenBadgeCredential } from './ob3';

/** The JWT claims the spec adds to the credential in the payload. */
const JWT_CLAIMS = ['iss', 'sub', 'jti', 'nbf', 'exp'] as const;

/** Compact JWS text: three base64url parts. */
export const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function issuerIdOf(credential: { issuer?: unknown }): string | undefined {
	const issuer = credential.issuer;
	if (typeof issuer === 'string') return issuer;
	if (issuer !== null && typeof issuer === 'object' && typeof (issuer as { id?: unknown }).id === 'string') {
		return (issuer as { id: string }).id;
	}
	return undefined;
}

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** What `signCredential` needs of a credential: any VC 2.0 credential (OB 3.0 OpenBadgeCredential, EndorsementCredential). */
export type SignableCredential = Pick<OpenBadgeCredential, 'id' | 'issuer' | 'validFrom' | 'validUntil'> & { credentialSubject: { id?: string } };

/**
 * Sign `credential` as a compact JWS (VC-JWT). `privateKey` is a Web Crypto Ed25519 private key
 * (may be non-extractable); `did` is the did:key of its public key and must equal issuer.id.
 * Throws Error when the did is not the issuer or not a did:key, or when signing fails (e.g. a
 * browser without Ed25519 in Web Crypto).
 */
export async function signCredential(credential: SignableCredential, privateKey: CryptoKey, did: string): Promise<string> {
	if (issuerIdOf(credential) !== did) throw new Error('The signing key is not the credential issuer’s key');
	const kid = verificationMethodOf(did);
	const payload: Record<string, unknown> = {
		...credential,
		iss: did,
		sub: credential.credentialSubject.id,
		jti: credential.id,
		nbf: seconds(credential.validFrom),
		...(credential.validUntil === undefined ? {} : { exp: seconds(credential.validUntil) }),
	};
	return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
		.setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
		.sign(privateKey);
}

/** Outcome of `verifyJws`: the credential (JWT claims removed) and the signer's did:key, or a reason in plain words. */
export type JwsResult = { ok: true; credential: Record<string, unknown>; did: string } | { ok: false; reason: string };

const TAMPERED = 'The signature does not match the credential: the file was changed after it was signed.';

/**
 * Verify a compact JWS made by `signCredential` (or any OB 3.0 VC-JWT signed with an Ed25519
 * did:key). Never throws: every failure is `{ ok: false, reason }`.
 */
export async function verifyJws(jws: string): Promise<JwsResult> {
	const text = jws.trim();
	if (!COMPACT_JWS.test(text)) return { ok: false, reason: 'This is not a signed credential (compact JWS): it does not have three base64url parts.' };
	let header: ReturnType<typeof decodeProtectedHeader>;
	try {
		header = decodeProtectedHeader(text);
	} catch {
		return { ok: false, reason: 'The signature header cannot be read: the file is damaged.' };
	}
	if (header.alg !== 'EdDSA' && header.alg !== 'Ed25519') {
		return { ok: false, reason: `The credential is signed with ${String(header.alg)}; this site checks Ed25519 (EdDSA) signatures only.` };
	}
	// The payload is only trusted after the signature check, but `iss` may be needed to find the key.
	let keyRef = typeof header.kid === 'string' ? header.kid : undefined;
	if (keyRef === undefined) {
		try {
			const unverified = JSON.parse(new TextDecoder().decode(base64url.decode(text.split('.')[1]!))) as { iss?: unknown };
			if (typeof unverified.iss === 'string') keyRef = unverified.iss;
		} catch {
			return { ok: false, reason: 'The credential inside the signature cannot be read: the file is damaged.' };
		}
	}
	if (keyRef === undefined) return { ok: false, reason: 'The signature does not say which key made it (no kid or iss).' };
	const did = keyRef.split('#')[0]!;
	let key: CryptoKey | Uint8Array;
	try {
		key = await importJWK(didKeyToPublicJwk(keyRef), 'EdDSA');
	} catch (error) {
		if (error instanceof DidKeyError) return { ok: false, reason: `The signing key cannot be resolved: ${error.message}.` };
		return { ok: false, reason: 'The signing key cannot be used by this browser (no Ed25519 in Web Crypto).' };
	}
	let payloadBytes: Uint8Array;
	try {
		({ payload: payloadBytes } = await compactVerify(text, key, { algorithms: ['EdDSA', 'Ed25519'] }));
	} catch (error) {
		if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: TAMPERED };
		return { ok: false, reason: `The signature cannot be checked: ${(error as Error).message}` };
	}
	let payload: Record<string, unknown>;
	try {
		const parsed: unknown = JSON.parse(new TextDecoder().decode(payloadBytes));
		if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
		payload = parsed as Record<string, unknown>;
	} catch {
		return { ok: false, reason: 'The signed content is not a JSON credential.' };
	}
	const claims = checkClaims(payload, did);
	if (claims !== undefined) return { ok: false, reason: claims };
	const credential = Object.fromEntries(Object.entries(payload).filter(([k]) => !(JWT_CLAIMS as readonly string[]).includes(k)));
	return { ok: true, credential, did };
}

/** OB 3.0 "Verify a Credential VC-JWT Signature": each claim must match the credential. Returns a reason or undefined. */
function checkClaims(p: Record<string, unknown>, did: string): string | undefined {
	const issuerId = issuerIdOf(p);
	if (p.iss !== issuerId) return 'The signature’s issuer (iss) is not the credential’s issuer.';
	if (issuerId !== did) return 'The credential was signed by a key that is not its issuer’s.';
	const subject = p.credentialSubject as { id?: unknown } | undefined;
	if (p.sub !== subject?.id) return 'The signature’s subject (sub) is not the credential’s subject.';
	if (p.jti !== p.id) return 'The signature’s credential id (jti) is not the credential’s id.';
	if (typeof p.validFrom !== 'string' || p.nbf !== seconds(p.validFrom)) return 'The signature’s start date (nbf) is not the credential’s validFrom.';
	if (p.validUntil !== undefined || p.exp !== undefined) {
		if (typeof p.validUntil !== 'string' || p.exp !== seconds(p.validUntil)) return 'The signature’s expiry (exp) is not the credential’s validUntil.';
	}
	return undefined;
}
