import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arrive, elapsed, endHunt, formatMs, isFinished, isPaused, pause, resume, score, skip, startHunt, tick, TARGET_LIMIT_MS, type HuntState } from '../../../../src/lib/hunt/run';
import type { HuntTarget } from '../../../../src/lib/hunt/targets';

const target = (i: number): HuntTarget => ({ page: `p/${i}`, title: `Page ${i}`, clue: { topic: 'a, b', program: 'P', role: 'R', phase: 'no phase', kind: 'Module' } });
const five = [0, 1, 2, 3, 4].map(target);
const T0 = 1_000_000;

describe('hunt run', () => {
	it('finding every target in under 2 minutes passes, with the time per target', () => {
		let s = startHunt('run-00000001', 7, five, T0);
		let t = T0;
		for (let i = 0; i < 5; i++) {
			s = arrive(s, 'p/elsewhere', (t += 10_000)); // another page: nothing changes
			s = arrive(s, `p/${i}`, (t += 20_000));
		}
		expect(isFinished(s)).toBe(true);
		expect(s.targets.map((x) => [x.status, x.ms])).toEqual(five.map(() => ['found', 30_000]));
		expect(score(s)).toEqual({ found: 5, total: 5, passed: true });
		expect(s.finishedAt).toBe(t);
	});

	it('arriving on a later target does not count; only the open one', () => {
		const s = arrive(startHunt('run-00000001', 7, five, T0), 'p/3', T0 + 1000);
		expect(s.current).toBe(0);
		expect(s.targets[3]!.status).toBe('pending');
	});

	it('at 2 minutes the open target times out, the next opens, and the hunt cannot pass', () => {
		let s = startHunt('run-00000001', 7, five, T0);
		s = tick(s, T0 + TARGET_LIMIT_MS - 1);
		expect(s.current).toBe(0);
		s = tick(s, T0 + TARGET_LIMIT_MS);
		expect(s.targets[0]).toMatchObject({ status: 'timed-out', ms: TARGET_LIMIT_MS });
		expect(s.current).toBe(1);
		expect(elapsed(s, T0 + TARGET_LIMIT_MS + 5000)).toBe(5000);
		// Arriving on the timed-out page later finds nothing.
		s = arrive(s, 'p/0', T0 + TARGET_LIMIT_MS + 6000);
		expect(s.current).toBe(1);
		s = endHunt(s, T0 + TARGET_LIMIT_MS + 7000);
		expect(score(s)).toEqual({ found: 0, total: 5, passed: false });
		expect(s.targets.slice(1).every((x) => x.status === 'skipped')).toBe(true);
	});

	it('arriving exactly at the limit is too late ("<2 minutes", 001)', () => {
		const s = arrive(startHunt('run-00000001', 7, five, T0), 'p/0', T0 + TARGET_LIMIT_MS);
		expect(s.targets[0]!.status).toBe('timed-out');
	});

	it('pause stops the clock, resume restarts it; a paused hunt never times out', () => {
		let s = startHunt('run-00000001', 7, five, T0);
		s = pause(s, T0 + 60_000);
		expect(isPaused(s)).toBe(true);
		s = tick(s, T0 + 10 * 60_000);
		expect(s.current).toBe(0);
		expect(elapsed(s, T0 + 10 * 60_000)).toBe(60_000);
		s = resume(s, T0 + 10 * 60_000);
		s = arrive(s, 'p/0', T0 + 10 * 60_000 + 59_000);
		expect(s.targets[0]).toMatchObject({ status: 'found', ms: 119_000 });
	});

	it('skip gives up the open target with its time', () => {
		const s = skip(startHunt('run-00000001', 7, five, T0), T0 + 4000);
		expect(s.targets[0]).toMatchObject({ status: 'skipped', ms: 4000 });
		expect(s.targets[1]!.status).toBe('open');
	});

	it('a clock that goes back never makes negative times', () => {
		expect(elapsed(startHunt('run-00000001', 7, five, T0), T0 - 5000)).toBe(0);
	});

	it('formats times as m:ss', () => {
		expect(formatMs(0)).toBe('0:00');
		expect(formatMs(65_999)).toBe('1:05');
		expect(formatMs(120_000)).toBe('2:00');
	});

	// Any sequence of arrivals, skips, pauses, resumes and ticks: a hunt never passes with a target at or over 2 minutes.
	it('property: never passes with a target over the limit, and times are never negative', () => {
		const action = fc.record({
			kind: fc.constantFrom('arrive-right', 'arrive-wrong', 'skip', 'pause', 'resume', 'tick', 'end'),
			wait: fc.nat(200_000),
		});
		fc.assert(
			fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
				let s: HuntState = startHunt('run-00000001', 1, five, T0);
				let now = T0;
				for (const a of actions) {
					now += a.wait;
					const open = s.targets[s.current]?.page ?? 'none';
					s =
						a.kind === 'arrive-right' ? arrive(s, open, now)
						: a.kind === 'arrive-wrong' ? arrive(s, 'p/none', now)
						: a.kind === 'skip' ? skip(s, now)
						: a.kind === 'pause' ? pause(s, now)
						: a.kind === 'resume' ? resume(s, now)
						: a.kind === 'end' ? endHunt(s, now)
						: tick(s, now);
				}
				for (const t of s.targets) expect(t.ms).toBeGreaterThanOrEqual(0);
				if (score(s).passed) {
					expect(s.targets.every((t) => t.status === 'found' && t.ms < TARGET_LIMIT_MS)).toBe(true);
				}
				for (const t of s.targets) if (t.status === 'found') expect(t.ms).toBeLessThan(TARGET_LIMIT_MS);
			}),
			{ numRuns: 500 },
		);
	});
});

describe('huntRunRecord', () => {
	it('is null until the hunt is finished, then a run the record schema accepts', async () => {
		const { huntRunRecord } = await import('../../../../src/lib/hunt/record');
		const { HuntRunSchema } = await import('../../../../src/schemas/progress');
		let s = startHunt('run-00000001', 99, five, Date.UTC(2026, 10, 30, 9));
		expect(huntRunRecord(s)).toBeNull();
		s = skip(s, s.startedAt + 1000);
		s = tick(s, s.startedAt + 1000 + TARGET_LIMIT_MS);
		s = endHunt(s, s.startedAt + 200_000);
		const run = huntRunRecord(s)!;
		expect(run).toMatchObject({ id: 'run-00000001', seed: 99, limitMs: 120_000, passed: false, startedAt: '2026-11-30T09:00:00.000Z' });
		expect(run.targets.map((t) => t.status)).toEqual(['skipped', 'timed-out', 'skipped', 'skipped', 'skipped']);
		expect(HuntRunSchema.safeParse(run).success).toBe(true);
		// The schema refuses a run that claims a pass it did not earn.
		expect(HuntRunSchema.safeParse({ ...run, passed: true }).success).toBe(false);
	});
});
