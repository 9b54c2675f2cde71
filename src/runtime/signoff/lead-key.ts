/**
 * The lead's signing key for sign-offs (issue 9): an Ed25519 key pair made by Web Crypto in this
 * browser, the private half non-extractable, kept in IndexedDB apart from the learner's own key
 * (database `qms-training-signoff`, store `lead-keys`, key `lead-signing-key`, through the shared
 * keystore src/runtime/keystore.ts; names kept so existing keys survive; the learner's is in
 * `qms-training-credentials`, src/runtime/credentials/keys.ts). The lead's name and role are kept
 * with it, to sign with.
 *
 * Lost site data means a lost key: sign-offs already made still verify under their own did:key,
 * but the site's maintainers must publish the new key for new sign-offs to count. Never leaves the
 * browser; only the public half is shown (did:key and JWK) for the maintainers to publish.
 */
import { explainFailures, keystore, newKeyPair, type KeystoreFailure, type StoredKeyPair } from '../keystore';

interface StoredLeadKey extends StoredKeyPair {
	name: string;
	role: string;
}

/** What the page shows of the key: never the private half. */
export interface LeadKeyInfo {
	did: string;
	/** Public JWK (kty, crv, x). */
	jwk: { kty: string; crv: string; x: string };
	createdAt: string;
	name: string;
	role: string;
}

export class LeadKeyError extends Error {
	override name = 'LeadKeyError';
}

const store = keystore<StoredLeadKey>({ db: 'qms-training-signoff', store: 'lead-keys', key: 'lead-signing-key' }, (v) => typeof (v as StoredLeadKey).name === 'string' && typeof (v as StoredLeadKey).role === 'string');

const WHY: Record<KeystoreFailure, string> = {
	'no-indexeddb': 'Signing needs IndexedDB to keep your key, and this browser does not offer it here (private mode or blocked site data).',
	refused: 'This browser refused to open IndexedDB, where your signing key is kept (private mode or blocked site data).',
	'no-ed25519': 'This browser cannot make Ed25519 signing keys (Web Crypto). Update the browser to sign.',
	'not-saved': 'Your signing key could not be saved in IndexedDB (storage full or blocked).',
};

/** Run `f`, turning a KeystoreError into the lead's sentence. */
const explained = explainFailures(WHY, (message) => new LeadKeyError(message));

async function info(k: StoredLeadKey): Promise<LeadKeyInfo> {
	const jwk = await crypto.subtle.exportKey('jwk', k.publicKey);
	return {
		did: k.did,
		jwk: { kty: jwk.kty!, crv: jwk.crv!, x: jwk.x! },
		createdAt: k.createdAt,
		name: k.name,
		role: k.role,
	};
}

/** The key in this browser, if any (public parts only). */
export function peekLeadKey(): Promise<LeadKeyInfo | undefined> {
	return explained(async () => {
		const k = await store.read();
		return k ? info(k) : undefined;
	});
}

/** Make the lead's key (refuses when one exists: replacing it would orphan the published key). */
export function createLeadKey(name: string, role: string, now = () => new Date()): Promise<LeadKeyInfo> {
	return explained(async () => {
		if (await store.read()) throw new LeadKeyError('This browser already has your signing key.');
		const k: StoredLeadKey = { ...(await newKeyPair(now)), name, role };
		await store.write(k);
		return info(k);
	});
}

/** Change the name and role signed with. */
export function setLeadProfile(name: string, role: string): Promise<void> {
	return explained(async () => {
		const k = await store.read();
		if (!k) throw new LeadKeyError('Make your signing key first.');
		await store.write({ ...k, name, role });
	});
}

/** The private key and its did, to sign with; throws when there is none. */
export function leadSigningKey(): Promise<{
	privateKey: CryptoKey;
	did: string;
	name: string;
	role: string;
}> {
	return explained(async () => {
		const k = await store.read();
		if (!k) throw new LeadKeyError('Make your signing key first.');
		return { privateKey: k.privateKey, did: k.did, name: k.name, role: k.role };
	});
}
