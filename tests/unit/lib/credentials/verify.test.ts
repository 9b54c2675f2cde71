import { describe, expect, it } from 'vitest';
import { bakePng } from '../../../../src/lib/credentials/bake-png';
import { bakeSvg } from '../../../../src/lib/credentials/bake-svg';
import { renderBadgeSvg } from '../../../../src/lib/credentials/certificate-svg';
import { buildCredential } from '../../../../src/lib/credentials/ob3';
import { signCredential } from '../../../../src/lib/credentials/sign';
import { SELF_ISSUED_NOTE, UNSIGNED_NOTE, expiryAt, verifyCredentialFile } from '../../../../src/lib/credentials/verify';
import { makeKeys, sampleInput, textChunk, tinyPng } from './fixtures';

const NOW = '2027-06-01T00:00:00Z';
const utf8 = (s: string) => new TextEncoder().encode(s);

const keys = await makeKeys();
const { credential, certificateId } = await buildCredential(sampleInput(keys.did, { learner: { name: 'Łukasz Żółć <script>' } }));
const jws = await signCredential(credential, keys.privateKey, keys.did);
const badge = renderBadgeSvg({
	learnerName: 'Łukasz Żółć <script>',
	title: 'Level 1 Engineer',
	programName: 'Engineering excellence',
	kind: 'certificate',
	issuedOn: '2026-11-30',
	certificateId: { short: 'X', full: certificateId },
});

const files = {
	'badge.png': bakePng(tinyPng(), jws),
	'badge.svg': utf8(bakeSvg(badge, jws)),
	'credential.jwt': utf8(`${jws}\n`),
	'credential.json': utf8(JSON.stringify(credential, null, 2)),
	'unsigned.png': bakePng(tinyPng(), JSON.stringify(credential)),
	'unsigned.svg': utf8(bakeSvg(badge, credential)),
};

describe('verifyCredentialFile accepts each format', () => {
	it.each(Object.entries(files))('%s', async (name, bytes) => {
		const result = await verifyCredentialFile(bytes, name, { now: NOW });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const signed = !name.startsWith('unsigned') && !name.endsWith('.json');
		expect(result.signed).toBe(signed);
		expect(result.signer).toEqual(signed ? { did: keys.did } : undefined);
		expect(result.credential).toEqual(credential);
		expect(result.certificateId).toBe(certificateId);
		expect(result.expiry).toBe('valid');
		expect(result.format).toBe(name.endsWith('.jwt') ? 'jws' : name.split('.')[1]);
		expect(result.summary).toEqual({
			learnerName: 'Łukasz Żółć <script>',
			achievementName: 'Level 1 Engineer',
			achievementId: credential.credentialSubject.achievement.id,
			achievementType: 'Certificate',
			issuerId: keys.did,
			issuerName: 'QMS Training (self-issued by the learner)',
			validFrom: '2026-11-30T15:32:02Z',
			validUntil: '2028-11-30T15:32:02Z',
		});
		expect(result.warnings).toEqual([signed ? SELF_ISSUED_NOTE : UNSIGNED_NOTE]);
	});
});

describe('time', () => {
	it('reports not-yet-valid, valid and expired at the given clock', async () => {
		const at = async (now: string) => {
			const r = await verifyCredentialFile(files['badge.png'], 'badge.png', { now });
			return r.ok ? [r.expiry, r.warnings.length] : r.reason;
		};
		expect(await at('2026-11-30T15:32:01Z')).toEqual(['not-yet-valid', 2]);
		expect(await at('2026-11-30T15:32:02Z')).toEqual(['valid', 1]);
		expect(await at('2028-11-30T15:32:01Z')).toEqual(['valid', 1]);
		expect(await at('2028-11-30T15:32:02Z')).toEqual(['expired', 2]);
	});
	it('has no expiry without validUntil', () => {
		expect(expiryAt({ validFrom: '2020-01-01T00:00:00Z' }, '2999-01-01T00:00:00Z')).toBe('valid');
	});
});

/** Flip one base64url character inside the JWS payload wherever it sits in the file. */
function tamperPayload(bytes: Uint8Array): Uint8Array {
	const text = new TextDecoder('latin1').decode(bytes);
	const payloadStart = text.indexOf(jws) + jws.indexOf('.') + 1;
	const out = bytes.slice();
	const at = payloadStart + 30;
	out[at] = out[at] === 0x41 ? 0x42 : 0x41;
	return out;
}

