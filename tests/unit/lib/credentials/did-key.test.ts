import { describe, expect, it } from 'vitest';
import { base58btcDecode, base58btcEncode } from '../../../../src/lib/credentials/base58';
import {
	DidKeyError,
	didKeyFromPublicKey,
	didKeyFromRawPublicKey,
	didKeyToPublicJwk,
	rawPublicKeyFromDidKey,
	verificationMethodOf,
} from '../../../../src/lib/credentials/did-key';

// W3C CCG did-method-key, test-vectors/ed25519-x25519.json: the key made from the all-zero seed.
const VECTOR = {
	did: 'did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp',
	seedHex: '00'.repeat(32),
	publicKeyBase58: '4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS',
};

/** Ed25519 private key from a 32-byte seed (PKCS#8 wrapper of RFC 8410). */
async function keyFromSeed(seedHex: string): Promise<CryptoKey> {
	const prefix = '302e020100300506032b657004220420';
	const der = Uint8Array.from((prefix + seedHex).match(/../g)!, (h) => parseInt(h, 16));
	return crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, true, ['sign']);
}

describe('base58btc', () => {
	it('round-trips bytes, keeping leading zeros', () => {
		const bytes = new Uint8Array([0, 0, 1, 2, 255, 254, 0, 77]);
		expect(base58btcEncode(bytes)).toMatch(/^11/);
		expect(base58btcDecode(base58btcEncode(bytes))).toEqual(bytes);
	});
	it('refuses characters outside the alphabet (0, O, I, l)', () => {
		expect(() => base58btcDecode('abc0')).toThrow(/"0" is not a base58btc character/);
	});
});

describe('did:key for Ed25519', () => {
	it('matches the published test vector from the seed', async () => {
		const privateKey = await keyFromSeed(VECTOR.seedHex);
		const jwk = await crypto.subtle.exportKey('jwk', privateKey);
		const raw = Uint8Array.from(atob(jwk.x!.replace(/-/g, '+').replace(/_/g, '/') + '='), (c) => c.charCodeAt(0));
		expect(raw).toEqual(base58btcDecode(VECTOR.publicKeyBase58));
		expect(didKeyFromRawPublicKey(raw)).toBe(VECTOR.did);
		const publicKey = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, true, ['verify']);
		expect(await didKeyFromPublicKey(publicKey)).toBe(VECTOR.did);
	});

	it('turns the test vector did back into its public key and JWK', () => {
		expect(rawPublicKeyFromDidKey(VECTOR.did)).toEqual(base58btcDecode(VECTOR.publicKeyBase58));
		const jwk = didKeyToPublicJwk(`${VECTOR.did}#${VECTOR.did.slice(8)}`);
		expect(jwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String) });
		expect(jwk).not.toHaveProperty('d');
	});

	it('names the verification method with the key as fragment', () => {
		expect(verificationMethodOf(VECTOR.did)).toBe(`${VECTOR.did}#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp`);
	});

	it('round-trips a fresh Web Crypto key', async () => {
		const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
		const did = await didKeyFromPublicKey(pair.publicKey);
		expect(did).toMatch(/^did:key:z6Mk/);
		expect(rawPublicKeyFromDidKey(did)).toEqual(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
	});

	it.each([
		['did:web:example.org', /not a did:key/],
		['did:key:u6MkiTBz', /not a did:key/],
		['did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme', /not an Ed25519 key/], // secp256k1 vector
		['did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDoo', /key bytes, not 32|not an Ed25519/],
		[`${VECTOR.did}#key-1`, /fragment/],
	])('refuses %s with a reason', (text, reason) => {
		expect(() => rawPublicKeyFromDidKey(text)).toThrow(DidKeyError);
		expect(() => rawPublicKeyFromDidKey(text)).toThrow(reason);
	});

	it('refuses a key that is not 32 bytes', () => {
		expect(() => didKeyFromRawPublicKey(new Uint8Array(31))).toThrow(/32 bytes, not 31/);
	});
});
