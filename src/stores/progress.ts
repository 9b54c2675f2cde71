/**
 * `$progress`: the learner record (src/schemas/progress.ts), persisted under
 * `qms-training:progress` through the storage adapter, with every action a learner takes.
 *
 * Each action first reconciles with what is stored (another tab may have written since), applies
 * the change, validates the result with ProgressSchema (the schema reads use; a change that fails
 * is refused with a message and nothing is saved) and writes the whole record in one setItem.
 * Reading salvages (src/lib/progress/salvage.ts): damaged parts are set aside, the rest is kept. If the browser refuses the write, the
 * store keeps the stored state and the adapter shows a notice, so the page never shows a change
 * that was not saved (unless storage is unavailable, when the page's memory is all there is).
 * Another tab's write arrives as a `storage` event and is merged in (src/lib/progress/merge.ts).
 *
 * Import and reset first save the record as it was under `qms-training:progress-undo`; if that
 * save fails they change nothing.
 */
import { atom, onMount, type ReadableAtom } from 'nanostores';
import {
	AttestationSchema,
	CertificationSchema,
	LIMITS,
	ProfileSchema,
	ProgressSchema,
	SignOffEntrySchema,
	type Attestation,
	type FeedbackEntry,
	type HuntRun,
	type LabAttempt,
	type ProgressRecord,
	type QuizAttempt,
	type ScenarioRun,
	type SelfAssessmentSubmission,
} from '../schemas/progress';
import { UndoSnapshotSchema } from '../schemas/progress-undo';
import { canonicalJson } from '../lib/progress/canonical';
import type { Change } from '../lib/progress/changes';
import { newId } from '../lib/progress/ids';
import { merge, sync } from '../lib/progress/merge';
import { describeIssues, migrateRecord } from '../lib/progress/migrate';
import { salvageRecord } from '../lib/progress/salvage';
import * as R from '../lib/progress/record';
import type { ImportResult } from '../lib/progress/transfer';
import { getStorage, KEY_PREFIX, type ParseOutcome, type StorageAdapter } from '../runtime/storage';
import type { makeSeal } from '../runtime/progress-seal';
import { PROGRESS_KEY, SEAL_KEY, UNDO_KEY } from './progress-keys';
import { announceProgressStore } from './progress-ready';

/** Storage names (the adapter adds the `qms-training:` prefix). */
export { PROGRESS_KEY, SEAL_KEY, UNDO_KEY };

// Export and import (file format, checksum, change list) are used only on the My progress page:
// loaded when first needed, so pages with a knowledge check or a checklist do not carry them.
const transfer = () => import('../lib/progress/transfer');
const changes = () => import('../lib/progress/changes');

/**
 * Epoch of a record that was never reset. All fresh records share it, so two tabs that start
 * empty merge instead of one replacing the other.
 */
export const FIRST_EPOCH = '1970-01-01T00:00:00.000Z';

/** What the undo slot holds, without the record. */
export interface UndoInfo {
	kind: 'import' | 'reset';
	at: string;
}

/** Outcome of an action: `ok: false` when nothing was saved, with a message for the learner. */
export type ActionResult = { ok: true } | { ok: false; message: string };

export type ImportPreview =
	| { ok: true; record: ProgressRecord; changes: Change[]; exportedAt: string }
	| Extract<ImportResult, { ok: false }>;

const NOT_SAVED = 'Your browser refused to save this change (storage may be full). Nothing was changed.';

/** A stored record: migrated, validated part by part; damaged parts are set aside (the adapter backs them up). */
function parseRecord(json: unknown): ParseOutcome<ProgressRecord> {
	const m = salvageRecord(json);
	return m.ok ? { ok: true, value: m.record, setAside: m.setAside } : { ok: false, message: m.message };
}

/** The message for a change the schema refuses. */
function invalidChange(error: Parameters<typeof describeIssues>[0]): string {
	return `This change was not saved because it does not fit the progress record (${describeIssues(error, 2)}). Nothing was changed.`;
}

