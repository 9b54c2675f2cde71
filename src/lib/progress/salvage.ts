/**
 * Salvaging a stored learner record whose parts are damaged (issue 10, "Storage"): every part that
 * validates is kept, and only the parts that fail are set aside (the storage adapter keeps them as
 * a backup and names them in a notice). A part is one entry of a section: one knowledge check's
 * attempts, one checklist, one lab's runs, one page's reading mark, one self-assessment or
 * feedback submission, the profile.
 *
 * Generic over the record's sections (SECTIONS): `map` sections (record of entries by id), `list`
 * sections (arrays of entries) and `value` sections (one object). A new section is one more line
 * in SECTIONS; a unit test fails while a ProgressSchema field is missing from it.
 *
 * Damage that cannot be split (not an object, no or newer version, a header time that is not a
 * time, or a salvaged record the whole schema still refuses) is reported as a failure: the caller
 * then keeps the whole record as a backup, as before.
 */
import type * as z from 'zod/mini';
import {
	AttestationSchema,
	ScenarioRunSchema,
	HuntRunSchema,
	SignOffEntrySchema,
	ChecklistStateSchema,
	ContentId,
	FeedbackEntrySchema,
	IsoTime,
	LabHistorySchema,
	PageId,
	ProfileSchema,
	ProgressSchema,
	QuizHistorySchema,
	ReadingStateSchema,
	SelfAssessmentSubmissionSchema,
	type ProgressRecord,
} from '../../schemas/progress';
import { describeIssues, MIGRATIONS, runMigrations, type Migration } from './migrate';
import { normalize } from './record';
import { PROGRESS_VERSION } from './version';

/** Any zod (mini or classic) schema. */
type Schema = z.ZodMiniType | { safeParse(v: unknown): { success: boolean } };

/** How one top-level field of the record is split into parts. */
export type SectionSpec =
	/** A record of entries by id; each entry is a part. `what` names the entry for the learner. */
	| { name: string; kind: 'map'; key: Schema; entry: Schema; what: (key: string) => string }
	/** An array of entries; each element is a part. */
	| { name: string; kind: 'list'; entry: Schema; what: (entry: unknown, index: number) => string }
	/** One object, a single part; `empty` replaces it when it fails. */
	| { name: string; kind: 'value'; entry: Schema; empty: () => unknown; what: () => string };

/** An id or key as shown in a label: at most 80 characters, control characters removed. */
export function shownId(v: unknown): string {
	const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
	// eslint-disable-next-line no-control-regex
	const clean = s.replace(/[\u0000-\u001f\u007f]/g, ' ');
	return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}

/** A field of an entry as text for a label, or '' when it is not a short string. */
function field(entry: unknown, name: string): string {
	const v = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>)[name] : undefined;
	return typeof v === 'string' ? shownId(v) : '';
}

/** A list entry: "<kind> "<id>" (submitted <at>)", or "<kind> number <n>" when it has no id. */
function listWhat(kind: string, idField: string) {
	return (entry: unknown, index: number) => {
		const id = field(entry, idField);
		const at = field(entry, 'at');
		return `${kind}${id ? ` "${id}"` : ` number ${index + 1}`}${at ? ` (submitted ${at})` : ''}`;
	};
}

/** The sections of ProgressSchema, in the record's order. Every field but version, epoch and updatedAt. */
export const SECTIONS: readonly SectionSpec[] = [
	{ name: 'profile', kind: 'value', entry: ProfileSchema, empty: () => ({ displayName: '' }), what: () => 'Profile (display name)' },
	{ name: 'quizzes', kind: 'map', key: ContentId, entry: QuizHistorySchema, what: (k) => `Knowledge check "${shownId(k)}" (attempts)` },
	{ name: 'checklists', kind: 'map', key: ContentId, entry: ChecklistStateSchema, what: (k) => `Checklist "${shownId(k)}" (ticks and certification)` },
	{ name: 'selfAssessments', kind: 'list', entry: SelfAssessmentSubmissionSchema, what: listWhat('Self-assessment', 'assessmentId') },
	{ name: 'feedback', kind: 'list', entry: FeedbackEntrySchema, what: listWhat('Feedback form', 'formId') },
	{ name: 'reading', kind: 'map', key: PageId, entry: ReadingStateSchema, what: (k) => `Reading mark for page "${shownId(k)}"` },
	{ name: 'labs', kind: 'map', key: ContentId, entry: LabHistorySchema, what: (k) => `Lab "${shownId(k)}" (runs)` },
	{ name: 'attestations', kind: 'list', entry: AttestationSchema, what: listWhat('Attested item for certification', 'certification') },
	{ name: 'scenarios', kind: 'list', entry: ScenarioRunSchema, what: listWhat('Drill run', 'scenario') },
	{ name: 'hunts', kind: 'list', entry: HuntRunSchema, what: (entry: unknown, index: number) => `Find-it-fast hunt number ${index + 1}${field(entry, 'finishedAt') ? ` (finished ${field(entry, 'finishedAt')})` : ''}` },
	{ name: 'signOffs', kind: 'list', entry: SignOffEntrySchema, what: (entry: unknown, index: number) => `Sign-off number ${index + 1}${field(entry, 'importedAt') ? ` (imported ${field(entry, 'importedAt')})` : ''}` },
];

