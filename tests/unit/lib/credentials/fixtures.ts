/** Shared test data for the credentials tests: a credential input, Ed25519 keys, a tiny PNG. */
import encodeChunks from 'png-chunks-encode';
import { zlibSync } from 'fflate';
import { didKeyFromPublicKey } from '../../../../src/lib/credentials/did-key';
import type { CredentialInput } from '../../../../src/lib/credentials/ob3';
import type { CertificateView } from '../../../../src/lib/credentials/certificate-svg';

export async function makeKeys(): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey; did: string }> {
	const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
	return { privateKey: pair.privateKey, publicKey: pair.publicKey, did: await didKeyFromPublicKey(pair.publicKey) };
}

export function sampleInput(did: string, overrides: Partial<CredentialInput> = {}): CredentialInput {
	return {
		achievement: {
			id: 'https://training.example.org/credentials/level-1-engineer/',
			kind: 'certificate',
			name: 'Level 1 Engineer',
			description: 'Completed the Level 1 engineering path of the engineering excellence program.',
			criteriaNarrative: 'Pass the Level 1 knowledge check at 80 % and complete every module of the path (004, Certification).',
			source: { seed: '004', section: 'Certification' },
		},
		learner: { name: 'Ada Lovelace' },
		issuer: { id: did, name: 'QMS Training (self-issued by the learner)', url: 'https://training.example.org' },
		validFrom: '2026-11-30T15:32:02.123Z',
		validUntil: '2028-11-30T15:32:02.123Z',
		evidence: [{ name: 'Knowledge check: Level 1', description: 'Passed with 90 % (pass mark 80 %) on 2026-11-29.' }],
		...overrides,
	};
}

/** A valid 1×1 grey PNG built from chunks (IHDR, IDAT, IEND). */
export function tinyPng(extra: { name: string; data: Uint8Array }[] = []): Uint8Array {
	const ihdr = new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
	const idat = zlibSync(new Uint8Array([0, 128]));
	return encodeChunks([{ name: 'IHDR', data: ihdr }, ...extra, { name: 'IDAT', data: idat }, { name: 'IEND', data: new Uint8Array(0) }]);
}

/** tEXt chunk data: keyword NUL text (Latin-1). */
export function textChunk(keyword: string, text: string): { name: string; data: Uint8Array } {
	return { name: 'tEXt', data: new Uint8Array([...new TextEncoder().encode(keyword), 0, ...new TextEncoder().encode(text)]) };
}

/** One certificate as the SVG, PNG and PDF renderers see it; the verify URL carries the ID fragment. */
export const sampleCertificateView: CertificateView = {
	learnerName: 'Ada Lovelace',
	title: 'Level 1 Engineer',
	programName: 'Engineering excellence',
	kind: 'certificate',
	issuedOn: '2026-11-30',
	expiresOn: '2028-11-30',
	certificateId: { short: '3F2A-9C01-77B4-E0D2', full: '3f2a9c0177b4e0d2'.padEnd(64, '0') },
	verifyUrl: 'https://training.example.org/credentials/verify/#id=3f2a9c0177b4e0d2',
	statement:
		'Self-issued: recorded by the learner’s browser and signed with the learner’s own key. The signature proves this file was not changed after signing; it does not prove that anyone vouches for it.',
	seedSource: { seed: '004', section: 'Certification' },
};
