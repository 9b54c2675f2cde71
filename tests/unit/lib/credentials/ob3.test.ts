import { describe, expect, it } from 'vitest';
import {
	CredentialInputError,
	buildCredential,
	certificateIdOf,
	credentialIdFor,
	learnerNameOf,
	shortCertificateId,
	toDateTimeZ,
} from '../../../../src/lib/credentials/ob3';
import { checkOpenBadgeCredential } from '../../../../src/schemas/open-badge-credential';
import { sampleInput } from './fixtures';

const DID = 'did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp';

describe('buildCredential', () => {
	it('writes the OB 3.0 structure', async () => {
		const { credential, certificateId } = await buildCredential(sampleInput(DID, { achievement: { ...sampleInput(DID).achievement, imageUrl: 'https://training.example.org/badges/l1.svg' } }));
		expect(credential['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
		expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(credential.name).toBe('Level 1 Engineer');
		expect(credential.issuer).toEqual({ id: DID, type: ['Profile'], name: 'QMS Training (self-issued by the learner)', url: 'https://training.example.org' });
		expect(credential.validFrom).toBe('2026-11-30T15:32:02Z');
		expect(credential.validUntil).toBe('2028-11-30T15:32:02Z');
		expect(credential.credentialSubject).toEqual({
			id: DID,
			type: ['AchievementSubject'],
			identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Ada Lovelace' }],
			achievement: {
				id: 'https://training.example.org/credentials/level-1-engineer/',
				type: ['Achievement'],
				achievementType: 'Certificate',
				name: 'Level 1 Engineer',
				description: 'Completed the Level 1 engineering path of the engineering excellence program.',
				criteria: { narrative: 'Pass the Level 1 knowledge check at 80 % and complete every module of the path (004, Certification).' },
				image: { id: 'https://training.example.org/badges/l1.svg', type: 'Image' },
			},
		});
		expect(credential.evidence).toEqual([{ type: ['Evidence'], name: 'Knowledge check: Level 1', description: 'Passed with 90 % (pass mark 80 %) on 2026-11-29.' }]);
		expect(certificateId).toMatch(/^[0-9a-f]{64}$/);
		expect(credential.id).toBe(credentialIdFor(certificateId));
		expect(credential.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(checkOpenBadgeCredential(credential)).toMatchObject({ ok: true });
		expect(learnerNameOf(credential)).toBe('Ada Lovelace');
	});

	it('omits empty evidence and absent optional fields (no undefined, no empty arrays)', async () => {
		const { credential } = await buildCredential(sampleInput(DID, { evidence: [], validUntil: undefined }));
		expect(credential).not.toHaveProperty('evidence');
		expect(credential).not.toHaveProperty('validUntil');
		expect(credential.credentialSubject.achievement).not.toHaveProperty('image');
		expect(JSON.stringify(credential)).not.toContain('[]');
		expect(JSON.parse(JSON.stringify(credential))).toEqual(credential);
	});

	it('gives the same ID for the same input and a different one when anything changes', async () => {
		const a = await buildCredential(sampleInput(DID));
		const b = await buildCredential(sampleInput(DID));
		expect(b.certificateId).toBe(a.certificateId);
		expect(b.credential).toEqual(a.credential);
		const renamed = await buildCredential(sampleInput(DID, { learner: { name: 'Ada King' } }));
		expect(renamed.certificateId).not.toBe(a.certificateId);
		const later = await buildCredential(sampleInput(DID, { validFrom: '2026-11-30T15:32:03Z' }));
		expect(later.certificateId).not.toBe(a.certificateId);
	});

	it('derives the ID from the content without the id, whatever the key order', async () => {
		const { credential, certificateId } = await buildCredential(sampleInput(DID));
		const reordered = Object.fromEntries(Object.entries(credential).reverse());
		expect(await certificateIdOf(reordered)).toBe(certificateId);
		expect(await certificateIdOf({ ...credential, id: 'urn:uuid:something-else' })).toBe(certificateId);
	});

	it('keeps hostile text as data', async () => {
		const name = '<script>alert("x")</script> & Łukasz Żółć';
		const { credential } = await buildCredential(sampleInput(DID, { learner: { name } }));
		expect(learnerNameOf(credential)).toBe(name);
	});

	it.each([
		[{ validFrom: 'yesterday' }, /validFrom is not an ISO 8601 date-time/],
		[{ validUntil: '2020-01-01T00:00:00Z' }, /validUntil is not after validFrom/],
		[{ learner: { name: '   ' } }, /learner.name is empty/],
		[{ issuer: { id: 'not a uri', name: 'x' } }, /issuer.id is not a URI/],
	])('refuses bad input %#', async (override, message) => {
		await expect(buildCredential(sampleInput(DID, override))).rejects.toThrow(CredentialInputError);
		await expect(buildCredential(sampleInput(DID, override))).rejects.toThrow(message);
	});
});

describe('certificate ID forms', () => {
	it('shortens to four groups of four', () => {
		expect(shortCertificateId('3f2a9c0177b4e0d2' + '0'.repeat(48))).toBe('3F2A-9C01-77B4-E0D2');
	});
	it('sets the UUID version 8 and variant bits', () => {
		expect(credentialIdFor('f'.repeat(64))).toBe('urn:uuid:ffffffff-ffff-8fff-bfff-ffffffffffff');
		expect(credentialIdFor('0'.repeat(64))).toBe('urn:uuid:00000000-0000-8000-8000-000000000000');
	});
	it('drops fractions of a second and converts to UTC', () => {
		expect(toDateTimeZ('2026-01-02T03:04:05.999+01:00')).toBe('2026-01-02T02:04:05Z');
	});
});

describe('checkOpenBadgeCredential', () => {
	it('names the missing property', async () => {
		const { credential } = await buildCredential(sampleInput(DID));
		const broken = structuredClone(credential) as unknown as { credentialSubject: { achievement: Record<string, unknown> } };
		delete broken.credentialSubject.achievement.name;
		expect(checkOpenBadgeCredential(broken)).toEqual({ ok: false, problem: 'credentialSubject.achievement.name is missing' });
	});
	it('refuses the wrong context order and a missing subject identity', async () => {
		const { credential } = await buildCredential(sampleInput(DID));
		const swapped = { ...credential, '@context': [...credential['@context']].reverse() };
		expect(checkOpenBadgeCredential(swapped)).toMatchObject({ ok: false, problem: expect.stringMatching(/^@context must start with/) });
		const anonymous = { ...credential, credentialSubject: { type: ['AchievementSubject'], achievement: credential.credentialSubject.achievement } };
		expect(checkOpenBadgeCredential(anonymous)).toMatchObject({ ok: false, problem: 'credentialSubject needs an id or an identifier' });
	});
	it.each([
		['an issuer Profile without type', { issuer: { id: DID, name: 'x' } }, 'issuer.type is missing'],
		['an issuer that is neither URI nor Profile', { issuer: 42 }, 'issuer has the wrong type (expected string)'],
		['an issuer id that is not a URI', { issuer: { id: 'x y', type: 'Profile' } }, 'issuer.id is not a URI'],
		['evidence without type', { evidence: [{ name: 'x' }] }, 'evidence[0].type is missing'],
		['a 600-character name', { name: 'x'.repeat(600) }, 'name is too long (at most 500 characters)'],
		['only the VC context', { '@context': ['https://www.w3.org/ns/credentials/v2'] }, '@context has too few entries (at least 2)'],
	])('names the problem with %s', async (_, override, problem) => {
		const { credential } = await buildCredential(sampleInput(DID));
		expect(checkOpenBadgeCredential({ ...credential, ...override })).toEqual({ ok: false, problem });
	});

	it('names a criteria without id or narrative and a foreign identifier type', async () => {
		const { credential: c } = await buildCredential(sampleInput(DID));
		const subject = c.credentialSubject;
		expect(checkOpenBadgeCredential({ ...c, credentialSubject: { ...subject, achievement: { ...subject.achievement, criteria: {} } } })).toEqual({
			ok: false,
			problem: 'credentialSubject.achievement.criteria needs an id or a narrative',
		});
		expect(checkOpenBadgeCredential({ ...c, credentialSubject: { ...subject, identifier: [{ type: 'Other', identityType: 'name', hashed: false, identityHash: 'x' }] } })).toEqual({
			ok: false,
			problem: 'credentialSubject.identifier[0].type must be "IdentityObject"',
		});
	});
	it('accepts the spec sample with compacted type strings', () => {
		const sample = {
			'@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
			id: 'http://example.edu/credentials/3732',
			type: ['VerifiableCredential', 'OpenBadgeCredential'],
			issuer: { id: 'https://example.edu/issuers/565049', type: 'Profile', name: 'Example University' },
			validFrom: '2010-01-01T00:00:00Z',
			credentialSubject: {
				id: 'did:example:ebfeb1f712ebc6f1c276e12ec21',
				type: 'AchievementSubject',
				achievement: { id: 'https://example.com/achievements/21st-century-skills/teamwork', type: 'Achievement', criteria: { narrative: 'Nominated by peers.' }, description: 'Collaboration.', name: 'Teamwork' },
			},
		};
		expect(checkOpenBadgeCredential(sample)).toMatchObject({ ok: true });
	});
});
