/**
 * Merging two learner records (import, and other tabs). Rules (issue 3, "Export and import"):
 * attempts and submissions are a union by id (nothing is ever lost, so best scores never drop);
 * for a checklist tick, a page's read mark, certification fields and the display name the newer
 * change wins; acknowledgements are a union by revision hash; attested items are a union by id in
 * which a removal marker wins over the item it removes; imported sign-offs and drill runs are a union by id.
 * `merge` is idempotent, commutative and associative on normalized records (property-tested).
 */
import type { ChecklistState, LabHistory, ProgressRecord, ReadingState, Tick } from '../../schemas/progress';
import { normalize, pickCanonical } from './record';
import { compareTime, laterTime } from './time';

function mergeMaps<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>, f: (x: T, y: T) => T): Record<string, T> {
	const out: Record<string, T> = { ...a };
	for (const [k, v] of Object.entries(b)) out[k] = Object.hasOwn(out, k) ? f(out[k]!, v) : v;
	return out;
}

/** The newer of two timed values; on equal times the canonical pick, so the result does not depend on argument order. */
function newer<T extends { at: string }>(x: T, y: T): T {
	const c = compareTime(x.at, y.at);
	return c > 0 ? x : c < 0 ? y : pickCanonical(x, y);
}

function mergeTick(x: Tick, y: Tick): Tick {
	return newer(x, y);
}

function mergeChecklist(x: ChecklistState, y: ChecklistState): ChecklistState {
	const items = mergeMaps(x.items, y.items, mergeTick);
	const cert = x.certification && y.certification ? newer(x.certification, y.certification) : (x.certification ?? y.certification);
	return cert ? { items, certification: cert } : { items };
}

function mergeReading(x: ReadingState, y: ReadingState): ReadingState {
	const r = newer({ read: x.read, at: x.at }, { read: y.read, at: y.at });
	return { read: r.read, at: r.at, acks: [...x.acks, ...y.acks] };
}

/** Runs of one lab: union by id; of the two counts of runs no longer kept, the one that reaches later (see boundLabHistory). */
function mergeLab(x: LabHistory, y: LabHistory): LabHistory {
	const a = x.earlier;
	const b = y.earlier;
	const earlier = a && b ? (compareTime(a.through, b.through) !== 0 ? (compareTime(a.through, b.through) > 0 ? a : b) : a.count >= b.count ? a : b) : (a ?? b);
	const attempts = [...x.attempts, ...y.attempts];
	return earlier ? { attempts, earlier } : { attempts };
}

/** Union of two learner records under the rules above; the result is normalized. */
export function merge(a: ProgressRecord, b: ProgressRecord): ProgressRecord {
	const pa = a.profile;
	const pb = b.profile;
	let profile = pa;
	if (pa.updatedAt === undefined) profile = pb.updatedAt === undefined ? pickCanonical(pa, pb) : pb;
	else if (pb.updatedAt !== undefined) profile = newer({ ...pa, at: pa.updatedAt }, { ...pb, at: pb.updatedAt });
	return normalize({
		version: a.version,
		epoch: laterTime(a.epoch, b.epoch),
		updatedAt: laterTime(a.updatedAt, b.updatedAt),
		profile: profile.updatedAt === undefined ? { displayName: profile.displayName } : { displayName: profile.displayName, updatedAt: profile.updatedAt },
		quizzes: mergeMaps(a.quizzes, b.quizzes, (x, y) => ({ attempts: [...x.attempts, ...y.attempts] })),
		checklists: mergeMaps(a.checklists, b.checklists, mergeChecklist),
		selfAssessments: [...a.selfAssessments, ...b.selfAssessments],
		feedback: [...a.feedback, ...b.feedback],
		reading: mergeMaps(a.reading, b.reading, mergeReading),
		labs: mergeMaps(a.labs, b.labs, mergeLab),
		attestations: [...a.attestations, ...b.attestations],
		signOffs: [...a.signOffs, ...b.signOffs],
		scenarios: [...a.scenarios, ...b.scenarios],
		hunts: [...a.hunts, ...b.hunts],
	});
}

/**
 * Reconcile this tab's record with one another tab stored. Same epoch: merge, so two tabs ticking
 * different items both keep their ticks. Different epochs: a reset or undo happened, and the record
 * with the newer epoch wins whole (otherwise this tab would put back what the learner reset).
 */
export function sync(local: ProgressRecord, stored: ProgressRecord): ProgressRecord {
	const c = compareTime(local.epoch, stored.epoch);
	if (c === 0) return merge(local, stored);
	return normalize(c > 0 ? local : stored);
}
