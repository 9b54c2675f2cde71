import { decodeProtectedHeader, decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { buildCredential } from '../../../../src/lib/credentials/ob3';
import { signCredential, verifyJws } from '../../../../src/lib/credentials/sign';
import { makeKeys, sampleInput } from './fixtures';

/** Replace one character of the JWS part `index` (0 header, 1 payload, 2 signature). */
function tamper(jws: string, index: number, at = 20): string {
	const parts = jws.split('.');
	const part = parts[index]!;
	const swapped = part[at] === 'A' ? 'B' : 'A';
	parts[index] = part.slice(0, at) + swapped + part.slice(at + 1);
	return parts.join('.');
}

describe('signCredential / verifyJws', async () => {
	const keys = await makeKeys();
	const { credential } = await buildCredential(sampleInput(keys.did));
	const jws = await signCredential(credential, keys.privateKey, keys.did);

	it('writes the header and claims OB 3.0 asks for', () => {
		expect(decodeProtectedHeader(jws)).toEqual({ alg: 'EdDSA', kid: `${keys.did}#${keys.did.slice(8)}`, typ: 'JWT' });
		const claims = decodeJwt(jws);
		expect(claims).toMatchObject({
			iss: keys.did,
			sub: keys.did,
			jti: credential.id,
			nbf: Date.parse('2026-11-30T15:32:02Z') / 1000,
			exp: Date.parse('2028-11-30T15:32:02Z') / 1000,
			'@context': credential['@context'],
		});
	});

	it('verifies and gives back the credential without the JWT claims', async () => {
		const result = await verifyJws(jws);
		expect(result).toEqual({ ok: true, credential, did: keys.did });
	});

	it('refuses a JWS with one payload character changed', async () => {
		for (const at of [5, 40, 200]) {
			expect(await verifyJws(tamper(jws, 1, at))).toEqual({
				ok: false,
				reason: 'The signature does not match the credential: the file was changed after it was signed.',
			});
		}
	});

	it('refuses a changed signature', async () => {
		expect(await verifyJws(tamper(jws, 2, 10))).toMatchObject({ ok: false, reason: expect.stringMatching(/does not match/) });
	});

	it('refuses a credential re-signed by another key under the original issuer', async () => {
		const other = await makeKeys();
		// Signed by `other` but claims the first learner as issuer: signCredential itself refuses...
		await expect(signCredential(credential, other.privateKey, other.did)).rejects.toThrow(/not the credential issuer/);
		// ...and a hand-made one is caught by verifyJws.
		const { CompactSign } = await import('jose');
		const forged = await new CompactSign(new TextEncoder().encode(JSON.stringify({ ...credential, iss: keys.did, sub: keys.did, jti: credential.id, nbf: 1795973522 })))
			.setProtectedHeader({ alg: 'EdDSA', kid: `${other.did}#${other.did.slice(8)}`, typ: 'JWT' })
			.sign(other.privateKey);
		expect(await verifyJws(forged)).toEqual({ ok: false, reason: 'The credential was signed by a key that is not its issuer’s.' });
	});

	it('refuses claims that disagree with the credential', async () => {
		const { CompactSign } = await import('jose');
		const signWith = (payload: object) =>
			new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', kid: `${keys.did}#${keys.did.slice(8)}` }).sign(keys.privateKey);
		const base = { ...credential, iss: keys.did, sub: keys.did, jti: credential.id, nbf: Date.parse(credential.validFrom) / 1000, exp: Date.parse(credential.validUntil!) / 1000 };
		expect(await verifyJws(await signWith(base))).toMatchObject({ ok: true });
		expect(await verifyJws(await signWith({ ...base, jti: 'urn:uuid:other' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/jti/) });
		expect(await verifyJws(await signWith({ ...base, nbf: base.nbf + 1 }))).toMatchObject({ ok: false, reason: expect.stringMatching(/nbf/) });
		expect(await verifyJws(await signWith({ ...base, exp: undefined }))).toMatchObject({ ok: false, reason: expect.stringMatching(/exp/) });
		expect(await verifyJws(await signWith({ ...base, sub: 'did:example:someone' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/sub/) });
	});

	it('refuses text that is not a compact JWS, or uses another algorithm', async () => {
		expect(await verifyJws('hello')).toMatchObject({ ok: false, reason: expect.stringMatching(/three base64url parts/) });
		expect(await verifyJws('e30.e30.e30')).toMatchObject({ ok: false, reason: expect.stringMatching(/signed with undefined/) });
		const hs = 'eyJhbGciOiJIUzI1NiJ9.e30.ZmFrZQ';
		expect(await verifyJws(hs)).toMatchObject({ ok: false, reason: expect.stringMatching(/HS256/) });
		expect(await verifyJws('!!.@@.##')).toMatchObject({ ok: false });
	});

	it('refuses a kid that is not a did:key', async () => {
		const { CompactSign } = await import('jose');
		const jwsWeb = await new CompactSign(new TextEncoder().encode('{}')).setProtectedHeader({ alg: 'EdDSA', kid: 'https://example.org/keys#1' }).sign(keys.privateKey);
		expect(await verifyJws(jwsWeb)).toMatchObject({ ok: false, reason: expect.stringMatching(/signing key cannot be resolved/) });
	});
});
