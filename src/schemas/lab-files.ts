// zod/mini (the same zod, tree-shakable): this schema is read on every lab page before any
// interaction, where the page's JS budget is 30 KB gzip; classic zod alone would take ~90 KB.
import * as z from 'zod/mini';

/** Largest file the learner's autosave may hold, in characters (a lab file is a few KB). */
export const MAX_SAVED_FILE_CHARS = 200_000;
/** Most files one autosave may hold. */
export const MAX_SAVED_FILES = 50;

/**
 * The learner's autosaved lab files in localStorage (`qms-training:lab:<id>:files`). Only the
 * lab's editable files are stored; read-only files always come from the page.
 */
export const SavedLabFilesSchema = z.object({
	/** Format version; bump when the shape changes. */
	version: z.literal(1),
	/** When the files were last saved, ISO 8601. */
	savedAt: z.string(),
	/** Path relative to the project root (`src/auth.ts`) → file text. */
	files: z
		.record(z.string(), z.string().check(z.maxLength(MAX_SAVED_FILE_CHARS)))
		.check(z.refine((files) => Object.keys(files).length <= MAX_SAVED_FILES, `at most ${MAX_SAVED_FILES} files`)),
});
export type SavedLabFiles = z.infer<typeof SavedLabFilesSchema>;
