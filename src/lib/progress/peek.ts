/**
 * A quick look at the stored learner record and its undo copy, for what a page shows before the
 * progress store loads (the store brings zod and ~15 KB gzip; most pages need it only once a
 * learner uses a knowledge check, a checklist or the reading controls): the sidebar's read
 * marks, the reading controls, checklist ticks, a path's progress, and whether the store must load at once because what is stored is not a current record
 * (the store then keeps a backup and shows a notice, src/runtime/storage.ts).
 *
 * Nothing here validates: a record that only looks right here is validated in full by zod
 * (src/lib/progress/migrate.ts) whenever the store loads, and nothing is ever written on the
 * strength of a peek. Every function reads defensively and never throws, whatever text it gets.
 */
import { PROGRESS_VERSION } from './version';
import { LIMITS } from '../../schemas/limits';

/** Why the store must load now. */
export type PeekReason =
	/** Not JSON at all (truncated, garbage). */
	| 'not-json'
	/** JSON, but not an object with an integer `version` ≥ 1. */
	| 'not-a-record'
	/** Another schema version: older ones are migrated by the store, newer ones refused with a notice. */
	| 'other-version'
	/** The current version, but a top-level field has the wrong type. */
	| 'bad-shape';

/**
 * What a peek keeps of one page's reading state (ReadingStateSchema in src/schemas/progress.ts):
 * `read` is true only when the stored value is exactly `true`; acknowledgements whose `hash` or
 * `at` is not a short string are left out.
 */
export interface PeekedReading {
	read: boolean;
	acks: { hash: string; at: string }[];
}

/**
 * What a peek keeps of one checklist's state (ChecklistStateSchema): ticks whose `checked` is a
 * boolean and `at` a short string; the certification fields when `date`, `by` and `at` are all
 * strings within ProgressSchema's limits.
 */
export interface PeekedChecklist {
	items: Record<string, { checked: boolean; at: string }>;
	certification?: { date: string; by: string; at: string };
}

/** What a peek keeps of one knowledge-check attempt (QuizAttemptSchema): enough for best score and pass status. */
export interface PeekedAttempt {
	id: string;
	submittedAt: string;
	score: number;
	passed: boolean;
}

/**
 * The parts of a plausible record that pages show before the store loads, read defensively, in
 * the record's own shape (so src/lib/progress/curriculum.ts reads either). Maps have no prototype:
 * an id such as "constructor" finds nothing.
 */
export interface PeekedRecord {
	/** Reading state by page id. */
	reading: Readonly<Record<string, PeekedReading>>;
	/** Checklist state by checklist id. */
	checklists: Readonly<Record<string, PeekedChecklist>>;
	/** Attempts by knowledge-check id (attempts missing a field are left out). */
	quizzes: Readonly<Record<string, { attempts: PeekedAttempt[] }>>;
}

/** A peeked record with nothing in it. */
export function emptyPeek(): PeekedRecord {
	return { reading: dict(), checklists: dict(), quizzes: dict() };
}

export type RecordPeek =
	/** Nothing stored. */
	| { state: 'missing' }
	/** Looks like a current record at the top level (not validated); what pages show at load, read defensively. */
	| ({ state: 'plausible' } & PeekedRecord)
	/** Certainly not a current record: load the store now. */
	| { state: 'needs-store'; reason: PeekReason };

export type UndoPeek = { state: 'missing' } | { state: 'plausible' } | { state: 'needs-store'; reason: PeekReason };

type Json = Record<string, unknown>;

/**
 * A string of at most `max` characters. The limits are those of ProgressSchema (src/schemas/limits.ts;
 * hashes are 64 hex digits), so a tampered value can put no more text on a page than a valid record can.
 */
function str(v: unknown, max: number): v is string {
	return typeof v === 'string' && v.length <= max;
}
const TIME = LIMITS.isoTime;

/** An empty map without a prototype. */
function dict<T>(): Record<string, T> {
	return Object.create(null) as Record<string, T>;
}

/** A JSON object (not null, not an array). */
function isObject(v: unknown): v is Json {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parse(raw: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(raw) };
	} catch {
		return { ok: false };
	}
}

/**
 * Check the top level of a parsed learner record against the shape of ProgressSchema
 * (src/schemas/progress.ts): `version`, `epoch` and `updatedAt`, `profile`, the maps `quizzes`,
 * `checklists`, `reading`, `labs` and the lists `selfAssessments`, `feedback`, `attestations`, `signOffs`, `scenarios`, `hunts`. Returns null when
 * it fits, else the reason.
 */
