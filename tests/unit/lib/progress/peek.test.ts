import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peekRecord, peekUndo, recordShapeProblem } from '../../../../src/lib/progress/peek';
import { migrateRecord } from '../../../../src/lib/progress/migrate';
import { emptyRecord } from '../../../../src/lib/progress/record';
import { PROGRESS_VERSION } from '../../../../src/schemas/progress';
import { record } from './arbitraries';
import { CurriculumProgress } from '../../../../src/lib/progress/curriculum';
import { buildCurriculumIndex } from '../../../../src/lib/progress/curriculum-index';

const t = '2026-01-08T09:00:00.000Z';
const json = (v: unknown) => JSON.stringify(v);

/** A curriculum over the ids the record generator uses (./arbitraries.ts), so progress is not trivially empty. */
const modulePage = (id: string, prerequisites: string[] = []) => ({ id, title: id, data: { program: 'qms-onboarding' as const, kind: 'module' as const, durationMinutes: 60, prerequisites, modules: [] } });
const quizOn = (id: string, page: string) => ({ id, data: { title: id, page, program: 'qms-onboarding' as const, passMark: 80, policy: { maxAttempts: null }, questions: new Array(5).fill({}) } });
const INDEX = buildCurriculumIndex({
	programs: [{ id: 'qms-onboarding', label: 'QMS onboarding' }],
	pages: [
		{ id: 'path', title: 'Path', data: { program: 'qms-onboarding' as const, kind: 'path' as const, prerequisites: [], modules: ['index', 'qms-onboarding/developer/qms-introduction', 'release-readiness/release-manager'] } },
		modulePage('index'),
		modulePage('qms-onboarding/developer/qms-introduction', ['index']),
		modulePage('release-readiness/release-manager', ['qms-onboarding/developer/qms-introduction']),
	],
	quizzes: [quizOn('a', 'index'), quizOn('b', 'qms-onboarding/developer/qms-introduction'), quizOn('gate-1', 'release-readiness/release-manager')],
	checklists: [
		{ id: 'dod-items', data: { title: 'DoD', page: 'path', program: 'qms-onboarding', certification: true, sections: [{ id: 's', title: 'S', items: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }] }] } },
	],
});

/** The strings the e2e storage test puts under each key, and more. */
const GARBAGE: [raw: string, reason: string][] = [
	['}{ not json', 'not-json'],
	['', 'not-json'],
	['{"version":1', 'not-json'],
	// A version-1 record is for the store to migrate (1 → 2 adds attestations), whatever its shape.
	['{"version":1,"quizzes":"💥"}', 'other-version'],
	['{"version":2,"quizzes":"💥"}', 'other-version'],
	['{"version":3,"quizzes":"💥"}', 'other-version'],
	['{"version":4,"quizzes":"💥"}', 'other-version'],
	['{"version":5,"quizzes":"💥"}', 'bad-shape'],
	['{"hello":"world"}', 'not-a-record'],
	['[1,2,3]', 'not-a-record'],
	['null', 'not-a-record'],
	['"a string"', 'not-a-record'],
	['42', 'not-a-record'],
	['{"version":"1"}', 'not-a-record'],
	['{"version":1.5}', 'not-a-record'],
	['{"version":0}', 'not-a-record'],
	['{"version":99}', 'other-version'],
	['{"version":1}', 'other-version'],
	['{"version":2}', 'other-version'],
	['{"version":3}', 'other-version'],
	['{"version":4}', 'other-version'],
	['{"version":5}', 'bad-shape'],
];

/** Top-level fields of the record and a value of the wrong type for each. */
const WRONG_TYPES: Record<string, unknown[]> = {
	epoch: [null, 1, {}],
	updatedAt: [null, [], true],
	profile: [null, 'x', []],
	quizzes: ['💥', [], null, 1],
	checklists: [[], 'x', null],
	reading: [[], 'x', null, 0],
	attestations: [{}, 'x', null, 0],
	signOffs: [{}, 'x', null, 0],
	scenarios: [{}, 'x', null, 0],
	hunts: [{}, 'x', null, 0],
	labs: [[], null],
	selfAssessments: [{}, 'x', null],
	feedback: [{}, 1, null],
};

