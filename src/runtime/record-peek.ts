/**
 * The whole stored learner record, parsed but NOT validated, for views that show all of it at load
 * without the progress store and zod (My credentials, issue 7 budget: ≤ 15 KB gzip of our JS before
 * an export). Whatever is read here is shown only as a first view: nothing is written on the
 * strength of it, anything a learner does loads the store first (which validates the whole record
 * before any write), and what a view claims on it must be re-checked on the validated record (My
 * credentials shows no credential as earned until then: ../components/credentials/credentials-element.ts),
 * unless the record's seal matches its text (./progress-seal.ts: the store validated exactly this text).
 * Browser only; never throws.
 */
import { recordShapeProblem } from '../lib/progress/peek';
import type { ProgressRecord } from '../schemas/progress';
import { PROGRESS_KEY, SEAL_KEY } from '../stores/progress-keys';
import { peekStorage } from './progress-peek';
import { KEY_PREFIX } from './storage-probe';

export type WholeRecordPeek =
	/** Nothing stored: a new learner (what pages render at build). */
	| { state: 'empty' }
	/** A record whose top level has the current shape; nothing below it is checked. */
	| {
			state: 'unvalidated';
			record: ProgressRecord;
			/** The stored text the record was parsed from, and the stored seal (null when none). */
			text: string;
			seal: string | null;
	  }
	/** Storage unusable, damaged data kept, or not a current record: only the store can say what to show. */
	| { state: 'needs-store' };

/** Read the stored record (`fresh`: after another tab changed it; see peekStorage). */
export function peekWholeRecord(fresh = false): WholeRecordPeek {
	if (peekStorage(fresh).needsStore) return { state: 'needs-store' };
	try {
		const raw = window.localStorage.getItem(KEY_PREFIX + PROGRESS_KEY);
		if (raw === null) return { state: 'empty' };
		const value: unknown = JSON.parse(raw);
		if (recordShapeProblem(value)) return { state: 'needs-store' };
		return { state: 'unvalidated', record: value as ProgressRecord, text: raw, seal: window.localStorage.getItem(KEY_PREFIX + SEAL_KEY) };
	} catch {
		return { state: 'needs-store' };
	}
}
