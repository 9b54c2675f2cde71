/**
 * What every page needs from saved progress at load, without loading the progress store
 * (src/stores/progress.ts, which brings zod): the reading state of pages (sidebar ✓ marks, the
 * "Mark as read" controls), checklist ticks, knowledge-check results (a path's progress), and
 * whether the store must load at once so the storage adapter can raise its notice: storage
 * unavailable, copies of damaged data kept from an earlier visit, or a stored value that is not a
 * current learner record (the adapter then backs it up, src/runtime/storage.ts).
 * Reads only; never writes a record. See src/lib/progress/peek.ts for what "looks like" means.
 */
import { emptyPeek, peekRecord, peekUndo, type PeekedRecord } from '../lib/progress/peek';
import { PROGRESS_KEY, UNDO_KEY } from '../stores/progress-keys';
import { BACKUP_PREFIX, KEY_PREFIX, probeStorage, type StorageBackend } from './storage-probe';

export interface StoragePeek extends PeekedRecord {
	/** Load the progress store now (its adapter has something to tell the learner, or must repair a key). */
	needsStore: boolean;
}


/** Peek at `backend` (null when touching localStorage threw). Never throws. */
export function peekBackend(backend: StorageBackend | null): StoragePeek {
	try {
		if (!backend || !probeStorage(backend).ok) return { needsStore: true, ...emptyPeek() };
		let backups = false;
		for (let i = 0; i < backend.length && !backups; i++) backups = backend.key(i)?.startsWith(BACKUP_PREFIX) === true;
		const record = peekRecord(backend.getItem(KEY_PREFIX + PROGRESS_KEY));
		const undo = peekUndo(backend.getItem(KEY_PREFIX + UNDO_KEY));
		const shown: PeekedRecord = record.state === 'plausible' ? { reading: record.reading, checklists: record.checklists, quizzes: record.quizzes } : emptyPeek();
		return { needsStore: backups || record.state === 'needs-store' || undo.state === 'needs-store', ...shown };
	} catch {
		return { needsStore: true, ...emptyPeek() };
	}
}

let last: StoragePeek | undefined;

/**
 * Peek at this page's localStorage. Browser only. The sidebar marks and the notices both ask at
 * load: the first answer is reused unless `fresh` (after another tab changed something).
 */
export function peekStorage(fresh = false): StoragePeek {
	if (last && !fresh) return last;
	let backend: StorageBackend | null;
	try {
		backend = window.localStorage;
	} catch {
		backend = null;
	}
	return (last = peekBackend(backend));
}

/** Whether a `storage` event concerns saved progress: the record, its undo copy, a backup, or a clear(). */
export function isProgressKey(key: string | null): boolean {
	return key === null || key === KEY_PREFIX + PROGRESS_KEY || key === KEY_PREFIX + UNDO_KEY || key.startsWith(BACKUP_PREFIX);
}

/** Call `cb` when another tab changes saved progress; returns unsubscribe. */
export function onOtherTabProgress(cb: () => void): () => void {
	const handler = (e: StorageEvent) => {
		if (isProgressKey(e.key)) cb();
	};
	window.addEventListener('storage', handler);
	return () => window.removeEventListener('storage', handler);
}
