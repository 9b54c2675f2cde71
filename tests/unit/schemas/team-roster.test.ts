import { describe, expect, it } from 'vitest';
import * as R from '../../../src/lib/progress/record';
import { TeamRosterSchema } from '../../../src/schemas/team-roster';

const t = '2026-11-30T12:00:00.000Z';
const good = { version: 1, savedAt: t, learners: [{ files: ['ada.json'], exportedAt: t, record: R.setDisplayName(R.emptyRecord(t), 'Ada', t) }] };

describe('TeamRosterSchema (the kept roster)', () => {
	it('accepts what the page writes, including a version 1 record (migrated when read)', () => {
		expect(TeamRosterSchema.safeParse(good).success).toBe(true);
		const v1 = { ...R.emptyRecord(t), version: 1 } as Record<string, unknown>;
		delete v1.attestations;
		expect(TeamRosterSchema.safeParse({ ...good, learners: [{ ...good.learners[0], record: v1 }] }).success).toBe(true);
	});
	it('refuses a tampered record, a record from a newer site, no files, and more than 200 learners', () => {
		const bad = (learner: object) => TeamRosterSchema.safeParse({ ...good, learners: [{ ...good.learners[0], ...learner }] }).success;
		expect(bad({ record: { ...good.learners[0]!.record, quizzes: { x: { attempts: [{ score: 900 }] } } } })).toBe(false);
		expect(bad({ record: { ...good.learners[0]!.record, version: 99 } })).toBe(false);
		expect(bad({ files: [] })).toBe(false);
		expect(TeamRosterSchema.safeParse({ ...good, learners: Array(201).fill(good.learners[0]) }).success).toBe(false);
	});
});