describe('verifyCredentialFile refuses, with a reason, and never throws', () => {
	const cases: [string, Uint8Array, string | RegExp][] = [
		['tampered.jwt', tamperPayload(files['credential.jwt']), 'The signature does not match the credential: the file was changed after it was signed.'],
		['tampered.svg', tamperPayload(files['badge.svg']), 'The signature does not match the credential: the file was changed after it was signed.'],
		// In a PNG the chunk CRC catches the change first.
		['tampered.png', tamperPayload(files['badge.png']), /The PNG file is damaged/],
		['renamed.json', utf8(JSON.stringify({ ...credential, credentialSubject: { ...credential.credentialSubject, identifier: [{ ...credential.credentialSubject.identifier![0]!, identityHash: 'Mallory' }] } })), /certificate ID does not match the credential’s content: the credential was changed after it was made/],
		['renamed-achievement.svg', utf8(bakeSvg(badge, { ...credential, name: 'Level 2 Engineer' })), /certificate ID does not match/],
		['truncated.png', files['badge.png'].subarray(0, files['badge.png'].length - 20), /cut short/],
		['truncated.svg', files['unsigned.svg'].subarray(0, 400), 'The SVG file is cut short: the credential element is not closed (truncated or damaged).'],
		['truncated.json', files['credential.json'].subarray(0, 300), 'The file is not valid JSON (it may be cut short or damaged).'],
		['plain.png', tinyPng(), 'This PNG has no Open Badges credential in it.'],
		['ob2.png', tinyPng([textChunk('openbadges', '{"@context":"https://w3id.org/openbadges/v2","type":"Assertion"}')]), /Open Badges 2.0 badge/],
		['ob2.json', utf8('{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","badge":"https://x"}'), /Open Badges 2.0 assertion/],
		['vc1.json', utf8(JSON.stringify({ ...credential, '@context': ['https://www.w3.org/2018/credentials/v1'] })), /Verifiable Credentials 1.1/],
		['random.json', utf8('{"hello":"world"}'), 'Not an Open Badges 3.0 credential: @context is missing.'],
		['array.json', utf8('[1,2,3]'), /not hold a credential object/],
		['no-name.json', utf8(JSON.stringify({ ...credential, credentialSubject: { ...credential.credentialSubject, achievement: { ...credential.credentialSubject.achievement, name: undefined } } })), 'Not an Open Badges 3.0 credential: credentialSubject.achievement.name is missing.'],
		['plain.svg', utf8(badge), 'This SVG has no Open Badges credential in it.'],
		['page.html', utf8('<!doctype html><html><body>hi</body></html>'), 'This is an XML or HTML file, not an SVG image.'],
		['random.bin', crypto.getRandomValues(new Uint8Array(2000)), /is not a PNG, SVG, JSON or JWT credential file/],
		['notes.txt', utf8('just some words'), /is not a PNG, SVG, JSON or JWT credential file/],
		['empty.json', new Uint8Array(0), 'empty.json is empty.'],
		['bad.jwt', utf8('eyJhbGciOiJFZERTQSJ9.e30.AAAA'), /signing key|does not say which key/],
	];
	it.each(cases)('%s', async (name, bytes, reason) => {
		const result = await verifyCredentialFile(bytes, name, { now: NOW });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.reason).toMatch(reason);
	});

	it('refuses an oversized file before reading it', async () => {
		const big = new Uint8Array(5 * 1024 * 1024 + 1);
		big.set(files['badge.png']);
		expect(await verifyCredentialFile(big, 'big.png', { now: NOW })).toEqual({ ok: false, reason: 'The file is larger than 5 MB, so it is not checked.' });
		expect(await verifyCredentialFile(files['badge.png'], 'badge.png', { now: NOW, maxBytes: 1536 })).toEqual({ ok: false, reason: 'The file is larger than 1.5 KB, so it is not checked.' });
	});

	it('turns an unexpected failure into a reason (bad clock)', async () => {
		expect(await verifyCredentialFile(files['badge.png'], 'badge.png', { now: 'not a date' })).toEqual({ ok: false, reason: 'The file could not be checked: now is not a date-time: not a date' });
	});
});