describe('peekRecord', () => {
	it('nothing stored → missing', () => {
		expect(peekRecord(null)).toEqual({ state: 'missing' });
	});

	it('garbage → needs-store, with the reason', () => {
		for (const [raw, reason] of GARBAGE) expect(peekRecord(raw), raw).toEqual({ state: 'needs-store', reason });
	});

	it('a wrong type in any top-level field → needs-store (bad-shape), and the store refuses it too', () => {
		for (const [field, values] of Object.entries(WRONG_TYPES)) {
			for (const v of values) {
				const bad = { ...emptyRecord(t), [field]: v };
				expect(peekRecord(json(bad)), `${field}: ${json(v)}`).toEqual({ state: 'needs-store', reason: 'bad-shape' });
				expect(migrateRecord(bad).ok).toBe(false);
			}
		}
	});

	it('an empty record → plausible, nothing read, no checklists', () => {
		const p = peekRecord(json(emptyRecord(t)));
		expect(p.state).toBe('plausible');
		if (p.state !== 'plausible') return;
		expect(Object.keys(p.reading)).toEqual([]);
		expect(Object.keys(p.checklists)).toEqual([]);
		expect(Object.keys(p.quizzes)).toEqual([]);
	});

	it('every valid record is plausible, and its reading state and checklists are read exactly', () => {
		fc.assert(
			fc.property(record, (r) => {
				const p = peekRecord(json(r));
				expect(p.state).toBe('plausible');
				if (p.state !== 'plausible') return;
				expect({ ...p.reading }).toEqual(Object.fromEntries(Object.entries(r.reading).map(([id, s]) => [id, { read: s.read, acks: s.acks }])));
				expect({ ...p.checklists }).toEqual(r.checklists);
				expect({ ...p.quizzes }).toEqual(
					Object.fromEntries(Object.entries(r.quizzes).map(([id, q]) => [id, { attempts: q.attempts.map(({ id, submittedAt, score, passed }) => ({ id, submittedAt, score, passed })) }])),
				);
			}),
		);
	});

	it('a path\'s and a program\'s progress computed from the peek equal those from the validated record', () => {
		fc.assert(
			fc.property(record, (r) => {
				const p = peekRecord(json(r));
				expect(p.state).toBe('plausible');
				if (p.state !== 'plausible') return;
				expect(new CurriculumProgress(INDEX, p).programs()).toEqual(new CurriculumProgress(INDEX, r).programs());
			}),
		);
	});

	it('never throws, whatever the text; what the store reads as a record is never flagged', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map(json)), (raw) => {
				const p = peekRecord(raw);
				expect(['missing', 'plausible', 'needs-store']).toContain(p.state);
				let parsed: unknown;
				try {
					parsed = JSON.parse(raw);
				} catch {
					return;
				}
				if (migrateRecord(parsed).ok) expect(p.state).toBe('plausible');
			}),
		);
	});

	it('a needs-store verdict on a current-version record means the store refuses it too (so its notice shows)', () => {
		const field = fc.constantFrom(...Object.keys(WRONG_TYPES));
		fc.assert(
			fc.property(record, field, fc.jsonValue(), (r, f, v) => {
				const mutated = { ...r, [f]: v };
				const p = peekRecord(json(mutated));
				if (p.state === 'needs-store') expect(migrateRecord(JSON.parse(json(mutated))).ok).toBe(false);
			}),
		);
	});

	it('reads reading and checklist entries defensively: wrong types are left out, nothing throws', () => {
		const raw = json({
			...emptyRecord(t),
			reading: {
				a: { read: true, at: t, acks: [{ hash: 'h', at: t }, { hash: 1, at: t }, null, 'x'] },
				b: { read: 'yes', acks: 'none' },
				c: 'not an object',
				d: null,
			},
			checklists: {
				x: { items: { i1: { checked: true, at: t }, i2: { checked: 'true', at: t }, i3: null }, certification: { date: '2026-01-15', by: 'Lee', at: t } },
				y: { items: 'nope', certification: { date: 5, by: 'Lee', at: t } },
				z: [],
			},
			quizzes: {
				q: { attempts: [{ id: 'x', submittedAt: t, score: 80, passed: true }, { id: 'y', submittedAt: t, score: '100', passed: true }, { id: 'z', submittedAt: t, score: Number.POSITIVE_INFINITY, passed: true }, null] },
				r: { attempts: 'none' },
				s: 7,
			},
		});
		const p = peekRecord(raw);
		expect(p.state).toBe('plausible');
		if (p.state !== 'plausible') return;
		expect({ ...p.reading }).toEqual({ a: { read: true, acks: [{ hash: 'h', at: t }] }, b: { read: false, acks: [] } });
		expect({ ...p.quizzes }).toEqual({ q: { attempts: [{ id: 'x', submittedAt: t, score: 80, passed: true }] } });
		expect({ ...p.checklists }).toEqual({
			x: { items: { i1: { checked: true, at: t } }, certification: { date: '2026-01-15', by: 'Lee', at: t } },
			y: { items: {} },
		});
	});

	it('text longer than a valid record allows is left out (a tampered record puts no more on the page)', () => {
		const long = 'x'.repeat(5000);
		const p = peekRecord(
			json({
				...emptyRecord(t),
				reading: { a: { read: true, at: t, acks: [{ hash: long, at: t }, { hash: 'h', at: long }] } },
				checklists: { x: { items: { i1: { checked: true, at: long } }, certification: { date: '', by: long, at: t } } },
				quizzes: { q: { attempts: [{ id: long, submittedAt: t, score: 100, passed: true }] } },
			}),
		);
		expect(p.state).toBe('plausible');
		if (p.state !== 'plausible') return;
		expect(p.reading['a']).toEqual({ read: true, acks: [] });
		expect(p.checklists['x']).toEqual({ items: {} });
		expect(p.quizzes['q']).toEqual({ attempts: [] });
	});

	it('a "__proto__" page id from JSON stays data', () => {
		const p = peekRecord(`{"version":5,"epoch":"${t}","updatedAt":"${t}","profile":{"displayName":""},"quizzes":{},"checklists":{},"selfAssessments":[],"feedback":[],"labs":{},"attestations":[],"signOffs":[],"scenarios":[],"hunts":[],"reading":{"__proto__":{"read":true,"at":"${t}","acks":[]}}}`);
		expect(p.state).toBe('plausible');
		if (p.state !== 'plausible') return;
		expect(Object.getOwnPropertyDescriptor(p.reading, '__proto__')?.value).toEqual({ read: true, acks: [] });
		expect(({} as Record<string, unknown>).read).toBeUndefined();
		// No prototype: ids such as "constructor" find nothing.
		expect(p.reading['constructor']).toBeUndefined();
		expect(p.checklists['toString']).toBeUndefined();
	});
});

