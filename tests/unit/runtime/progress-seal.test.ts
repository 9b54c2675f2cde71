/**
 * The record's validation seal (src/runtime/progress-seal.ts) with Node's real Web Crypto (HMAC
 * SHA-256). IndexedDB is not in Node: idb-keyval is replaced by a map, which stands for the
 * browser's database (cleared to play "site data cleared", refused to play private mode). The seal
 * as the store writes it and My credentials reads it in Chromium: tests/e2e/credentials/stored-record.spec.ts.
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

const { checkSeal, makeSeal, SEAL_FORMAT } = await import('../../../src/runtime/progress-seal');
/** What My credentials loads: the check alone, without the code that makes keys and seals. */
const checkOnly = await import('../../../src/runtime/progress-seal-check');

const KEY_ENTRY = 'qms-training-seal/keys/progress-seal-hmac';
const text = JSON.stringify({ version: 5, profile: { displayName: 'Ada' }, quizzes: { q: { attempts: [{ score: 100, passed: true }] } } });
/** The seal as stored under qms-training:progress-seal (the adapter writes JSON). */
const stored = async (t: string) => JSON.stringify(await makeSeal(t));

beforeEach(() => {
	db.entries.clear();
	db.failGet = db.failSet = false;
	vi.stubGlobal('indexedDB', {});
});
afterEach(() => vi.unstubAllGlobals());

describe('progress seal', () => {
	it('matches the exact text it was made for, with a non-extractable HMAC key kept in IndexedDB', async () => {
		const seal = await stored(text);
		expect(JSON.parse(seal)).toEqual({ v: SEAL_FORMAT, mac: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
		expect(await checkSeal(text, seal)).toBe(true);
		const key = db.entries.get(KEY_ENTRY) as CryptoKey;
		expect(key).toBeInstanceOf(CryptoKey);
		expect(key.algorithm.name).toBe('HMAC');
		expect(key.extractable).toBe(false);
		// One key for every seal: a second seal does not make another.
		expect(await checkSeal(text, await stored(text))).toBe(true);
		expect([...db.entries.keys()]).toEqual([KEY_ENTRY]);
	});

	it('does not match a tampered text: one character changed, whitespace added, or another record', async () => {
		const seal = await stored(text);
		expect(await checkSeal(text.replace('"score":100', '"score":101'), seal)).toBe(false);
		expect(await checkSeal(text + ' ', seal)).toBe(false);
		expect(await checkSeal(JSON.stringify(JSON.parse(text), null, 1), seal)).toBe(false);
		expect(await checkSeal(text, await stored('{}'))).toBe(false);
	});

	it('a plain hash or a damaged seal does not match; an unsealed record does not match', async () => {
		const sha = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
		const forged = JSON.stringify({ v: SEAL_FORMAT, mac: Buffer.from(sha).toString('base64url') });
		await stored(text); // a key exists
		expect(await checkSeal(text, forged)).toBe(false);
		expect(await checkSeal(text, null)).toBe(false);
		expect(await checkSeal(text, 'not json')).toBe(false);
		expect(await checkSeal(text, JSON.stringify({ v: SEAL_FORMAT + 1, mac: JSON.parse(await stored(text)).mac }))).toBe(false);
		expect(await checkSeal(text, JSON.stringify({ v: SEAL_FORMAT, mac: '!!!' }))).toBe(false);
	});

	it('missing key: a seal without its key does not match, and checking never makes a key', async () => {
		const seal = await stored(text);
		db.entries.clear(); // site data cleared: IndexedDB gone, localStorage kept
		expect(await checkSeal(text, seal)).toBe(false);
		expect(db.entries.size).toBe(0);
	});

	it('wrong key after IndexedDB loss: the new key makes new seals, and the old seal no longer matches', async () => {
		const old = await stored(text);
		db.entries.clear();
		const fresh = await stored(text);
		expect(fresh).not.toBe(old);
		expect(await checkSeal(text, old)).toBe(false);
		expect(await checkSeal(text, fresh)).toBe(true);
	});

	it('an entry that is not an HMAC key is not used to check, and is replaced when sealing', async () => {
		db.entries.set(KEY_ENTRY, { not: 'a key' });
		expect(await checkSeal(text, JSON.stringify({ v: SEAL_FORMAT, mac: 'AAAA' }))).toBe(false);
		const seal = await stored(text);
		expect(db.entries.get(KEY_ENTRY)).toBeInstanceOf(CryptoKey);
		expect(await checkSeal(text, seal)).toBe(true);
	});

	it('IndexedDB unavailable or refusing: sealing throws (no seal is written), checking says no', async () => {
		const seal = await stored(text);
		db.failGet = true;
		expect(await checkSeal(text, seal)).toBe(false);
		db.failGet = false;
		db.entries.clear();
		db.failSet = true;
		await expect(makeSeal(text)).rejects.toThrow('quota');
		vi.stubGlobal('indexedDB', undefined);
		await expect(makeSeal(text)).rejects.toThrow('IndexedDB');
		expect(await checkSeal(text, seal)).toBe(false);
	});

	it('the check-only module (what My credentials loads) matches seals made by the sealer, under the same format and key place', async () => {
		expect(checkOnly.SEAL_FORMAT).toBe(SEAL_FORMAT);
		expect(checkOnly.SEAL_KEY_PLACE).toEqual({ db: 'qms-training-seal', store: 'keys', key: 'progress-seal-hmac' });
		expect(await checkOnly.checkSeal(text, null)).toBe(false);
		const seal = await stored(text);
		expect(await checkOnly.checkSeal(text, seal)).toBe(true);
		expect(await checkOnly.checkSeal(text + ' ', seal)).toBe(false);
		db.entries.clear();
		expect(await checkOnly.checkSeal(text, seal)).toBe(false);
		expect(db.entries.size).toBe(0); // checking never makes a key
	});
});
