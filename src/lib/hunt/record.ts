/**
 * A finished hunt (./run.ts) as the learner record keeps it (`hunts`, HuntRunSchema in
 * src/schemas/progress.ts, record version 5).
 */
import type { HuntRun } from '../../schemas/progress';
import { isFinished, score, TARGET_LIMIT_MS, type HuntState } from './run';

/** The run to record, or null while the hunt is not finished. Times become ISO 8601 UTC. */
export function huntRunRecord(s: HuntState): HuntRun | null {
	if (!isFinished(s) || s.finishedAt === null || s.targets.length === 0) return null;
	return {
		id: s.id,
		startedAt: new Date(s.startedAt).toISOString(),
		finishedAt: new Date(Math.max(s.finishedAt, s.startedAt)).toISOString(),
		seed: s.seed,
		limitMs: TARGET_LIMIT_MS,
		targets: s.targets.map((t) => ({
			page: t.page,
			title: t.title,
			status: t.status === 'found' ? 'found' : t.status === 'timed-out' ? 'timed-out' : 'skipped',
			ms: Math.round(t.ms),
		})),
		passed: score(s).passed,
	};
}
