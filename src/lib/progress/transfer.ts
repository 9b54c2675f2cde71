/**
 * Export file format and import validation (issue 3, "Export and import").
 * File: { format, schemaVersion, exportedAt, checksum: { algorithm: 'SHA-256', value }, record }
 * where value = SHA-256 of canonicalJson(record). Import refuses files over 5 MB, files that are not
 * complete JSON, other JSON, records from a newer site, a checksum mismatch and invalid data, each
 * with a message for the learner; nothing is changed in any of those cases (the caller only merges
 * on `ok: true`).
 */
import { EXPORT_FORMAT, ExportEnvelopeSchema, MAX_IMPORT_BYTES } from '../../schemas/progress-export';
import { PROGRESS_VERSION, type ProgressRecord } from '../../schemas/progress';
import { canonicalJson, sha256Hex } from './canonical';
import { describeIssues, migrateRecord } from './migrate';
import { normalize } from './record';

/** File name for an export made at `now`, e.g. "qms-training-progress-2026-01-15.json". */
export function exportFileName(now: string): string {
	return `${EXPORT_FORMAT}-${now.slice(0, 10)}.json`;
}

/** The export file's text (pretty-printed JSON) for `record`, stamped with `now`. */
export async function buildExport(record: ProgressRecord, now: string): Promise<string> {
	const rec = normalize(record);
	const envelope = {
		format: EXPORT_FORMAT,
		schemaVersion: PROGRESS_VERSION,
		exportedAt: now,
		checksum: { algorithm: 'SHA-256', value: await sha256Hex(canonicalJson(rec)) },
		record: rec,
	};
	return JSON.stringify(envelope, null, 2) + '\n';
}

export type ImportProblem = 'too-large' | 'empty' | 'not-json' | 'foreign' | 'newer-version' | 'checksum' | 'invalid';

/**
 * On failure, `message` is for the learner importing into their own record ("…Nothing was imported
 * and your progress is unchanged."); `reason` is the first sentence alone, for other readers of
 * export files (the team progress page).
 */
export type ImportResult =
	| { ok: true; record: ProgressRecord; exportedAt: string; fromVersion: number }
	| { ok: false; problem: ImportProblem; message: string; reason: string };

const NOTHING = 'Nothing was imported and your progress is unchanged.';

function fail(problem: ImportProblem, why: string): ImportResult & { ok: false } {
	return { ok: false, problem, message: `${why} ${NOTHING}`, reason: why };
}

/** Size check alone, for refusing a file before reading it. `bytes` is the file size. */
export function checkImportSize(bytes: number): ImportResult | null {
	if (bytes > MAX_IMPORT_BYTES) {
		// The file's size is rounded up, so a file just over the limit does not read as "5.0 MB; the limit is 5.0 MB".
		const mb = (n: number, round: (x: number) => number) => (round((n / (1024 * 1024)) * 10) / 10).toFixed(1);
		return fail('too-large', `The file is ${mb(bytes, Math.ceil)} MB; the limit is ${mb(MAX_IMPORT_BYTES, Math.round)} MB.`);
	}
	return null;
}

/**
 * Validate an export file. `text` is its content, `bytes` its size in bytes.
 * Never throws for bad input; throws only when Web Crypto is missing (see sha256Hex).
 */
export async function parseImport(text: string, bytes: number): Promise<ImportResult> {
	const tooLarge = checkImportSize(bytes);
	if (tooLarge) return tooLarge;
	if (text.trim() === '') return fail('empty', 'The file is empty.');
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return fail('not-json', 'The file is not complete JSON: it may be truncated or damaged.');
	}
	const env = ExportEnvelopeSchema.safeParse(json);
	if (!env.success) {
		const format = (json as { format?: unknown } | null)?.format;
		if (format !== EXPORT_FORMAT) return fail('foreign', 'This is not a progress export from this site.');
		return fail('invalid', `The export file is damaged: ${describeIssues(env.error)}.`);
	}
	const { schemaVersion, checksum, record, exportedAt } = env.data;
	if (schemaVersion > PROGRESS_VERSION) {
		return fail('newer-version', `The file was exported by a newer version of this site (schema ${schemaVersion}); this site reads schema ${PROGRESS_VERSION} and older.`);
	}
	if ((await sha256Hex(canonicalJson(record))) !== checksum.value) {
		return fail('checksum', 'The checksum does not match the data: the file was changed or damaged after export.');
	}
	const migrated = migrateRecord(record);
	if (!migrated.ok) return fail(migrated.reason === 'newer-version' ? 'newer-version' : 'invalid', migrated.message);
	return { ok: true, record: migrated.record, exportedAt, fromVersion: migrated.fromVersion };
}
