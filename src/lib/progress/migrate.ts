/**
 * Reading a stored or imported learner record of any supported version.
 *
 * MIGRATIONS maps a version n to the function that turns a version-n record into version n + 1.
 * When the schema changes, bump PROGRESS_VERSION, add `MIGRATIONS[old]` and a test that reads a
 * real old record (tests/unit/lib/progress/fixtures/record-v<n>.json).
 */
import type * as z from 'zod/mini';
import { PROGRESS_VERSION, ProgressSchema, type ProgressRecord } from '../../schemas/progress';
import { normalize } from './record';

export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** Version n → n + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
	/** 1 → 2: the `attestations` list (issue 7) starts empty. */
	1: (old) => ({ ...old, attestations: [] }),
	/** 2 → 3: the `signOffs` list (issue 9) starts empty. */
	2: (old) => ({ ...old, signOffs: [] }),
	/** 3 → 4: the `scenarios` list of drill runs (issue 8) starts empty. */
	3: (old) => ({ ...old, scenarios: [] }),
	/** 4 → 5: the `hunts` list of find-it-fast hunts (issue 8) starts empty. */
	4: (old) => ({ ...old, hunts: [] }),
};

export type MigrationResult =
	| { ok: true; record: ProgressRecord; fromVersion: number }
	| { ok: false; reason: 'not-a-record' | 'newer-version' | 'invalid'; message: string };

/** "quizzes.x.attempts.0.score: Too big: expected number to be <=100" for the first few issues. */
export function describeIssues(error: z.core.$ZodError, max = 3): string {
	const lines = error.issues.slice(0, max).map((i) => `${i.path.map(String).join('.') || '(top level)'}: ${i.message}`);
	const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : '';
	return lines.join('; ') + more;
}

export type ChainResult =
	| { ok: true; value: Record<string, unknown>; fromVersion: number }
	| { ok: false; reason: 'not-a-record' | 'newer-version' | 'invalid'; message: string };

/**
 * Walk `raw` (parsed JSON) up the migration chain to `current`, one version at a time.
 * Fails with `not-a-record` when it has no integer `version` ≥ 1, `newer-version` when a newer
 * build wrote it, `invalid` when a step is missing or throws. Does not validate the result.
 */
export function runMigrations(raw: unknown, migrations: Readonly<Record<number, Migration>>, current: number): ChainResult {
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		return { ok: false, reason: 'not-a-record', message: 'This is not a learner record (expected a JSON object).' };
	}
	const version = (raw as { version?: unknown }).version;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		return { ok: false, reason: 'not-a-record', message: 'This is not a learner record (it has no schema version).' };
	}
	if (version > current) {
		return {
			ok: false,
			reason: 'newer-version',
			message: `This record was written by a newer version of the site (schema ${version}); this site reads schema ${current} and older.`,
		};
	}
	let value = raw as Record<string, unknown>;
	for (let v = version; v < current; v++) {
		const step = migrations[v];
		if (!step) return { ok: false, reason: 'invalid', message: `No migration from schema ${v} to ${v + 1}.` };
		try {
			value = { ...step(value), version: v + 1 };
		} catch (e) {
			return { ok: false, reason: 'invalid', message: `Schema ${v} record could not be upgraded: ${(e as Error).message}` };
		}
	}
	return { ok: true, value, fromVersion: version };
}

/**
 * A stored or imported record (parsed JSON) of any supported version, migrated to the current
 * version, validated by ProgressSchema and normalized. Failure reasons as in runMigrations, plus
 * `invalid` with the first problems named when the schema rejects it.
 */
export function migrateRecord(raw: unknown): MigrationResult {
	const chain = runMigrations(raw, MIGRATIONS, PROGRESS_VERSION);
	if (!chain.ok) return chain;
	const parsed = ProgressSchema.safeParse(chain.value);
	if (!parsed.success) return { ok: false, reason: 'invalid', message: `The record has invalid data: ${describeIssues(parsed.error)}.` };
	return { ok: true, record: normalize(parsed.data), fromVersion: chain.fromVersion };
}
