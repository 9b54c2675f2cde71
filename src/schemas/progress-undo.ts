/**
 * The undo slot (localStorage key `qms-training:progress-undo`): the record as it was before
 * the last import or reset, so either can be undone and the previous record downloaded.
 * zod/mini for the same reason as ./progress.ts.
 */
import * as z from 'zod/mini';
import { IsoTime } from './progress';

export const UndoSnapshotSchema = z.object({
	/** What replaced the record. */
	kind: z.enum(['import', 'reset']),
	/** When. */
	at: IsoTime,
	/** The previous record (any supported version; migrated when read). */
	record: z.unknown(),
});
export type UndoSnapshot = z.infer<typeof UndoSnapshotSchema>;
