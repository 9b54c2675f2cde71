/**
 * Signed JSON for files that are not credentials (the sign-off request): a compact JWS, header
 * `{ alg: "EdDSA", kid: "did:key:z…#z…", typ }`, payload the JSON text, signed with a Web Crypto
 * Ed25519 key (jose), as the credentials are (src/lib/credentials/sign.ts). The key is found from
 * the `kid` did:key, so the file carries everything needed to check it.
 */
import { CompactSign, compactVerify, decodeProtectedHeader, errors, importJWK } from 'jose';
import { DidKeyError, didKeyToPublicJwk, verificationMethodOf } from '../credentials/did-key';
import { COMPACT_JWS } from '../credentials/sign';

/** Sign `payload` (any JSON value) with `privateKey`, whose public key is `did`. Rejects when the browser cannot sign Ed25519. */
export async function signJson(payload: unknown, privateKey: CryptoKey, did: string, typ: string): Promise<string> {
	return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', kid: verificationMethodOf(did), typ }).sign(privateKey);
}

export type SignedJson = { ok: true; payload: unknown; did: string } | { ok: false; reason: string };

/**
 * Check a compact JWS made by `signJson` with header `typ` = `typ`. Never throws: every failure is
 * a reason in plain words (not a JWS, another kind of file, unknown key type, changed after signing).
 */
export async function verifySignedJson(text: string, typ: string, what: string): Promise<SignedJson> {
	const jws = text.trim();
	if (!COMPACT_JWS.test(jws)) return { ok: false, reason: `This is not a ${what}: it is not a signed file (compact JWS).` };
	let header: ReturnType<typeof decodeProtectedHeader>;
	try {
		header = decodeProtectedHeader(jws);
	} catch {
		return { ok: false, reason: `The ${what}’s signature header cannot be read: the file is damaged.` };
	}
	if (header.typ !== typ) return { ok: false, reason: `This is not a ${what} (it is a signed file of another kind${typeof header.typ === 'string' ? `: ${header.typ.slice(0, 60)}` : ''}).` };
	if (header.alg !== 'EdDSA') return { ok: false, reason: `The ${what} is signed with ${String(header.alg)}; only Ed25519 (EdDSA) is accepted.` };
	if (typeof header.kid !== 'string') return { ok: false, reason: `The ${what} does not say which key signed it.` };
	let key: CryptoKey | Uint8Array;
	try {
		key = await importJWK(didKeyToPublicJwk(header.kid), 'EdDSA');
	} catch (e) {
		if (e instanceof DidKeyError) return { ok: false, reason: `The ${what}’s signing key cannot be read: ${e.message}.` };
		return { ok: false, reason: 'This browser cannot check Ed25519 signatures (Web Crypto).' };
	}
	let bytes: Uint8Array;
	try {
		({ payload: bytes } = await compactVerify(jws, key, { algorithms: ['EdDSA'] }));
	} catch (e) {
		if (e instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: `The signature does not match the ${what}: it was changed after it was signed.` };
		return { ok: false, reason: `The ${what}’s signature cannot be checked: ${(e as Error).message}` };
	}
	try {
		return { ok: true, payload: JSON.parse(new TextDecoder().decode(bytes)), did: header.kid.split('#')[0]! };
	} catch {
		return { ok: false, reason: `The signed content of the ${what} is not JSON.` };
	}
}
