import { parseSavedFiles, serializeSavedFiles, type SavedFilesOutcome } from '../lib/labs/saved-files';
import type { LabFiles } from '../lib/labs/tree';

/**
 * The learner's lab files in localStorage, one entry per lab:
 * - `qms-training:lab:<id>:files` the autosave (editable files only, zod-validated on read);
 * - `…:files:backup` the files as they were before the last Reset;
 * - `…:files:corrupt` an autosave that failed validation, kept as found so nothing is lost.
 * Storage can be missing or full (private mode, quota): every call reports that instead of throwing.
 */

export const filesKey = (id: string) => `qms-training:lab:${id}:files`;
export const backupKey = (id: string) => `qms-training:lab:${id}:files:backup`;
export const corruptKey = (id: string) => `qms-training:lab:${id}:files:corrupt`;

export type LoadOutcome =
	| SavedFilesOutcome
	/** The stored value was corrupt; it now lives under `keptAs` and the lab starts from the starters. */
	| { status: 'recovered'; reason: string; keptAs: string }
	/** localStorage cannot be read at all. */
	| { status: 'unavailable'; reason: string };

export type SaveOutcome = { ok: true } | { ok: false; reason: string };

function storage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null;
	}
}

const explain = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Loads the autosave of lab `id`; a corrupt value is moved to the corrupt key (see above). */
export function loadLabFiles(id: string, editable: readonly string[]): LoadOutcome {
	const s = storage();
	if (!s) return { status: 'unavailable', reason: 'this browser does not allow saving (localStorage is off)' };
	let raw: string | null;
	try {
		raw = s.getItem(filesKey(id));
	} catch (error) {
		return { status: 'unavailable', reason: explain(error) };
	}
	const outcome = parseSavedFiles(raw, editable);
	if (outcome.status !== 'corrupt' || raw === null) return outcome;
	try {
		s.setItem(corruptKey(id), raw);
		s.removeItem(filesKey(id));
	} catch (error) {
		// Could not move it: leave it where it is, untouched, and say so.
		return { status: 'corrupt', reason: `${outcome.reason}; it could not be moved aside (${explain(error)})` };
	}
	return { status: 'recovered', reason: outcome.reason, keptAs: corruptKey(id) };
}

function write(key: string, value: string): SaveOutcome {
	const s = storage();
	if (!s) return { ok: false, reason: 'localStorage is not available' };
	try {
		s.setItem(key, value);
		return { ok: true };
	} catch (error) {
		return { ok: false, reason: explain(error) };
	}
}

/** Autosaves the editable files of lab `id`. */
export function saveLabFiles(id: string, files: LabFiles, editable: readonly string[]): SaveOutcome {
	return write(filesKey(id), serializeSavedFiles(files, editable));
}

/** Keeps `files` as the backup of lab `id` (replacing the previous backup). */
export function saveBackup(id: string, files: LabFiles, editable: readonly string[]): SaveOutcome {
	return write(backupKey(id), serializeSavedFiles(files, editable));
}

/** The backup of lab `id`, validated like the autosave; null when there is none or it is unreadable. */
export function loadBackup(id: string, editable: readonly string[]): LabFiles | null {
	const s = storage();
	if (!s) return null;
	try {
		const outcome = parseSavedFiles(s.getItem(backupKey(id)), editable);
		return outcome.status === 'ok' ? outcome.files : null;
	} catch {
		return null;
	}
}

/** Removes the autosave of lab `id` (after Reset, the starters are what the page shows). */
export function clearLabFiles(id: string): SaveOutcome {
	const s = storage();
	if (!s) return { ok: false, reason: 'localStorage is not available' };
	try {
		s.removeItem(filesKey(id));
		return { ok: true };
	} catch (error) {
		return { ok: false, reason: explain(error) };
	}
}
