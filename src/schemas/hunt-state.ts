/**
 * A find-it-fast hunt in progress (src/lib/hunt/run.ts `HuntState`), saved by the hunt bar after
 * every change so the hunt follows the learner across pages and survives reloads and pauses
 * (storage key `qms-training:hunt`). Browser-side, so `zod/mini`. A stored value that does not fit
 * is backed up and dropped by the storage adapter; the learner then starts a new hunt (finished
 * hunts live in the learner record, `hunts`).
 */
import * as z from 'zod/mini';

const Text = (max: number) => z.string().check(z.maxLength(max));
/** Milliseconds since the epoch (or a duration in ms). */
const Ms = z.number().check(z.gte(0), z.lte(8.64e15));

/** A clue (src/lib/hunt/targets.ts `Clue`). */
const ClueSchema = z.object({
	/** Two keywords of the page. */
	topic: Text(400),
	/** Program label. */
	program: Text(100),
	/** Role labels. */
	role: Text(400),
	/** Phase or week. */
	phase: Text(200),
	/** Kind label. */
	kind: Text(50),
});

export const HuntStateSchema = z.object({
	/** Id the run gets in the learner record. */
	id: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
	/** Seed of the draw. */
	seed: z.int().check(z.gte(0), z.lte(0xffff_ffff)),
	/** When the hunt started. */
	startedAt: Ms,
	/** The targets, in order, with how each went. */
	targets: z
		.array(
			z.object({
				/** Page id. */
				page: z.string().check(z.regex(/^[a-z0-9][a-z0-9._/-]{0,299}$/)),
				/** Page title. */
				title: Text(300),
				clue: ClueSchema,
				/** open (timer running), pending, found, skipped or timed-out. */
				status: z.enum(['open', 'pending', 'found', 'skipped', 'timed-out']),
				/** Time spent, ms. */
				ms: Ms,
			}),
		)
		.check(z.minLength(1), z.maxLength(20)),
	/** Index of the open target; targets.length when finished. */
	current: z.int().check(z.gte(0), z.lte(20)),
	/** When the open target's timer last started; null while paused or finished. */
	runningSince: z.nullable(Ms),
	/** When the hunt finished; null while running. */
	finishedAt: z.nullable(Ms),
	/** The run was written to the learner record. */
	recorded: z.boolean(),
});
export type HuntStateStored = z.infer<typeof HuntStateSchema>;
