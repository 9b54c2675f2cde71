import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProgressSchema } from '../../../../src/schemas/progress';
import { bestScore } from '../../../../src/lib/progress/attempts';
import { merge, sync } from '../../../../src/lib/progress/merge';
import { emptyRecord, normalize, setChecklistItem } from '../../../../src/lib/progress/record';
import { compareTime } from '../../../../src/lib/progress/time';
import { rawRecord, record } from './arbitraries';

const runs = { numRuns: 400 };

describe('merge (property-based)', () => {
	it('generated records are valid against ProgressSchema', () => {
		fc.assert(fc.property(rawRecord, (r) => ProgressSchema.safeParse(r).success), { numRuns: 100 });
	});

	it('is idempotent: merge(a, a) = a', () => {
		fc.assert(fc.property(record, (a) => {
			expect(merge(a, a)).toEqual(a);
		}), runs);
	});

	it('is commutative: merge(a, b) = merge(b, a)', () => {
		fc.assert(fc.property(record, record, (a, b) => {
			expect(merge(a, b)).toEqual(merge(b, a));
		}), runs);
	});

	it('is associative: merge(merge(a, b), c) = merge(a, merge(b, c))', () => {
		fc.assert(fc.property(record, record, record, (a, b, c) => {
			expect(merge(merge(a, b), c)).toEqual(merge(a, merge(b, c)));
		}), runs);
	});

	it('never loses an attempt, submission or feedback entry', () => {
		fc.assert(
			fc.property(record, record, (a, b) => {
				const m = merge(a, b);
				for (const src of [a, b]) {
					for (const [quiz, q] of Object.entries(src.quizzes)) {
						const ids = new Set(m.quizzes[quiz]!.attempts.map((x) => x.id));
						for (const at of q.attempts) expect(ids.has(at.id)).toBe(true);
					}
					for (const [lab, l] of Object.entries(src.labs)) {
						const ids = new Set(m.labs[lab]!.attempts.map((x) => x.id));
						for (const at of l.attempts) expect(ids.has(at.id)).toBe(true);
					}
					const sa = new Set(m.selfAssessments.map((x) => x.id));
					src.selfAssessments.forEach((s) => expect(sa.has(s.id)).toBe(true));
					const fb = new Set(m.feedback.map((x) => x.id));
					src.feedback.forEach((f) => expect(fb.has(f.id)).toBe(true));
				}
			}),
			runs,
		);
	});

	it('never lowers a best score', () => {
		fc.assert(
			fc.property(record, record, (a, b) => {
				const m = merge(a, b);
				for (const src of [a, b]) {
					for (const [quiz, q] of Object.entries(src.quizzes)) {
						expect(bestScore(m.quizzes[quiz]!.attempts)!).toBeGreaterThanOrEqual(bestScore(q.attempts)!);
					}
				}
			}),
			runs,
		);
	});

	it('keeps the newer tick of every checklist item', () => {
		fc.assert(
			fc.property(record, record, (a, b) => {
				const m = merge(a, b);
				for (const src of [a, b]) {
					for (const [id, c] of Object.entries(src.checklists)) {
						for (const [item, t] of Object.entries(c.items)) {
							expect(compareTime(m.checklists[id]!.items[item]!.at, t.at)).toBeGreaterThanOrEqual(0);
						}
					}
				}
			}),
			runs,
		);
	});

	it('produces a record the schema accepts', () => {
		fc.assert(fc.property(record, record, (a, b) => ProgressSchema.safeParse(merge(a, b)).success), runs);
	});
});

describe('merge (examples)', () => {
	const t0 = '2026-01-08T09:00:00.000Z';
	const t1 = '2026-01-08T09:05:00.000Z';
	const t2 = '2026-01-08T09:10:00.000Z';

	it('two tabs ticking different items keep both ticks', () => {
		const base = emptyRecord(t0);
		const tabA = setChecklistItem(base, 'rm', 'read-roadmap', true, t1);
		const tabB = setChecklistItem(base, 'rm', 'read-runbook', true, t2);
		const m = merge(tabA, tabB);
		expect(m.checklists.rm!.items).toEqual({ 'read-roadmap': { checked: true, at: t1 }, 'read-runbook': { checked: true, at: t2 } });
	});

	it('a newer untick beats an older tick, and an older untick loses', () => {
		const ticked = setChecklistItem(emptyRecord(t0), 'rm', 'x', true, t1);
		const unticked = setChecklistItem(emptyRecord(t0), 'rm', 'x', false, t2);
		expect(merge(ticked, unticked).checklists.rm!.items.x).toEqual({ checked: false, at: t2 });
		const oldUntick = setChecklistItem(emptyRecord(t0), 'rm', 'x', false, t0);
		expect(merge(ticked, oldUntick).checklists.rm!.items.x).toEqual({ checked: true, at: t1 });
	});

	it('the newer display name wins; a set name beats one never set', () => {
		const a = { ...emptyRecord(t0), profile: { displayName: 'Ada', updatedAt: t1 } };
		const b = { ...emptyRecord(t0), profile: { displayName: 'Grace', updatedAt: t2 } };
		expect(merge(a, b).profile.displayName).toBe('Grace');
		expect(merge(a, emptyRecord(t0)).profile.displayName).toBe('Ada');
	});
});

describe('sync (other tabs)', () => {
	const fresh = '1970-01-01T00:00:00.000Z';
	it('merges records of the same epoch', () => {
		const a = setChecklistItem(emptyRecord(fresh), 'c', 'one', true, '2026-01-08T09:00:00.000Z');
		const b = setChecklistItem(emptyRecord(fresh), 'c', 'two', true, '2026-01-08T09:01:00.000Z');
		expect(Object.keys(sync(a, b).checklists.c!.items)).toEqual(['one', 'two']);
	});

	it('adopts a record reset later instead of putting back what was reset', () => {
		const old = setChecklistItem(emptyRecord(fresh), 'c', 'one', true, '2026-01-08T09:00:00.000Z');
		const reset = emptyRecord('2026-01-09T00:00:00.000Z');
		expect(sync(old, reset)).toEqual(normalize(reset));
		expect(sync(reset, old)).toEqual(normalize(reset));
	});
});
