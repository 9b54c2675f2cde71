/**
 * `$notices`: what the storage adapter wants the learner to know (storage unavailable, a write
 * refused, damaged data set aside). Rendered on every page by src/components/notices/StorageNotices.astro.
 */
import { atom, onMount } from 'nanostores';
import { getStorage, type StorageNotice } from '../runtime/storage';

export const $notices = atom<StorageNotice[]>([]);

onMount($notices, () => getStorage().subscribeNotices((n) => $notices.set(n)));

/** Delete a saved copy of damaged data (after the learner downloaded it or does not want it). */
export function deleteBackup(key: string): void {
	getStorage().deleteBackup(key);
}

/** The damaged text of a notice, for download: from its backup key, or kept in memory. */
export function damagedText(n: Extract<StorageNotice, { kind: 'damaged' }>): string | null {
	return n.raw ?? (n.backupKey ? getStorage().rawAt(n.backupKey) : null);
}
