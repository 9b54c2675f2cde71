import { describe, expect, it } from 'vitest';
import { toLabAttempt } from '../../../../src/lib/labs/attempt';
import { LabAttemptSchema } from '../../../../src/schemas/progress';
import { LIMITS } from '../../../../src/schemas/limits';

describe('toLabAttempt', () => {
	it('keeps runner, verdict and time, and counts only passing checks as passed', () => {
		const attempt = toLabAttempt({
			labId: 'login-rate-limit',
			runner: 'offline',
			passed: false,
			checks: [
				{ name: 'locks after five failures', status: 'pass' },
				{ name: "returns 'Rate limit exceeded'", status: 'fail', message: 'expected undefined' },
				{ name: 'todo', status: 'skip' },
			],
			durationMs: 123.6,
			at: '2026-11-21T06:00:00.000Z',
		});
		expect(attempt).toEqual({
			at: '2026-11-21T06:00:00.000Z',
			runner: 'offline',
			passed: false,
			checks: [
				{ name: 'locks after five failures', passed: true },
				{ name: "returns 'Rate limit exceeded'", passed: false },
				{ name: 'todo', passed: false },
			],
			durationMs: 124,
		});
		expect(LabAttemptSchema.safeParse({ ...attempt, id: 'a1b2c3d4' }).success).toBe(true);
	});

	it('cuts a check name longer than the record allows instead of losing the run', () => {
		const long = 'x'.repeat(LIMITS.labCheckName + 50);
		const attempt = toLabAttempt({ labId: 'a', runner: 'offline', passed: true, checks: [{ name: long, status: 'pass' }], durationMs: 1, at: '2026-11-21T06:00:00.000Z' });
		expect(attempt.checks[0]!.name).toHaveLength(LIMITS.labCheckName);
		expect(attempt.checks[0]!.name.endsWith('…')).toBe(true);
		expect(LabAttemptSchema.safeParse({ ...attempt, id: 'a1b2c3d4' }).success).toBe(true);
		expect(LabAttemptSchema.safeParse({ ...attempt, id: 'a1b2c3d4', checks: [{ name: long, passed: true }] }).success).toBe(false);
	});
});
