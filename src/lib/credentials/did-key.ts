/**
 * did:key for Ed25519 public keys (W3C CCG "The did:key Method"): `did:key:z` + base58btc of the
 * multicodec prefix 0xed 0x01 (ed25519-pub, varint) followed by the 32-byte public key, so every
 * Ed25519 did:key starts with `did:key:z6Mk`. The verification method (JWS `kid`) is
 * `did:key:<mb>#<mb>`, the multibase value repeated as the fragment, as the method defines.
 *
 * did:key resolves offline: the key is the identifier, so a verifier needs no network. It says
 * nothing about who holds the key (see site-issuer.ts: credentials here are self-issued).
 */
import { base64url } from 'jose';
import { base58btcDecode, base58btcEncode } from './base58';

const ED25519_PUB = [0xed, 0x01] as const;

/** Public key as a JWK (RFC 8037 OKP); never has `d`. */
export interface Ed25519PublicJwk {
	kty: 'OKP';
	crv: 'Ed25519';
	/** base64url of the 32 public key bytes. */
	x: string;
}

/** Thrown for text that is not an Ed25519 did:key. */
export class DidKeyError extends Error {
	override name = 'DidKeyError';
}

/** 32 raw public key bytes → `did:key:z6Mk…`. Throws DidKeyError when the length is not 32. */
export function didKeyFromRawPublicKey(raw: Uint8Array): string {
	if (raw.length !== 32) throw new DidKeyError(`An Ed25519 public key has 32 bytes, not ${raw.length}`);
	const bytes = new Uint8Array(34);
	bytes.set(ED25519_PUB, 0);
	bytes.set(raw, 2);
	return `did:key:z${base58btcEncode(bytes)}`;
}

/** Web Crypto Ed25519 public key → did:key (public keys are always exportable). */
export async function didKeyFromPublicKey(publicKey: CryptoKey): Promise<string> {
	const raw = new Uint8Array(await crypto.subtle.exportKey('raw', publicKey));
	return didKeyFromRawPublicKey(raw);
}

/**
 * did:key (optionally with a `#fragment`) → the 32 public key bytes.
 * Throws DidKeyError with a plain reason: not did:key, not base58btc, not an Ed25519 key, wrong
 * length, or a fragment that is not the key itself.
 */
export function rawPublicKeyFromDidKey(didOrKid: string): Uint8Array {
	const [did, fragment] = didOrKid.split('#', 2) as [string, string | undefined];
	const match = /^did:key:z([1-9A-HJ-NP-Za-km-z]+)$/.exec(did);
	if (!match) throw new DidKeyError(`"${didOrKid.slice(0, 80)}" is not a did:key in base58btc`);
	if (fragment !== undefined && fragment !== `z${match[1]}`) {
		throw new DidKeyError('The key fragment does not name the did:key itself');
	}
	let bytes: Uint8Array;
	try {
		bytes = base58btcDecode(match[1]!);
	} catch (error) {
		throw new DidKeyError(`The did:key is not valid base58btc: ${(error as Error).message}`);
	}
	if (bytes[0] !== ED25519_PUB[0] || bytes[1] !== ED25519_PUB[1]) {
		throw new DidKeyError('The did:key is not an Ed25519 key (multicodec 0xed01)');
	}
	if (bytes.length !== 34) throw new DidKeyError(`The did:key holds ${bytes.length - 2} key bytes, not 32`);
	return bytes.slice(2);
}

/** did:key → public JWK for jose's importJWK. Throws DidKeyError as rawPublicKeyFromDidKey does. */
export function didKeyToPublicJwk(didOrKid: string): Ed25519PublicJwk {
	return { kty: 'OKP', crv: 'Ed25519', x: base64url.encode(rawPublicKeyFromDidKey(didOrKid)) };
}

/** The verification method id used as JWS `kid`: `did:key:z…#z…`. */
export function verificationMethodOf(did: string): string {
	rawPublicKeyFromDidKey(did);
	return `${did}#${did.slice('did:key:'.length)}`;
}
