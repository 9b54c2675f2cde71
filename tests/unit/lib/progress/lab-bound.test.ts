import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLabAttempt, boundLabHistory, emptyRecord } from '../../../../src/lib/progress/record';
import { labSummaries } from '../../../../src/lib/progress/labs';
import { merge } from '../../../../src/lib/progress/merge';
import { LIMITS } from '../../../../src/schemas/limits';
import { ProgressSchema, type LabAttempt } from '../../../../src/schemas/progress';

/** Run number `i` (1-based), a minute apart, passing when `passed`. */
const run = (i: number, passed = false, durationMs = 1000): LabAttempt => ({
	id: `run-${String(i).padStart(6, '0')}`,
	at: new Date(Date.UTC(2026, 10, 1, 8, 0) + i * 60_000).toISOString(),
	runner: 'offline',
	passed,
	checks: [{ name: 'tests pass', passed }],
	durationMs,
});

describe('lab runs are bounded (keep the first and fastest pass and the last N, count the rest)', () => {
	it('after 57 runs keeps the last 20 plus the first pass, and counts the 36 others', () => {
		let r = emptyRecord('2026-11-01T00:00:00.000Z');
		for (let i = 1; i <= 57; i++) r = addLabAttempt(r, 'risk-scoring', run(i, i === 3 || i === 5, i === 5 ? 10 : 1000));
		const lab = r.labs['risk-scoring']!;
		const ids = lab.attempts.map((a) => a.id);
		expect(ids).toHaveLength(LIMITS.labRunsKept + 2);
		expect(ids).toContain(run(3).id); // first pass
		expect(ids).toContain(run(5).id); // fastest pass
		expect(ids.slice(2)).toEqual(Array.from({ length: 20 }, (_, k) => run(38 + k).id));
		expect(lab.earlier).toEqual({ count: 35, through: run(37).at });
		expect(ProgressSchema.safeParse(r).success).toBe(true);
		const [summary] = labSummaries(r);
		expect(summary).toMatchObject({ attempts: 57, earlier: 35, firstPassAt: run(3).at, bestPassMs: 10 });
	});

	it('a tab that kept old runs does not make them count twice when records merge', () => {
		let a = emptyRecord('2026-11-01T00:00:00.000Z');
		for (let i = 1; i <= 20; i++) a = addLabAttempt(a, 'x', run(i));
		const stale = a; // another tab still holds runs 1–20
		for (let i = 21; i <= 25; i++) a = addLabAttempt(a, 'x', run(i));
		expect(a.labs.x!.earlier).toEqual({ count: 5, through: run(5).at });
		const m = merge(stale, a);
		expect(m.labs.x).toEqual(a.labs.x);
		expect(merge(a, stale)).toEqual(m);
		expect(labSummaries(m)[0]!.attempts).toBe(25);
	});

	it('bounding is idempotent and never loses the count (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.record({ i: fc.integer({ min: 1, max: 80 }), passed: fc.boolean(), ms: fc.integer({ min: 0, max: 5000 }) }), { maxLength: 60 }), fc.integer({ min: 1, max: 10 }), (runs, keep) => {
				const attempts = runs.map((x) => run(x.i, x.passed, x.ms));
				const distinct = new Set(attempts.map((a) => a.id)).size;
				const once = boundLabHistory({ attempts }, keep);
				if (!once) {
					expect(distinct).toBe(0);
					return;
				}
				expect(boundLabHistory(once, keep)).toEqual(once);
				expect(once.attempts.length + (once.earlier?.count ?? 0)).toBe(distinct);
				expect(once.attempts.length).toBeLessThanOrEqual(keep + 2);
			}),
		);
	});
});
