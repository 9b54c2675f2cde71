/**
 * A credential that carries a lead's sign-off (OB 3.0 `endorsementJwt`, issue 9): the exported
 * file holds it, passes the OB 3.0 JSON Schema fixture, and the verify page's check names the
 * signer as a lead of the site or an unknown key, and refuses a sign-off made out to someone else.
 */
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import schema from '../../../fixtures/ob3/achievementcredential.schema.json';
import { makeCredentialFile, type ExportRequest } from '../../../../src/lib/credentials/files';
import { verifyCredentialFile } from '../../../../src/lib/credentials/verify';
import { NO_TRUST, type TrustConfig } from '../../../../src/lib/signoff/leads';
import { realCatalog } from '../credentials/content';
import { attest, day, empty } from '../credentials/records';
import { endorse, makeKey, requestFor, type TestKey } from './helpers';

const catalog = realCatalog();
let learner: TestKey;
let lead: TestKey;
let stranger: TestKey;
let trust: TrustConfig;
let endorsement: string;

const exportRequest = (endorsementJwt: string[]): ExportRequest => ({
	achievement: { id: 'https://training.example.org/credentials/#level-1-engineer', kind: 'certificate', name: 'Level 1 Engineer', description: 'Level 1.', criteriaNarrative: 'Level 1 requirements.' },
	learner: { name: 'Ada Lovelace' },
	validFrom: day(3),
	validUntil: day(733),
	evidence: [{ name: 'Project', description: 'Signed off' }],
	endorsementJwt,
	programName: 'Engineering excellence',
});

beforeAll(async () => {
	[learner, lead, stranger] = await Promise.all([makeKey(), makeKey(), makeKey()]);
	trust = { leads: [{ name: 'Ana Costa', role: 'Engineering lead', did: lead.did }], acceptUnknownKeys: false };
	const record = attest(empty(), 'level-1-engineer', 'project', day(2), 'Performance Optimization');
	const { jws } = await requestFor(catalog, record, 'level-1-engineer', learner, day(2));
	endorsement = await endorse(jws, ['project'], lead, day(3));
});

describe('a credential carrying a sign-off', () => {
	it('holds it as endorsementJwt, passes the OB 3.0 schema fixture, and the check names the lead of the site', async () => {
		const file = await makeCredentialFile('jwt', exportRequest([endorsement]), { privateKey: learner.privateKey, did: learner.did });
		expect(file.credential.endorsementJwt).toEqual([endorsement]);
		const ajv = new Ajv2019({ allErrors: true, strict: false });
		addFormats(ajv);
		const validate = ajv.compile(schema);
		expect(validate(file.credential), JSON.stringify(validate.errors)).toBe(true);
		expect(validate({ ...file.credential, endorsementJwt: ['not a jws'] })).toBe(false);
		const r = await verifyCredentialFile(file.bytes, file.filename, { now: day(10), trust });
		expect(r).toMatchObject({ ok: true, signOffs: [{ ok: true, requirements: ['project'], signer: { did: lead.did, lead: { name: 'Ana Costa' }, counts: true } }] });
		const unknown = await verifyCredentialFile(file.bytes, file.filename, { now: day(10), trust: NO_TRUST });
		expect(unknown).toMatchObject({ ok: true, signOffs: [{ ok: true, signer: { did: lead.did, counts: false } }] });
		expect(unknown.ok && unknown.signOffs[0]!.ok && unknown.signOffs[0]!.signer.lead).toBeUndefined();
	});

	it('a sign-off made out to another learner, or a damaged one, is reported with the reason', async () => {
		const someoneElses = await makeCredentialFile('jwt', exportRequest([endorsement]), { privateKey: stranger.privateKey, did: stranger.did });
		const r = await verifyCredentialFile(someoneElses.bytes, someoneElses.filename, { now: day(10), trust });
		expect(r).toMatchObject({ ok: true, signOffs: [{ ok: false, reason: expect.stringContaining('for another learner') }] });
		const damaged = await makeCredentialFile('jwt', exportRequest([endorsement.slice(0, -6) + 'AAAAAA']), { privateKey: learner.privateKey, did: learner.did });
		expect(await verifyCredentialFile(damaged.bytes, damaged.filename, { now: day(10), trust })).toMatchObject({ ok: true, signOffs: [{ ok: false }] });
	});
});
