/**
 * Properties of the rules over generated learner records that use the real content's ids (so
 * quizzes pass, pages are read, labs pass, checklists are ticked, drills are run and items are attested for real
 * requirements).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../../../src/lib/credentials/rules';
import type { ProgressRecord } from '../../../../src/schemas/progress';
import { realCatalog } from './content';
import { attest, drill, empty, lab, quiz, read, selfAssess, tick } from './records';

const catalog = realCatalog();
const quizIds = Object.keys(catalog.quizzes);
const pageIds = Object.keys(catalog.pages);
const labIds = Object.keys(catalog.labs);
const items = Object.entries(catalog.checklists).flatMap(([id, c]) => c.sections.flatMap((s) => s.items.map((i) => [id, i.id] as const)));
const attestable = catalog.certifications.flatMap((c) => c.requirements.filter((r) => r.kind === 'attested' || r.kind === 'sign-off').map((r) => [c.id, r.id] as const));
// Every drill id a requirement names, with or without a scenario file (runs of the latter must never count).
const drillIds = [...new Set(catalog.certifications.flatMap((c) => c.requirements.flatMap((r) => (r.kind === 'scenario-passed' ? [r.scenario] : []))))];
const time = fc.integer({ min: 0, max: 2000 }).map((d) => new Date(Date.parse('2026-01-01T00:00:00.000Z') + d * 3_600_000).toISOString());

type Action = (r: ProgressRecord) => ProgressRecord;
const action: fc.Arbitrary<Action> = fc.oneof(
	fc.tuple(fc.constantFrom(...quizIds), fc.integer({ min: 0, max: 10 }), time).map(([q, c, t]): Action => (r) => quiz(r, catalog, q, c, 10, t)),
	fc.tuple(fc.constantFrom(...pageIds), time).map(([p, t]): Action => (r) => read(r, p, t)),
	fc.tuple(fc.constantFrom(...labIds), fc.boolean(), time).map(([l, ok, t]): Action => (r) => lab(r, l, ok, t)),
	fc.tuple(fc.constantFrom(...items), fc.boolean(), time).map(([[c, i], on, t]): Action => (r) => tick(r, c, i, t, on)),
	fc.tuple(fc.constantFrom(1, 3, 3.5, 4, 5), time).map(([avg, t]): Action => (r) => selfAssess(r, 'release-readiness-self-assessment', avg, t)),
	fc.tuple(fc.constantFrom(...drillIds), fc.boolean(), time).map(([d, ok, t]): Action => (r) => drill(r, d, ok, t)),
	fc.tuple(fc.constantFrom(...attestable), fc.integer({ min: 1, max: 12 }), time).map(([[c, q], n, t]): Action => (r) => {
		for (let i = 0; i < n; i++) r = attest(r, c, q, t);
		return r;
	}),
);
const record = fc.array(action, { maxLength: 60 }).map((as) => as.reduce((r, a) => a(r), empty()));

describe('rule properties', () => {
	it('no record earns a certification that has a requirement the site cannot record yet (drill, attested, sign-off)', () => {
		fc.assert(
			fc.property(record, time, (r, now) => {
				for (const s of evaluateAll(catalog, r, now)) {
					for (const q of s.requirements) if (!q.available) expect(q.met).toBe(false);
					if (s.requirements.some((q) => !q.available)) expect(s.state).not.toBe('earned');
				}
			}),
			{ numRuns: 200 },
		);
	});

	it('an earned status has earnedAt = the latest requirement metAt (or later, from a prerequisite), and every unmet requirement says what is missing', () => {
		fc.assert(
			fc.property(record, time, (r, now) => {
				for (const s of evaluateAll(catalog, r, now)) {
					for (const q of s.requirements) {
						if (q.met) expect(q.missing).toEqual([]);
						else expect(q.missing.length).toBeGreaterThan(0);
					}
					if (s.state === 'earned') {
						const latest = s.requirements.map((q) => q.metAt!).sort().pop()!;
						expect(Date.parse(s.earnedAt!)).toBeGreaterThanOrEqual(Date.parse(latest));
					} else expect(s.earnedAt).toBeUndefined();
				}
			}),
			{ numRuns: 200 },
		);
	});

	it('the result does not depend on the clock except for renewal', () => {
		fc.assert(
			fc.property(record, time, time, (r, a, b) => {
				const strip = (xs: ReturnType<typeof evaluateAll>) => xs.map(({ renewal: _r, ...rest }) => rest);
				expect(strip(evaluateAll(catalog, r, a))).toEqual(strip(evaluateAll(catalog, r, b)));
			}),
			{ numRuns: 100 },
		);
	});
});
