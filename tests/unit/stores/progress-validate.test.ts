import { describe, expect, it } from 'vitest';
import { createStorage } from '../../../src/runtime/storage';
import { createProgressStore } from '../../../src/stores/progress';
import { LIMITS } from '../../../src/schemas/limits';
import { LabCheckSchema } from '../../../src/schemas/lab-result';
import { LabAttemptSchema } from '../../../src/schemas/progress';
import { boundedCheck } from '../../../src/lib/labs/attempt';
import { FakeStorage } from '../runtime/fake-storage';

let clock = Date.parse('2026-01-08T09:00:00.000Z');
const now = () => new Date((clock += 1000)).toISOString();
const KEY = 'qms-training:progress';

function tab(fake: FakeStorage) {
	const storage = createStorage({ ...fake.tab(), now });
	const store = createProgressStore({ storage: () => storage, now });
	store.load();
	return { store, storage };
}
/** The same stored data in a new browser session (no other tab open to write its copy back). */
function reopened(fake: FakeStorage): FakeStorage {
	const next = new FakeStorage();
	for (const [k, v] of fake.map) next.map.set(k, v);
	return next;
}
const attempt = { startedAt: '2026-01-08T09:00:00.000Z', submittedAt: '2026-01-08T09:01:00.000Z', answers: { q: 'a' }, correct: 4, total: 5, score: 80, passMark: 80, passed: true };

describe('every write is validated with ProgressSchema', () => {
	it('refuses a date that is not on the calendar (2026-02-30), saves a real one', () => {
		const fake = new FakeStorage();
		const { store } = tab(fake);
		const r = store.setChecklistMeta('cl', { date: '2026-02-30', by: 'Buddy' });
		expect(r).toMatchObject({ ok: false, message: expect.stringContaining('real calendar date') });
		expect(fake.map.has(KEY)).toBe(false);
		expect(store.setChecklistMeta('cl', { date: '2024-02-29', by: 'Buddy' }).ok).toBe(true);
		expect(JSON.parse(fake.map.get(KEY)!).checklists.cl.certification.date).toBe('2024-02-29');
	});

	it('refuses "Certified by" over the one limit, and accepts exactly the limit', () => {
		const { store } = tab(new FakeStorage());
		expect(store.setChecklistMeta('cl', { date: '', by: 'x'.repeat(LIMITS.certifiedBy + 1) }).ok).toBe(false);
		expect(store.setChecklistMeta('cl', { date: '', by: 'x'.repeat(LIMITS.certifiedBy) }).ok).toBe(true);
	});

	it('a change the schema refuses is not saved and not shown, with a message naming the field', () => {
		const fake = new FakeStorage();
		const { store } = tab(fake);
		expect(store.recordQuizAttempt('quiz', attempt).ok).toBe(true);
		const before = fake.map.get(KEY);
		const shown = store.$progress.get();
		const bad = store.recordQuizAttempt('quiz', { ...attempt, score: 150 });
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.message).toMatch(/quizzes\.quiz\.attempts\.\d+\.score/);
		expect(fake.map.get(KEY)).toBe(before);
		expect(store.$progress.get()).toEqual(shown);
		expect(store.addFeedback({ formId: 'fb', subject: 's', ratings: {}, texts: { a: 'x'.repeat(LIMITS.feedbackText + 1) } }).ok).toBe(false);
		expect(store.markRead('Not A Page Id!').ok).toBe(false);
		expect(store.recordLabAttempt('Bad Lab', { runner: 'offline', passed: true, checks: [], durationMs: 1 }).ok).toBe(false);
		expect(fake.map.get(KEY)).toBe(before);
	});
});

