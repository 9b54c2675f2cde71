/**
 * Sign-off requests and endorsements (issue 9) end to end in Node with real Ed25519 keys: build,
 * sign, read back; every kind of tampering refused with a reason; the wrong learner refused; the
 * signer named as a published lead or an unknown key; the rules counting only verified sign-offs
 * that count under the site's trust rule.
 */
import { CompactSign, base64url } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { verificationMethodOf } from '../../../../src/lib/credentials/did-key';
import { evaluateCertification, type VerifiedSignOff } from '../../../../src/lib/credentials/rules';
import { buildEndorsement, checkEndorsement, checkStoredSignOffs, endorsementFileName, looksLikeEndorsement } from '../../../../src/lib/signoff/endorsement';
import { loadLeadsConfig, type TrustConfig } from '../../../../src/lib/signoff/leads';
import { SITE_LEADS } from '../../../../src/lib/signoff/site-leads';
import { readSignOffRequest, requestFileName } from '../../../../src/lib/signoff/request';
import * as R from '../../../../src/lib/progress/record';
import { realCatalog } from '../credentials/content';
import { T0, attest, day, empty } from '../credentials/records';
import { endorse, makeKey, requestFor, verified, type TestKey } from './helpers';

const catalog = realCatalog();
let learner: TestKey;
let lead: TestKey;
let stranger: TestKey;
let published: TrustConfig;

beforeAll(async () => {
	[learner, lead, stranger] = await Promise.all([makeKey(), makeKey(), makeKey()]);
	// The known-lead path: a generated key injected into the config loader, as a site would publish it.
	const jwk = await crypto.subtle.exportKey('jwk', lead.publicKey);
	const loaded = loadLeadsConfig({ leads: [{ name: 'Ana Costa', role: 'Engineering lead', publicKey: { kty: 'OKP', crv: 'Ed25519', x: jwk.x } }], acceptUnknownKeys: false });
	if (!loaded.ok) throw new Error(loaded.problem);
	published = loaded.config;
});

/** Two shadowing days for the release manager certification, plus its buddy sign-off requirement. */
function shadowed() {
	return attest(attest(empty(), 'release-manager', 'shadowing', T0, 'Shadowed Ben on the 2.3 release'), 'release-manager', 'shadowing', day(1), 'Shadowed Ben on the hotfix');
}

