// zod/mini, like the other schemas the lab island ships to the browser.
import * as z from 'zod/mini';
import { VitestAssertionSchema, VitestReportSchema } from './vitest-report';

/**
 * A message from the offline runner's Web Worker to the lab page (src/lib/labs/runner/protocol.ts).
 * The page parses every message with this schema before it believes it: the learner's lab code runs
 * in that worker and can post anything, so a malformed message must fail the run, never pass it.
 */
export const RunnerMessageSchema = z.discriminatedUnion('type', [
	/** Terminal text (ANSI colours, `\n` line ends). */
	z.object({ type: z.literal('output'), text: z.string() }),
	/** One test finished (for live progress): the test file's path and Vitest's assertion result. */
	z.object({ type: z.literal('test'), file: z.string(), result: VitestAssertionSchema }),
	/** The run finished: the whole report in Vitest's JSON-reporter shape. */
	z.object({ type: z.literal('done'), report: VitestReportSchema }),
	/** The runner itself failed (a bug, not a failing check). */
	z.object({ type: z.literal('crash'), message: z.string() }),
]);
/** What the worker posts (defaults not yet applied). */
export type RunnerMessageInput = z.input<typeof RunnerMessageSchema>;
/** What the page reads after parsing. */
export type RunnerMessage = z.output<typeof RunnerMessageSchema>;
