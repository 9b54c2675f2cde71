import type { LabCheck, LabResult } from '../../schemas/lab-result';
import { LIMITS } from '../../schemas/limits';
import type { LabAttempt } from '../../schemas/progress';

/** A check name cut to LIMITS.labCheckName characters (with "…"), so a long test title is kept rather than refused. */
export function checkName(name: string): string {
	return name.length <= LIMITS.labCheckName ? name : `${name.slice(0, LIMITS.labCheckName - 1)}…`;
}

/** A check with its name cut to the one limit (checkName), as the lab result carries it (LabCheckSchema). */
export function boundedCheck(check: LabCheck): LabCheck {
	return check.name.length <= LIMITS.labCheckName ? check : { ...check, name: checkName(check.name) };
}

/**
 * A lab run as the learner record keeps it (issue 4: "a pass is recorded in progress with
 * attempts and time"): each check reduced to passed / not passed (a skipped check is not a pass),
 * names cut to the record's limit, at most LIMITS.labChecks checks, the time rounded to whole
 * milliseconds. The store adds the attempt id.
 */
export function toLabAttempt(result: LabResult): Omit<LabAttempt, 'id'> {
	return {
		at: result.at,
		runner: result.runner,
		passed: result.passed,
		checks: result.checks.slice(0, LIMITS.labChecks).map((c) => ({ name: checkName(c.name), passed: c.status === 'pass' })),
		durationMs: Math.round(result.durationMs),
	};
}
