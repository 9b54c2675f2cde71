/**
 * The shared signing-key store (src/runtime/keystore.ts) and its two users, the learner's key
 * (src/runtime/credentials/keys.ts) and the lead's key (src/runtime/signoff/lead-key.ts), with
 * Node's real Web Crypto. IndexedDB is not in Node: idb-keyval is replaced by a map keyed by
 * database, object store and entry, which records the names each key is kept under (those names
 * must not change, or keys made by earlier releases are lost). Real IndexedDB in Chromium is
 * covered by tests/e2e/signoff/signoff.spec.ts (a key planted with plain IndexedDB is used; keys
 * made are read back with plain IndexedDB, non-extractable).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const db = vi.hoisted(() => ({ entries: new Map<string, unknown>(), failGet: false, failSet: false }));
vi.mock('idb-keyval', () => ({
	createStore: (dbName: string, storeName: string) => ({ place: `${dbName}/${storeName}` }),
	get: async (key: string, store: { place: string }) => {
		if (db.failGet) throw new Error('blocked');
		return db.entries.get(`${store.place}/${key}`);
	},
	set: async (key: string, value: unknown, store: { place: string }) => {
		if (db.failSet) throw new Error('quota');
		db.entries.set(`${store.place}/${key}`, value);
	},
}));

const { KeystoreError, keystore, newKeyPair } = await import('../../../src/runtime/keystore');
const { didKeyFromPublicKey } = await import('../../../src/lib/credentials/did-key');

const LEARNER = 'qms-training-credentials/keys/signing-key';
const LEAD = 'qms-training-signoff/lead-keys/lead-signing-key';

beforeEach(() => {
	db.entries.clear();
	db.failGet = db.failSet = false;
	vi.stubGlobal('indexedDB', {});
});
afterEach(() => vi.unstubAllGlobals());

describe('keystore', () => {
	const place = { db: 'd', store: 's', key: 'k' };

	it('makes an Ed25519 pair with a non-extractable private half and its did:key', async () => {
		const k = await newKeyPair(() => new Date('2026-11-30T12:00:00.000Z'));
		expect(k.privateKey.extractable).toBe(false);
		expect(k.privateKey.algorithm.name).toBe('Ed25519');
		expect(k.did).toBe(await didKeyFromPublicKey(k.publicKey));
		expect(k.createdAt).toBe('2026-11-30T12:00:00.000Z');
	});

	it('reads nothing, then what was written, under db/store/key', async () => {
		const s = keystore(place);
		expect(await s.read()).toBeUndefined();
		const k = await newKeyPair();
		await s.write(k);
		expect([...db.entries.keys()]).toEqual(['d/s/k']);
		expect(await s.read()).toBe(k);
	});

	it('reads a damaged entry, or one failing the caller’s check, as no key', async () => {
		const k = await newKeyPair();
		db.entries.set('d/s/k', { ...k, privateKey: 'not a key' });
		expect(await keystore(place).read()).toBeUndefined();
		db.entries.set('d/s/k', k);
		expect(await keystore(place, () => false).read()).toBeUndefined();
		expect(await keystore(place, () => true).read()).toBe(k);
	});

	it('names each failure', async () => {
		const s = keystore(place);
		db.failGet = true;
		await expect(s.read()).rejects.toMatchObject({ failure: 'refused' });
		db.failSet = true;
		await expect(s.write(await newKeyPair())).rejects.toMatchObject({ failure: 'not-saved' });
		vi.stubGlobal('indexedDB', undefined);
		await expect(keystore(place).read()).rejects.toBeInstanceOf(KeystoreError);
		await expect(keystore(place).read()).rejects.toMatchObject({ failure: 'no-indexeddb' });
	});
});

describe('the learner’s key (credentials/keys.ts)', async () => {
	const { getOrCreateSigningKey, peekSigningKey, SigningUnavailableError } = await import('../../../src/runtime/credentials/keys');

	it('is made once, kept under the names it always had, and reused', async () => {
		expect(await peekSigningKey()).toBeUndefined();
		const first = await getOrCreateSigningKey();
		expect(first.created).toBe(true);
		expect([...db.entries.keys()]).toEqual([LEARNER]);
		const again = await getOrCreateSigningKey();
		expect(again).toMatchObject({ created: false, did: first.did, createdAt: first.createdAt });
		expect(again.privateKey).toBe(first.privateKey);
		expect(await peekSigningKey()).toEqual({ did: first.did, createdAt: first.createdAt });
	});

	it('uses a key made before the shared keystore (same place, same fields)', async () => {
		const earlier = await newKeyPair();
		db.entries.set(LEARNER, { privateKey: earlier.privateKey, publicKey: earlier.publicKey, did: earlier.did, createdAt: earlier.createdAt });
		expect(await getOrCreateSigningKey()).toMatchObject({ created: false, did: earlier.did });
	});

	it('says why it cannot sign, in the learner’s words', async () => {
		db.failSet = true;
		await expect(getOrCreateSigningKey()).rejects.toThrow(new SigningUnavailableError('Your signing key could not be saved in IndexedDB (storage full or blocked), so nothing was signed.'));
		vi.stubGlobal('indexedDB', undefined);
		await expect(getOrCreateSigningKey()).rejects.toBeInstanceOf(SigningUnavailableError);
		expect(await peekSigningKey()).toBeUndefined();
	});
});

describe('the lead’s key (signoff/lead-key.ts)', async () => {
	const { createLeadKey, peekLeadKey, setLeadProfile, leadSigningKey, LeadKeyError } = await import('../../../src/runtime/signoff/lead-key');

	it('is made once with a name and role, kept apart from the learner’s key, and signs with them', async () => {
		expect(await peekLeadKey()).toBeUndefined();
		await expect(leadSigningKey()).rejects.toThrow(new LeadKeyError('Make your signing key first.'));
		const made = await createLeadKey('Ana Costa', 'Engineering lead');
		expect(made.jwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.stringMatching(/^[\w-]{43}$/) });
		expect([...db.entries.keys()]).toEqual([LEAD]);
		await expect(createLeadKey('Someone', 'Else')).rejects.toThrow(new LeadKeyError('This browser already has your signing key.'));
		await setLeadProfile('Ana Costa', 'Release manager');
		expect(await peekLeadKey()).toEqual({ ...made, role: 'Release manager' });
		const k = await leadSigningKey();
		expect(k).toMatchObject({ did: made.did, name: 'Ana Costa', role: 'Release manager' });
		expect(k.privateKey.extractable).toBe(false);
	});

	it('reads an entry without a name or role as no key', async () => {
		const k = await newKeyPair();
		db.entries.set(LEAD, { ...k, name: 'Ana' });
		expect(await peekLeadKey()).toBeUndefined();
	});

	it('says why it cannot sign, in the lead’s words', async () => {
		db.failGet = true;
		await expect(peekLeadKey()).rejects.toThrow(new LeadKeyError('This browser refused to open IndexedDB, where your signing key is kept (private mode or blocked site data).'));
		db.failGet = false;
		db.failSet = true;
		await expect(createLeadKey('Ana', 'Lead')).rejects.toBeInstanceOf(LeadKeyError);
	});
});
