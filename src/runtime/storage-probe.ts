/**
 * The small part of the storage adapter (./storage.ts) that the page-load peek
 * (./progress-peek.ts) shares with it: our key prefixes and the check that storage can be used,
 * so both agree on when storage is unavailable. Its own module so pages that only peek do not
 * download the adapter.
 */

/** Every key we write starts with this. */
export const KEY_PREFIX = 'qms-training:';
/** Copies of damaged data: `qms-training:backup:<name>@<time>`. */
export const BACKUP_PREFIX = `${KEY_PREFIX}backup:`;
const PROBE_KEY = `${KEY_PREFIX}probe`;

/** The part of the Web Storage API the adapter uses. */
export type StorageBackend = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** QuotaExceededError in its browser spellings (Chromium/WebKit name and code 22, Firefox NS_ERROR_DOM_QUOTA_REACHED). */
export function isQuotaError(e: unknown): boolean {
	if (!(e instanceof Error) && !(typeof DOMException !== 'undefined' && e instanceof DOMException)) return false;
	const err = e as { name?: string; code?: number };
	return err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED' || err.code === 22 || err.code === 1014;
}

/**
 * Whether `backend` can store a value (writes and removes `qms-training:probe`). A full storage
 * that already holds data still counts as usable.
 */
export function probeStorage(backend: StorageBackend): { ok: true } | { ok: false; reason: string } {
	try {
		backend.setItem(PROBE_KEY, '1');
		backend.removeItem(PROBE_KEY);
		return { ok: true };
	} catch (e) {
		let used = 0;
		try {
			used = backend.length;
		} catch {
			/* unusable */
		}
		if (isQuotaError(e) && used > 0) return { ok: true };
		return { ok: false, reason: (e as Error)?.message || String(e) };
	}
}

/**
 * Whether anything is stored under `qms-training:<name>`, without reading or validating it (false
 * when storage cannot be used). For always-loaded scripts that load a feature only when it has
 * saved state (the find-it-fast hunt bar); the feature then reads it through ./storage.ts.
 */
export function hasStored(name: string): boolean {
	try {
		return window.localStorage.getItem(KEY_PREFIX + name) !== null;
	} catch {
		return false;
	}
}
