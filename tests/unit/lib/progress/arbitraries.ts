/**
 * fast-check generators of valid learner records. Ids and times come from small pools so that two
 * generated records often share quiz ids, attempt ids (with different content), items and times:
 * the cases where a merge could go wrong.
 */
import fc from 'fast-check';
import { PROGRESS_VERSION, type ProgressRecord } from '../../../../src/schemas/progress';
import { normalize } from '../../../../src/lib/progress/record';

export const time = fc.constantFrom(
	'2026-01-08T09:00:00.000Z',
	'2026-01-08T09:00:00Z', // same instant, other spelling
	'2026-01-09T10:30:00.000Z',
	'2026-01-15T08:00:00.000Z',
	'2026-02-01T12:00:00.000Z',
);
const contentId = fc.constantFrom('a', 'b', 'c', 'gate-1', 'dod-items');
const pageId = fc.constantFrom('index', 'qms-onboarding/developer/qms-introduction', 'release-readiness/release-manager');
const entryId = fc.constantFrom('attempt-0001', 'attempt-0002', 'attempt-0003', 'attempt-0004', 'zzzzzzzzzzzz');
const hash = fc.constantFrom('a'.repeat(64), 'b'.repeat(64), '0123456789abcdef'.repeat(4));

const quizAttempt = fc
	.record({ id: entryId, startedAt: time, submittedAt: time, total: fc.integer({ min: 1, max: 10 }), correctFrac: fc.integer({ min: 0, max: 10 }), passMark: fc.constantFrom(80, 85, 90) })
	.map(({ correctFrac, total, ...a }) => {
		const correct = Math.min(correctFrac, total);
		const score = (correct / total) * 100;
		return { ...a, answers: { q1: 'a', q2: ['a', 'b'], q3: true }, correct, total, score, passed: score >= a.passMark };
	});

const tick = fc.record({ checked: fc.boolean(), at: time });
const certification = fc.record({ date: fc.constantFrom('', '2026-01-15'), by: fc.constantFrom('', 'Release Manager', '<b>x</b>'), at: time });
const checklist = fc.record({ items: fc.dictionary(contentId, tick, { maxKeys: 4 }), certification: fc.option(certification, { nil: undefined }) }).map((c) =>
	c.certification ? c : { items: c.items },
);
const selfAssessment = fc.record({
	id: entryId,
	assessmentId: fc.constant('release-readiness-self-assessment'),
	at: time,
	ratings: fc.dictionary(contentId, fc.integer({ min: 1, max: 5 }), { minKeys: 1, maxKeys: 3 }),
	average: fc.constantFrom(1, 2.5, 4, 5),
});
const feedback = fc.record({
	id: entryId,
	formId: fc.constant('training-feedback'),
	at: time,
	subject: fc.constantFrom('Module 1', ''),
	ratings: fc.dictionary(contentId, fc.integer({ min: 1, max: 5 }), { maxKeys: 1 }),
	texts: fc.dictionary(contentId, fc.string({ maxLength: 20 }), { maxKeys: 2 }),
});
const reading = fc.record({ read: fc.boolean(), at: time, acks: fc.array(fc.record({ hash, at: time }), { maxLength: 3 }) });
const labAttempt = fc.record({
	id: entryId,
	at: time,
	runner: fc.constantFrom('webcontainer' as const, 'offline' as const),
	passed: fc.boolean(),
	checks: fc.array(fc.record({ name: fc.constantFrom('tests pass', 'lint'), passed: fc.boolean() }), { maxLength: 2 }),
	durationMs: fc.integer({ min: 0, max: 100000 }),
});
const attestation = fc
	.record({
		id: entryId,
		certification: fc.constantFrom('release-manager', 'qms-associate'),
		requirement: fc.constantFrom('shadowing', 'peer-review'),
		what: fc.constantFrom('Shadowed the release build', '<img src=x onerror=alert(1)>'),
		date: fc.constantFrom('2026-01-08', '2024-02-29'),
		note: fc.constantFrom('', 'With Ana'),
		at: time,
		removedAt: fc.option(time, { nil: undefined }),
	})
	.map(({ removedAt, ...a }) => (removedAt === undefined ? a : { ...a, what: '', note: '', removedAt }));
