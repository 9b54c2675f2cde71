import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEADER_FIELDS, SECTIONS, salvageRecord } from '../../../../src/lib/progress/salvage';
import { normalize } from '../../../../src/lib/progress/record';
import { ProgressSchema, type ProgressRecord } from '../../../../src/schemas/progress';
import { record } from './arbitraries';

/** Values of the wrong shape that are still valid JSON (what a tampered or half-migrated record holds). */
const wrongShape = fc.constantFrom<unknown>(42, 'x', null, true, [], { broken: true }, { attempts: 'many' }, { read: 'yes', at: 1, acks: {} });

/** Every part of a record: [section, key] with key a map key, a list index, or null for a value section. */
function partsOf(r: ProgressRecord): [string, string | number | null][] {
	const out: [string, string | number | null][] = [];
	for (const spec of SECTIONS) {
		const v = (r as unknown as Record<string, unknown>)[spec.name];
		if (spec.kind === 'value') out.push([spec.name, null]);
		else if (spec.kind === 'map') for (const k of Object.keys(v as object)) out.push([spec.name, k]);
		else (v as unknown[]).forEach((_, i) => out.push([spec.name, i]));
	}
	return out;
}

/** `r` with one part replaced by `bad` (damaged) or removed (`bad` undefined, for the expected result). */
function withPart(r: ProgressRecord, section: string, key: string | number | null, bad: unknown): Record<string, unknown> {
	const copy = structuredClone(r) as unknown as Record<string, unknown>;
	const spec = SECTIONS.find((s) => s.name === section)!;
	if (spec.kind === 'value') copy[section] = bad === undefined ? spec.empty() : bad;
	else if (spec.kind === 'map') {
		const m = copy[section] as Record<string, unknown>;
		if (bad === undefined) delete m[key as string];
		else m[key as string] = bad;
	} else {
		const l = copy[section] as unknown[];
		if (bad === undefined) l.splice(key as number, 1);
		else l[key as number] = bad;
	}
	return copy;
}

describe('salvageRecord', () => {
	it('covers every section of ProgressSchema (a new section must be added to SECTIONS)', () => {
		const fields = Object.keys(ProgressSchema.def.shape).filter((k) => !(HEADER_FIELDS as readonly string[]).includes(k));
		expect(SECTIONS.map((s) => s.name).sort()).toEqual(fields.sort());
	});

	it('returns a valid record unchanged, with nothing set aside (property)', () => {
		fc.assert(
			fc.property(record, (r) => {
				const s = salvageRecord(JSON.parse(JSON.stringify(r)));
				expect(s.ok).toBe(true);
				if (!s.ok) return;
				expect(s.setAside).toEqual([]);
				expect(s.record).toEqual(r);
			}),
		);
	});

	it('damaging one part loses exactly that part, which is set aside as stored (property)', () => {
		const withAPart = record.chain((r) => fc.record({ r: fc.constant(r), part: fc.constantFrom(...partsOf(r)), bad: wrongShape }));
		fc.assert(
			fc.property(withAPart, ({ r, part: [section, key], bad }) => {
				const damaged = withPart(r, section, key, bad);
				const s = salvageRecord(JSON.parse(JSON.stringify(damaged)));
				expect(s.ok).toBe(true);
				if (!s.ok) return;
				expect(s.setAside).toHaveLength(1);
				expect(s.setAside[0]).toMatchObject({ section, key, value: JSON.parse(JSON.stringify(bad)) });
				expect(s.record).toEqual(normalize(withPart(r, section, key, undefined) as unknown as ProgressRecord));
			}),
		);
	});

	it('names each part for the learner', () => {
		const base = { version: 1, epoch: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' };
		const s = salvageRecord({
			...base,
			profile: { displayName: 7 },
			quizzes: { 'qms-onboarding-quality-gates': { attempts: 'lots' } },
			reading: { 'qms-onboarding/developer/qms-introduction': { read: 'yes' } },
			labs: { 'risk-scoring': [] },
			checklists: 'none',
			feedback: [{ id: 'abcdefgh12', formId: 'training-feedback', at: '2026-01-02T00:00:00.000Z' }],
		});
		expect(s.ok).toBe(true);
		if (!s.ok) return;
		expect(s.setAside.map((p) => p.label)).toEqual([
			'Profile (display name)',
			'Knowledge check "qms-onboarding-quality-gates" (attempts)',
			'All checklists',
			'Feedback form "training-feedback" (submitted 2026-01-02T00:00:00.000Z)',
			'Reading mark for page "qms-onboarding/developer/qms-introduction"',
			'Lab "risk-scoring" (runs)',
		]);
		expect(s.record.profile).toEqual({ displayName: '' });
	});

	it('keeps a hostile id out of harm: long ids are cut in labels, "__proto__" is set aside as data', () => {
		const raw = JSON.parse(`{"version":1,"epoch":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-01T00:00:00.000Z","quizzes":{"__proto__":{"attempts":[]},"${'a'.repeat(500)}":{"attempts":[]}}}`);
		const s = salvageRecord(raw);
		expect(s.ok).toBe(true);
		if (!s.ok) return;
		expect(s.setAside.map((p) => p.key)).toEqual(['__proto__', 'a'.repeat(500)]);
		expect(s.setAside[1]!.label.length).toBeLessThan(120);
		expect(Object.getPrototypeOf(s.record.quizzes)).toBe(Object.prototype);
	});

	it.each([
		['not an object', [1, 2]],
		['no version', { hello: 'world' }],
		['a newer version', { version: 99 }],
		['no epoch', { version: 1, quizzes: '💥' }],
		['an updatedAt that is not a time', { version: 1, epoch: '2026-01-01T00:00:00.000Z', updatedAt: 'soon' }],
	])('cannot split a record with %s: the whole record is refused', (_, raw) => {
		expect(salvageRecord(raw).ok).toBe(false);
	});
});
