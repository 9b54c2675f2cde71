/**
 * The learner record (src/schemas/progress.ts): creating, normalizing and changing it.
 * Every function is pure: it returns a new record and never mutates its argument. `now` is an
 * ISO time supplied by the caller (the store passes the clock; tests pass fixed times).
 */
import type {
	Attestation,
	Certification,
	FeedbackEntry,
	HuntRun,
	LabAttempt,
	LabHistory,
	ProgressRecord,
	QuizAttempt,
	ReadingState,
	ScenarioRun,
	SelfAssessmentSubmission,
	SignOffEntry,
} from '../../schemas/progress';
// The version from its own module: the schema module (zod) is not pulled in by code that only makes or reads records (My progress at load).
import { PROGRESS_VERSION } from './version';
import { LIMITS } from '../../schemas/limits';
import { canonicalJson } from './canonical';
import { compareTime, laterTime } from './time';

/** A record with nothing in it, whose history begins at `now`. */
export function emptyRecord(now: string): ProgressRecord {
	return {
		version: PROGRESS_VERSION,
		epoch: now,
		updatedAt: now,
		profile: { displayName: '' },
		quizzes: {},
		checklists: {},
		selfAssessments: [],
		feedback: [],
		reading: {},
		labs: {},
		attestations: [],
		signOffs: [],
		scenarios: [],
		hunts: [],
	};
}

/** True when the learner has done nothing yet (bookkeeping times aside). */
export function isEmptyRecord(r: ProgressRecord): boolean {
	return (
		r.profile.displayName === '' &&
		r.profile.updatedAt === undefined &&
		Object.keys(r.quizzes).length === 0 &&
		Object.keys(r.checklists).length === 0 &&
		r.selfAssessments.length === 0 &&
		r.feedback.length === 0 &&
		Object.keys(r.reading).length === 0 &&
		Object.keys(r.labs).length === 0 &&
		r.attestations.length === 0 &&
		r.signOffs.length === 0 &&
		r.scenarios.length === 0 &&
		r.hunts.length === 0
	);
}

/** Of two versions of the same thing, the one whose canonical JSON sorts last: a deterministic pick. */
export function pickCanonical<T>(a: T, b: T): T {
	return canonicalJson(a) >= canonicalJson(b) ? a : b;
}

/**
 * One entry per id, ordered by time then id. Ids are 128 random bits, so two different entries
 * with one id only come from a tampered file; then `rank` decides (higher wins, e.g. the higher
 * score, so a best score never drops), and pickCanonical breaks ties.
 */
