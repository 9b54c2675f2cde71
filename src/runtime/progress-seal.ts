/**
 * The validation seal of the stored learner record: an HMAC-SHA-256 (Web Crypto) over the exact
 * text stored under `qms-training:progress`, kept beside it under `qms-training:progress-seal`
 * (JSON `{ "v": 1, "mac": "<base64url>" }`). The progress store (src/stores/progress.ts) writes it
 * only for text it has validated with ProgressSchema: every record it writes, and on request the
 * record it read (`sealStored`). A page that matches the seal can therefore trust the record as
 * the store would, without downloading the store and zod: My credentials shows an earned
 * credential at once (issue 7 budget, ≤ 15 KB gzip of our JS before an export).
 *
 * What a matching seal proves: this exact text passed this release's record schema in this
 * browser (the key is this browser's, the MAC covers the text, the seal format, the record version
 * and the limits). A record edited in devtools, written by an older release or by another tab
 * before it sealed, or a seal left after IndexedDB was cleared (a new key) does not match; the page
 * then validates through the store as before ("Checking…"). A plain SHA-256 beside the record would
 * not do: anyone editing localStorage could recompute it.
 *
 * What it does not prove: it is an integrity cache, not a security boundary. Code running in the
 * page (ours, an extension, devtools' console) can ask this browser to seal any text, and the
 * learner can always write their own record; nothing here says who the learner is or that a
 * server saw the work. The key: HMAC, made in this browser, non-extractable (no script can read it
 * out), kept in IndexedDB `qms-training-seal` through idb-keyval; never in the bundle, never
 * exported. The seal is not part of a progress export (src/lib/progress/transfer.ts exports the
 * record only).
 *
 * Bump SEAL_FORMAT when ProgressSchema starts refusing something it accepted without a change of
 * PROGRESS_VERSION or LIMITS, so seals made under the older rules stop matching.
 * Browser glue, lazily imported; needs `crypto.subtle` and IndexedDB.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { PROGRESS_VERSION } from '../lib/progress/version';
import { LIMITS } from '../schemas/limits';

/** Version of the seal's format and of what it covers (see the module comment). */
export const SEAL_FORMAT = 1;

/** Where the HMAC key lives: IndexedDB database, object store and entry (must not change, or every seal stops matching once). */
export const SEAL_KEY_PLACE = { db: 'qms-training-seal', store: 'keys', key: 'progress-seal-hmac' } as const;

/** What is MACed before the record text: the format, the record version and the limits the text was validated under. */
const CONTEXT = `qms-training progress seal ${SEAL_FORMAT}; record version ${PROGRESS_VERSION}; limits ${JSON.stringify(LIMITS)}\n`;

const HMAC = { name: 'HMAC', hash: 'SHA-256' } as const;
const utf8 = new TextEncoder();

let db: UseStore | undefined;
const store = (): UseStore => (db ??= createStore(SEAL_KEY_PLACE.db, SEAL_KEY_PLACE.store));

/** The stored key, or undefined (none, not a key, or IndexedDB unusable). Never throws. */
async function readKey(): Promise<CryptoKey | undefined> {
	try {
		if (typeof indexedDB === 'undefined') return undefined;
		const k: unknown = await get(SEAL_KEY_PLACE.key, store());
		return k instanceof CryptoKey && k.algorithm.name === 'HMAC' ? k : undefined;
	} catch {
		return undefined;
	}
}

/** The key, made (non-extractable) and stored when there is none. Throws when IndexedDB or Web Crypto refuse. */
async function sealingKey(): Promise<CryptoKey> {
	const kept = await readKey();
	if (kept) return kept;
	if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
	const key = (await crypto.subtle.generateKey(HMAC, false, ['sign', 'verify'])) as CryptoKey;
	await set(SEAL_KEY_PLACE.key, key, store());
	// Two tabs may make a key at once: use whichever was stored last, so this seal matches it.
	return (await readKey()) ?? key;
}

function toBase64url(bytes: ArrayBuffer): string {
	let s = '';
	for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
	return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
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
 * The seal for `text` (validated by the caller), the value to store (as JSON) under
 * `progress-seal`. Makes the key on first use. Throws when IndexedDB or Web Crypto refuse (then
 * no seal is written).
 */
export async function makeSeal(text: string): Promise<{ v: number; mac: string }> {
	const mac = await crypto.subtle.sign('HMAC', await sealingKey(), utf8.encode(CONTEXT + text));
	return { v: SEAL_FORMAT, mac: toBase64url(mac) };
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
		return !!key && (await crypto.subtle.verify('HMAC', key, mac, utf8.encode(CONTEXT + text)));
	} catch {
		return false;
	}
}
