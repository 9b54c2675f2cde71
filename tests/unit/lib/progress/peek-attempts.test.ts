import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peekQuizAttempts } from '../../../../src/lib/progress/peek-attempts';
import { migrateRecord } from '../../../../src/lib/progress/migrate';
import { addQuizAttempt, emptyRecord } from '../../../../src/lib/progress/record';
import type { QuizAttempt } from '../../../../src/schemas/progress';
import { record } from './arbitraries';

const t = '2026-01-08T09:00:00.000Z';
const attempt = (over: Partial<QuizAttempt> = {}): QuizAttempt => ({
	id: 'attempt-0001',
	startedAt: t,
	submittedAt: t,
	answers: { q1: 'a', q2: ['b', 'c'], q3: true },
	correct: 2,
	total: 3,
	score: 66.7,
	passMark: 80,
	passed: false,
	...over,
});
const withAttempts = (...attempts: unknown[]) => JSON.parse(JSON.stringify({ ...emptyRecord(t), quizzes: { q: { attempts } } })) as unknown;

describe('peekQuizAttempts', () => {
	it('returns a valid record’s attempts exactly as the validated record has them', () => {
		fc.assert(
			fc.property(record, (r) => {
				const parsed = JSON.parse(JSON.stringify(r)) as unknown;
				const validated = migrateRecord(parsed);
				if (!validated.ok) throw new Error('the arbitrary record does not validate');
				for (const [id, history] of Object.entries(validated.record.quizzes)) expect(peekQuizAttempts(parsed, id)).toEqual(history.attempts);
			}),
			{ numRuns: 50 },
		);
	});

	it('keeps the attempts in shape and leaves out each one with a field of the wrong type or out of its limits', () => {
		const good = attempt();
		const bad = [
			{ ...good, answers: null },
			{ ...good, answers: { q1: 3 } },
			{ ...good, answers: { q1: ['x', 7] } },
			{ ...good, answers: { q1: 'x'.repeat(121) } },
			{ ...good, answers: { q1: new Array(101).fill('a') } },
			{ ...good, id: 'x'.repeat(65) },
			{ ...good, submittedAt: 42 },
			{ ...good, correct: 4 },
			{ ...good, total: 0 },
			{ ...good, correct: 1.5 },
			{ ...good, score: 101 },
			{ ...good, passMark: Number.NaN },
			{ ...good, passed: 'yes' },
			'💥',
			null,
		];
		expect(peekQuizAttempts(withAttempts(...bad, good), 'q')).toEqual([good]);
	});

	it('finds nothing for a knowledge check that is not there, a record out of shape, or an inherited key', () => {
		expect(peekQuizAttempts(withAttempts(attempt()), 'other')).toEqual([]);
		expect(peekQuizAttempts(withAttempts(attempt()), 'constructor')).toEqual([]);
		expect(peekQuizAttempts(null, 'q')).toEqual([]);
		expect(peekQuizAttempts({ quizzes: [] }, 'q')).toEqual([]);
		expect(peekQuizAttempts({ quizzes: { q: { attempts: 'many' } } }, 'q')).toEqual([]);
	});

	it('reads the record an attempt was added to by the store’s own reducer', () => {
		const r = addQuizAttempt(emptyRecord(t), 'q', attempt());
		expect(peekQuizAttempts(JSON.parse(JSON.stringify(r)), 'q')).toEqual([attempt()]);
	});
});
