/**
 * A drill run in progress, saved by the <Scenario> island after every change so the run resumes
 * after a reload (storage key `qms-training:scenario-run:<scenario id>`). Browser-side, so
 * `zod/mini`. A stored value that does not fit is backed up and dropped by the storage adapter;
 * the learner then starts the drill again (finished runs live in the learner record, not here). A
 * finished run stays here only while recording it in the learner record failed (e.g. storage
 * full): the island tries again on the next load and removes it once recorded.
 */
import * as z from 'zod/mini';

const Id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,119}$/));
const Minute = z.int().check(z.gte(0), z.lte(1_000_000));
const Text = z.string().check(z.maxLength(4000));

/** An answer as src/lib/scenarios/engine.ts `Answer`. */
const AnswerSchema = z.union([Text, z.array(Id).check(z.maxLength(100)), z.record(Id, Id)]);

/** The engine's `RunState`. */
export const RunStateSchema = z.object({
	/** Scenario id. */
	scenario: Id,
	/** Simulated minute now. */
	minute: Minute,
	/** Index of the open step. */
	step: z.int().check(z.gte(0), z.lte(500)),
	/** Minute the open step opened. */
	openedAt: Minute,
	/** Inject ids fired. */
	fired: z.array(Id).check(z.maxLength(500)),
	/** How each closed step closed. */
	results: z.array(z.object({ step: Id, answer: z.optional(AnswerSchema), decidedAt: Minute, doneAt: Minute, share: z.number().check(z.gte(0), z.lte(1)), timedOut: z.boolean() })).check(z.maxLength(500)),
	/** The exercise log. */
	log: z.array(z.object({ minute: Minute, kind: z.enum(['start', 'inject', 'step', 'decision', 'feedback', 'timeout', 'hint', 'milestone', 'end']), text: Text, role: z.optional(Id) })).check(z.maxLength(2000)),
	/** All steps closed. */
	finished: z.boolean(),
});

export const SavedRunSchema = z.object({
	/** Format of this saved value. */
	version: z.literal(1),
	/** When the run was started (real time, ISO). */
	startedAt: z.iso.datetime(),
	/** Real milliseconds played so far (pauses and time away excluded). */
	realMs: z.int().check(z.gte(0)),
	/** Real milliseconds since the simulated clock last moved a whole minute. */
	carryMs: z.number().check(z.gte(0)),
	/** When the run finished (real time, ISO); set once it finished and could not be recorded yet. */
	finishedAt: z.optional(z.iso.datetime()),
	/** The engine state. */
	state: RunStateSchema,
});
export type SavedRun = z.infer<typeof SavedRunSchema>;