export function recordShapeProblem(v: unknown, version = PROGRESS_VERSION): PeekReason | null {
	if (!isObject(v) || typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1) return 'not-a-record';
	if (v.version !== version) return 'other-version';
	const fits =
		typeof v.epoch === 'string' &&
		typeof v.updatedAt === 'string' &&
		isObject(v.profile) &&
		isObject(v.quizzes) &&
		isObject(v.checklists) &&
		isObject(v.reading) &&
		isObject(v.labs) &&
		Array.isArray(v.selfAssessments) &&
		Array.isArray(v.feedback) &&
		Array.isArray(v.attestations) &&
		Array.isArray(v.signOffs) &&
		Array.isArray(v.scenarios) &&
		Array.isArray(v.hunts);
	return fits ? null : 'bad-shape';
}

/** The record's `reading` map, keeping only what has the expected types (entries that are not objects are skipped). */
function readingOf(reading: Json): Record<string, PeekedReading> {
	const out = dict<PeekedReading>();
	for (const [id, state] of Object.entries(reading)) {
		if (!isObject(state)) continue;
		const acks = Array.isArray(state.acks) ? state.acks : [];
		out[id] = {
			read: state.read === true,
			acks: acks.filter((a): a is { hash: string; at: string } => isObject(a) && str(a.hash, 64) && str(a.at, TIME)).map((a) => ({ hash: a.hash, at: a.at })),
		};
	}
	return out;
}

/** The record's `checklists` map, keeping only what has the expected types. */
function checklistsOf(checklists: Json): Record<string, PeekedChecklist> {
	const out = dict<PeekedChecklist>();
	for (const [id, state] of Object.entries(checklists)) {
		if (!isObject(state)) continue;
		const items = dict<{ checked: boolean; at: string }>();
		if (isObject(state.items)) {
			for (const [itemId, t] of Object.entries(state.items)) {
				if (isObject(t) && typeof t.checked === 'boolean' && str(t.at, TIME)) items[itemId] = { checked: t.checked, at: t.at };
			}
		}
		const c = state.certification;
		const certified = isObject(c) && str(c.date, 10) && str(c.by, LIMITS.certifiedBy) && str(c.at, TIME);
		out[id] = certified ? { items, certification: { date: c.date as string, by: c.by as string, at: c.at as string } } : { items };
	}
	return out;
}

/** The record's `quizzes` map: per knowledge check, the attempts that have an id, a time, a finite score and a pass flag. */
function quizzesOf(quizzes: Json): Record<string, { attempts: PeekedAttempt[] }> {
	const out = dict<{ attempts: PeekedAttempt[] }>();
	for (const [id, q] of Object.entries(quizzes)) {
		if (!isObject(q) || !Array.isArray(q.attempts)) continue;
		const attempts: PeekedAttempt[] = [];
		for (const a of q.attempts) {
			if (isObject(a) && str(a.id, LIMITS.entryId) && str(a.submittedAt, TIME) && typeof a.score === 'number' && Number.isFinite(a.score) && typeof a.passed === 'boolean') {
				attempts.push({ id: a.id, submittedAt: a.submittedAt, score: a.score, passed: a.passed });
			}
		}
		out[id] = { attempts };
	}
	return out;
}

/** Peek at the raw text stored under the learner record's key (null when absent). */
export function peekRecord(raw: string | null, version = PROGRESS_VERSION): RecordPeek {
	if (raw === null) return { state: 'missing' };
	const p = parse(raw);
	if (!p.ok) return { state: 'needs-store', reason: 'not-json' };
	const problem = recordShapeProblem(p.value, version);
	if (problem) return { state: 'needs-store', reason: problem };
	const record = p.value as Json;
	return { state: 'plausible', reading: readingOf(record.reading as Json), checklists: checklistsOf(record.checklists as Json), quizzes: quizzesOf(record.quizzes as Json) };
}

/**
 * Peek at the raw text stored under the undo key (null when absent): a snapshot is
 * `{ kind: 'import' | 'reset', at, record }` (src/schemas/progress-undo.ts).
 */
export function peekUndo(raw: string | null, version = PROGRESS_VERSION): UndoPeek {
	if (raw === null) return { state: 'missing' };
	const p = parse(raw);
	if (!p.ok) return { state: 'needs-store', reason: 'not-json' };
	const v = p.value;
	if (!isObject(v) || (v.kind !== 'import' && v.kind !== 'reset') || typeof v.at !== 'string') return { state: 'needs-store', reason: 'not-a-record' };
	const problem = recordShapeProblem(v.record, version);
	return problem ? { state: 'needs-store', reason: problem } : { state: 'plausible' };
}
