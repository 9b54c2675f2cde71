/**
 * The credential JSON passes an OB 3.0 JSON Schema check with ajv (draft 2019-09, as the official
 * OB 3.0 schemas use). The schema is tests/fixtures/ob3/achievementcredential.schema.json, written
 * from the spec's data model (see its $comment); the broken variants prove it can fail.
 */
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import schema from '../../../fixtures/ob3/achievementcredential.schema.json';
import { buildCredential } from '../../../../src/lib/credentials/ob3';
import { makeKeys, sampleInput } from './fixtures';

const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const keys = await makeKeys();
const { credential } = await buildCredential(sampleInput(keys.did, { achievement: { ...sampleInput(keys.did).achievement, imageUrl: 'https://training.example.org/badges/l1.svg' } }));

describe('OB 3.0 JSON Schema (ajv 2019-09)', () => {
	it('accepts the built credential', () => {
		expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);
	});

	it('accepts the credential as written to the .json file (parsed back)', () => {
		expect(validate(JSON.parse(JSON.stringify(credential, null, 2)))).toBe(true);
	});

	/** A mutable copy of the credential JSON, as any JSON reader would see it. */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case reaches into a different nested field of parsed JSON.
	type Json = Record<string, any>;
	const broken: [string, (c: Json) => void, string][] = [
		['contexts in the wrong order', (c) => c['@context'].reverse(), '/@context/0'],
		['no OpenBadgeCredential type', (c) => (c.type = ['VerifiableCredential']), '/type'],
		['no validFrom', (c) => delete c.validFrom, ''],
		['validFrom without a time zone', (c) => (c.validFrom = '2026-11-30T15:32:02'), '/validFrom'],
		['achievement without a name', (c) => delete c.credentialSubject.achievement.name, '/credentialSubject/achievement'],
		['achievement without criteria', (c) => delete c.credentialSubject.achievement.criteria, '/credentialSubject/achievement'],
		['subject without id or identifier', (c) => { delete c.credentialSubject.id; delete c.credentialSubject.identifier; }, '/credentialSubject'],
		['issuer profile without type', (c) => delete c.issuer.type, '/issuer'],
		['empty evidence array', (c) => (c.evidence = []), '/evidence'],
		['id that is not a URI', (c) => (c.id = 'not a uri'), '/id'],
	];
	it.each(broken)('refuses %s', (_, breakIt, path) => {
		const copy = structuredClone(credential) as unknown as Json;
		breakIt(copy);
		expect(validate(copy)).toBe(false);
		expect(validate.errors!.some((e) => e.instancePath === path)).toBe(true);
	});
});