/** Fields of the record that are not sections: checked whole, and damage there cannot be split. */
export const HEADER_FIELDS = ['version', 'epoch', 'updatedAt'] as const;

/** One part set aside: where it was, what it was (for the learner), and its value as stored. */
export interface SetAsidePart {
	/** Section name, e.g. "quizzes". */
	section: string;
	/** Map key, list index, or null for a `value` section or a whole section of the wrong type. */
	key: string | number | null;
	/** What it was, e.g. 'Knowledge check "qms-onboarding-quality-gates" (attempts)'. */
	label: string;
	/** Why it was set aside (first schema problems). */
	reason: string;
	/** The stored value, unchanged. */
	value: unknown;
}

export type SalvageResult =
	/** `record` holds every part that validates (normalized); `setAside` is empty when nothing was damaged. */
	| { ok: true; record: ProgressRecord; setAside: SetAsidePart[]; fromVersion: number }
	/** Damage that cannot be split. */
	| { ok: false; reason: 'not-a-record' | 'newer-version' | 'invalid'; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function problems(schema: Schema, v: unknown): string | null {
	const r = (schema as { safeParse(v: unknown): { success: boolean; error?: z.core.$ZodError } }).safeParse(v);
	if (r.success) return null;
	return r.error ? describeIssues(r.error, 2) : 'invalid';
}

const SECTION_LABEL: Record<string, string> = {
	profile: 'Profile',
	quizzes: 'All knowledge-check attempts',
	checklists: 'All checklists',
	selfAssessments: 'All self-assessments',
	feedback: 'All feedback forms',
	reading: 'All reading marks',
	labs: 'All lab runs',
};

/** Split one section of `raw` into the value kept and the parts set aside. Missing sections are empty. */
export function salvageSection(spec: SectionSpec, raw: unknown, out: SetAsidePart[]): unknown {
	if (raw === undefined) return spec.kind === 'list' ? [] : spec.kind === 'map' ? {} : spec.empty();
	const whole = (reason: string) => {
		out.push({ section: spec.name, key: null, label: SECTION_LABEL[spec.name] ?? `All of "${spec.name}"`, reason, value: raw });
		return spec.kind === 'list' ? [] : spec.kind === 'map' ? {} : spec.empty();
	};
	switch (spec.kind) {
		case 'value': {
			const bad = problems(spec.entry, raw);
			if (!bad) return raw;
			out.push({ section: spec.name, key: null, label: spec.what(), reason: bad, value: raw });
			return spec.empty();
		}
		case 'map': {
			if (!isObject(raw)) return whole('expected an object of entries by id');
			const kept: Record<string, unknown> = {};
			for (const [k, v] of Object.entries(raw)) {
				const bad = problems(spec.key, k) ? 'the id is not a valid id' : problems(spec.entry, v);
				if (!bad) Object.defineProperty(kept, k, { value: v, enumerable: true, writable: true, configurable: true });
				else out.push({ section: spec.name, key: k, label: spec.what(k), reason: bad, value: v });
			}
			return kept;
		}
		case 'list': {
			if (!Array.isArray(raw)) return whole('expected a list');
			const kept: unknown[] = [];
			raw.forEach((v, i) => {
				const bad = problems(spec.entry, v);
				if (!bad) kept.push(v);
				else out.push({ section: spec.name, key: i, label: spec.what(v, i), reason: bad, value: v });
			});
			return kept;
		}
	}
}

/**
 * Salvage parsed JSON read from storage: migrate it to the current version (`migrations`), check
 * the header (version, epoch, updatedAt), split every section of `sections` into parts that
 * validate and parts set aside, then validate the whole result with ProgressSchema (list sizes…)
 * and normalize it. A valid record comes back unchanged (normalized) with nothing set aside.
 */
export function salvageRecord(
	raw: unknown,
	sections: readonly SectionSpec[] = SECTIONS,
	migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): SalvageResult {
	const chain = runMigrations(raw, migrations, PROGRESS_VERSION);
	if (!chain.ok) return chain;
	const v = chain.value;
	if (problems(IsoTime, v.epoch) || problems(IsoTime, v.updatedAt)) {
		return { ok: false, reason: 'invalid', message: 'The record has invalid data: its epoch or updatedAt is not a time.' };
	}
	const setAside: SetAsidePart[] = [];
	const next: Record<string, unknown> = { version: v.version, epoch: v.epoch, updatedAt: v.updatedAt };
	for (const spec of sections) next[spec.name] = salvageSection(spec, v[spec.name], setAside);
	const parsed = ProgressSchema.safeParse(next);
	if (!parsed.success) return { ok: false, reason: 'invalid', message: `The record has invalid data: ${describeIssues(parsed.error)}.` };
	return { ok: true, record: normalize(parsed.data), setAside, fromVersion: chain.fromVersion };
}
