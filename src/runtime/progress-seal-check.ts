/**
 * Checking the learner record's validation seal (./progress-seal.ts says what a seal is and what it
 * proves), without the code that makes seals or keys: My credentials loads only this when a stored
 * record looks earned (issue 7 budget). Browser glue, lazily imported; needs `crypto.subtle` and
 * IndexedDB. Never makes a key.
 */
import { createStore, get, type UseStore } from 'idb-keyval';
import { PROGRESS_VERSION } from '../lib/progress/version';
import { LIMITS } from '../schemas/limits';

/** Version of the seal's format and of what it covers (see ./progress-seal.ts). */
export const SEAL_FORMAT = 1;

/** Where the HMAC key lives: IndexedDB database, object store and entry (must not change, or every seal stops matching once). */
export const SEAL_KEY_PLACE = { db: 'qms-training-seal', store: 'keys', key: 'progress-seal-hmac' } as const;

/** What is MACed before the record text: the format, the record version and the limits the text was validated under. */
export const SEAL_CONTEXT = `qms-training progress seal ${SEAL_FORMAT}; record version ${PROGRESS_VERSION}; limits ${JSON.stringify(LIMITS)}\n`;

export const HMAC = { name: 'HMAC', hash: 'SHA-256' } as const;
export const utf8 = new TextEncoder();

let db: UseStore | undefined;
/** The key's IndexedDB store (opened on first use). */
export const keyStore = (): UseStore => (db ??= createStore(SEAL_KEY_PLACE.db, SEAL_KEY_PLACE.store));

/** The stored key, or undefined (none, not a key, or IndexedDB unusable). Never throws. */
export async function readKey(): Promise<CryptoKey | undefined> {
	try {
		if (typeof indexedDB === 'undefined') return undefined;
		const k: unknown = await get(SEAL_KEY_PLACE.key, keyStore());
		return k instanceof CryptoKey && k.algorithm.name === 'HMAC' ? k : undefined;
	} catch {
		return undefined;
	}
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
	try {
		const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
		return Uint8Array.from(s, (c) => c.charCodeAt(0));
	} catch {
		return null;
	}
}

/**
 * Whether `seal` (the stored JSON, or null) was made by this browser's key for exactly `text`.
 * False when there is no seal or no key, the seal is damaged, of another format, or for other
 * text. Never throws; never makes a key.
 */
export async function checkSeal(text: string, seal: string | null): Promise<boolean> {
	try {
		if (seal === null) return false;
		const v = JSON.parse(seal) as { v?: unknown; mac?: unknown };
		const mac = v?.v === SEAL_FORMAT && typeof v.mac === 'string' ? fromBase64url(v.mac) : null;
		const key = mac && (await readKey());
		return !!key && (await crypto.subtle.verify('HMAC', key, mac, utf8.encode(SEAL_CONTEXT + text)));
	} catch {
		return false;
	}
}
