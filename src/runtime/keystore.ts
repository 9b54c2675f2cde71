/**
 * One Ed25519 signing key kept in this browser's IndexedDB (through idb-keyval), shared by the
 * learner's key (src/runtime/credentials/keys.ts) and the lead's key
 * (src/runtime/signoff/lead-key.ts). The key pair is made by Web Crypto with the private half
 * non-extractable (no script, ours included, can read it out); CryptoKey objects are
 * structured-cloneable, so IndexedDB stores them as they are. Nothing here leaves the browser.
 *
 * Each caller names its own database, object store and entry key; those names are where keys
 * already made live, so they must not change. Failures are KeystoreError with a `failure` code;
 * each caller turns it into a sentence for its page.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { didKeyFromPublicKey } from '../lib/credentials/did-key';

/** What every stored key holds; callers may add fields (the lead's name and role). */
export interface StoredKeyPair {
	privateKey: CryptoKey;
	publicKey: CryptoKey;
	/** did:key of the public key. */
	did: string;
	/** ISO 8601 UTC time the key was made. */
	createdAt: string;
}

/**
 * - `no-indexeddb`: this browser offers no IndexedDB here (private mode, blocked site data);
 * - `refused`: IndexedDB exists but refused to open or read;
 * - `no-ed25519`: Web Crypto cannot make Ed25519 keys;
 * - `not-saved`: the key could not be written (storage full or blocked).
 */
export type KeystoreFailure = 'no-indexeddb' | 'refused' | 'no-ed25519' | 'not-saved';

export class KeystoreError extends Error {
	override name = 'KeystoreError';
	constructor(readonly failure: KeystoreFailure) {
		super(`signing key store: ${failure}`);
	}
}

/** Where a key lives: IndexedDB database, object store, and entry key. */
export interface KeyPlace {
	db: string;
	store: string;
	key: string;
}

export interface Keystore<T extends StoredKeyPair> {
	/** The stored key, or undefined when there is none or the entry is not a key (never creates). Throws KeystoreError `no-indexeddb` or `refused`. */
	read(): Promise<T | undefined>;
	/** Store `value` over whatever is there. Throws KeystoreError `no-indexeddb` or `not-saved`. */
	write(value: T): Promise<void>;
}

function isKeyPair(v: unknown): v is StoredKeyPair {
	const k = v as StoredKeyPair | undefined;
	return !!k && k.privateKey instanceof CryptoKey && k.publicKey instanceof CryptoKey && typeof k.did === 'string' && typeof k.createdAt === 'string';
}

/**
 * The key at `place`. `extra` checks the caller's own fields; an entry failing either check reads
 * as no key (so a damaged entry is replaced on the next make, never used to sign).
 */
export function keystore<T extends StoredKeyPair>(place: KeyPlace, extra: (v: StoredKeyPair) => boolean = () => true): Keystore<T> {
	let store: UseStore | undefined;
	const open = (): UseStore => {
		if (typeof indexedDB === 'undefined') throw new KeystoreError('no-indexeddb');
		store ??= createStore(place.db, place.store);
		return store;
	};
	return {
		async read() {
			const db = open();
			let v: unknown;
			try {
				v = await get(place.key, db);
			} catch {
				throw new KeystoreError('refused');
			}
			return isKeyPair(v) && extra(v) ? (v as T) : undefined;
		},
		async write(value) {
			const db = open();
			try {
				await set(place.key, value, db);
			} catch {
				throw new KeystoreError('not-saved');
			}
		},
	};
}

/** A new Ed25519 key pair, private half non-extractable, with its did:key. Throws KeystoreError `no-ed25519`. */
export async function newKeyPair(now: () => Date = () => new Date()): Promise<StoredKeyPair> {
	let pair: CryptoKeyPair;
	try {
		// The public key stays exportable: it is needed for did:key and the JWK shown to maintainers.
		pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
	} catch {
		throw new KeystoreError('no-ed25519');
	}
	return { privateKey: pair.privateKey, publicKey: pair.publicKey, did: await didKeyFromPublicKey(pair.publicKey), createdAt: now().toISOString() };
}

/**
 * Wrap `f` so a KeystoreError becomes `make(why[failure])`: each caller's own sentence for the
 * learner or lead; other errors pass through unchanged.
 */
export function explainFailures(why: Record<KeystoreFailure, string>, make: (message: string) => Error): <T>(f: () => Promise<T>) => Promise<T> {
	return async (f) => {
		try {
			return await f();
		} catch (e) {
			throw e instanceof KeystoreError ? make(why[e.failure]) : e;
		}
	};
}
