/**
 * The lead's signing key for sign-offs (issue 9): an Ed25519 key pair made by Web Crypto in this
 * browser, the private half non-extractable, kept in IndexedDB apart from the learner's own key
 * (database `qms-training-signoff`, store `lead-keys`, key `lead-signing-key`; the learner's is in
 * `qms-training-credentials`, src/runtime/credentials/keys.ts). The lead's name and role are kept
 * with it, to sign with.
 *
 * Lost site data means a lost key: sign-offs already made still verify under their own did:key,
 * but the site's maintainers must publish the new key for new sign-offs to count. Never leaves the
 * browser; only the public half is shown (did:key and JWK) for the maintainers to publish.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { didKeyFromPublicKey } from '../../lib/credentials/did-key';

interface StoredLeadKey {
	privateKey: CryptoKey;
	publicKey: CryptoKey;
	did: string;
	createdAt: string;
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

const KEY = 'lead-signing-key';
let store: UseStore | undefined;

function keyStore(): UseStore {
	if (typeof indexedDB === 'undefined') throw new LeadKeyError('Signing needs IndexedDB to keep your key, and this browser does not offer it here (private mode or blocked site data).');
	store ??= createStore('qms-training-signoff', 'lead-keys');
	return store;
}

function isStored(v: unknown): v is StoredLeadKey {
	const k = v as StoredLeadKey | undefined;
	return !!k && k.privateKey instanceof CryptoKey && k.publicKey instanceof CryptoKey && typeof k.did === 'string' && typeof k.name === 'string' && typeof k.role === 'string';
}

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

async function read(): Promise<StoredLeadKey | undefined> {
	try {
		const v: unknown = await get(KEY, keyStore());
		return isStored(v) ? v : undefined;
	} catch (e) {
		if (e instanceof LeadKeyError) throw e;
		throw new LeadKeyError('This browser refused to open IndexedDB, where your signing key is kept (private mode or blocked site data).');
	}
}

/** The key in this browser, if any (public parts only). */
export async function peekLeadKey(): Promise<LeadKeyInfo | undefined> {
	const k = await read();
	return k ? info(k) : undefined;
}

/** Make the lead's key (refuses when one exists: replacing it would orphan the published key). */
export async function createLeadKey(name: string, role: string, now = () => new Date()): Promise<LeadKeyInfo> {
	if (await read()) throw new LeadKeyError('This browser already has your signing key.');
	let pair: CryptoKeyPair;
	try {
		pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
	} catch {
		throw new LeadKeyError('This browser cannot make Ed25519 signing keys (Web Crypto). Update the browser to sign.');
	}
	const k: StoredLeadKey = {
		privateKey: pair.privateKey,
		publicKey: pair.publicKey,
		did: await didKeyFromPublicKey(pair.publicKey),
		createdAt: now().toISOString(),
		name,
		role,
	};
	try {
		await set(KEY, k, keyStore());
	} catch {
		throw new LeadKeyError('Your signing key could not be saved in IndexedDB (storage full or blocked).');
	}
	return info(k);
}

/** Change the name and role signed with. */
export async function setLeadProfile(name: string, role: string): Promise<void> {
	const k = await read();
	if (!k) throw new LeadKeyError('Make your signing key first.');
	await set(KEY, { ...k, name, role }, keyStore());
}

/** The private key and its did, to sign with; throws when there is none. */
export async function leadSigningKey(): Promise<{
	privateKey: CryptoKey;
	did: string;
	name: string;
	role: string;
}> {
	const k = await read();
	if (!k) throw new LeadKeyError('Make your signing key first.');
	return { privateKey: k.privateKey, did: k.did, name: k.name, role: k.role };
}
