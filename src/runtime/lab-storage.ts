import { savedFilesFrom, savedFilesValue, type SavedFilesOutcome } from '../lib/labs/saved-files';
import type { LabFiles } from '../lib/labs/tree';
import { KEY_PREFIX, getStorage, type ParseOutcome, type StorageAdapter } from './storage';

/**
 * The learner's lab files, through the site's one storage adapter (./storage.ts, which documents
 * the key scheme), one entry per lab:
 * - `lab:<id>:files`         the autosave (editable files only, zod-validated on read);
 * - `lab:<id>:files:backup`  the files as they were before the last Reset (or Restore);
 * - a saved value that fails validation is moved by the adapter to `backup:lab:<id>:files@<time>`
 *   and named in the page's storage notices, so nothing is lost.
 * The adapter brings what progress has: notices (write refused, storage full), an in-memory
 * fallback when storage is blocked (files then last as long as the page), and other tabs' writes
 * (`onLabFilesChange`). Calls report problems instead of throwing.
 */

export const filesName = (id: string) => `lab:${id}:files`;
export const backupName = (id: string) => `lab:${id}:files:backup`;

export type LoadOutcome =
	| Exclude<SavedFilesOutcome, { status: 'corrupt' }>
	/** The stored value was damaged; a copy now lives under `keptAs` (a full key) and the lab starts from the starters. */
	| { status: 'recovered'; reason: string; keptAs: string }
	/** The stored value was damaged and could not be copied: it is left in place, so saving must stay off. */
	| { status: 'corrupt'; reason: string }
	/** Storage cannot be used: the lab works in memory for this page only. */
	| { status: 'unavailable'; reason: string };

/** `persistent: false` when storage is blocked and the files are kept in this page's memory only. */
export type SaveOutcome = { ok: true; persistent: boolean } | { ok: false; reason: string };

/** The adapter, or null if even creating it failed (no window). */
function storage(): StorageAdapter | null {
	try {
		return getStorage();
	} catch {
		return null;
	}
}

type Files = Extract<SavedFilesOutcome, { status: 'ok' }>;

const parser =
	(editable: readonly string[]) =>
	(json: unknown): ParseOutcome<Files> => {
		const r = savedFilesFrom(json, editable);
		return r.status === 'ok' ? { ok: true, value: r } : { ok: false, message: r.reason };
	};

/** Why a write was refused, in words for the lab's status line. */
function refused(s: StorageAdapter): string {
	const n = s.notices().find((x) => x.kind === 'write-failed');
	return n?.kind === 'write-failed' && n.quota ? 'the browser storage for this site is full' : 'the browser refused to store them';
}

/** Loads the autosave of lab `id` (see above for what happens to a damaged one). */
export function loadLabFiles(id: string, editable: readonly string[]): LoadOutcome {
	const s = storage();
	if (!s) return { status: 'unavailable', reason: 'this browser does not allow saving (localStorage is off)' };
	// Before the adapter, damaged autosaves were kept under `qms-training:lab:<id>:files:corrupt`.
	s.adoptLegacyBackup(`${KEY_PREFIX}lab:${id}:files:corrupt`, filesName(id), 'It could not be read on an earlier visit.');
	const { value, damaged } = s.readWithNotice(filesName(id), parser(editable));
	if (damaged) {
		return damaged.backupKey
			? { status: 'recovered', reason: damaged.reason, keptAs: damaged.backupKey }
			: { status: 'corrupt', reason: `${damaged.reason} It could not be moved aside` };
	}
	if (!s.persistent) return { status: 'unavailable', reason: 'this browser does not let the site store data (private browsing or blocked site data)' };
	return value ?? { status: 'empty' };
}

function write(name: string, value: unknown): SaveOutcome {
	const s = storage();
	if (!s) return { ok: false, reason: 'localStorage is not available' };
	return s.write(name, value) ? { ok: true, persistent: s.persistent } : { ok: false, reason: refused(s) };
}

/** Autosaves the editable files of lab `id`. */
export function saveLabFiles(id: string, files: LabFiles, editable: readonly string[]): SaveOutcome {
	return write(filesName(id), savedFilesValue(files, editable));
}

/** Keeps `files` as the backup of lab `id` (replacing the previous backup). */
export function saveBackup(id: string, files: LabFiles, editable: readonly string[]): SaveOutcome {
	return write(backupName(id), savedFilesValue(files, editable));
}

/** The backup of lab `id`, validated like the autosave; null when there is none or it is unreadable. */
export function loadBackup(id: string, editable: readonly string[]): LabFiles | null {
	return storage()?.read(backupName(id), parser(editable))?.files ?? null;
}

/** Removes the autosave of lab `id` (after Reset, the starters are what the page shows). */
export function clearLabFiles(id: string): SaveOutcome {
	const s = storage();
	if (!s) return { ok: false, reason: 'localStorage is not available' };
	s.remove(filesName(id));
	return { ok: true, persistent: s.persistent };
}

/**
 * Calls `cb` when another tab saves (or clears) the files of lab `id`: with the files it saved and
 * when, or null when it cleared them (Reset). A value that does not validate is ignored here (this
 * tab's own read will set it aside). Returns unsubscribe.
 */
export function onLabFilesChange(id: string, editable: readonly string[], cb: (saved: { files: LabFiles; savedAt: string } | null) => void): () => void {
	const s = storage();
	if (!s) return () => {};
	return s.onChange(filesName(id), (raw) => {
		if (raw === null) return cb(null);
		try {
			const r = savedFilesFrom(JSON.parse(raw), editable);
			if (r.status === 'ok') cb({ files: r.files, savedAt: r.savedAt });
		} catch {
			/* not JSON: ignored (see above) */
		}
	});
}
