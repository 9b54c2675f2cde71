/**
 * The export file: one JSON object wrapping the learner record (see ./progress.ts) with its
 * schema version, export time and a SHA-256 checksum of the record's canonical JSON
 * (src/lib/progress/canonical.ts). zod/mini for the same reason as ./progress.ts.
 */
import * as z from 'zod/mini';
import { IsoTime, Sha256Hex } from './progress';

/** Value of `format`: tells our files from any other JSON. */
export const EXPORT_FORMAT = 'qms-training-progress';

/** Largest import accepted, in bytes (issue 3: "size limit 5 MB"). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const ExportEnvelopeSchema = z.object({
	/** Always EXPORT_FORMAT. */
	format: z.literal(EXPORT_FORMAT),
	/** Version of the record inside (ProgressSchema `version`). */
	schemaVersion: z.int().check(z.gte(1)),
	/** When the file was made. */
	exportedAt: IsoTime,
	/** Checksum of the canonical JSON of `record`. */
	checksum: z.object({ algorithm: z.literal('SHA-256'), value: Sha256Hex }),
	/** The learner record; validated after migration to the current version. */
	record: z.unknown(),
});
export type ExportEnvelope = z.infer<typeof ExportEnvelopeSchema>;