describe('recordShapeProblem', () => {
	it('older versions are for the store to migrate, newer ones for it to refuse', () => {
		expect(recordShapeProblem({ ...emptyRecord(t), version: PROGRESS_VERSION + 1 })).toBe('other-version');
		expect(recordShapeProblem({ ...emptyRecord(t), version: 2 }, 3)).toBe('other-version');
		expect(recordShapeProblem(emptyRecord(t))).toBeNull();
	});
});

describe('peekUndo', () => {
	const snapshot = (kind: string, rec: unknown = emptyRecord(t)) => json({ kind, at: t, record: rec });

	it('nothing stored → missing; a snapshot of an import or a reset → plausible', () => {
		expect(peekUndo(null)).toEqual({ state: 'missing' });
		expect(peekUndo(snapshot('import'))).toEqual({ state: 'plausible' });
		expect(peekUndo(snapshot('reset'))).toEqual({ state: 'plausible' });
	});

	it('garbage, another kind, no time, or a record that is not one → needs-store', () => {
		for (const [raw] of GARBAGE) expect(peekUndo(raw).state, raw).toBe('needs-store');
		expect(peekUndo(snapshot('merge'))).toEqual({ state: 'needs-store', reason: 'not-a-record' });
		expect(peekUndo(json({ kind: 'reset', record: emptyRecord(t) }))).toEqual({ state: 'needs-store', reason: 'not-a-record' });
		expect(peekUndo(snapshot('reset', { ...emptyRecord(t), quizzes: [] }))).toEqual({ state: 'needs-store', reason: 'bad-shape' });
		expect(peekUndo(snapshot('reset', null))).toEqual({ state: 'needs-store', reason: 'not-a-record' });
	});

	it('never throws, whatever the text', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
				expect(['missing', 'plausible', 'needs-store']).toContain(peekUndo(raw).state);
			}),
		);
	});
});