describe('reading salvages a record with a damaged part', () => {
	it('keeps every part that validates, backs up only the damaged profile, names it, and writes the rest back', () => {
		const first = new FakeStorage();
		const { store } = tab(first);
		store.recordQuizAttempt('quiz', attempt);
		store.markRead('p/a');
		store.setDisplayName('Ada');
		const good = JSON.parse(first.map.get(KEY)!);
		const fake = reopened(first);
		fake.map.set(KEY, JSON.stringify({ ...good, profile: { displayName: ['not', 'a', 'name'] } }));
		const next = tab(fake);
		const r = next.store.$progress.get();
		expect(r.quizzes.quiz!.attempts).toHaveLength(1);
		expect(r.reading['p/a']!.read).toBe(true);
		expect(r.profile).toEqual({ displayName: '' });
		const notice = next.storage.notices().find((n) => n.kind === 'damaged');
		expect(notice).toMatchObject({ kind: 'damaged', name: 'progress', parts: ['Profile (display name)'] });
		const backupKey = [...fake.map.keys()].find((k) => k.startsWith('qms-training:backup:progress.parts@'))!;
		expect(notice).toMatchObject({ backupKey });
		expect(JSON.parse(fake.map.get(backupKey)!).setAside).toEqual([
			expect.objectContaining({ section: 'profile', label: 'Profile (display name)', value: { displayName: ['not', 'a', 'name'] } }),
		]);
		// The cleaned record is stored: the next page reads it without setting anything aside again.
		expect(JSON.parse(fake.map.get(KEY)!).profile).toEqual({ displayName: '' });
		const third = tab(fake);
		expect(third.storage.notices()).toMatchObject([{ kind: 'damaged', backupKey, parts: ['Profile (display name)'] }]);
		expect([...fake.map.keys()].filter((k) => k.startsWith('qms-training:backup:'))).toEqual([backupKey]);
	});

	it('when the backup does not fit, the stored record is left as it was and the parts are offered from memory', () => {
		const first = new FakeStorage();
		const { store } = tab(first);
		store.recordQuizAttempt('quiz', attempt);
		const good = JSON.parse(first.map.get(KEY)!);
		const fake = reopened(first);
		const damaged = JSON.stringify({ ...good, reading: { 'p/a': { read: 'maybe' } } });
		fake.map.set(KEY, damaged);
		fake.quota = [...fake.map].reduce((n, [k, v]) => n + k.length + v.length, 0) + 10;
		const next = tab(fake);
		expect(next.store.$progress.get().quizzes.quiz!.attempts).toHaveLength(1);
		expect(fake.map.get(KEY)).toBe(damaged);
		const notice = next.storage.notices().find((n) => n.kind === 'damaged');
		expect(notice).toMatchObject({ backupKey: null, parts: ['Reading mark for page "p/a"'] });
		expect(JSON.parse((notice as { raw: string }).raw).setAside[0].value).toEqual({ read: 'maybe' });
	});
});

describe('a lab check name: one limit (LIMITS.labCheckName) for the lab result, the store and the record', () => {
	const long = 'suite › '.repeat(60).slice(0, LIMITS.labCheckName + 1);

	it('the lab result schema and the record agree: the limit passes, one more character does not', () => {
		const check = (name: string) => LabCheckSchema.safeParse({ name, status: 'pass' }).success;
		expect(check('x'.repeat(LIMITS.labCheckName))).toBe(true);
		expect(check(long)).toBe(false);
		expect(LabCheckSchema.safeParse({ name: long, status: 'pass' }).error?.issues[0]?.message).toBe(`is longer than ${LIMITS.labCheckName} characters`);
		const run = (name: string) => LabAttemptSchema.safeParse({ id: 'a'.repeat(16), at: attempt.submittedAt, runner: 'offline', passed: true, checks: [{ name, passed: true }], durationMs: 1 }).success;
		expect(run('x'.repeat(LIMITS.labCheckName))).toBe(true);
		expect(run(long)).toBe(false);
	});

	it('an over-long name is refused on write with a message naming the field; nothing is saved', () => {
		const fake = new FakeStorage();
		const { store } = tab(fake);
		const bad = store.recordLabAttempt('risk-scoring', { runner: 'offline', passed: true, checks: [{ name: long, passed: true }], durationMs: 1 });
		expect(bad.ok).toBe(false);
		if (!bad.ok) {
			expect(bad.message).toBe(
				`This change was not saved because it does not fit the progress record (labs.risk-scoring.attempts.0.checks.0.name: is longer than ${LIMITS.labCheckName} characters). Nothing was changed.`,
			);
		}
		expect(fake.map.has(KEY)).toBe(false);
		// The lab page cuts a long test title to the limit (with "…") before it records the run.
		const cut = boundedCheck({ name: long, status: 'pass' });
		expect(cut.name).toHaveLength(LIMITS.labCheckName);
		expect(cut.name.endsWith('…')).toBe(true);
		expect(store.recordLabAttempt('risk-scoring', { runner: 'offline', passed: true, checks: [{ name: cut.name, passed: true }], durationMs: 1 }).ok).toBe(true);
	});

	it('a stored run with an over-long name is set aside on read; the other runs and parts stay', () => {
		const first = new FakeStorage();
		const { store } = tab(first);
		store.recordQuizAttempt('quiz', attempt);
		store.recordLabAttempt('risk-scoring', { runner: 'offline', passed: true, checks: [{ name: 'ok', passed: true }], durationMs: 1 });
		store.recordLabAttempt('credential-validation', { runner: 'offline', passed: false, checks: [{ name: 'short', passed: false }], durationMs: 1 });
		const good = JSON.parse(first.map.get(KEY)!);
		const fake = reopened(first);
		good.labs['credential-validation'].attempts[0].checks[0].name = long;
		fake.map.set(KEY, JSON.stringify(good));
		const next = tab(fake);
		const r = next.store.$progress.get();
		expect(r.quizzes.quiz!.attempts).toHaveLength(1);
		expect(r.labs['risk-scoring']).toBeDefined();
		expect(r.labs['credential-validation']).toBeUndefined();
		const notice = next.storage.notices().find((n) => n.kind === 'damaged');
		expect(notice).toMatchObject({ kind: 'damaged', parts: ['Lab "credential-validation" (runs)'] });
	});
});
