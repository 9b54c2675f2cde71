import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Attestation } from '../../../../src/schemas/progress';
import { changeText, describeChanges } from '../../../../src/lib/progress/changes';
import { merge } from '../../../../src/lib/progress/merge';
import { addAttestation, emptyRecord, isEmptyRecord, normalize, removeAttestation } from '../../../../src/lib/progress/record';
import { record } from './arbitraries';

const t = '2026-03-01T09:00:00.000Z';
const item = (id: string, at = t): Attestation => ({ id, certification: 'community-lead', requirement: 'users', what: 'Answered a user on Discord', date: '2026-02-28', note: '', at });

describe('attested items in the learner record', () => {
	it('an added item makes the record non-empty and normalizes in time order', () => {
		const r = addAttestation(addAttestation(emptyRecord(t), item('attest-0002', '2026-03-02T00:00:00.000Z')), item('attest-0001'));
		expect(isEmptyRecord(r)).toBe(false);
		expect(normalize(r).attestations.map((a) => a.id)).toEqual(['attest-0001', 'attest-0002']);
	});

	it('removal leaves a blanked marker; removing again or an unknown id changes nothing', () => {
		const r = addAttestation(emptyRecord(t), item('attest-0001'));
		const removed = removeAttestation(r, 'attest-0001', '2026-03-03T00:00:00.000Z');
		expect(removed.attestations).toEqual([{ ...item('attest-0001'), what: '', note: '', removedAt: '2026-03-03T00:00:00.000Z' }]);
		expect(removeAttestation(removed, 'attest-0001', '2026-03-04T00:00:00.000Z')).toBe(removed);
		expect(removeAttestation(r, 'nope-00000', t)).toBe(r);
	});

	it('merge is a union by id in which the removal marker wins, in either order', () => {
		const kept = addAttestation(emptyRecord(t), item('attest-0001'));
		const removed = removeAttestation(kept, 'attest-0001', '2026-03-03T00:00:00.000Z');
		const other = addAttestation(emptyRecord(t), item('attest-0002'));
		for (const m of [merge(kept, merge(removed, other)), merge(merge(other, removed), kept)]) {
			expect(m.attestations.map((a) => [a.id, a.removedAt ?? null])).toEqual([
				['attest-0001', '2026-03-03T00:00:00.000Z'],
				['attest-0002', null],
			]);
		}
	});

	it('describeChanges counts items added and removed', () => {
		const before = addAttestation(emptyRecord(t), item('attest-0001'));
		const after = addAttestation(removeAttestation(before, 'attest-0001', t), item('attest-0002'));
		const changes = describeChanges(before, after);
		expect(changes).toContainEqual({ kind: 'attestations', added: 1, removed: 1 });
		expect(changeText({ kind: 'attestations', added: 2, removed: 0 })).toBe('2 attested items added.');
		expect(changeText({ kind: 'attestations', added: 1, removed: 1 })).toBe('1 attested item added, 1 attested item removed.');
	});

	it('merge stays idempotent and commutative with attestations (property)', () => {
		fc.assert(
			fc.property(record, record, (a, b) => {
				expect(merge(a, a)).toEqual(a);
				expect(merge(a, b)).toEqual(merge(b, a));
			}),
		);
	});
});
