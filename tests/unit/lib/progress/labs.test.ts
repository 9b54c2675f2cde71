import { describe, expect, it } from 'vitest';
import { labSummaries } from '../../../../src/lib/progress/labs';

const run = (at: string, passed: boolean, durationMs: number) => ({ id: `id-${at}`.padEnd(10, 'x'), at, runner: 'offline' as const, passed, checks: [], durationMs });

describe('labSummaries', () => {
	it('counts attempts, finds the first pass and the fastest passing run, in the given lab order', () => {
		const labs = {
			'risk-scoring': { attempts: [run('2026-11-21T10:00:00.000Z', false, 90), run('2026-11-21T10:05:00.000Z', true, 150), run('2026-11-21T10:09:00.000Z', true, 120)] },
			'login-rate-limit': { attempts: [run('2026-11-20T09:00:00.000Z', false, 80)] },
			'never-run': { attempts: [] },
		};
		expect(labSummaries({ labs }, ['login-rate-limit', 'risk-scoring'])).toEqual([
			{ labId: 'login-rate-limit', attempts: 1, earlier: 0, firstPassAt: null, bestPassMs: null, lastAt: '2026-11-20T09:00:00.000Z' },
			{ labId: 'risk-scoring', attempts: 3, earlier: 0, firstPassAt: '2026-11-21T10:05:00.000Z', bestPassMs: 120, lastAt: '2026-11-21T10:09:00.000Z' },
		]);
	});
	it('is empty for a record with no lab runs', () => expect(labSummaries({ labs: {} })).toEqual([]));
});
