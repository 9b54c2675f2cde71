import * as z from 'zod/mini';
import { SavedLabFilesSchema, type SavedLabFiles } from '../../schemas/lab-files';
import type { LabFiles } from './tree';

/**
 * Reading and writing the learner's autosaved lab files (the text in localStorage), without
 * touching storage: src/runtime/lab-storage.ts does the I/O.
 */

export type SavedFilesOutcome =
	/** Nothing saved yet: start from the starter files. */
	| { status: 'empty' }
	/** Saved edits for editable paths; paths the lab no longer lets the learner edit are dropped. */
	| { status: 'ok'; files: LabFiles; savedAt: string; dropped: string[] }
	/** Not valid JSON or not the saved-files shape; `reason` says why in one line. */
	| { status: 'corrupt'; reason: string };

export function parseSavedFiles(raw: string | null, editable: readonly string[]): SavedFilesOutcome {
	if (raw === null) return { status: 'empty' };
	let json: unknown;
	try {
		json = JSON.parse(raw);
	} catch {
		return { status: 'corrupt', reason: 'the saved value is not valid JSON' };
	}
	return savedFilesFrom(json, editable);
}

/** `parseSavedFiles` for a value already parsed from JSON (the storage adapter parses). */
export function savedFilesFrom(json: unknown, editable: readonly string[]): Extract<SavedFilesOutcome, { status: 'ok' | 'corrupt' }> {
	const parsed = z.safeParse(SavedLabFilesSchema, json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue?.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
		return { status: 'corrupt', reason: `the saved value has the wrong shape${where}: ${issue?.message ?? 'invalid'}` };
	}
	const files: LabFiles = {};
	const dropped: string[] = [];
	for (const [path, text] of Object.entries(parsed.data.files)) {
		if (editable.includes(path)) files[path] = text;
		else dropped.push(path);
	}
	return { status: 'ok', files, savedAt: parsed.data.savedAt, dropped };
}

/** The stored value for the editable files among `files`. */
export function savedFilesValue(files: LabFiles, editable: readonly string[], now = new Date()): SavedLabFiles {
	const kept: LabFiles = {};
	for (const path of editable) if (Object.hasOwn(files, path)) kept[path] = files[path] as string;
	return { version: 1, savedAt: now.toISOString(), files: kept };
}

/** The stored text for the editable files among `files`. */
export function serializeSavedFiles(files: LabFiles, editable: readonly string[], now = new Date()): string {
	return JSON.stringify(savedFilesValue(files, editable, now));
}

/** Whether two sets of files have the same editable files with the same text. */
export function sameFiles(a: LabFiles, b: LabFiles, editable: readonly string[]): boolean {
	return editable.every((p) => (a[p] ?? null) === (b[p] ?? null));
}
