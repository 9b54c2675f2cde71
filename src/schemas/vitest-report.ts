// zod/mini (the same zod, tree-shakable): the lab island's browser bundle shares zod's core with
// the page's first script, so classic zod here would put ~15 KB gzip on every lab page load.
import * as z from 'zod/mini';

/**
 * The part of Vitest's JSON reporter output (`--reporter=json`) the labs use. The WebContainer
 * runner parses the file Vitest writes; the offline runner produces the same shape, so one mapping
 * (src/lib/labs/runner/report.ts) turns either into the checks list. Unknown fields are dropped.
 */
export const VitestAssertionSchema = z.object({
	/** Titles of the enclosing `describe` blocks, outermost first. */
	ancestorTitles: z.array(z.string()),
	/** The `it`/`test` title. */
	title: z.string(),
	/** Ancestor titles and title joined with spaces (Vitest's own convention). */
	fullName: z.string(),
	/** Vitest's statuses; `pending`, `todo` and `disabled` count as skipped. */
	status: z.enum(['passed', 'failed', 'skipped', 'pending', 'todo', 'disabled']),
	/** Milliseconds; absent or null for tests that did not run. */
	duration: z.nullish(z.number()),
	/** Error messages with stacks, one per error. */
	failureMessages: z._default(z.array(z.string()), []),
});
export type VitestAssertion = z.input<typeof VitestAssertionSchema>;

export const VitestFileResultSchema = z.object({
	/** Path of the test file (absolute in the runner's file system; project-relative offline). */
	name: z.string(),
	/** `failed` when any test failed or the file could not be collected. */
	status: z.string(),
	/** Why the file failed outside any test (import, syntax, suite factory or hook error), else "". */
	message: z._default(z.string(), ''),
	assertionResults: z.array(VitestAssertionSchema),
});
export type VitestFileResult = z.input<typeof VitestFileResultSchema>;

export const VitestReportSchema = z.object({
	/** True when nothing failed. */
	success: z.boolean(),
	testResults: z.array(VitestFileResultSchema),
});
export type VitestReport = z.input<typeof VitestReportSchema>;
