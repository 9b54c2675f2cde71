import { describe, expect, it } from 'vitest';
import type { QuizAttempt } from '../../../../src/schemas/progress';
import { attemptsLeft, bestAttempt, bestScore, canAttempt, chronological, hasPassed, lastAttempt } from '../../../../src/lib/progress/attempts';

const attempt = (id: string, submittedAt: string, score: number, passMark = 80): QuizAttempt => ({
	id,
	startedAt: submittedAt,
	submittedAt,
	answers: {},
	correct: score / 20,
	total: 5,
	score,
	passMark,
	passed: score >= passMark,
});
const a1 = attempt('attempt-one', '2026-01-08T09:00:00.000Z', 60);
const a2 = attempt('attempt-two', '2026-01-08T10:00:00.000Z', 100);
const a3 = attempt('attempt-three', '2026-01-08T11:00:00.000Z', 80);

describe('attempt history', () => {
	it('best score is the highest, last attempt the latest, in any input order', () => {
		expect(bestScore([a3, a1, a2])).toBe(100);
		expect(bestAttempt([a3, a1, a2])?.id).toBe('attempt-two');
		expect(lastAttempt([a2, a3, a1])?.id).toBe('attempt-three');
		expect(chronological([a3, a1, a2]).map((a) => a.id)).toEqual(['attempt-one', 'attempt-two', 'attempt-three']);
	});
	it('no attempts: no best score, not passed', () => {
		expect(bestScore([])).toBeNull();
		expect(lastAttempt([])).toBeUndefined();
		expect(hasPassed([])).toBe(false);
	});
	it('passed once means passed, even if a later attempt failed', () => {
		expect(hasPassed([a2, attempt('attempt-four', '2026-01-09T09:00:00.000Z', 20)])).toBe(true);
		expect(hasPassed([a1])).toBe(false);
	});
});

describe('retake policy', () => {
	it('unlimited when maxAttempts is null', () => {
		expect(attemptsLeft(null, 12)).toBeNull();
		expect(canAttempt(null, 12)).toBe(true);
	});
	it('003 Gate 2 "retesting allowed once": 2 attempts in all', () => {
		expect(attemptsLeft(2, 0)).toBe(2);
		expect(canAttempt(2, 1)).toBe(true);
		expect(attemptsLeft(2, 1)).toBe(1);
		expect(canAttempt(2, 2)).toBe(false);
		expect(attemptsLeft(2, 2)).toBe(0);
	});
	it('attempts merged from another browser can exceed the limit; none are left then', () => {
		expect(attemptsLeft(2, 3)).toBe(0);
		expect(canAttempt(2, 3)).toBe(false);
	});
});
