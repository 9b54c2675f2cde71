/**
 * The learner's signing key: an Ed25519 key pair made by Web Crypto in this browser, the private
 * half non-extractable (no script, ours included, can read it out), kept in IndexedDB
 * (database `qms-training-credentials`, store `keys`, key `signing-key`) through the shared
 * keystore (src/runtime/keystore.ts); those names must not change, or existing keys are lost.
 *
 * Losing site data (clearing storage, another browser or profile, private mode) loses the key;
 * the next export makes a new one and says so (`created: true`). Files signed with the old key
 * still verify: each carries its own did:key. Nothing here ever leaves the browser.
 */
import { explainFailures, keystore, newKeyPair, type KeystoreFailure, type StoredKeyPair } from '../keystore';

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

const store = keystore<StoredKeyPair>({ db: 'qms-training-credentials', store: 'keys', key: 'signing-key' });

const WHY: Record<KeystoreFailure, string> = {
	'no-indexeddb': 'Signing needs IndexedDB to keep your key, and this browser does not offer it here (private mode or blocked site data). Unsigned files can still be downloaded.',
	refused: 'Signing needs IndexedDB to keep your key, and this browser refused to open it (private mode or blocked site data).',
	'no-ed25519': 'This browser cannot make Ed25519 signing keys (Web Crypto). Update the browser to sign credentials; unsigned files can still be downloaded.',
	'not-saved': 'Your signing key could not be saved in IndexedDB (storage full or blocked), so nothing was signed.',
};

/** Run `f`, turning a KeystoreError into the learner's sentence. */
const explained = explainFailures(WHY, (message) => new SigningUnavailableError(message));

/** The stored key, if there is one; never creates. Resolves undefined when none or IndexedDB is unavailable. */
export async function peekSigningKey(): Promise<Omit<SigningKey, 'created' | 'privateKey'> | undefined> {
	try {
		const k = await store.read();
		return k ? { did: k.did, createdAt: k.createdAt } : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Get the learner's key, making and storing one when there is none. Rejects with
 * SigningUnavailableError when IndexedDB or Ed25519 in Web Crypto is missing, or the key cannot be
 * stored (then nothing is signed with a key that would be lost at once).
 */
export function getOrCreateSigningKey(now: () => Date = () => new Date()): Promise<SigningKey> {
	return explained(async () => {
		const stored = await store.read();
		if (stored) return { privateKey: stored.privateKey, did: stored.did, created: false, createdAt: stored.createdAt };
		const key = await newKeyPair(now);
		await store.write(key);
		return { privateKey: key.privateKey, did: key.did, created: true, createdAt: key.createdAt };
	});
}
