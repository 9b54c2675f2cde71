/**
 * The lead's roster as kept in this browser when they opt in (Team progress page,
 * localStorage key `qms-training:team-roster`, written through src/runtime/storage.ts).
 * Each learner's record is checked as a stored learner record of any supported version
 * (src/lib/progress/migrate.ts); one bad record makes the whole value damaged, so the adapter sets
 * the raw text aside as a backup instead of the page dropping a learner silently.
 * zod/mini, like ./progress.ts.
 */
import * as z from 'zod/mini';
import { migrateRecord } from '../lib/progress/migrate';
import { IsoTime } from './progress';

/** Storage name (the adapter adds the `qms-training:` prefix). */
export { TEAM_ROSTER_KEY } from '../lib/team/roster-key';
/** Most learners kept (the page reads at most 200 files at a time: src/lib/team/cohort.ts). */
export const MAX_ROSTER = 200;

export const TeamRosterSchema = z.object({
	/** Format version of this value. */
	version: z.literal(1),
	/** When the lead's browser last saved it. */
	savedAt: IsoTime,
	learners: z
		.array(
			z.object({
				/** Names of the export files read for the learner. */
				files: z.array(z.string().check(z.maxLength(255))).check(z.minLength(1), z.maxLength(100)),
				/** Newest export read. */
				exportedAt: IsoTime,
				/** The learner record (merged from those files), any supported version. */
				record: z.unknown().check(z.refine((r) => migrateRecord(r).ok, { message: 'not a valid learner record' })),
			}),
		)
		.check(z.maxLength(MAX_ROSTER)),
});
export type TeamRoster = z.infer<typeof TeamRosterSchema>;
