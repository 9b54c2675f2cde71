/**
 * The learner's signing key: an Ed25519 key pair made by Web Crypto in this browser, the private
 * half non-extractable (no script, ours included, can read it out), kept in IndexedDB
 * (database `qms-training-credentials`, store `keys`, key `signing-key`) through idb-keyval.
 * CryptoKey objects are structured-cloneable, so IndexedDB stores them as they are.
 *
 * Losing site data (clearing storage, another browser or profile, private mode) loses the key;
 * the next export makes a new one and says so (`created: true`). Files signed with the old key
 * still verify: each carries its own did:key. Nothing here ever leaves the browser.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { didKeyFromPublicKey } from '../../lib/credentials/did-key';

interface StoredKey {
	privateKey: CryptoKey;
	publicKey: CryptoKey;
	did: string;
	/** ISO 8601 UTC time the key was made. */
	createdAt: string;
}

export interface SigningKey {
	privateKey: CryptoKey;
	/** did:key of the public key: the issuer id of every credential it signs. */
	did: string;
	/** True when this call made the key (first export, or earlier site data was lost). */
	created: boolean;
	createdAt: string;
}

/** Thrown with a sentence the page can show as it is. */
export class SigningUnavailableError extends Error {
	override name = 'SigningUnavailableError';
}

const KEY = 'signing-key';
let store: UseStore | undefined;

function keyStore(): UseStore {
	if (typeof indexedDB === 'undefined') {
		throw new SigningUnavailableError('Signing needs IndexedDB to keep your key, and this browser does not offer it here (private mode or blocked site data). Unsigned files can still be downloaded.');
	}
	store ??= createStore('qms-training-credentials', 'keys');
	return store;
}

function isStoredKey(value: unknown): value is StoredKey {
	const v = value as StoredKey | undefined;
	return !!v && v.privateKey instanceof CryptoKey && v.publicKey instanceof CryptoKey && typeof v.did === 'string' && typeof v.createdAt === 'string';
}

/** The stored key, if there is one; never creates. Resolves undefined when none or IndexedDB is unavailable. */
export async function peekSigningKey(): Promise<Omit<SigningKey, 'created' | 'privateKey'> | undefined> {
	try {
		const stored: unknown = await get(KEY, keyStore());
		return isStoredKey(stored) ? { did: stored.did, createdAt: stored.createdAt } : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Get the learner's key, making and storing one when there is none. Rejects with
 * SigningUnavailableError when IndexedDB or Ed25519 in Web Crypto is missing, or the key cannot be
 * stored (then nothing is signed with a key that would be lost at once).
 */
export async function getOrCreateSigningKey(now: () => Date = () => new Date()): Promise<SigningKey> {
	const db = keyStore();
	let stored: unknown;
	try {
		stored = await get(KEY, db);
	} catch {
		throw new SigningUnavailableError('Signing needs IndexedDB to keep your key, and this browser refused to open it (private mode or blocked site data).');
	}
	if (isStoredKey(stored)) return { privateKey: stored.privateKey, did: stored.did, created: false, createdAt: stored.createdAt };

	let pair: CryptoKeyPair;
	try {
		// Private key not extractable; the public key is always exportable (needed for did:key).
		pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
	} catch {
		throw new SigningUnavailableError('This browser cannot make Ed25519 signing keys (Web Crypto). Update the browser to sign credentials; unsigned files can still be downloaded.');
	}
	const key: StoredKey = { privateKey: pair.privateKey, publicKey: pair.publicKey, did: await didKeyFromPublicKey(pair.publicKey), createdAt: now().toISOString() };
	try {
		await set(KEY, key, db);
	} catch {
		throw new SigningUnavailableError('Your signing key could not be saved in IndexedDB (storage full or blocked), so nothing was signed.');
	}
	return { privateKey: key.privateKey, did: key.did, created: true, createdAt: key.createdAt };
}
