// zod/mini (the same zod, tree-shakable), like the other schemas the lab island ships to the
// browser; it composes with classic zod schemas (both are zod v4 core types).
import * as z from 'zod/mini';
import { LIMITS } from './limits';

/**
 * The outcome of one "Run checks" on a lab, the same for both runners (WebContainer and the
 * offline worker). Dispatched on `document` as `CustomEvent('lab:result', { detail })` so the
 * progress store can record the attempt (issue 4: "a pass is recorded in progress").
 */

/** One check = one test case of the lab's own test files (or one test file that failed to run). */
export const LabCheckSchema = z.object({
	/**
	 * Suite titles and test title joined with " › ", e.g. "login › locks after 5 failures"; a file
	 * path for a file that failed to run. At most LIMITS.labCheckName characters, the limit the
	 * learner record keeps (src/schemas/progress.ts); run-checks cuts longer names with "…".
	 */
	name: z.string().check(z.minLength(1, { error: 'is empty' }), z.maxLength(LIMITS.labCheckName, { error: `is longer than ${LIMITS.labCheckName} characters` })),
	/** `skip` covers skipped and todo tests. */
	status: z.enum(['pass', 'fail', 'skip']),
	/** First lines of the assertion or error message, for failed checks. */
	message: z.optional(z.string()),
});
export type LabCheck = z.output<typeof LabCheckSchema>;

export const LabRunnerSchema = z.enum(['webcontainer', 'offline']);
export type LabRunner = z.output<typeof LabRunnerSchema>;

export const LabResultSchema = z.object({
	/** Lab id (folder name under labs/). */
	labId: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
	/** Which runner produced the result. */
	runner: LabRunnerSchema,
	/** True when at least one check passed and none failed. */
	passed: z.boolean(),
	/** Every check, in the order the test files declare them. */
	checks: z.array(LabCheckSchema),
	/** Wall time from "Run checks" to results, in milliseconds. */
	durationMs: z.number().check(z.nonnegative()),
	/** When the run finished, ISO 8601 UTC (`Date.prototype.toISOString`). */
	at: z.iso.datetime(),
});
export type LabResult = z.output<typeof LabResultSchema>;
