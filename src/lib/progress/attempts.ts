/**
 * Attempt policy and history of one knowledge check. Every attempt is kept; the best score is the
 * highest of them, so it never drops. `maxAttempts` null means unlimited; 2 is "retesting allowed
 * once" (003, Gate 2).
 */
import type { QuizAttempt } from '../../schemas/progress';
import { compareTime } from './time';

/** What ordering and scoring read of an attempt (a validated one, or one a page-load peek read, src/lib/progress/peek.ts). */
export type ScoredAttempt = Pick<QuizAttempt, 'id' | 'submittedAt' | 'score'>;

/** Attempts in the order they were submitted (earliest first). */
export function chronological<A extends ScoredAttempt>(attempts: readonly A[]): A[] {
	return [...attempts].sort((a, b) => compareTime(a.submittedAt, b.submittedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The attempt with the highest score (the earliest of equals), or undefined when there is none. */
export function bestAttempt<A extends ScoredAttempt>(attempts: readonly A[]): A | undefined {
	let best: A | undefined;
	for (const a of chronological(attempts)) if (!best || a.score > best.score) best = a;
	return best;
}

/** Highest score in percent, or null before the first attempt. */
export function bestScore(attempts: readonly ScoredAttempt[]): number | null {
	return bestAttempt(attempts)?.score ?? null;
}

/** The most recently submitted attempt. */
export function lastAttempt<A extends ScoredAttempt>(attempts: readonly A[]): A | undefined {
	const c = chronological(attempts);
	return c[c.length - 1];
}

/** Some attempt passed. */
export function hasPassed(attempts: readonly Pick<QuizAttempt, 'passed'>[]): boolean {
	return attempts.some((a) => a.passed);
}

/** Attempts still allowed: null when unlimited, else max − used (never below 0). */
export function attemptsLeft(maxAttempts: number | null, used: number): number | null {
	return maxAttempts === null ? null : Math.max(0, maxAttempts - used);
}

/** Whether one more attempt is allowed. Attempts merged in from another browser count too. */
export function canAttempt(maxAttempts: number | null, used: number): boolean {
	const left = attemptsLeft(maxAttempts, used);
	return left === null || left > 0;
}