function parseUndo(json: unknown): ParseOutcome<{ info: UndoInfo; record: ProgressRecord }> {
	const s = UndoSnapshotSchema.safeParse(json);
	if (!s.success) return { ok: false, message: 'It is not an undo snapshot.' };
	const m = migrateRecord(s.data.record);
	if (!m.ok) return { ok: false, message: m.message };
	return { ok: true, value: { info: { kind: s.data.kind, at: s.data.at }, record: m.record } };
}

export interface ProgressStoreOptions {
	/** The adapter, resolved on first use (so importing the store touches no browser API). */
	storage: () => StorageAdapter;
	/** Clock, ISO time. */
	now?: () => string;
	/**
	 * The sealer (src/runtime/progress-seal.ts), loaded when a validated record is written or
	 * `sealStored` is called; without it the store seals nothing.
	 */
	sealer?: () => Promise<{ makeSeal: typeof makeSeal }>;
}

export function createProgressStore(opts: ProgressStoreOptions) {
	const now = opts.now ?? (() => new Date().toISOString());
	const $progress = atom<ProgressRecord>(R.emptyRecord(FIRST_EPOCH));
	const $undo = atom<UndoInfo | null>(null);
	let storage: StorageAdapter | undefined;

	function readStored(): ProgressRecord | null {
		return storage!.read(PROGRESS_KEY, parseRecord);
	}

	function onOtherTab(raw: string | null): void {
		if (raw === null) return;
		const incoming = readStored();
		if (!incoming) return;
		const merged = sync($progress.get(), incoming);
		$progress.set(merged);
		// The other tab lacked something this tab has: write the union back.
		if (canonicalJson(merged) !== canonicalJson(incoming)) writeRecord(storage!, merged);
	}

	let sealing: Promise<void> = Promise.resolve();

	/**
	 * Seal `text`, a record this store validated with ProgressSchema and that is stored as it is
	 * (src/runtime/progress-seal.ts says what the seal proves). In order, after the write; the seal
	 * is written only if the record is still that text (a later write or another tab may have
	 * replaced it), and only when it changes. A seal that cannot be made is removed, so the old one
	 * cannot stay beside a new record (it would not match anyway).
	 */
	function seal(text: string): void {
		const s = storage;
		if (!opts.sealer || !s?.persistent) return;
		const current = () => s.rawAt(KEY_PREFIX + PROGRESS_KEY) === text;
		sealing = sealing
			.then(async () => {
				if (!current()) return;
				const value = await (await opts.sealer!()).makeSeal(text);
				if (current() && s.rawAt(KEY_PREFIX + SEAL_KEY) !== JSON.stringify(value)) s.writeQuietly(SEAL_KEY, value);
			})
			.catch((e: unknown) => {
				console.warn('The progress record could not be sealed; pages will validate it on load.', e);
				if (current()) s.remove(SEAL_KEY);
			});
	}

	/** Write a record validated with ProgressSchema, then seal it. */
	function writeRecord(s: StorageAdapter, record: ProgressRecord): boolean {
		if (!s.write(PROGRESS_KEY, record)) return false;
		seal(JSON.stringify(record));
		return true;
	}

	function refreshUndo(): void {
		$undo.set(storage!.read(UNDO_KEY, parseUndo)?.info ?? null);
	}

	/** Load once: read the stored record and undo slot, listen to other tabs. */
	function ensureLoaded(): StorageAdapter {
		if (storage) return storage;
		storage = opts.storage();
		const stored = readStored();
		if (stored) $progress.set(stored);
		refreshUndo();
		storage.onChange(PROGRESS_KEY, onOtherTab);
		storage.onChange(UNDO_KEY, refreshUndo);
		return storage;
	}

	onMount($progress, () => {
		ensureLoaded();
	});

	/** Reconcile with storage, apply `change`, save; on refusal keep the stored state. */
	function update(change: (r: ProgressRecord) => ProgressRecord): ActionResult {
		const s = ensureLoaded();
		const stored = readStored();
		const base = stored ? sync($progress.get(), stored) : $progress.get();
		const checked = ProgressSchema.safeParse(R.normalize(change(base)));
		if (!checked.success) {
			$progress.set(base);
			return { ok: false, message: invalidChange(checked.error) };
		}
		const next = checked.data;
		if (!writeRecord(s, next)) {
			$progress.set(base);
			return { ok: false, message: NOT_SAVED };
		}
		$progress.set(next);
		return { ok: true };
	}

	/** Replace the record whole (reset, undo), after saving the current one to the undo slot when `snapshot` is given. */
	function replace(candidate: ProgressRecord, snapshot: UndoInfo | null): ActionResult {
		const s = ensureLoaded();
		const checked = ProgressSchema.safeParse(candidate);
		if (!checked.success) return { ok: false, message: invalidChange(checked.error) };
		const next = checked.data;
		const stored = readStored();
		const current = stored ? sync($progress.get(), stored) : $progress.get();
		if (snapshot) {
			if (!s.write(UNDO_KEY, { ...snapshot, record: current })) return { ok: false, message: NOT_SAVED };
		}
		if (!writeRecord(s, next)) return { ok: false, message: NOT_SAVED };
		$progress.set(next);
		if (snapshot) $undo.set(snapshot);
		return { ok: true };
	}

	const api = {
		$progress: $progress as ReadableAtom<ProgressRecord>,
		/** The last import or reset that can be undone, or null. */
		$undo: $undo as ReadableAtom<UndoInfo | null>,

		/** Load the stored record now (islands call this on connect; mounting `$progress` does it too). */
		load(): void {
			ensureLoaded();
		},

		/**
		 * Seal the stored record if its text, exactly as stored, passes ProgressSchema (a record
		 * written by an older release or by hand may need migrating or salvaging first: not sealed).
		 * For pages that read the record without the store (My credentials); does nothing when the
		 * text is already sealed. Resolves when done; never rejects.
		 */
		async sealStored(): Promise<void> {
			const s = ensureLoaded();
			const raw = s.rawAt(KEY_PREFIX + PROGRESS_KEY);
			if (raw === null) return;
			try {
				if (!ProgressSchema.safeParse(JSON.parse(raw)).success) return;
			} catch {
				return;
			}
			seal(raw);
			await sealing;
		},

		/** Whether progress survives closing the page (false in private mode / blocked storage). */
		persistent(): boolean {
			return ensureLoaded().persistent;
		},

		/** Keep a graded knowledge-check attempt; returns it with its new id. */
		recordQuizAttempt(quizId: string, attempt: Omit<QuizAttempt, 'id'>): ActionResult & { attempt: QuizAttempt } {
			const full: QuizAttempt = { id: newId(), ...attempt };
			return { ...update((r) => R.addQuizAttempt(r, quizId, full)), attempt: full };
		},

		/** Tick or untick a checklist item now. */
		setChecklistItem(checklistId: string, itemId: string, checked: boolean): ActionResult {
			return update((r) => R.setChecklistItem(r, checklistId, itemId, checked, now()));
		},

		/** Save "Certification Date" (YYYY-MM-DD or '') and "Certified By" of a checklist. */
		setChecklistMeta(checklistId: string, fields: { date: string; by: string }): ActionResult {
			const by = fields.by.trim();
			const { date: dateSchema, by: bySchema } = CertificationSchema.def.shape;
			if (!dateSchema.safeParse(fields.date).success) return { ok: false, message: 'Enter a real calendar date as YYYY-MM-DD (for example 2026-02-28), or leave it empty.' };
			if (!bySchema.safeParse(by).success) return { ok: false, message: `"Certified by" is limited to ${LIMITS.certifiedBy} characters.` };
			return update((r) => R.setCertification(r, checklistId, { date: fields.date, by }, now()));
		},

		/** Keep a self-assessment submission (ratings 1–5 by statement id and their average). */
		addSelfAssessment(s: Omit<SelfAssessmentSubmission, 'id' | 'at'>): ActionResult {
			return update((r) => R.addSelfAssessment(r, { id: newId(), at: now(), ...s }));
		},

		/** Keep a training feedback form. */
		addFeedback(f: Omit<FeedbackEntry, 'id' | 'at'>): ActionResult {
			return update((r) => R.addFeedback(r, { id: newId(), at: now(), ...f }));
		},

		/** Mark a page as read (or not). */
		markRead(pageId: string, read = true): ActionResult {
			return update((r) => R.setRead(r, pageId, read, now()));
		},

		/** Acknowledge the revision of a page whose source hashes to `hash` (also marks it read). */
		acknowledge(pageId: string, hash: string): ActionResult {
			return update((r) => R.acknowledge(r, pageId, hash, now()));
		},

		/**
		 * Keep one run of a lab's checks. `attempt.at` defaults to now. For the lab island:
		 * `recordLabAttempt('qms-compliant-pr', { runner: 'offline', passed, checks, durationMs })`.
		 */
		recordLabAttempt(labId: string, attempt: Omit<LabAttempt, 'id' | 'at'> & { at?: string }): ActionResult & { attempt: LabAttempt } {
			const full: LabAttempt = { id: newId(), at: attempt.at ?? now(), runner: attempt.runner, passed: attempt.passed, checks: attempt.checks, durationMs: Math.max(0, Math.round(attempt.durationMs)) };
			return { ...update((r) => R.addLabAttempt(r, labId, full)), attempt: full };
		},

		/**
		 * Record an attested item for a certification requirement (issue 7): what the learner did
		 * (≤ LIMITS.attestationWhat characters), the day (YYYY-MM-DD, a real date, not after today in any time zone) and a note
		 * (≤ LIMITS.attestationNote characters). It counts only once signed off (src/lib/credentials/rules.ts).
		 */
		recordAttestation(
			certification: string,
			requirement: string,
			fields: Pick<Attestation, 'what' | 'date' | 'note'>,
		): ActionResult & { attestation?: Attestation } {
			const t = now();
			const full: Attestation = { id: newId(), certification, requirement, what: fields.what.trim(), date: fields.date, note: fields.note.trim(), at: t };
			if (full.what === '') return { ok: false, message: 'Say what you did.' };
			const check = AttestationSchema.safeParse(full);
			if (!check.success) {
				return { ok: false, message: `Enter a real date as YYYY-MM-DD, at most ${LIMITS.attestationWhat} characters for what you did and ${LIMITS.attestationNote} for the note.` };
			}
			// "Today" in the learner's time zone can be up to 14 hours ahead of UTC (UTC+14).
			const latestToday = new Date(Date.parse(t) + 14 * 3_600_000).toISOString().slice(0, 10);
			if (full.date > latestToday) return { ok: false, message: 'The date is in the future.' };
			return { ...update((r) => R.addAttestation(r, full)), attestation: full };
		},

		/** Keep one finished drill run (issue 8); returns it with its new id. */
		recordScenarioRun(run: Omit<ScenarioRun, 'id'>): ActionResult & { run: ScenarioRun } {
			const full: ScenarioRun = { id: newId(), ...run, realMs: Math.max(0, Math.round(run.realMs)) };
			return { ...update((r) => R.addScenarioRun(r, full)), run: full };
		},

		/**
		 * Keep one finished find-it-fast hunt (issue 8). The run carries its own id (made when the hunt
		 * started), so recording it again after a reload keeps one run. Refused (ok: false) when the
		 * schema refuses it, e.g. `passed` with a target not found in time.
		 */
		recordHuntRun(run: HuntRun): ActionResult {
			return update((r) => R.addHuntRun(r, run));
		},

		/** Remove an attested item by id (kept as a removal marker so other tabs and imports do not restore it). */
		removeAttestation(id: string): ActionResult {
			return update((r) => R.removeAttestation(r, id, now()));
		},

		/**
		 * Keep an imported sign-off (issue 9): `id` is the endorsement's certificate ID (64 hex),
		 * `jws` the endorsement as the lead signed it. The caller verifies it first
		 * (src/lib/signoff/endorsement.ts); the same endorsement imported twice is kept once.
		 */
		addSignOff(id: string, jws: string): ActionResult {
			const entry = { id, jws, importedAt: now() };
			if (!SignOffEntrySchema.safeParse(entry).success) return { ok: false, message: 'This endorsement is too large or damaged to keep.' };
			return update((r) => R.addSignOff(r, entry));
		},

		/** Set the name printed on certificates; '' removes it. Refuses control characters and more than LIMITS.displayName characters. */
		setDisplayName(name: string): ActionResult {
			const displayName = name.trim();
			const check = ProfileSchema.safeParse({ displayName });
			if (!check.success) return { ok: false, message: `Use at most ${LIMITS.displayName} characters, without line breaks or control characters.` };
			return update((r) => R.setDisplayName(r, displayName, now()));
		},

		/** The export file for the current record: its name and text. */
		async exportRecord(): Promise<{ filename: string; text: string }> {
			ensureLoaded();
			const { buildExport, exportFileName } = await transfer();
			const t = now();
			return { filename: exportFileName(t), text: await buildExport($progress.get(), t) };
		},

		/** Validate an export file (text and size in bytes) and say what importing it would change. Changes nothing. */
		async previewImport(text: string, bytes: number): Promise<ImportPreview> {
			ensureLoaded();
			const [{ parseImport }, { describeChanges }] = await Promise.all([transfer(), changes()]);
			const parsed = await parseImport(text, bytes);
			if (!parsed.ok) return parsed;
			const current = $progress.get();
			return { ok: true, record: parsed.record, changes: describeChanges(current, merge(current, parsed.record)), exportedAt: parsed.exportedAt };
		},

		/** Merge a validated record into the learner's, after saving the current one for undo. */
		importRecord(imported: ProgressRecord): ActionResult {
			const s = ensureLoaded();
			const stored = readStored();
			const current = stored ? sync($progress.get(), stored) : $progress.get();
			const snapshot: UndoInfo = { kind: 'import', at: now() };
			if (!s.write(UNDO_KEY, { ...snapshot, record: current })) return { ok: false, message: NOT_SAVED };
			const r = update((rec) => merge(rec, imported));
			if (r.ok) $undo.set(snapshot);
			else {
				s.remove(UNDO_KEY);
				$undo.set(null);
			}
			return r;
		},

		/** Start over with an empty record, after saving the current one for undo. */
		reset(): ActionResult {
			const t = now();
			return replace(R.emptyRecord(t), { kind: 'reset', at: t });
		},

		/** Put back the record saved by the last import or reset (`kind` must match it). */
		undo(kind: UndoInfo['kind']): ActionResult {
			const s = ensureLoaded();
			const snap = s.read(UNDO_KEY, parseUndo);
			if (!snap || snap.info.kind !== kind) return { ok: false, message: `There is no ${kind} to undo.` };
			// A new epoch, so other open tabs adopt the restored record instead of merging into it.
			const restored = R.normalize({ ...snap.record, epoch: now() });
			const r = replace(restored, null);
			if (r.ok) {
				s.remove(UNDO_KEY);
				$undo.set(null);
			}
			return r;
		},

		/** The record saved before the last import or reset, as an export file (the backup), or null. */
		async exportUndoSnapshot(): Promise<{ filename: string; text: string } | null> {
			const snap = ensureLoaded().read(UNDO_KEY, parseUndo);
			if (!snap) return null;
			const { buildExport, exportFileName } = await transfer();
			const t = now();
			return { filename: exportFileName(t).replace('.json', `-before-${snap.info.kind}.json`), text: await buildExport(snap.record, t) };
		},
	};
	return api;
}

export type ProgressStore = ReturnType<typeof createProgressStore>;

/** The page's store, over the shared localStorage adapter. */
export const progressStore: ProgressStore = createProgressStore({ storage: getStorage, sealer: () => import('../runtime/progress-seal') });

export const $progress = progressStore.$progress;
export const $undo = progressStore.$undo;
export const {
	load,
	recordQuizAttempt,
	setChecklistItem,
	setChecklistMeta,
	addSelfAssessment,
	addFeedback,
	markRead,
	acknowledge,
	recordLabAttempt,
	recordAttestation,
	removeAttestation,
	addSignOff,
	recordScenarioRun,
	recordHuntRun,
	setDisplayName,
	exportRecord,
	previewImport,
	importRecord,
	reset,
	exportUndoSnapshot,
} = progressStore;

/** Undo the last import. */
export const undoImport = (): ActionResult => progressStore.undo('import');
/** Undo the last reset. */
export const undoReset = (): ActionResult => progressStore.undo('reset');

// Tell the parts of the page that follow the store without loading it (sidebar marks, notices).
announceProgressStore(progressStore);
