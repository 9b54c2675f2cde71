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
 * Checking a seal is ./progress-seal-check.ts (re-exported here), so a page that only checks does
 * not download the code that makes keys and seals.
 *
 * Bump SEAL_FORMAT when ProgressSchema starts refusing something it accepted without a change of
 * PROGRESS_VERSION or LIMITS, so seals made under the older rules stop matching.
 * Browser glue, lazily imported; needs `crypto.subtle` and IndexedDB.
 */
import { set } from 'idb-keyval';
import { HMAC, keyStore, readKey, SEAL_CONTEXT, SEAL_FORMAT, SEAL_KEY_PLACE, utf8 } from './progress-seal-check';

export { checkSeal, SEAL_FORMAT, SEAL_KEY_PLACE } from './progress-seal-check';

/** The key, made (non-extractable) and stored when there is none. Throws when IndexedDB or Web Crypto refuse. */
async function sealingKey(): Promise<CryptoKey> {
	const kept = await readKey();
	if (kept) return kept;
	if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
	const key = (await crypto.subtle.generateKey(HMAC, false, ['sign', 'verify'])) as CryptoKey;
	await set(SEAL_KEY_PLACE.key, key, keyStore());
	// Two tabs may make a key at once: use whichever was stored last, so this seal matches it.
	return (await readKey()) ?? key;
}

function toBase64url(bytes: ArrayBuffer): string {
	let s = '';
	for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
	return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The seal for `text` (validated by the caller), the value to store (as JSON) under
 * `progress-seal`. Makes the key on first use. Throws when IndexedDB or Web Crypto refuse (then
 * no seal is written).
 */
export async function makeSeal(text: string): Promise<{ v: number; mac: string }> {
	const mac = await crypto.subtle.sign('HMAC', await sealingKey(), utf8.encode(SEAL_CONTEXT + text));
	return { v: SEAL_FORMAT, mac: toBase64url(mac) };
}
