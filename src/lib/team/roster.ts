/**
 * The lead's roster: one entry per learner, however many of their export files were read.
 *
 * Identification rule (issue 9, "the same learner imported twice is merged, not doubled"): a
 * learner is their record's `epoch` (when its history began: first use, or the last reset) together
 * with their display name, trimmed, in Unicode NFC and compared without case. Two exports of one
 * learner's browser share the epoch, so a later export merges into the earlier one with the
 * record's own merge (src/lib/progress/merge.ts: nothing is lost, best scores never drop, the newer
 * tick wins). The name keeps two people apart whose records happen to start at the same
 * millisecond. What this does not catch: a learner who renamed themselves between exports, or
 * who reset their progress (a new epoch), shows as two rows; the table shows each row's record start
 * and files, so the lead can remove the stale one.
 */
import { merge } from '../progress/merge';
import { laterTime } from '../progress/time';
import type { ProgressRecord } from '../../schemas/progress';

export interface RosterEntry {
	/** learnerKey of the record. */
	key: string;
	/** The merged record of every file read for this learner. */
	record: ProgressRecord;
	/** Names of the files read for this learner, in the order read, without repeats. */
	files: string[];
	/** ISO time of the newest export read. */
	exportedAt: string;
}

/** The identification key: JSON of [normalized name, epoch]. */
export function learnerKey(record: Pick<ProgressRecord, 'epoch' | 'profile'>): string {
	return JSON.stringify([record.profile.displayName.normalize('NFC').trim().toLowerCase(), record.epoch]);
}

/**
 * Add one validated export to the roster; returns a new map (the argument is not changed) and
 * whether it merged into a learner already there.
 */
export function addExport(roster: ReadonlyMap<string, RosterEntry>, file: string, record: ProgressRecord, exportedAt: string): { roster: Map<string, RosterEntry>; merged: boolean } {
	const key = learnerKey(record);
	const out = new Map(roster);
	const seen = roster.get(key);
	if (!seen) {
		out.set(key, { key, record, files: [file], exportedAt });
		return { roster: out, merged: false };
	}
	out.set(key, {
		key,
		record: merge(seen.record, record),
		files: seen.files.includes(file) ? seen.files : [...seen.files, file],
		exportedAt: laterTime(seen.exportedAt, exportedAt),
	});
	return { roster: out, merged: true };
}

/** The roster as a list in a stable order (by key), e.g. for storing. */
export function rosterList(roster: ReadonlyMap<string, RosterEntry>): RosterEntry[] {
	return [...roster.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * A roster from stored entries. Keys are computed again from the records (a stored key is not
 * trusted); entries with one key are merged, their file lists joined.
 */
export function rosterFrom(entries: readonly Omit<RosterEntry, 'key'>[]): Map<string, RosterEntry> {
	const roster = new Map<string, RosterEntry>();
	for (const e of entries) {
		const key = learnerKey(e.record);
		const seen = roster.get(key);
		roster.set(
			key,
			seen
				? { key, record: merge(seen.record, e.record), files: [...new Set([...seen.files, ...e.files])], exportedAt: laterTime(seen.exportedAt, e.exportedAt) }
				: { key, record: e.record, files: [...new Set(e.files)], exportedAt: e.exportedAt },
		);
	}
	return roster;
}
