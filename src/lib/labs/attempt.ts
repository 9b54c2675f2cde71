import type { LabResult } from '../../schemas/lab-result';
import type { LabAttempt } from '../../schemas/progress';

/**
 * A lab run as the learner record keeps it (issue 4: "a pass is recorded in progress with
 * attempts and time"): each check reduced to passed / not passed (a skipped check is not a pass),
 * the time rounded to whole milliseconds. The store adds the attempt id.
 */
export function toLabAttempt(result: LabResult): Omit<LabAttempt, 'id'> {
	return {
		at: result.at,
		runner: result.runner,
		passed: result.passed,
		checks: result.checks.map((c) => ({ name: c.name, passed: c.status === 'pass' })),
		durationMs: Math.round(result.durationMs),
	};
}