export function uniqueById<T extends { id: string }>(items: readonly T[], timeOf: (t: T) => string, rank: (t: T) => number = () => 0): T[] {
	const byId = new Map<string, T>();
	for (const it of items) {
		const seen = byId.get(it.id);
		byId.set(it.id, !seen ? it : rank(it) !== rank(seen) ? (rank(it) > rank(seen) ? it : seen) : pickCanonical(seen, it));
	}
	return [...byId.values()].sort((a, b) => compareTime(timeOf(a), timeOf(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Copy of a string-keyed map with keys in sorted order and entries mapped; entries mapped to undefined are dropped. */
export function sortedMap<A, B>(m: Readonly<Record<string, A>>, f: (a: A, key: string) => B | undefined): Record<string, B> {
	const out: Record<string, B> = {};
	for (const k of Object.keys(m).sort()) {
		const v = f(m[k]!, k);
		if (v !== undefined) out[k] = v;
	}
	return out;
}

const submittedAt = (a: QuizAttempt) => a.submittedAt;
const byScore = (a: QuizAttempt) => a.score;
const finishedAt = (a: { finishedAt: string }) => a.finishedAt;
const byPassed = (a: LabAttempt) => (a.passed ? 1 : 0);
const at = (a: { at: string }) => a.at;
const importedAt = (a: SignOffEntry) => a.importedAt;
// A removal marker outranks the entry it removes, so no merge brings a removed item back.
const byRemoved = (a: Attestation) => (a.removedAt !== undefined ? 1 : 0);

/** Acknowledgements: one per hash (the earliest), ordered by time. */
export function normalizeAcks(acks: ReadingState['acks']): ReadingState['acks'] {
	const byHash = new Map<string, ReadingState['acks'][number]>();
	for (const a of acks) {
		const seen = byHash.get(a.hash);
		byHash.set(a.hash, !seen || compareTime(a.at, seen.at) < 0 ? a : seen);
	}
	return [...byHash.values()].sort((a, b) => compareTime(a.at, b.at) || (a.hash < b.hash ? -1 : 1));
}

/**
 * One lab's runs, bounded: the first passing run, the fastest passing run and the last
 * `keep` runs are kept; the others are counted in `earlier` (count, and the time of the latest
 * of them). Runs at or before `earlier.through` that are not kept are ones already counted
 * (e.g. brought back by a tab that had not seen the trim): they are dropped without counting
 * again, so merging stays idempotent and never counts a run twice.
 */
export function boundLabHistory(l: LabHistory, keep: number = LIMITS.labRunsKept): LabHistory | undefined {
	const all = uniqueById(l.attempts, at, byPassed);
	const passes = all.filter((a) => a.passed);
	const pinned = new Set<string>();
	if (passes.length) {
		pinned.add(passes[0]!.id);
		pinned.add(passes.reduce((best, a) => (a.durationMs < best.durationMs ? a : best)).id);
	}
	const through = l.earlier?.through;
	const live = all.filter((a) => pinned.has(a.id) || through === undefined || compareTime(a.at, through) > 0);
	const rest = live.filter((a) => !pinned.has(a.id));
	let cut = Math.max(0, rest.length - keep);
	// Runs sharing the last dropped run's time go too, so no kept run sits at `through`.
	while (cut > 0 && cut < rest.length && compareTime(rest[cut]!.at, rest[cut - 1]!.at) <= 0) cut++;
	const dropped = rest.slice(0, cut);
	const gone = new Set(dropped.map((a) => a.id));
	const attempts = live.filter((a) => !gone.has(a.id));
	let earlier = l.earlier ? { count: l.earlier.count, through: l.earlier.through } : undefined;
	if (dropped.length) {
		const last = dropped[dropped.length - 1]!.at;
		earlier = { count: (earlier?.count ?? 0) + dropped.length, through: earlier ? laterTime(earlier.through, last) : last };
	}
	if (!attempts.length && !earlier) return undefined;
	return earlier ? { attempts, earlier } : { attempts };
}

/**
 * The canonical form: duplicates removed, lists in time order, map keys sorted, empty entries
 * dropped. Two records with the same content normalize to deep-equal values.
 */
export function normalize(r: ProgressRecord): ProgressRecord {
	return {
		version: PROGRESS_VERSION,
		epoch: r.epoch,
		updatedAt: r.updatedAt,
		profile: r.profile.updatedAt === undefined ? { displayName: r.profile.displayName } : { displayName: r.profile.displayName, updatedAt: r.profile.updatedAt },
		quizzes: sortedMap(r.quizzes, (q) => (q.attempts.length ? { attempts: uniqueById(q.attempts, submittedAt, byScore) } : undefined)),
		checklists: sortedMap(r.checklists, (c) => {
			const items = sortedMap(c.items, (t) => ({ checked: t.checked, at: t.at }));
			if (Object.keys(items).length === 0 && !c.certification) return undefined;
			return c.certification ? { items, certification: { ...c.certification } } : { items };
		}),
		selfAssessments: uniqueById(r.selfAssessments, at),
		feedback: uniqueById(r.feedback, at),
		reading: sortedMap(r.reading, (p) => ({ read: p.read, at: p.at, acks: normalizeAcks(p.acks) })),
		labs: sortedMap(r.labs, (l) => boundLabHistory(l)),
		attestations: uniqueById(r.attestations, at, byRemoved),
		signOffs: uniqueById(r.signOffs, importedAt),
		scenarios: uniqueById(r.scenarios, finishedAt),
		hunts: uniqueById(r.hunts, finishedAt),
	};
}

function touch(r: ProgressRecord, now: string): ProgressRecord {
	return { ...r, updatedAt: laterTime(r.updatedAt, now) };
}

/** Add a graded knowledge-check attempt. */
export function addQuizAttempt(r: ProgressRecord, quizId: string, attempt: QuizAttempt): ProgressRecord {
	const attempts = uniqueById([...(r.quizzes[quizId]?.attempts ?? []), attempt], submittedAt, byScore);
	return touch({ ...r, quizzes: { ...r.quizzes, [quizId]: { attempts } } }, attempt.submittedAt);
}

/** Tick (checked) or untick one checklist item at `now`; the untick is recorded too, so merges can tell it is newer. */
export function setChecklistItem(r: ProgressRecord, checklistId: string, itemId: string, checked: boolean, now: string): ProgressRecord {
	const c = r.checklists[checklistId] ?? { items: {} };
	return touch({ ...r, checklists: { ...r.checklists, [checklistId]: { ...c, items: { ...c.items, [itemId]: { checked, at: now } } } } }, now);
}

/** Save a checklist's "Certification Date" and "Certified By" (001, Release Manager Training Checklist). */
export function setCertification(r: ProgressRecord, checklistId: string, fields: Pick<Certification, 'date' | 'by'>, now: string): ProgressRecord {
	const c = r.checklists[checklistId] ?? { items: {} };
	return touch({ ...r, checklists: { ...r.checklists, [checklistId]: { ...c, certification: { date: fields.date, by: fields.by, at: now } } } }, now);
}

/** Keep one more self-assessment submission. */
export function addSelfAssessment(r: ProgressRecord, s: SelfAssessmentSubmission): ProgressRecord {
	return touch({ ...r, selfAssessments: uniqueById([...r.selfAssessments, s], at) }, s.at);
}

/** Keep one more feedback form. */
export function addFeedback(r: ProgressRecord, f: FeedbackEntry): ProgressRecord {
	return touch({ ...r, feedback: uniqueById([...r.feedback, f], at) }, f.at);
}

/** Mark a page as read (or not read) at `now`. */
export function setRead(r: ProgressRecord, pageId: string, read: boolean, now: string): ProgressRecord {
	const p = r.reading[pageId];
	return touch({ ...r, reading: { ...r.reading, [pageId]: { read, at: now, acks: p?.acks ?? [] } } }, now);
}

/** Acknowledge "read and understood" the revision of a page whose source hashes to `hash`; marks it read too. */
export function acknowledge(r: ProgressRecord, pageId: string, hash: string, now: string): ProgressRecord {
	const p = r.reading[pageId];
	const readState = p?.read ? { read: true, at: p.at } : { read: true, at: now };
	const acks = normalizeAcks([...(p?.acks ?? []), { hash, at: now }]);
	return touch({ ...r, reading: { ...r.reading, [pageId]: { ...readState, acks } } }, now);
}

/** Keep one more lab run. */
export function addLabAttempt(r: ProgressRecord, labId: string, attempt: LabAttempt): ProgressRecord {
	const old = r.labs[labId];
	const next = boundLabHistory({ ...old, attempts: [...(old?.attempts ?? []), attempt] })!;
	return touch({ ...r, labs: { ...r.labs, [labId]: next } }, attempt.at);
}

/** Set the name printed on certificates ('' clears it). */
export function setDisplayName(r: ProgressRecord, displayName: string, now: string): ProgressRecord {
	return touch({ ...r, profile: { displayName, updatedAt: now } }, now);
}

/** Keep one more attested item (issue 7). */
export function addAttestation(r: ProgressRecord, a: Attestation): ProgressRecord {
	return touch({ ...r, attestations: uniqueById([...r.attestations, a], at, byRemoved) }, a.at);
}

/**
 * Remove an attested item at `now`: it stays as a marker with its texts blanked and `removedAt`
 * set, so merging an older copy (another tab, an import) does not bring it back. Unknown or
 * already removed ids leave the record unchanged.
 */
export function removeAttestation(r: ProgressRecord, id: string, now: string): ProgressRecord {
	const found = r.attestations.find((a) => a.id === id);
	if (!found || found.removedAt !== undefined) return r;
	const marker: Attestation = { ...found, what: '', note: '', removedAt: now };
	return touch({ ...r, attestations: r.attestations.map((a) => (a.id === id ? marker : a)) }, now);
}

/**
 * Keep one imported sign-off (issue 9). The entry's id is the endorsement's content hash, so the
 * same endorsement imported again is kept once. The caller verifies the endorsement first
 * (src/lib/signoff/endorsement.ts); the rules verify it again before counting it.
 */
export function addSignOff(r: ProgressRecord, entry: SignOffEntry): ProgressRecord {
	return touch({ ...r, signOffs: uniqueById([...r.signOffs, entry], importedAt) }, entry.importedAt);
}

/** Keep one more finished drill run (issue 8). */
export function addScenarioRun(r: ProgressRecord, run: ScenarioRun): ProgressRecord {
	return touch({ ...r, scenarios: uniqueById([...r.scenarios, run], finishedAt) }, run.finishedAt);
}

/** Keep one more finished find-it-fast hunt (issue 8); the same run recorded twice is kept once. */
export function addHuntRun(r: ProgressRecord, run: HuntRun): ProgressRecord {
	return touch({ ...r, hunts: uniqueById([...r.hunts, run], finishedAt) }, run.finishedAt);
}
