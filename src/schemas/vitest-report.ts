import { z } from 'astro/zod';

/**
 * The part of Vitest's JSON reporter output (`--reporter=json`) the labs use. The WebContainer
 * runner parses the file Vitest writes; the offline runner produces the same shape, so one mapping
 * (src/lib/labs/runner/report.ts) turns either into the checks list. Unknown fields are kept out.
 */
export const VitestAssertionSchema = z.object({
	/** Titles of the enclosing `describe` blocks, outermost first. */
	ancestorTitles: z.array(z.string()),
	/** The `it`/`test` title. */
	title: z.string(),
	/** Ancestor titles and title joined with spaces (Vitest's own convention). */
	fullName: z.string(),
	/** Vitest's statuses; `pending` and `todo` count as skipped. */
	status: z.enum(['passed', 'failed', 'skipped', 'pending', 'todo', 'disabled']),
	/** Milliseconds; absent for tests that did not run. */
	duration: z.number().nullish(),
	/** Error messages with stacks, one per error. */
	failureMessages: z.array(z.string()).default([]),
});
export type VitestAssertion = z.input<typeof VitestAssertionSchema>;

export const VitestFileResultSchema = z.object({
	/** Absolute path in the runner's file system (WebContainer: /home/…/test/x.test.ts). */
	name: z.string(),
	/** `failed` when any test failed or the file could not be collected. */
	status: z.enum(['passed', 'failed', 'skipped', 'pending', 'todo']).or(z.string()),
	/** Why the file failed outside any test (import error, syntax error, hook error), else "". */
	message: z.string().default(''),
	assertionResults: z.array(VitestAssertionSchema),
});
export type VitestFileResult = z.input<typeof VitestFileResultSchema>;

export const VitestReportSchema = z.object({
	/** True when nothing failed. */
	success: z.boolean(),
	testResults: z.array(VitestFileResultSchema),
});
export type VitestReport = z.input<typeof VitestReportSchema>;