/** Imported sign-offs: a few ids, so merges meet the same endorsement twice (the jws is not checked here). */
const signOff = fc.record({
	id: fc.constantFrom('a'.repeat(64), 'b'.repeat(64), '0123456789abcdef'.repeat(4)),
	jws: fc.constantFrom('eyJhbGciOiJFZERTQSJ9.eyJ4IjoxfQ.c2ln', 'aaa.bbb.ccc'),
	importedAt: time,
});
const scenarioRun = fc
	.record({
		id: entryId,
		scenario: fc.constantFrom('release-readiness-privacy-breach', 'engineering-excellence-incident-simulation'),
		startedAt: time,
		finishedAt: time,
		choices: fc.array(fc.record({ step: contentId, answer: fc.option(fc.oneof(fc.constantFrom('a', '<b>notes</b>'), fc.array(contentId, { maxLength: 3 }), fc.dictionary(contentId, contentId, { maxKeys: 2 })), { nil: undefined }), minute: fc.nat(300), share: fc.double({ min: 0, max: 1, noNaN: true }), timedOut: fc.boolean() }).map(({ answer, ...c }) => (answer === undefined ? c : { ...c, answer })), { maxLength: 3 }),
		log: fc.array(fc.record({ minute: fc.nat(300), kind: fc.constantFrom('inject', 'decision'), text: fc.constantFrom('Alert', '<img src=x>') }), { maxLength: 3 }),
		max: fc.integer({ min: 1, max: 120 }),
		score: fc.nat(120),
		passed: fc.boolean(),
		simulatedMinutes: fc.nat(720),
		realMs: fc.nat(10_000_000),
	})
	.map((r) => ({ ...r, score: Math.min(r.score, r.max) }));
const huntRun = fc
	.record({
		id: entryId,
		startedAt: time,
		finishedAt: time,
		seed: fc.nat(),
		limitMs: fc.constant(120_000),
		targets: fc.array(fc.record({ page: pageId, title: fc.constantFrom('Launch day', '<b>x</b>'), status: fc.constantFrom('found' as const, 'skipped' as const, 'timed-out' as const), ms: fc.nat(200_000) }), { minLength: 1, maxLength: 5 }),
	})
	.map((r) => ({ ...r, passed: r.targets.every((t) => t.status === 'found' && t.ms < r.limitMs) }));
const profile = fc.oneof(
	fc.constant({ displayName: '' }),
	fc.record({ displayName: fc.constantFrom('', 'Ada', '<script>alert(1)</script>'), updatedAt: time }),
);

/** A valid record, not necessarily normalized. */
export const rawRecord: fc.Arbitrary<ProgressRecord> = fc.record({
	version: fc.constant(PROGRESS_VERSION),
	epoch: fc.constantFrom('1970-01-01T00:00:00.000Z', '2026-01-08T09:00:00.000Z'),
	updatedAt: time,
	profile,
	quizzes: fc.dictionary(contentId, fc.record({ attempts: fc.array(quizAttempt, { maxLength: 4 }) }), { maxKeys: 3 }),
	checklists: fc.dictionary(contentId, checklist, { maxKeys: 3 }),
	selfAssessments: fc.array(selfAssessment, { maxLength: 3 }),
	feedback: fc.array(feedback, { maxLength: 2 }),
	reading: fc.dictionary(pageId, reading, { maxKeys: 3 }),
	labs: fc.dictionary(contentId, fc.record({ attempts: fc.array(labAttempt, { maxLength: 3 }) }), { maxKeys: 2 }),
	attestations: fc.array(attestation, { maxLength: 3 }),
	signOffs: fc.array(signOff, { maxLength: 3 }),
	scenarios: fc.array(scenarioRun, { maxLength: 2 }),
	hunts: fc.array(huntRun, { maxLength: 2 }),
});

/** A valid record in canonical form (what the store always holds). */
export const record = rawRecord.map(normalize);