/** Change one field of a JWS payload and keep the original signature. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case edits a different nested field of the parsed payload.
function tamperPayload(jws: string, change: (p: Record<string, any>) => void): string {
	const [h, p, sig] = jws.split('.');
	const payload = JSON.parse(new TextDecoder().decode(base64url.decode(p!)));
	change(payload);
	return `${h}.${base64url.encode(JSON.stringify(payload))}.${sig}`;
}

describe('the site config of leads', () => {
	it('ships with no lead and unknown keys not counted (no key, public or private, in the site)', () => {
		expect(SITE_LEADS).toEqual({ leads: [], acceptUnknownKeys: false });
		expect(loadLeadsConfig(SITE_LEADS)).toEqual({ ok: true, config: { leads: [], acceptUnknownKeys: false } });
	});

	it('reads a lead published as a JWK or as did:key, drops example entries, refuses private keys', async () => {
		expect(published.leads).toEqual([{ name: 'Ana Costa', role: 'Engineering lead', did: lead.did }]);
		const asDid = loadLeadsConfig({ leads: [{ name: 'Ana', role: 'Lead', publicKey: lead.did }, { name: 'Example', role: 'Example', publicKey: stranger.did, example: true }], acceptUnknownKeys: false });
		expect(asDid).toEqual({ ok: true, config: { leads: [{ name: 'Ana', role: 'Lead', did: lead.did }], acceptUnknownKeys: false } });
		const withPrivate = loadLeadsConfig({ leads: [{ name: 'Ana', role: 'Lead', publicKey: { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), d: 'B'.repeat(43) } }], acceptUnknownKeys: false });
		expect(withPrivate).toMatchObject({ ok: false, problem: expect.stringContaining('private key') });
		expect(loadLeadsConfig({ leads: [{ name: 'Ana', role: 'Lead', publicKey: 'did:key:zQ3sh' }], acceptUnknownKeys: false }).ok).toBe(false);
	});
});

describe('sign-off request', () => {
	it('holds the certification, every attested and sign-off requirement with the items, the learner and their key; reads back', async () => {
		const { request, jws } = await requestFor(catalog, shadowed(), 'release-manager', learner, day(2));
		expect(request).toMatchObject({ type: 'SignOffRequest', format: 1, learner: { name: 'Ada Lovelace', did: learner.did }, certification: { id: 'release-manager', name: 'Release Manager certification' } });
		expect(request.requirements.map((r) => [r.id, r.kind, r.signer, r.items.length])).toEqual([
			['shadowing', 'attested', 'buddy', 2],
			['buddy-sign-off', 'sign-off', 'buddy', 0],
		]);
		expect(request.requirements[0]!.items.map((i) => i.what)).toEqual(['Shadowed Ben on the 2.3 release', 'Shadowed Ben on the hotfix']);
		expect(requestFileName(request)).toMatch(/^sign-off-request-release-manager-[0-9a-f]{8}\.jws$/);
		const read = await readSignOffRequest(`${jws}\n`);
		expect(read).toMatchObject({ ok: true, request, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
	});

	it('a changed, re-signed, foreign or damaged request is refused with a reason', async () => {
		const { jws } = await requestFor(catalog, shadowed(), 'release-manager', learner, day(2));
		const changed = tamperPayload(jws, (p) => (p.requirements[0].items[0].what = 'Shadowed for a month'));
		expect(await readSignOffRequest(changed)).toEqual({ ok: false, reason: 'The signature does not match the sign-off request: it was changed after it was signed.' });
		// Someone else signs a request naming the learner: the key is not the learner's.
		const [, p] = jws.split('.');
		const forged = await new CompactSign(base64url.decode(p!)).setProtectedHeader({ alg: 'EdDSA', kid: verificationMethodOf(stranger.did), typ: 'qms-signoff-request+jws' }).sign(stranger.privateKey);
		expect(await readSignOffRequest(forged)).toMatchObject({ ok: false, reason: expect.stringContaining('not the learner’s it names') });
		// The learner re-signs an edited request without fixing its content-derived id.
		const body = JSON.parse(new TextDecoder().decode(base64url.decode(p!)));
		body.learner.name = 'Someone Else';
		const resigned = await new CompactSign(new TextEncoder().encode(JSON.stringify(body))).setProtectedHeader({ alg: 'EdDSA', kid: verificationMethodOf(learner.did), typ: 'qms-signoff-request+jws' }).sign(learner.privateKey);
		expect(await readSignOffRequest(resigned)).toMatchObject({ ok: false, reason: expect.stringContaining('id does not match') });
		expect(await readSignOffRequest('hello')).toMatchObject({ ok: false, reason: expect.stringContaining('not a signed file') });
		const endorsement = await endorse(jws, ['shadowing'], lead, day(3));
		expect(await readSignOffRequest(endorsement)).toMatchObject({ ok: false, reason: expect.stringContaining('not a sign-off request') });
		expect(await readSignOffRequest(jws.slice(0, -4))).toMatchObject({ ok: false });
	});
});

describe('sign-off endorsement', () => {
	it('is an OB 3.0 EndorsementCredential about the learner, naming the request, the approved items and the lead', async () => {
		const { request, jws } = await requestFor(catalog, shadowed(), 'release-manager', learner, day(2));
		const read = await readSignOffRequest(jws);
		if (!read.ok) throw new Error(read.reason);
		const { credential, certificateId } = await buildEndorsement({ request, requestDigest: read.digest, approve: ['shadowing'], comment: 'Both days confirmed with Ben.', lead: { did: lead.did, name: 'Ana Costa', role: 'Engineering lead' }, now: day(3) });
		expect(credential).toMatchObject({
			'@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
			type: ['VerifiableCredential', 'EndorsementCredential'],
			issuer: { id: lead.did, type: ['Profile'], name: 'Ana Costa', description: 'Engineering lead' },
			validFrom: '2026-11-04T09:00:00Z',
			credentialSubject: {
				id: learner.did,
				type: ['EndorsementSubject'],
				signOff: { request: request.id, requestDigest: read.digest, learner: { did: learner.did }, approved: [{ requirement: 'shadowing', items: request.requirements[0]!.items }], declined: ['buddy-sign-off'] },
			},
		});
		expect(credential.credentialSubject.endorsementComment).toContain('Both days confirmed with Ben.');
		expect(endorsementFileName(credential, certificateId)).toMatch(/^sign-off-release-manager-ada-lovelace-[0-9a-f]{8}\.jws$/);
		await expect(buildEndorsement({ request, requestDigest: read.digest, approve: [], comment: '', lead: { did: lead.did, name: 'Ana', role: '' }, now: day(3) })).rejects.toThrow('at least one');
	});

	it('verifies, names a published lead, and an unknown key as unknown (counting only if the site allows it)', async () => {
		const { jws } = await requestFor(catalog, shadowed(), 'release-manager', learner, day(2));
		const byLead = await endorse(jws, ['shadowing'], lead, day(3));
		expect(looksLikeEndorsement(byLead)).toBe(true);
		expect(looksLikeEndorsement(jws)).toBe(false);
		expect(await checkEndorsement(byLead, { trust: published, learnerDid: learner.did })).toMatchObject({ ok: true, signer: { did: lead.did, lead: { name: 'Ana Costa', role: 'Engineering lead' }, counts: true }, signedAt: day(3) });
		const byStranger = await endorse(jws, ['shadowing'], stranger, day(3), 'Mallory');
		expect(await checkEndorsement(byStranger, { trust: published })).toMatchObject({ ok: true, signer: { did: stranger.did, claimedName: 'Mallory', counts: false } });
		expect(await checkEndorsement(byStranger, { trust: { ...published, acceptUnknownKeys: true } })).toMatchObject({ ok: true, signer: { did: stranger.did, counts: true } });
		expect((await checkEndorsement(byStranger, { trust: published }) as { signer: { lead?: unknown } }).signer.lead).toBeUndefined();
	});

	it('a tampered endorsement, one for another learner, and a damaged file are refused with a reason', async () => {
		const { jws } = await requestFor(catalog, shadowed(), 'release-manager', learner, day(2));
		const good = await endorse(jws, ['shadowing'], lead, day(3));
		const moreItems = tamperPayload(good, (p) => p.credentialSubject.signOff.approved.push({ requirement: 'buddy-sign-off', items: [] }));
		expect(await checkEndorsement(moreItems, { trust: published })).toEqual({ ok: false, reason: 'The signature does not match the credential: the file was changed after it was signed.' });
		expect(await checkEndorsement(good, { trust: published, learnerDid: stranger.did })).toMatchObject({ ok: false, reason: expect.stringContaining('for another learner') });
		expect(await checkEndorsement(good.slice(0, 40), { trust: published })).toMatchObject({ ok: false });
		expect(await checkEndorsement(jws, { trust: published })).toMatchObject({ ok: false });
		// A stored entry whose JWS was edited in localStorage counts for nothing.
		const stored = await checkStoredSignOffs([{ id: (await verified(good, published)).id, jws: good, importedAt: day(4) }, { id: 'a'.repeat(64), jws: moreItems, importedAt: day(4) }], published);
		expect(stored.checked).toHaveLength(1);
		expect(stored.refused).toEqual([{ id: 'a'.repeat(64), reason: expect.stringContaining('changed after it was signed') }]);
	});
});

describe('the rules count only verified sign-offs that count on this site', () => {
	const rm = catalog.certifications.find((c) => c.id === 'release-manager')!;
	const shadowing = (r: ReturnType<typeof shadowed>, offs: VerifiedSignOff[]) => evaluateCertification(rm, r, catalog, day(10), offs).requirements.find((x) => x.id === 'shadowing')!;
	const buddy = (r: ReturnType<typeof shadowed>, offs: VerifiedSignOff[]) => evaluateCertification(rm, r, catalog, day(10), offs).requirements.find((x) => x.id === 'buddy-sign-off')!;

	it('a published lead’s sign-off meets the attested and the sign-off requirement, naming the lead', async () => {
		const r = shadowed();
		const { jws } = await requestFor(catalog, r, 'release-manager', learner, day(2));
		const off = await verified(await endorse(jws, ['shadowing', 'buddy-sign-off'], lead, day(3)), published);
		expect(shadowing(r, [off])).toMatchObject({ met: true, metAt: day(3), missing: [] });
		expect(shadowing(r, [off]).evidence[1]!.description).toContain('signed off by Ana Costa (Engineering lead), a lead of this site on 2026-11-04');
		expect(buddy(r, [off])).toMatchObject({ met: true, evidence: [{ kind: 'sign-off', description: 'Signed off by Ana Costa (Engineering lead), a lead of this site on 2026-11-04' }] });
	});

	it('an unknown key does not count by default and the page says why; it counts, named as unknown, when the site allows', async () => {
		const r = shadowed();
		const { jws } = await requestFor(catalog, r, 'release-manager', learner, day(2));
		const signed = await endorse(jws, ['shadowing', 'buddy-sign-off'], stranger, day(3), 'Mallory');
		const unknown = await verified(signed, published);
		expect(shadowing(r, [unknown]).met).toBe(false);
		expect(buddy(r, [unknown]).missing).toContain(`Signed off by an unknown key ${stranger.did} (who signed as “Mallory”): this site counts sign-offs by its published leads only, so it does not count`);
		const allowed = await verified(signed, { ...published, acceptUnknownKeys: true });
		expect(buddy(r, [allowed])).toMatchObject({ met: true, evidence: [{ description: expect.stringContaining(`Signed off by an unknown key ${stranger.did}`) }] });
	});

	it('an item edited or removed after the sign-off, or not in the approved list, no longer counts', async () => {
		const r = shadowed();
		const { jws } = await requestFor(catalog, r, 'release-manager', learner, day(2));
		const off = await verified(await endorse(jws, ['shadowing'], lead, day(3)), published);
		const [first] = r.attestations;
		const removed = R.removeAttestation(r, first!.id, day(4));
		expect(shadowing(removed, [off])).toMatchObject({ met: false, progress: { done: 1, total: 2 } });
		const edited = { ...r, attestations: r.attestations.map((a, i) => (i === 0 ? { ...a, what: 'Shadowed for a month' } : a)) };
		expect(shadowing(edited, [off]).met).toBe(false);
		// The sign-off approved only `shadowing`: the buddy sign-off is still open.
		expect(buddy(r, [off]).met).toBe(false);
		// A sign-off for another certification counts nowhere else.
		const l1 = attest(empty(), 'level-1-engineer', 'project', T0);
		expect(evaluateCertification(catalog.certifications.find((c) => c.id === 'level-1-engineer')!, l1, catalog, day(10), [off]).requirements.find((x) => x.id === 'project')!.met).toBe(false);
	});
});
